/**
 * The body of the DOCX export: title, organ line, preambular paragraphs (first-line indent, italic
 * opener), operative paragraphs (number, hanging indent, italic verb), sub-paragraphs one step further
 * in per depth, the closing, and — in a compilation — each block's negotiation notes.
 */
import { Paragraph, Tab, TabStopType, TextRun, type ParagraphChild } from 'docx';
import type { ExportBlock, ExportDocument } from './document.ts';
import { isBracketed, positionsParagraph, proposalParagraphs, proposedHeading, statusTag } from './docx-compilation.ts';
import { AFTER, inlineRuns, JUSTIFIED, STEP, type FootnoteSink } from './docx-layout.ts';
import { labelledLeft, labelledStyle, STYLE } from './docx-styles.ts';

/** Footnotes known to the document and those already referenced, shared by every part. */
export interface NoteContext {
  known: ReadonlySet<number>;
  used: FootnoteSink;
}

function textLeft(block: ExportBlock): number {
  return block.kind === 'preambular' && block.depth === 0 ? STEP : labelledLeft(block.depth);
}

function blockParagraph(block: ExportBlock, notes: NoteContext): Paragraph {
  const runs = inlineRuns(block.inlines, notes.known, notes.used);
  const body: ParagraphChild[] = isBracketed(block) ? [new TextRun('['), ...runs, new TextRun(']')] : runs;
  const tag = statusTag(block);
  if (tag) body.push(tag);
  if (block.kind === 'preambular' && block.depth === 0) return new Paragraph({ style: STYLE.preamble, children: body });
  const label = new TextRun({ children: [block.label, new Tab()] });
  const style = labelledStyle(block.depth);
  if (style) return new Paragraph({ style, children: [label, ...body] });
  const left = labelledLeft(block.depth);
  return new Paragraph({
    alignment: JUSTIFIED, spacing: { after: AFTER },
    indent: { left, hanging: STEP }, tabStops: [{ type: TabStopType.LEFT, position: left }],
    children: [label, ...body],
  });
}

/** Paragraphs of one block: the paragraph itself, plus compilation notes around it. */
export function blockParagraphs(block: ExportBlock, notes: NoteContext): Paragraph[] {
  const left = textLeft(block);
  const out: Paragraph[] = [];
  if (block.negotiation) {
    const heading = proposedHeading(block, left);
    if (heading) out.push(heading);
  }
  out.push(blockParagraph(block, notes));
  if (block.negotiation) {
    out.push(...proposalParagraphs(block, left, notes.known, notes.used));
    const positions = positionsParagraph(block, left);
    if (positions) out.push(positions);
  }
  return out;
}

/**
 * Footnotes with no marker in any block (anchored on the title, or not anchored at all) are
 * referenced from the end of the title so Word still prints them, in number order.
 */
function unplacedNotes(doc: ExportDocument, notes: NoteContext): ParagraphChild[] {
  const placed = new Set<number>();
  const scan = (blocks: readonly ExportBlock[]): void => {
    for (const b of blocks) {
      for (const r of b.inlines) if (r.kind === 'footnote') placed.add(r.number);
      for (const p of b.negotiation?.proposals ?? []) for (const r of p.inlines) if (r.kind === 'footnote') placed.add(r.number);
    }
  };
  scan(doc.preamble);
  scan(doc.operative);
  const rest = doc.footnotes.filter((f) => !placed.has(f.number)).map((f) => f.number).sort((a, b) => a - b);
  return inlineRuns(rest.map((number) => ({ kind: 'footnote' as const, number })), notes.known, notes.used);
}

/** Title, organ line, all blocks and the closing. */
export function bodyParagraphs(doc: ExportDocument, notes: NoteContext): Paragraph[] {
  const out: Paragraph[] = [];
  const titleNotes = unplacedNotes(doc, notes);
  if (doc.title !== '' || titleNotes.length > 0) {
    out.push(new Paragraph({
      indent: { left: STEP, right: STEP * 2 },
      spacing: { before: 240, after: 240 },
      keepNext: true,
      children: [new TextRun({ text: doc.title, bold: true }), ...titleNotes],
    }));
  }
  if (doc.organ !== '') {
    out.push(new Paragraph({
      style: STYLE.preamble,
      keepNext: true,
      children: [new TextRun({ text: doc.organ, italics: true })],
    }));
  }
  for (const block of doc.preamble) out.push(...blockParagraphs(block, notes));
  for (const block of doc.operative) out.push(...blockParagraphs(block, notes));
  if (doc.closing.trim() !== '') {
    for (const line of doc.closing.split('\n')) {
      out.push(new Paragraph({ indent: { left: STEP }, spacing: { before: 120 }, children: [new TextRun({ text: line, italics: true })] }));
    }
  }
  return out;
}

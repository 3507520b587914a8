/**
 * The masthead of the DOCX export, as on a UN L-document: a borderless two-column table
 * ("United Nations" | symbol over a rule; organ in large bold | "Distr.: Limited", date,
 * "Original: ..."), then session, committee, agenda item, agenda title (bold), the sponsor line
 * (names regular, ": draft resolution" italic) and the additional sponsors apart.
 */
import {
  AlignmentType, BorderStyle, Paragraph, Table, TableCell, TableRow, TextRun, VerticalAlignTable, WidthType,
  type IBorderOptions, type ParagraphChild, type TableVerticalAlign,
} from 'docx';
import type { ExportDocument } from './document.ts';
import { AFTER, andList, SIZE, STEP, TEXT_WIDTH } from './docx-layout.ts';

const NONE: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'auto' };
const RULE: IBorderOptions = { style: BorderStyle.SINGLE, size: 12, color: '000000' };
const LEFT_COL = Math.round(TEXT_WIDTH * 0.55);
const RIGHT_COL = TEXT_WIDTH - LEFT_COL;

function cell(children: Paragraph[], width: number, bottom: IBorderOptions, align: TableVerticalAlign = VerticalAlignTable.BOTTOM): TableCell {
  return new TableCell({
    children,
    width: { size: width, type: WidthType.DXA },
    verticalAlign: align,
    borders: { top: NONE, left: NONE, right: NONE, bottom },
    margins: { top: 40, bottom: 60, left: 0, right: 0 },
  });
}

function lines(texts: readonly string[], size: number): Paragraph[] {
  return texts.map((text) => new Paragraph({ children: [new TextRun({ text, size })] }));
}

/** Distribution as printed: the masthead's, else "Limited" for drafts and "General" for adopted texts. */
function distribution(doc: ExportDocument): string {
  if (doc.masthead.distribution.trim() !== '') return doc.masthead.distribution.trim();
  return doc.kind === 'draft-resolution' || doc.kind === 'draft-decision' ? 'Limited' : 'General';
}

/** The organ printed large in the masthead: the masthead's, else inferred from the symbol. */
export function organName(doc: ExportDocument): string {
  if (doc.masthead.organName.trim() !== '') return doc.masthead.organName.trim();
  return /^S\//.test(doc.baseSymbol) ? 'Security Council' : 'General Assembly';
}

function mastheadTable(doc: ExportDocument): Table {
  const right: string[] = [`Distr.: ${distribution(doc)}`];
  if (doc.masthead.date.trim() !== '') right.push(doc.masthead.date.trim());
  if (doc.masthead.originalLanguage.trim() !== '') right.push('', `Original: ${doc.masthead.originalLanguage.trim()}`);
  const top = new TableRow({
    children: [
      cell([new Paragraph({ children: [new TextRun({ text: 'United Nations', size: SIZE.body })] })], LEFT_COL, RULE),
      cell([new Paragraph({
        alignment: AlignmentType.RIGHT,
        children: [new TextRun({ text: doc.masthead.symbol, size: SIZE.symbol, bold: true })],
      })], RIGHT_COL, RULE),
    ],
  });
  const organ = new TableRow({
    children: [
      cell([new Paragraph({
        spacing: { before: 120 },
        children: [new TextRun({ text: organName(doc), size: SIZE.organ, bold: true })],
      })], LEFT_COL, RULE, VerticalAlignTable.TOP),
      cell(lines(right, SIZE.body), RIGHT_COL, RULE, VerticalAlignTable.TOP),
    ],
  });
  return new Table({
    rows: [top, organ],
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [LEFT_COL, RIGHT_COL],
    borders: { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE },
  });
}

/**
 * Sponsor line runs: names in regular type, ": draft resolution" (or ": revised draft resolution")
 * in italic. The line is taken as the ExportDocument prints it; only the split point is looked for.
 */
export function sponsorRuns(line: string): ParagraphChild[] {
  const at = line.lastIndexOf(': ');
  if (at < 0) return [new TextRun(line)];
  return [new TextRun(line.slice(0, at)), new TextRun({ text: line.slice(at), italics: true })];
}

/** Masthead table and the heading lines down to the sponsors. */
export function mastheadParts(doc: ExportDocument): (Paragraph | Table)[] {
  const m = doc.masthead;
  const out: (Paragraph | Table)[] = [mastheadTable(doc)];
  const plain = (text: string, opts: { bold?: boolean; before?: number } = {}): Paragraph => new Paragraph({
    spacing: { before: opts.before ?? 0, after: 0 },
    keepNext: true,
    children: [new TextRun({ text, bold: opts.bold === true })],
  });
  const heads: Paragraph[] = [];
  if (m.session.trim() !== '') heads.push(plain(m.session.trim(), { before: 240 }));
  if (m.committee.trim() !== '') heads.push(plain(m.committee.trim(), { bold: true }));
  if (m.agendaItem.trim() !== '') heads.push(plain(`Agenda item ${m.agendaItem.trim()}`, { before: 120 }));
  if (m.agendaTitle.trim() !== '') heads.push(plain(m.agendaTitle.trim(), { bold: true }));
  out.push(...heads);
  if (m.adoptionNote.trim() !== '') {
    out.push(new Paragraph({ spacing: { before: 240 }, keepNext: true, children: [new TextRun({ text: m.adoptionNote.trim(), bold: true })] }));
  }
  if (doc.sponsorLine !== '') {
    out.push(new Paragraph({
      indent: { left: STEP, right: STEP },
      spacing: { before: 360, after: AFTER },
      keepNext: true,
      children: sponsorRuns(doc.sponsorLine),
    }));
  }
  if (doc.additionalSponsors.length > 0) {
    out.push(new Paragraph({
      indent: { left: STEP, right: STEP },
      spacing: { after: AFTER },
      keepNext: true,
      children: [new TextRun({ text: 'Additional sponsors: ', italics: true }), new TextRun(andList(doc.additionalSponsors))],
    }));
  }
  if (doc.compilation) {
    out.push(new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 240, after: AFTER },
      children: [new TextRun({ text: 'Compilation text: pending proposals shown inline and attributed', bold: true, size: SIZE.small })],
    }));
  }
  return out;
}

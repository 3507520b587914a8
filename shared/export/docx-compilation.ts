/**
 * The compilation parts of the DOCX export: what the chair circulates between meetings. Each block
 * carries its status tag, a "OP5 bis [Brazil]" heading when the paragraph itself is proposed, its
 * pending proposals (attributed, with co-signers) and a one-line positions summary. Only renders what
 * the ExportDocument's `negotiation` says; nothing is re-derived here.
 */
import { Paragraph, TextRun, type ParagraphChild } from 'docx';
import type { ParagraphStatus, Stance } from '../negotiation/layout.ts';
import type { ExportBlock, Proposal } from './document.ts';
import { AFTER, andList, inlineRuns, SIZE, tagRun, type FootnoteSink } from './docx-layout.ts';

const STATUS_LABEL: Record<ParagraphStatus, string> = {
  pending: 'pending',
  bracketed: 'bracketed',
  'agreed-ad-ref': 'agreed ad ref',
  agreed: 'agreed',
};

type CountedStance = Exclude<Stance, 'none'>;
const STANCE_ORDER: readonly CountedStance[] = ['support', 'can-accept', 'oppose', 'reservation'];
const STANCE_LABEL: Record<CountedStance, string> = {
  support: 'support', 'can-accept': 'can accept', oppose: 'oppose', reservation: 'reservation',
};

/** Paragraph style ids the compilation uses (declared in docx.ts). */
export const COMPILATION_STYLES = { note: 'CompilationNote', proposal: 'CompilationProposal' } as const;

/** "[agreed ad ref]" etc., small, after the paragraph text. */
export function statusTag(block: ExportBlock): TextRun | null {
  return block.negotiation ? tagRun(STATUS_LABEL[block.negotiation.status]) : null;
}

/** Bracketed paragraphs print their text inside [ ]. */
export function isBracketed(block: ExportBlock): boolean {
  return block.negotiation?.status === 'bracketed';
}

/** "OP5 bis [Brazil]" heading (with co-signers) above a paragraph that a pending insert proposes. */
export function proposedHeading(block: ExportBlock, left: number): Paragraph | null {
  const by = block.negotiation?.proposedBy;
  if (!by) return null;
  const children: ParagraphChild[] = [
    new TextRun({ text: `${block.ref} [${by.delegation}]`, bold: true }),
  ];
  if (by.cosigners.length > 0) children.push(new TextRun(`, co-signed by ${andList(by.cosigners)}`));
  children.push(new TextRun(' — proposed new paragraph'));
  return new Paragraph({ style: COMPILATION_STYLES.note, keepNext: true, indent: { left }, children });
}

function proposalHead(p: Proposal): ParagraphChild[] {
  const who = p.cosigners.length > 0 ? `${p.by}; co-signed by ${andList(p.cosigners)}` : p.by;
  const runs: ParagraphChild[] = [new TextRun({ text: `Proposal [${who}]`, bold: true })];
  if (p.stale) runs.push(new TextRun({ text: ' (drafted against an earlier text)', italics: true }));
  return runs;
}

/** The block's own runs already show this amendment's words (a sole wording proposal is shown in place). */
function shownInline(block: ExportBlock, p: Proposal): boolean {
  return block.inlines.some((r) => (r.kind === 'ins' || r.kind === 'del') && r.amendmentId === p.amendmentId);
}

function proposalBody(p: Proposal, block: ExportBlock, known: ReadonlySet<number>, used: FootnoteSink): ParagraphChild[] {
  const ref = block.ref;
  switch (p.kind) {
    case 'delete':
      return [new TextRun(`: delete ${ref}`)];
    case 'move':
      return [new TextRun(p.moveAfter === '' ? `: move ${ref} to the beginning` : `: move ${ref} to follow ${p.moveAfter}`)];
    case 'wording':
    case 'insert':
      // A sole wording is already shown in the paragraph's own text; several are each shown here in full.
      if (p.kind === 'wording' && shownInline(block, p)) return [new TextRun({ text: ': new wording shown in the text above', italics: true })];
      // The proposer is named in the head, so its own runs need no tag; others' would keep theirs.
      return [new TextRun(p.kind === 'wording' ? ': ' : ': insert '), ...inlineRuns(p.inlines, known, used, p.by)];
  }
}

/** Each pending proposal on the block, as a small indented paragraph under it. */
export function proposalParagraphs(block: ExportBlock, left: number, known: ReadonlySet<number>, used: FootnoteSink): Paragraph[] {
  const out: Paragraph[] = [];
  for (const p of block.negotiation?.proposals ?? []) {
    const children = [...proposalHead(p), ...proposalBody(p, block, known, used)];
    if (p.rationale.trim() !== '') children.push(new TextRun({ text: ` Rationale: ${p.rationale.trim()}`, italics: true }));
    out.push(new Paragraph({ style: COMPILATION_STYLES.proposal, indent: { left }, keepNext: true, children }));
  }
  return out;
}

/** "Positions: support 5 (A, B, C, D and E); oppose 1 (F)" or "Positions: none recorded". */
export function positionsText(block: ExportBlock): string {
  const neg = block.negotiation;
  if (!neg) return '';
  const parts: string[] = [];
  for (const stance of STANCE_ORDER) {
    const count = neg.positions[stance] ?? 0;
    if (count <= 0) continue;
    const names = neg.positionsBy[stance] ?? [];
    parts.push(names.length > 0 ? `${STANCE_LABEL[stance]} ${count} (${names.join(', ')})` : `${STANCE_LABEL[stance]} ${count}`);
  }
  return `Positions on ${block.ref}: ${parts.length > 0 ? parts.join('; ') : 'none recorded'}`;
}

/** The positions summary line under a block. */
export function positionsParagraph(block: ExportBlock, left: number): Paragraph | null {
  if (!block.negotiation) return null;
  return new Paragraph({
    style: COMPILATION_STYLES.note,
    indent: { left },
    spacing: { after: AFTER },
    children: [new TextRun({ text: positionsText(block), italics: true })],
  });
}

/** Paragraph style definitions for the compilation notes (smaller type, tight spacing). */
export const compilationStyles = [
  {
    id: COMPILATION_STYLES.note, name: 'Compilation note', basedOn: 'Normal', quickFormat: true,
    run: { size: SIZE.small }, paragraph: { spacing: { after: 40 } },
  },
  {
    id: COMPILATION_STYLES.proposal, name: 'Compilation proposal', basedOn: 'Normal', quickFormat: true,
    run: { size: SIZE.footnote }, paragraph: { spacing: { after: 40 } },
  },
];

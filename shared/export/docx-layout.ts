/**
 * Shared measurements and run helpers of the DOCX export (docx.ts and its parts), so the masthead,
 * body and compilation parts line up on the same indentation grid. Units are twips (1/20 pt) for
 * lengths and half-points for font sizes, as WordprocessingML wants them.
 */
import { AlignmentType, FootnoteReferenceRun, TextRun, UnderlineType, type ParagraphChild } from 'docx';
import type { Inline } from './document.ts';

export const FONT = 'Times New Roman';
/** A4 portrait, in twips. */
export const PAGE = { width: 11906, height: 16838 } as const;
/** UN documents have wide side margins; 2.2 cm here. */
export const MARGIN = { top: 1418, bottom: 1134, left: 1247, right: 1247, header: 709, footer: 567 } as const;
export const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
/** One indentation step (1.27 cm): the body column is set one step in from the masthead. */
export const STEP = 720;
/** Body text size (10 pt, as UN print) and smaller sizes for annotations. */
export const SIZE = { body: 20, footnote: 17, small: 16, organ: 34, symbol: 24 } as const;
/** Space after a body paragraph (6 pt). */
export const AFTER = 120;
export const JUSTIFIED = AlignmentType.JUSTIFIED;

/** Ids of footnotes that have a reference in the body; filled while runs are made. */
export type FootnoteSink = Set<number>;

/**
 * Runs of one paragraph's inline content. Footnote markers become real Word footnote references
 * (only for footnotes the document defines, so Word never sees a dangling id). Compilation runs:
 * insertions underlined, deletions struck through, each amendment's words followed by its delegation
 * in brackets once — a replacement (del then ins of one amendment) is tagged once, after both.
 * `untagged` names a delegation whose runs need no tag (a proposal already headed with its name).
 */
export function inlineRuns(
  inlines: readonly Inline[], known: ReadonlySet<number>, used: FootnoteSink, untagged = '',
): ParagraphChild[] {
  const runs: ParagraphChild[] = [];
  for (let i = 0; i < inlines.length; i++) {
    const run = inlines[i];
    switch (run.kind) {
      case 'text':
        if (run.text !== '') runs.push(new TextRun(run.italic ? { text: run.text, italics: true } : run.text));
        break;
      case 'footnote':
        if (known.has(run.number) && !used.has(run.number)) {
          used.add(run.number);
          runs.push(new FootnoteReferenceRun(run.number));
        }
        break;
      case 'ins':
      case 'del': {
        runs.push(new TextRun(run.kind === 'ins'
          ? { text: run.text, underline: { type: UnderlineType.SINGLE } }
          : { text: run.text, strike: true }));
        const next = inlines[i + 1];
        const sameAmendment = next !== undefined && (next.kind === 'ins' || next.kind === 'del') && next.amendmentId === run.amendmentId;
        if (!sameAmendment && run.by !== untagged) runs.push(tagRun(run.by));
        break;
      }
    }
  }
  return runs;
}

/** A small attribution / status tag such as " [Brazil]". */
export function tagRun(label: string, opts: { bold?: boolean; leadingSpace?: boolean } = {}): TextRun {
  return new TextRun({ text: `${opts.leadingSpace === false ? '' : ' '}[${label}]`, size: SIZE.small, bold: opts.bold === true });
}

/** "A, B and C" — the UN list style used for co-signers and position summaries. */
export function andList(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

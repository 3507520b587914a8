/**
 * The read-only page of a resolution (a revision's snapshot): ResolutionJSON flattened to lines with
 * their derived labels and references (shared/resolution/numbering.ts, as the editor numbers them),
 * the italic opener of each PP and OP (shared/resolution/openers.ts), footnote markers numbered in
 * document order, and each paragraph's status. Pure; ResolutionDocument.tsx draws it.
 */
import type { ParagraphStatus, StatusEntry } from '../../shared/negotiation/layout.ts';
import { resolutionToBlocks } from '../../shared/resolution/blocks.ts';
import { sequentialIds } from '../../shared/resolution/ids.ts';
import { numberBlocks } from '../../shared/resolution/numbering.ts';
import { openerRange } from '../../shared/resolution/openers.ts';
import type { ResolutionJSON } from '../../shared/resolution/types.ts';

/** A run of text (italic for an opener) or a footnote marker. */
export type DocSegment = { kind: 'text'; text: string; italic: boolean } | { kind: 'footnote'; number: number };

export type LineType = 'title' | 'organ' | 'preambular' | 'operative' | 'closing';

/** One block of the page. */
export interface DocLine {
  /** The paragraph id for PPs and OPs (what statuses are keyed by); generated for other lines. */
  id: string;
  type: LineType;
  /** 0 for paragraphs, 1.. for sub-paragraphs, -1 for title, organ and closing. */
  depth: number;
  /** "5." for OP5, "(a)", "(i)", "1.1"; '' for PPs and other lines. */
  label: string;
  /** "PP3", "OP5 (a)"; '' for other lines. */
  ref: string;
  status: ParagraphStatus;
  segments: DocSegment[];
}

export interface DocModel {
  lines: DocLine[];
  footnotes: Array<{ number: number; text: string }>;
}

const LINE_TYPES: readonly string[] = ['title', 'organ', 'preambular', 'operative', 'closing'];

/** Cuts `text` at the opener end and at footnote offsets into segments. */
function segmentsOf(text: string, italicEnd: number, notes: ReadonlyArray<{ offset: number; number: number }>): DocSegment[] {
  const cuts = new Set<number>([0, text.length, ...notes.map((n) => n.offset)]);
  if (italicEnd > 0) cuts.add(italicEnd);
  const points = [...cuts].filter((p) => p >= 0 && p <= text.length).sort((a, b) => a - b);
  const out: DocSegment[] = [];
  for (let i = 0; i < points.length; i++) {
    for (const n of notes) if (n.offset === points[i]) out.push({ kind: 'footnote', number: n.number });
    const next = points[i + 1];
    if (next === undefined) break;
    const piece = text.slice(points[i], next);
    if (piece) out.push({ kind: 'text', text: piece, italic: points[i] < italicEnd });
  }
  return out;
}

/** The page of `res` with the statuses of a snapshot (absent = pending). */
export function documentModel(res: ResolutionJSON, statuses: Readonly<Record<string, StatusEntry>> = {}): DocModel {
  const blocks = resolutionToBlocks(res, { newId: sequentialIds('ro') }).filter((b) => LINE_TYPES.includes(b.type));
  const numbers = numberBlocks(blocks);
  const footnotes: DocModel['footnotes'] = [];
  const lines = blocks.map((b, i): DocLine => {
    const n = numbers[i];
    const notes = b.footnotes.map((f) => {
      footnotes.push({ number: footnotes.length + 1, text: f.text });
      return { offset: f.offset, number: footnotes.length };
    });
    // As in the editor, only paragraphs (not sub-paragraphs) open with an italic phrase.
    const range = n.kind !== null && n.depth === 0 ? openerRange(n.kind, b.text.slice(0, 160)) : null;
    return {
      id: b.id,
      type: b.type as LineType,
      depth: n.depth,
      label: n.label,
      ref: n.ref,
      status: statuses[b.id]?.status ?? 'pending',
      segments: segmentsOf(b.text, range ? range[1] : 0, notes),
    };
  });
  return { lines, footnotes };
}

/** Plain text of a line (markers left out): what tests and copy see. */
export function lineText(line: DocLine): string {
  return line.segments.map((s) => (s.kind === 'text' ? s.text : '')).join('');
}

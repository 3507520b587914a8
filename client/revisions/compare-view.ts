/**
 * The view model of a comparison (shared/compare/align.ts → what ComparisonView draws): one row per
 * aligned pair with its status, the paragraph reference on each side, and the text cut into pieces
 * (kept, inserted, deleted) for the side-by-side columns and for the single inline column. Pure.
 */
import type { ComparePair, Comparison, CompareStatus, CompareSummary } from '../../shared/compare/align.ts';

/** A run of text: kept on both sides, inserted (new side only) or deleted (old side only). */
export interface Piece {
  kind: 'same' | 'ins' | 'del';
  text: string;
}

/** One aligned pair, ready to draw. A side is null when the paragraph does not exist there. */
export interface CompareRow {
  /** Stable React key (position plus the paragraph ids). */
  key: string;
  status: CompareStatus;
  /** A changed pair that also left its relative order. */
  reordered: boolean;
  /** "PP3", "OP5 (a)", "Title"; '' when the side is absent. */
  oldRef: string;
  newRef: string;
  /** Old column: kept + deleted pieces. */
  old: Piece[] | null;
  /** New column: kept + inserted pieces. */
  new: Piece[] | null;
  /** Inline column: the new text with deletions struck where they stood. */
  inline: Piece[];
}

/** Words shown for each status. */
export const STATUS_LABEL: Readonly<Record<CompareStatus, string>> = {
  unchanged: 'unchanged', changed: 'changed', new: 'new', deleted: 'deleted', moved: 'moved',
};

/** Order of the counts in the summary line (what changed first). */
const SUMMARY_ORDER: readonly CompareStatus[] = ['changed', 'new', 'deleted', 'moved', 'unchanged'];

const merge = (pieces: Piece[]): Piece[] => {
  const out: Piece[] = [];
  for (const p of pieces) {
    if (p.text === '') continue;
    const last = out[out.length - 1];
    if (last && last.kind === p.kind) last.text += p.text;
    else out.push({ ...p });
  }
  return out;
};

/** The pieces of one pair for each column. */
export function pairPieces(pair: ComparePair): Pick<CompareRow, 'old' | 'new' | 'inline'> {
  const oldText = pair.old?.text;
  const newText = pair.new?.text;
  if (pair.status === 'changed' && pair.diff) {
    const kind = (op: 'equal' | 'insert' | 'delete'): Piece['kind'] => (op === 'equal' ? 'same' : op === 'insert' ? 'ins' : 'del');
    const all = pair.diff.map((o) => ({ kind: kind(o.op), text: o.text }));
    return {
      old: merge(all.filter((p) => p.kind !== 'ins')),
      new: merge(all.filter((p) => p.kind !== 'del')),
      inline: merge(all),
    };
  }
  if (pair.status === 'new') return { old: null, new: merge([{ kind: 'ins', text: newText ?? '' }]), inline: merge([{ kind: 'ins', text: newText ?? '' }]) };
  if (pair.status === 'deleted') return { old: merge([{ kind: 'del', text: oldText ?? '' }]), new: null, inline: merge([{ kind: 'del', text: oldText ?? '' }]) };
  // unchanged, moved, or a changed pair without a diff (never sent by the server; drawn as old → new).
  if (pair.status === 'changed' && oldText !== newText) {
    return {
      old: merge([{ kind: 'del', text: oldText ?? '' }]),
      new: merge([{ kind: 'ins', text: newText ?? '' }]),
      inline: merge([{ kind: 'del', text: oldText ?? '' }, { kind: 'ins', text: newText ?? '' }]),
    };
  }
  const same = merge([{ kind: 'same', text: newText ?? oldText ?? '' }]);
  return { old: pair.old ? same : null, new: pair.new ? same : null, inline: same };
}

export interface RowOptions {
  /** Leave out unchanged pairs (moved ones stay: their place changed). */
  hideUnchanged?: boolean;
}

/** The rows to draw, in the comparison's order. */
export function compareRows(comparison: Comparison, options: RowOptions = {}): CompareRow[] {
  const rows: CompareRow[] = [];
  comparison.pairs.forEach((pair, i) => {
    if (options.hideUnchanged && pair.status === 'unchanged') return;
    rows.push({
      key: `${i}:${pair.old?.id ?? ''}:${pair.new?.id ?? ''}`,
      status: pair.status,
      reordered: pair.reordered === true,
      oldRef: pair.old?.ref ?? '',
      newRef: pair.new?.ref ?? '',
      ...pairPieces(pair),
    });
  });
  return rows;
}

/** "2 changed, 1 new, 0 deleted, 1 moved, 14 unchanged (18 paragraphs)". */
export function summaryText(summary: CompareSummary): string {
  const counts = SUMMARY_ORDER.map((s) => `${summary[s]} ${STATUS_LABEL[s]}`).join(', ');
  return `${counts} (${summary.total} paragraph${summary.total === 1 ? '' : 's'})`;
}

/** "OP3", "OP3 → OP4" when the paragraph's reference differs between the sides. */
export function rowRefs(row: Pick<CompareRow, 'oldRef' | 'newRef'>): string {
  if (row.oldRef && row.newRef) return row.oldRef === row.newRef ? row.oldRef : `${row.oldRef} → ${row.newRef}`;
  return row.oldRef || row.newRef;
}

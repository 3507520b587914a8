/**
 * Word-level three-way merge for amendments: `base` is the text an amendment was drafted against,
 * `ours` the paragraph as it stands now, `theirs` the amendment's wording. Both sides are diffed against
 * the base (shared/diff/word-diff.ts); changes that do not touch merge, identical changes merge once,
 * and changes that overlap or touch differently are reported as conflicts — never settled silently.
 */
import { diffWords } from '../diff/word-diff.ts';

/** One change of one side against the base: base range [from, to) becomes `text`. */
export interface Hunk {
  from: number;
  to: number;
  text: string;
}

/** A region both sides changed differently, with its place in each of the three texts. */
export interface Conflict {
  /** Base text of the region and its range in `base`. */
  base: string;
  baseFrom: number;
  baseTo: number;
  /** What `ours` has there, and its range in `ours`. */
  ours: string;
  oursFrom: number;
  oursTo: number;
  /** What `theirs` has there, and its range in `theirs`. */
  theirs: string;
  theirsFrom: number;
  theirsTo: number;
}

export type MergeResult = { ok: true; text: string } | { ok: false; conflicts: Conflict[] };

/** The changes turning `base` into `next`, as hunks in base coordinates (sorted, never touching each other). */
export function changeHunks(base: string, next: string): Hunk[] {
  const hunks: Hunk[] = [];
  let at = 0;
  let open: Hunk | null = null;
  for (const op of diffWords(base, next, { semanticCleanup: false })) {
    if (op.op === 'equal') {
      if (open) { hunks.push(open); open = null; }
      at += op.text.length;
      continue;
    }
    open ??= { from: at, to: at, text: '' };
    if (op.op === 'delete') { at += op.text.length; open.to = at; } else open.text += op.text;
  }
  if (open) hunks.push(open);
  return hunks;
}

/** Apply sorted, non-overlapping hunks (base coordinates) to base[lo, hi). */
function applyHunks(base: string, lo: number, hi: number, hunks: readonly Hunk[]): string {
  let out = '';
  let at = lo;
  for (const h of hunks) {
    out += base.slice(at, h.from) + h.text;
    at = h.to;
  }
  return out + base.slice(at, hi);
}

/** Length change of a hunk. */
const delta = (h: Hunk): number => h.text.length - (h.to - h.from);

interface Tagged extends Hunk { side: 'ours' | 'theirs' }

/**
 * Three-way merge of `ours` and `theirs` against `base`. Two changes conflict when their base ranges
 * overlap or touch (an insertion right at the edge of the other side's change counts: its intent is
 * ambiguous), unless both sides made the very same change there.
 */
export function mergeText(base: string, ours: string, theirs: string): MergeResult {
  if (ours === theirs) return { ok: true, text: ours };
  if (ours === base) return { ok: true, text: theirs };
  if (theirs === base) return { ok: true, text: ours };
  const all: Tagged[] = [
    ...changeHunks(base, ours).map((h) => ({ ...h, side: 'ours' as const })),
    ...changeHunks(base, theirs).map((h) => ({ ...h, side: 'theirs' as const })),
  ].sort((a, b) => a.from - b.from || a.to - b.to);

  let text = '';
  let at = 0;
  // Offsets of ours/theirs relative to base, accumulated over the hunks before the current cluster.
  let shiftOurs = 0;
  let shiftTheirs = 0;
  const conflicts: Conflict[] = [];
  for (let i = 0; i < all.length;) {
    const cluster: Tagged[] = [all[i]];
    let lo = all[i].from;
    let hi = all[i].to;
    for (i++; i < all.length && all[i].from <= hi; i++) {
      cluster.push(all[i]);
      hi = Math.max(hi, all[i].to);
      lo = Math.min(lo, all[i].from);
    }
    const mine = cluster.filter((h) => h.side === 'ours');
    const yours = cluster.filter((h) => h.side === 'theirs');
    const oursText = applyHunks(base, lo, hi, mine);
    const theirsText = applyHunks(base, lo, hi, yours);
    text += base.slice(at, lo);
    if (mine.length === 0) text += theirsText;
    else if (yours.length === 0 || oursText === theirsText) text += oursText;
    else {
      conflicts.push({
        base: base.slice(lo, hi), baseFrom: lo, baseTo: hi,
        ours: oursText, oursFrom: lo + shiftOurs, oursTo: lo + shiftOurs + oursText.length,
        theirs: theirsText, theirsFrom: lo + shiftTheirs, theirsTo: lo + shiftTheirs + theirsText.length,
      });
    }
    at = hi;
    shiftOurs += mine.reduce((s, h) => s + delta(h), 0);
    shiftTheirs += yours.reduce((s, h) => s + delta(h), 0);
  }
  if (conflicts.length > 0) return { ok: false, conflicts };
  return { ok: true, text: text + base.slice(at) };
}

/** How the chair settles one conflict: one side's text, or a hand-written replacement. */
export type Resolution = 'ours' | 'theirs' | { text: string };

/**
 * Settle conflicts by hand: the merge with every conflict replaced by the chosen text (one choice per
 * conflict, in order). Returns null if the choices do not match the conflicts of this merge.
 */
export function resolveConflicts(base: string, ours: string, theirs: string, choices: readonly Resolution[]): string | null {
  const merged = mergeText(base, ours, theirs);
  if (merged.ok) return choices.length === 0 ? merged.text : null;
  if (choices.length !== merged.conflicts.length) return null;
  // Rebuild from "ours" with each conflict region swapped: ours is exact outside the conflicts except for
  // clean changes from theirs, which a merge of ours against a theirs-with-resolutions re-applies.
  let settledTheirs = '';
  let at = 0;
  merged.conflicts.forEach((c, k) => {
    const choice = choices[k];
    const pick = choice === 'ours' ? c.ours : choice === 'theirs' ? c.theirs : choice.text;
    settledTheirs += theirs.slice(at, c.theirsFrom) + pick;
    at = c.theirsTo;
  });
  settledTheirs += theirs.slice(at);
  // Ours with the same regions settled, so the second merge sees identical changes there.
  let settledOurs = '';
  at = 0;
  merged.conflicts.forEach((c, k) => {
    const choice = choices[k];
    const pick = choice === 'ours' ? c.ours : choice === 'theirs' ? c.theirs : choice.text;
    settledOurs += ours.slice(at, c.oursFrom) + pick;
    at = c.oursTo;
  });
  settledOurs += ours.slice(at);
  const again = mergeText(base, settledOurs, settledTheirs);
  return again.ok ? again.text : null;
}

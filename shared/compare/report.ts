/**
 * The readable form of a Comparison (what `penholder compare` prints without --json): one line per
 * pair with status and refs, and for changed pairs the text with [-deleted-]{+inserted+} markers.
 */
import type { DiffOp } from '../diff/word-diff.ts';
import type { ComparePair, Comparison } from './align.ts';

/** Inline diff markup: deletions as [-…-], insertions as {+…+}, as `git diff --word-diff` prints them. */
export function markupDiff(ops: readonly DiffOp[]): string {
  return ops.map((o) => (o.op === 'equal' ? o.text : o.op === 'delete' ? `[-${o.text}-]` : `{+${o.text}+}`)).join('');
}

const STATUS_WIDTH = 9;

function refs(p: ComparePair): string {
  if (p.old && p.new) return p.old.ref === p.new.ref ? p.old.ref : `${p.old.ref} → ${p.new.ref}`;
  return p.old?.ref ?? p.new?.ref ?? '';
}

const excerpt = (text: string, max = 80): string => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

function label(c: Comparison, side: 'old' | 'new'): string {
  const s = c[side];
  return s.symbol || excerpt(s.title, 60) || '(untitled)';
}

/** The whole report, ending with a newline. Unchanged pairs get one line each so the alignment stays visible. */
export function formatComparison(c: Comparison): string {
  const lines = [`Comparing ${label(c, 'old')} (old) with ${label(c, 'new')} (new)`, ''];
  for (const p of c.pairs) {
    const status = (p.reordered ? 'changed*' : p.status).padEnd(STATUS_WIDTH);
    const text = p.new?.text ?? p.old?.text ?? '';
    lines.push(`${status} ${refs(p).padEnd(16)} ${excerpt(text)}`);
    if (p.status === 'changed' && p.diff) lines.push(`          ${markupDiff(p.diff)}`, '');
  }
  const s = c.summary;
  lines.push(
    '',
    `Summary: ${s.unchanged} unchanged, ${s.changed} changed, ${s.moved} moved, ${s.new} new, ${s.deleted} deleted (${s.total} in all)`,
  );
  if (c.pairs.some((p) => p.reordered)) lines.push('changed* = reworded and moved');
  return `${lines.join('\n')}\n`;
}

/** A word diff rendered as text with <del>/<ins> (used for amendment cards and, later, revision comparisons). */
import { diffWords } from '../../shared/diff/word-diff.ts';

export function DiffView({ before, after, testId = 'amendment-diff' }: { before: string; after: string; testId?: string }) {
  const ops = diffWords(before, after);
  return (
    <div className="ph-neg-diff" data-testid={testId}>
      {ops.length === 0 && <span className="ph-muted">(empty)</span>}
      {ops.map((o, i) =>
        o.op === 'equal' ? <span key={i}>{o.text}</span>
          : o.op === 'delete' ? <del key={i}>{o.text}</del>
          : <ins key={i}>{o.text}</ins>)}
    </div>
  );
}

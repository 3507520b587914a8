/**
 * Comparison of two texts of the draft: FROM (old) and TO (new) are each a revision, the live text
 * or another resolution pasted or uploaded (.txt). Shows the summary (counts per status), then the
 * aligned pairs with their status and PP/OP reference on each side, side by side (two columns) or
 * inline (one column with <ins>/<del>); unchanged pairs can be hidden.
 */
import { useMemo, useState, type ChangeEvent } from 'react';
import { COMPARE_STATUSES, type Comparison } from '../../shared/compare/align.ts';
import { browserDraftContext, type ApiResult, type DraftRequestContext } from '../api.ts';
import { compareSides, compareWithText, type RevisionMeta } from './api.ts';
import { defaultSides, planComparison, sideName, sideOptions, TEXT_VALUE, type SideValue } from './compare-plan.ts';
import { compareRows, rowRefs, STATUS_LABEL, summaryText, type CompareRow, type Piece } from './compare-view.ts';
import { Overlay } from './Overlay.tsx';

export interface ComparisonViewProps {
  draftId: string;
  /** The timeline, oldest first. */
  revisions: readonly RevisionMeta[];
  /** Preselected sides (select values, see compare-plan.ts). */
  initial?: { from: SideValue; to: SideValue };
  onClose: () => void;
  ctx?: DraftRequestContext;
}

/** Largest file read from an upload; the server refuses bigger bodies anyway. */
const MAX_FILE_BYTES = 2 * 1024 * 1024;

function Pieces({ pieces }: { pieces: readonly Piece[] }) {
  return (
    <>
      {pieces.map((p, i) => (p.kind === 'ins' ? <ins key={i}>{p.text}</ins> : p.kind === 'del' ? <del key={i}>{p.text}</del> : <span key={i}>{p.text}</span>))}
    </>
  );
}

function Row({ row, mode }: { row: CompareRow; mode: 'side' | 'inline' }) {
  const status = row.reordered ? 'changed and moved' : STATUS_LABEL[row.status];
  return (
    <li className={`ph-cmp-row ph-cmp-${row.status}`} data-testid="compare-row" data-status={row.status}
      data-old-ref={row.oldRef || undefined} data-new-ref={row.newRef || undefined}>
      <div className="ph-cmp-meta">
        <span className={`ph-cmp-status ph-cmp-status-${row.status}`} data-testid="compare-status">{status}</span>
        <span className="ph-cmp-refs" data-testid="compare-refs">{rowRefs(row)}</span>
      </div>
      {mode === 'side' ? (
        <div className="ph-cmp-columns">
          <div className="ph-cmp-cell" data-testid="compare-old">
            {row.old ? <><span className="ph-cmp-ref">{row.oldRef}</span> <Pieces pieces={row.old} /></> : <span className="ph-muted">—</span>}
          </div>
          <div className="ph-cmp-cell" data-testid="compare-new">
            {row.new ? <><span className="ph-cmp-ref">{row.newRef}</span> <Pieces pieces={row.new} /></> : <span className="ph-muted">—</span>}
          </div>
        </div>
      ) : (
        <div className="ph-cmp-cell ph-cmp-inline" data-testid="compare-inline"><Pieces pieces={row.inline} /></div>
      )}
    </li>
  );
}

function Summary({ comparison }: { comparison: Comparison }) {
  const s = comparison.summary;
  return (
    <p className="ph-cmp-summary" data-testid="compare-summary" aria-label={summaryText(s)}>
      {COMPARE_STATUSES.map((status) => (
        <span key={status} className={`ph-cmp-count ph-cmp-status-${status}`} data-testid={`count-${status}`} data-count={s[status]}>
          {s[status]} {STATUS_LABEL[status]}
        </span>
      ))}
      <span className="ph-muted" data-testid="count-total" data-count={s.total}>{s.total} paragraphs in all</span>
    </p>
  );
}

export function ComparisonView({ draftId, revisions, initial, onClose, ctx = browserDraftContext }: ComparisonViewProps) {
  const start = initial ?? defaultSides(revisions);
  const [from, setFrom] = useState<SideValue>(start.from);
  const [to, setTo] = useState<SideValue>(start.to);
  const [text, setText] = useState('');
  const [fileName, setFileName] = useState('');
  const [mode, setMode] = useState<'side' | 'inline'>('side');
  const [hideUnchanged, setHideUnchanged] = useState(false);
  const [result, setResult] = useState<{ comparison: Comparison; from: string; to: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const options = sideOptions(revisions);
  const usesText = from === TEXT_VALUE || to === TEXT_VALUE;
  const rows = useMemo(() => (result ? compareRows(result.comparison, { hideUnchanged }) : []), [result, hideUnchanged]);

  const run = async () => {
    const plan = planComparison(from, to, text);
    if (plan.kind === 'invalid') {
      setError(plan.message);
      return;
    }
    setBusy(true);
    setError(null);
    const res: ApiResult<Comparison> = plan.kind === 'sides'
      ? await compareSides(ctx, draftId, plan.from, plan.to)
      : await compareWithText(ctx, draftId, plan.draft, text, plan.textSide);
    setBusy(false);
    if (res.ok) setResult({ comparison: res.value, from: sideName(from, revisions, fileName), to: sideName(to, revisions, fileName) });
    else setError(res.error.message);
  };

  const upload = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) {
      setError(`${file.name} is larger than 2 MB; upload a plain-text resolution.`);
      return;
    }
    setText(await file.text());
    setFileName(file.name);
    setError(null);
  };

  const chooser = (id: string, label: string, value: SideValue, set: (v: SideValue) => void) => (
    <label className="ph-cmp-side">
      <span>{label}</span>
      <select className="ph-input ph-narrow" data-testid={id} value={value} onChange={(e) => set(e.target.value)}>
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    </label>
  );

  return (
    <Overlay title={<strong>Compare texts</strong>} label="Compare texts" testId="compare-view" onClose={onClose}>
      <form className="ph-cmp-form" onSubmit={(e) => { e.preventDefault(); void run(); }}>
        {chooser('compare-from', 'From (old)', from, setFrom)}
        {chooser('compare-to', 'To (new)', to, setTo)}
        <button type="submit" className="ph-button ph-primary" data-testid="compare-run" disabled={busy}>{busy ? 'Comparing…' : 'Compare'}</button>
        {usesText && (
          <div className="ph-cmp-text">
            <label htmlFor="ph-cmp-text-area">The other text ({from === TEXT_VALUE ? 'old side' : 'new side'}): paste it or upload a .txt file</label>
            <textarea id="ph-cmp-text-area" className="ph-input ph-textarea" rows={6} data-testid="compare-text" value={text}
              placeholder="Paste a resolution (for example last year's) here" onChange={(e) => { setText(e.target.value); setFileName(''); }} />
            <input type="file" accept=".txt,text/plain" data-testid="compare-file" onChange={(e) => void upload(e)} />
            {fileName && <span className="ph-muted"> {fileName}</span>}
          </div>
        )}
      </form>
      {error && <p className="ph-error" role="alert" data-testid="compare-error">{error}</p>}
      {result && (
        <section className="ph-cmp-result" data-testid="compare-result" aria-label="Comparison">
          <h3 className="ph-cmp-heading">
            <span data-testid="compare-from-name">{result.from}</span>
            {result.comparison.old.symbol && <span className="ph-muted"> ({result.comparison.old.symbol})</span>}
            {' → '}
            <span data-testid="compare-to-name">{result.to}</span>
            {result.comparison.new.symbol && <span className="ph-muted"> ({result.comparison.new.symbol})</span>}
          </h3>
          <Summary comparison={result.comparison} />
          <div className="ph-cmp-controls">
            <div role="group" aria-label="Layout">
              <button type="button" className="ph-button ph-small" aria-pressed={mode === 'side'} data-testid="compare-mode-side" onClick={() => setMode('side')}>Side by side</button>
              <button type="button" className="ph-button ph-small" aria-pressed={mode === 'inline'} data-testid="compare-mode-inline" onClick={() => setMode('inline')}>Inline</button>
            </div>
            <label className="ph-cmp-hide">
              <input type="checkbox" data-testid="compare-hide-unchanged" checked={hideUnchanged} onChange={(e) => setHideUnchanged(e.target.checked)} />
              {' '}Hide unchanged
            </label>
          </div>
          {mode === 'side' && (
            <div className="ph-cmp-columns ph-cmp-column-heads" aria-hidden="true">
              <div>{result.from}</div>
              <div>{result.to}</div>
            </div>
          )}
          <ol className={`ph-cmp-rows ph-cmp-mode-${mode}`} data-testid="compare-rows" data-mode={mode}>
            {rows.map((row) => <Row key={row.key} row={row} mode={mode} />)}
          </ol>
          {rows.length === 0 && <p className="ph-muted" data-testid="compare-nothing">Nothing differs.</p>}
        </section>
      )}
    </Overlay>
  );
}

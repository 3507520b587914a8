/**
 * The Revisions drawer: the timeline (oldest first, who issued each and when), the form the chair or
 * the secretariat issues a revision with (suggested labels, duplicate labels refused with a message),
 * and the ways into the read-only revision page and the comparison view, both full-window overlays.
 * Whether the form is offered follows shared/permissions/rules.ts canIssueRevision, as the server does.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { canIssueRevision } from '../../shared/permissions/rules.ts';
import { browserDraftContext } from '../api.ts';
import type { SideViewProps } from '../app/side-view.ts';
import { formatTimestamp } from '../app/format.ts';
import { issueRevision, listRevisions, type RevisionMeta } from './api.ts';
import { LIVE_VALUE, revValue, type SideValue } from './compare-plan.ts';
import { ComparisonView } from './ComparisonView.tsx';
import { RevisionView } from './RevisionView.tsx';
import { checkNewLabel, issuerText, suggestedLabels } from './timeline.ts';
import './revisions.css';

const ctx = browserDraftContext;

type Open = { kind: 'none' } | { kind: 'revision'; id: string } | { kind: 'compare'; initial?: { from: SideValue; to: SideValue } };

function IssueForm({ draftId, labels, onIssued }: { draftId: string; labels: readonly string[]; onIssued: (r: RevisionMeta) => void }) {
  const [label, setLabel] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const suggestions = suggestedLabels(labels, new Date());
  const effective = label.trim() || suggestions[0];

  const issue = async () => {
    const checked = checkNewLabel(labels, effective);
    if (!checked.ok) {
      setError(checked.message);
      return;
    }
    setBusy(true);
    setError(null);
    const res = await issueRevision(ctx, draftId, checked.label);
    setBusy(false);
    if (!res.ok) {
      setError(res.error.message);
      return;
    }
    setLabel('');
    onIssued(res.value);
  };

  return (
    <form className="ph-rv-issue" data-testid="issue-revision-form" onSubmit={(e) => { e.preventDefault(); void issue(); }}>
      <label htmlFor="ph-rv-label">Label of the new revision</label>
      <div className="ph-rv-issue-row">
        <input id="ph-rv-label" className="ph-input" data-testid="revision-label" value={label} placeholder={suggestions[0]} maxLength={120}
          onChange={(e) => { setLabel(e.target.value); setError(null); }} />
        <button type="submit" className="ph-button ph-primary" data-testid="issue-revision" disabled={busy}>
          {busy ? 'Issuing…' : `Issue ${effective}`}
        </button>
      </div>
      <div className="ph-rv-suggestions">
        <span className="ph-muted">Suggested:</span>
        {suggestions.map((s) => (
          <button key={s} type="button" className="ph-chip" data-testid="revision-suggestion" onClick={() => { setLabel(s); setError(null); }}>{s}</button>
        ))}
      </div>
      {error && <p className="ph-error" role="alert" data-testid="revision-error">{error}</p>}
      <p className="ph-muted ph-rv-note">A revision is a fixed snapshot of the text, sponsors, amendments, positions and statuses. It cannot be changed later.</p>
    </form>
  );
}

export function RevisionsPanel({ draftId, actor, disabled }: SideViewProps) {
  const [revisions, setRevisions] = useState<RevisionMeta[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [open, setOpen] = useState<Open>({ kind: 'none' });
  const [justIssued, setJustIssued] = useState<string | null>(null);
  const mayIssue = canIssueRevision(actor).ok && !disabled;

  const load = useCallback(async () => {
    const res = await listRevisions(ctx, draftId);
    if (res.ok) {
      setRevisions(res.value);
      setLoadError(null);
    } else setLoadError(res.error.message);
  }, [draftId]);
  useEffect(() => { void load(); }, [load]);

  const labels = useMemo(() => (revisions ?? []).map((r) => r.label), [revisions]);
  const close = useCallback(() => setOpen({ kind: 'none' }), []);

  return (
    <section className="ph-rv-panel" data-testid="revisions-panel" aria-label="Revisions">
      <h2>Revisions</h2>
      {mayIssue && (
        <IssueForm draftId={draftId} labels={labels} onIssued={(r) => { setJustIssued(r.label); void load(); }} />
      )}
      {justIssued && <p className="ph-rv-issued" role="status" data-testid="revision-issued">{justIssued} was issued.</p>}
      <div className="ph-rv-toolbar">
        <h3>Timeline</h3>
        <span className="ph-spacer" />
        <button type="button" className="ph-button ph-small" data-testid="refresh-revisions" onClick={() => void load()}>Refresh</button>
        <button type="button" className="ph-button ph-small" data-testid="open-compare" onClick={() => setOpen({ kind: 'compare' })}>Compare…</button>
      </div>
      {loadError && <p className="ph-error" role="alert" data-testid="revisions-error">Could not load the revisions: {loadError}</p>}
      {revisions === null && !loadError && <p className="ph-muted">Loading the revisions…</p>}
      {revisions !== null && revisions.length === 0 && (
        <p className="ph-muted" data-testid="no-revisions">No revision has been issued yet.{mayIssue ? '' : ' The chair or the secretariat issues them.'}</p>
      )}
      {revisions !== null && revisions.length > 0 && (
        <ol className="ph-rv-timeline" data-testid="revision-timeline">
          {revisions.map((r, i) => (
            <li key={r.id} className="ph-rv-item" data-testid="revision-item" data-label={r.label} data-revision-id={r.id}>
              <div className="ph-rv-item-head">
                <strong className="ph-rv-label">{r.label}</strong>
                <span className="ph-muted ph-rv-seq">#{r.seq}</span>
              </div>
              <div className="ph-rv-by">
                Issued by <span data-testid="revision-item-issuer">{issuerText(r.issuedBy)}</span>, <time dateTime={r.at}>{formatTimestamp(r.at)}</time>
              </div>
              <div className="ph-rv-actions">
                <button type="button" className="ph-button ph-small" data-testid="open-revision" onClick={() => setOpen({ kind: 'revision', id: r.id })}>Open</button>
                {i > 0 && (
                  <button type="button" className="ph-button ph-small" data-testid="compare-previous"
                    onClick={() => setOpen({ kind: 'compare', initial: { from: revValue(revisions[i - 1].id), to: revValue(r.id) } })}>
                    Compare with {revisions[i - 1].label}
                  </button>
                )}
                <button type="button" className="ph-button ph-small" data-testid="compare-live"
                  onClick={() => setOpen({ kind: 'compare', initial: { from: revValue(r.id), to: LIVE_VALUE } })}>
                  Compare with live text
                </button>
              </div>
            </li>
          ))}
        </ol>
      )}
      {open.kind === 'revision' && <RevisionView draftId={draftId} revisionId={open.id} onClose={close} />}
      {open.kind === 'compare' && (
        <ComparisonView draftId={draftId} revisions={revisions ?? []} initial={open.initial} onClose={close} />
      )}
    </section>
  );
}

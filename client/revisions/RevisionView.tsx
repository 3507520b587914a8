/**
 * One revision, read-only: its label, who issued it and when, what the negotiation stood at (phase,
 * amendments by status, positions recorded, paragraph statuses) and the text as a document page.
 * Loaded from `GET /revisions/:revId`; a revision never changes, so it is read once.
 */
import { useEffect, useState } from 'react';
import { browserDraftContext, type ApiError, type DraftRequestContext } from '../api.ts';
import { formatTimestamp } from '../app/format.ts';
import { getRevision, type Revision } from './api.ts';
import { Overlay } from './Overlay.tsx';
import { ResolutionDocument } from './ResolutionDocument.tsx';
import { issuerText } from './timeline.ts';

export interface RevisionViewProps {
  draftId: string;
  revisionId: string;
  onClose: () => void;
  ctx?: DraftRequestContext;
}

/** "3 proposed, 2 accepted" (statuses with none are left out); "none" when empty. */
function countBy<T>(items: readonly T[], key: (item: T) => string): string {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts.size === 0 ? 'none' : [...counts].map(([k, n]) => `${n} ${k}`).join(', ');
}

function Facts({ revision }: { revision: Revision }) {
  const statuses = Object.values(revision.statuses).filter((s) => s.status !== 'pending');
  return (
    <dl className="ph-rv-facts" data-testid="revision-facts">
      <dt>Issued</dt>
      <dd>{formatTimestamp(revision.at)} by <span data-testid="revision-issuer">{issuerText(revision.issuedBy)}</span></dd>
      <dt>Phase</dt>
      <dd>{revision.phase}{revision.tabledAt ? ` (tabled ${formatTimestamp(revision.tabledAt)})` : ''}</dd>
      <dt>Amendments</dt>
      <dd data-testid="revision-amendments">{countBy(revision.amendments, (a) => a.status)}</dd>
      <dt>Positions</dt>
      <dd>{revision.positions.length === 0 ? 'none recorded' : `${revision.positions.length} recorded`}</dd>
      <dt>Paragraph statuses</dt>
      <dd>{countBy(statuses, (s) => s.status)}</dd>
    </dl>
  );
}

export function RevisionView({ draftId, revisionId, onClose, ctx = browserDraftContext }: RevisionViewProps) {
  const [revision, setRevision] = useState<Revision | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => {
    let live = true;
    setRevision(null);
    setError(null);
    void getRevision(ctx, draftId, revisionId).then((res) => {
      if (!live) return;
      if (res.ok) setRevision(res.value);
      else setError(res.error);
    });
    return () => { live = false; };
  }, [ctx, draftId, revisionId]);

  const title = revision
    ? <><strong data-testid="revision-view-label">{revision.label}</strong> <span className="ph-rv-readonly">read-only</span></>
    : 'Revision';
  return (
    <Overlay title={title} label={revision ? `Revision ${revision.label} (read-only)` : 'Revision'} testId="revision-view" onClose={onClose}>
      {error && <p className="ph-error" role="alert" data-testid="revision-view-error">Could not open the revision: {error.message}</p>}
      {!error && !revision && <p className="ph-muted">Loading the revision…</p>}
      {revision && (
        <div className="ph-rv-layout" data-revision-id={revision.id}>
          <Facts revision={revision} />
          <ResolutionDocument resolution={revision.resolution} statuses={revision.statuses} />
        </div>
      )}
    </Overlay>
  );
}

/**
 * Side panel of amendments, grouped by paragraph in document order (PP3 / OP5 labels; proposed new
 * paragraphs as "OP5 bis" right after the paragraph they follow). A view selector (clean text / all
 * proposals / one delegation) drives both this list and the inline tracked changes through a shared view
 * store. Delegations propose from here; what each actor may do comes from shared/permissions/rules.ts.
 * The chair's merges are server calls (merge-api.ts); the undo list is the server's (GET /merges), so it
 * survives reloads and is the same for every chair's browser.
 */
import { useCallback, useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { browserDraftContext, type DraftRequestContext } from '../api.ts';
import { readAmendments, readPhase } from '../../shared/negotiation/actions.ts';
import type { Actor } from '../../shared/negotiation/layout.ts';
import { canProposeAmendment, canSetAmendmentStatus } from '../../shared/permissions/rules.ts';
import { readBlocksFromYDoc } from '../../shared/resolution/ydoc.ts';
import { AmendmentCard } from './AmendmentCard.tsx';
import { useDocSnapshot, useView } from './hooks.ts';
import { describeServerError, outOfDate } from './merge.ts';
import { acceptManyOnServer, listMerges, undoOnServer, type MergeEntry } from './merge-api.ts';
import { describeParagraphs, groupAmendments, panelAmendments, type NegotiationView } from './model.ts';
import { ProposeForm } from './ProposeForm.tsx';
import { describeRefusal } from './refusals.ts';
import { negotiationView, type ViewStore } from './view-store.ts';
import './negotiation.css';

export interface AmendmentsPanelProps {
  doc: Y.Doc;
  /** The signed-in actor (from the server's /me). */
  actor: Actor;
  /** The view shared with the TrackedChanges extension; default the page-wide store. */
  viewStore?: ViewStore;
  /** Preselects this paragraph when proposing (e.g. the paragraph holding the cursor). */
  currentParagraphId?: string;
  /** Leave out the panel's own "Amendments (N open)" heading (when the page frames it with its own). */
  hideHeading?: boolean;
  /** The draft, for the server's merge routes (absent in static renders). */
  draftId?: string;
  /** How to reach the server; default this browser's (same origin, stored token). */
  requestContext?: DraftRequestContext;
}

function readPanel(doc: Y.Doc) {
  return {
    paragraphs: describeParagraphs(readBlocksFromYDoc(doc)),
    amendments: readAmendments(doc),
    phase: readPhase(doc),
    stale: outOfDate(doc),
  };
}

const viewValue = (v: NegotiationView): string => (typeof v === 'string' ? v : `d:${v.delegation}`);
const parseView = (s: string): NegotiationView => (s === 'clean' || s === 'all' ? s : { delegation: s.slice(2) });

export function AmendmentsPanel({
  doc, actor, viewStore = negotiationView, currentParagraphId, hideHeading = false, draftId, requestContext = browserDraftContext,
}: AmendmentsPanelProps) {
  const { paragraphs, amendments, phase, stale } = useDocSnapshot(doc, readPanel);
  const server = draftId ? { ctx: requestContext, draftId } : undefined;
  // The server's recent merges, newest first (only the chair is shown them).
  const [merges, setMerges] = useState<MergeEntry[]>([]);
  const [mergeMessage, setMergeMessage] = useState('');
  const isChair = actor.role === 'chair';
  const refresh = useCallback(async (): Promise<void> => {
    if (!draftId || !isChair) return;
    const res = await listMerges(requestContext, draftId);
    if (res.ok) setMerges(res.value);
  }, [draftId, isChair, requestContext]);
  // Any status change (ours, another chair's, an undo) may change what can be undone.
  const statusKey = amendments.map((a) => `${a.id}:${a.status}`).join(',');
  useEffect(() => { void refresh(); }, [refresh, statusKey]);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [batchMessage, setBatchMessage] = useState('');
  const view = useView(viewStore);
  const [openOnly, setOpenOnly] = useState(false);
  const [proposing, setProposing] = useState(false);
  const [editingId, setEditingId] = useState<string | null>(null);

  const numbered = paragraphs.filter((p) => p.id && p.kind !== null);
  const groups = groupAmendments(paragraphs, panelAmendments(amendments, view, openOnly), amendments);
  const open = amendments.filter((a) => a.status === 'proposed').length;
  const proposeVerdict = canProposeAmendment(actor, { phase });
  const canAccept = (a: { author: string; status: 'proposed' | 'withdrawn' | 'accepted' | 'rejected' }): boolean =>
    canSetAmendmentStatus(actor, { amendment: { author: a.author, status: a.status }, to: 'accepted', phase }).ok;
  const label = (id: string): string => {
    const a = amendments.find((x) => x.id === id);
    const g = groups.find((x) => x.amendments.some((y) => y.id === id));
    return a ? `${a.author}'s amendment to ${g?.ref ?? 'a paragraph'}` : 'an amendment';
  };
  const acceptSelected = async (): Promise<void> => {
    if (!draftId) return;
    // Document order of the panel, so the merges apply top to bottom.
    const ids = groups.flatMap((g) => g.amendments.map((a) => a.id)).filter((id) => selected.has(id));
    const res = await acceptManyOnServer(requestContext, draftId, ids);
    void refresh();
    if (!res.ok) { setBatchMessage(`Nothing accepted: ${describeServerError(res.error)}`); return; }
    const { accepted, stopped } = res.value;
    setSelected(new Set(stopped ? ids.slice(accepted.length) : []));
    setBatchMessage(stopped
      ? `Accepted ${accepted.length}; stopped at ${label(stopped.id)}: ${stopped.message}`
      : `Accepted ${accepted.length}.`);
  };
  const undo = async (entry: MergeEntry): Promise<void> => {
    if (!draftId) return;
    const res = await undoOnServer(requestContext, draftId, entry.seq);
    setMergeMessage(res.ok ? `Undid the merge of ${label(res.value.amendmentId)}.` : `Could not undo: ${describeServerError(res.error)}`);
    void refresh();
  };
  const standing = merges.filter((m) => m.undoneAt === null).slice(0, 5);
  const delegations = [...new Set([...amendments.map((a) => a.author), ...(actor.delegation ? [actor.delegation] : [])])].filter(Boolean).sort();

  return (
    <section className="ph-neg-panel" data-testid="amendments-panel" aria-label="Amendments">
      {hideHeading
        ? <p className="ph-muted" data-testid="amendments-open-count">{open} open</p>
        : <h2>Amendments <span className="ph-muted" data-testid="amendments-open-count">({open} open)</span></h2>}
      <div className="ph-neg-toolbar">
        <label>Show{' '}
          <select data-testid="negotiation-view" value={viewValue(view)} onChange={(e) => viewStore.set(parseView(e.target.value))}>
            <option value="clean">Clean text</option>
            <option value="all">All proposals</option>
            {delegations.map((d) => <option key={d} value={`d:${d}`}>{d}'s proposals</option>)}
          </select>
        </label>
        <label><input type="checkbox" data-testid="amendments-open-only" checked={openOnly} onChange={(e) => setOpenOnly(e.target.checked)} /> Open only</label>
        {proposeVerdict.ok
          ? !proposing && <button type="button" className="ph-button ph-primary" data-testid="propose-amendment" onClick={() => setProposing(true)}>Propose amendment</button>
          : actor.role !== 'chair' && <span className="ph-neg-refused">{describeRefusal(proposeVerdict.reason)}</span>}
      </div>
      {actor.role === 'chair' && selected.size > 0 && (
        <div className="ph-neg-toolbar">
          <button type="button" className="ph-button ph-primary" data-testid="accept-selected" onClick={() => void acceptSelected()}>Accept selected ({selected.size})</button>
        </div>
      )}
      {batchMessage && <p className="ph-muted" role="status" data-testid="accept-selected-message">{batchMessage}</p>}
      {mergeMessage && <p className="ph-muted" role="status" data-testid="merge-message">{mergeMessage}</p>}
      {isChair && standing.length > 0 && (
        <ul className="ph-neg-undos" data-testid="merge-undos">
          {standing.map((m) => (
            <li key={m.seq} data-testid="merge-entry" data-amendment-id={m.amendmentId}>
              Merged {label(m.amendmentId)}{' '}
              {m.undoable
                ? <button type="button" className="ph-button" data-testid="undo-merge" data-amendment-id={m.amendmentId} onClick={() => void undo(m)}>Undo merge</button>
                : m.reason && <span className="ph-muted">(cannot be undone: {m.reason})</span>}
            </li>
          ))}
        </ul>
      )}
      {proposing && (
        <ProposeForm
          doc={doc} actor={actor} phase={phase} paragraphs={numbered} initialTarget={currentParagraphId}
          onCancel={() => setProposing(false)}
          onCreated={(id) => { setProposing(false); setEditingId(id); }}
        />
      )}
      {groups.length === 0 && <p className="ph-muted" data-testid="amendments-empty">No amendments{typeof view === 'string' ? '' : ` from ${view.delegation}`}.</p>}
      {groups.map((g) => (
        <div className="ph-neg-group" key={g.key} data-testid="amendment-group" data-ref={g.ref} data-paragraph-id={g.paragraphId}>
          <div className="ph-neg-group-ref">{g.ref}</div>
          {g.amendments.map((a) => (
            <AmendmentCard
              key={a.id} doc={doc} actor={actor} phase={phase} amendment={a} refLabel={g.ref} paragraphText={g.text} paragraphs={numbered}
              editing={editingId === a.id} onToggleEdit={() => setEditingId(editingId === a.id ? null : a.id)}
              stale={stale.has(a.id)}
              selected={a.status === 'proposed' && canAccept(a) ? selected.has(a.id) : undefined}
              onSelect={(on) => setSelected((cur) => { const next = new Set(cur); if (on) next.add(a.id); else next.delete(a.id); return next; })}
              server={server}
              onAccepted={() => { void refresh(); setSelected((cur) => { const next = new Set(cur); next.delete(a.id); return next; }); }}
            />
          ))}
        </div>
      ))}
    </section>
  );
}

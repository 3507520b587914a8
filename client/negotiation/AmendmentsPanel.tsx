/**
 * Side panel of amendments, grouped by paragraph in document order (PP3 / OP5 labels; proposed new
 * paragraphs as "OP5 bis" right after the paragraph they follow). A view selector (clean text / all
 * proposals / one delegation) drives both this list and the inline tracked changes through a shared view
 * store. Delegations propose from here; what each actor may do comes from shared/permissions/rules.ts.
 */
import { useState } from 'react';
import type * as Y from 'yjs';
import { undoAcceptance, type UndoRecord } from '../../shared/merge/apply-amendment.ts';
import { readAmendments, readPhase } from '../../shared/negotiation/actions.ts';
import type { Actor } from '../../shared/negotiation/layout.ts';
import { canProposeAmendment, canSetAmendmentStatus } from '../../shared/permissions/rules.ts';
import { readBlocksFromYDoc } from '../../shared/resolution/ydoc.ts';
import { AmendmentCard } from './AmendmentCard.tsx';
import { useDocSnapshot, useView } from './hooks.ts';
import { acceptMany, describeAcceptError, outOfDate, pushUndo } from './merge.ts';
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

export function AmendmentsPanel({ doc, actor, viewStore = negotiationView, currentParagraphId, hideHeading = false }: AmendmentsPanelProps) {
  const { paragraphs, amendments, phase, stale } = useDocSnapshot(doc, readPanel);
  // The chair's merges of this session, newest last: memory only, gone on reload.
  const [undos, setUndos] = useState<UndoRecord[]>([]);
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
  const acceptSelected = (): void => {
    // Document order of the panel, so the merges apply top to bottom.
    const ids = groups.flatMap((g) => g.amendments.map((a) => a.id)).filter((id) => selected.has(id));
    const out = acceptMany(doc, ids, actor.participant);
    setUndos((u) => pushUndo(u, out.accepted));
    setSelected(new Set(out.stopped ? ids.slice(out.accepted.length) : []));
    setBatchMessage(out.stopped
      ? `Accepted ${out.accepted.length}; stopped at ${label(out.stopped.id)}: ${describeAcceptError(out.stopped.outcome.error)}`
      : `Accepted ${out.accepted.length}.`);
  };
  const undo = (rec: UndoRecord): void => {
    undoAcceptance(doc, rec);
    setUndos((u) => u.filter((x) => x !== rec));
  };
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
          <button type="button" className="ph-button ph-primary" data-testid="accept-selected" onClick={acceptSelected}>Accept selected ({selected.size})</button>
        </div>
      )}
      {batchMessage && <p className="ph-muted" role="status" data-testid="accept-selected-message">{batchMessage}</p>}
      {undos.length > 0 && (
        <ul className="ph-neg-undos" data-testid="merge-undos">
          {[...undos].reverse().map((rec) => (
            <li key={`${rec.amendmentId}:${rec.prevUpdatedAt}`}>
              Merged {label(rec.amendmentId)}{' '}
              <button type="button" className="ph-button" data-testid="undo-merge" data-amendment-id={rec.amendmentId} onClick={() => undo(rec)}>Undo merge</button>
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
              onAccepted={(rec) => { setUndos((u) => pushUndo(u, [rec])); setSelected((cur) => { const next = new Set(cur); next.delete(a.id); return next; }); }}
            />
          ))}
        </div>
      ))}
    </section>
  );
}

/**
 * Side panel of amendments, grouped by paragraph in document order (PP3 / OP5 labels; proposed new
 * paragraphs as "OP5 bis" right after the paragraph they follow). A view selector (clean text / all
 * proposals / one delegation) drives both this list and the inline tracked changes through a shared view
 * store. Delegations propose from here; what each actor may do comes from shared/permissions/rules.ts.
 */
import { useState } from 'react';
import type * as Y from 'yjs';
import { readAmendments, readPhase } from '../../shared/negotiation/actions.ts';
import type { Actor } from '../../shared/negotiation/layout.ts';
import { canProposeAmendment } from '../../shared/permissions/rules.ts';
import { readBlocksFromYDoc } from '../../shared/resolution/ydoc.ts';
import { AmendmentCard } from './AmendmentCard.tsx';
import { useDocSnapshot, useView } from './hooks.ts';
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
  };
}

const viewValue = (v: NegotiationView): string => (typeof v === 'string' ? v : `d:${v.delegation}`);
const parseView = (s: string): NegotiationView => (s === 'clean' || s === 'all' ? s : { delegation: s.slice(2) });

export function AmendmentsPanel({ doc, actor, viewStore = negotiationView, currentParagraphId, hideHeading = false }: AmendmentsPanelProps) {
  const { paragraphs, amendments, phase } = useDocSnapshot(doc, readPanel);
  const view = useView(viewStore);
  const [openOnly, setOpenOnly] = useState(false);
  const [proposing, setProposing] = useState(false);
  const [editingId, setEditingId] = useState<string | null>(null);

  const numbered = paragraphs.filter((p) => p.id && p.kind !== null);
  const groups = groupAmendments(paragraphs, panelAmendments(amendments, view, openOnly), amendments);
  const open = amendments.filter((a) => a.status === 'proposed').length;
  const proposeVerdict = canProposeAmendment(actor, { phase });
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
            />
          ))}
        </div>
      ))}
    </section>
  );
}

/**
 * Draft-level sponsorship controls (in the bar under the toolbar): a delegation co-sponsors the draft or withdraws (for
 * itself only); the secretariat records a sponsor on a delegation's behalf, removes one, and marks
 * the draft tabled (later sponsors are "additional"). Rights come from rules.ts.
 */
import { useMemo, useState, type FormEvent } from 'react';
import type * as Y from 'yjs';
import type { Actor, Phase } from '../../shared/negotiation/layout.ts';
import type { SponsorEntry, SponsorKind } from '../../shared/resolution/ydoc.ts';
import { canSetPhase, canWriteDraftSponsor, speaksForDelegation } from '../../shared/permissions/rules.ts';
import { joinDraftSponsors, leaveDraftSponsors, markTabled } from '../../shared/negotiation/actions.ts';
import { findDelegation, listDirectory } from '../../shared/directory/directory.ts';
import { formatTimestamp } from './format.ts';

export interface DraftSponsorsProps {
  doc: Y.Doc;
  actor: Actor | null;
  phase: Phase;
  tabledAt: string;
  sponsors: readonly { name: string; entry: SponsorEntry }[];
  disabled: boolean;
}

/** The kind a delegation joins as: additional once tabled, main for the penholder, else co. */
export function joinKind(actor: Actor, tabled: boolean): SponsorKind {
  if (tabled) return 'additional';
  return actor.role === 'penholder' ? 'main' : 'co';
}

export function DraftSponsors({ doc, actor, phase, tabledAt, sponsors, disabled }: DraftSponsorsProps) {
  const tabled = tabledAt !== '';
  const [name, setName] = useState('');
  const [kind, setKind] = useState<SponsorKind>('co');
  const [error, setError] = useState<string | null>(null);
  const names = useMemo(() => listDirectory().map((e) => e.name), []);
  if (!actor || disabled) return tabled ? <TabledNote tabledAt={tabledAt} /> : null;

  const own = speaksForDelegation(actor) ? actor.delegation : null;
  const isSponsor = own !== null && sponsors.some((s) => s.name === own);
  const ownKind = own !== null ? joinKind(actor, tabled) : 'co';
  const mayJoin = own !== null && !isSponsor && canWriteDraftSponsor(actor, { delegation: own, phase, kind: ownKind, tabled }).ok;
  const mayLeave = own !== null && isSponsor && canWriteDraftSponsor(actor, { delegation: own, phase }).ok;
  const secretariat = actor.role === 'secretariat';
  const mayTable = !tabled && canSetPhase(actor).ok && secretariat;

  const record = (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const found = findDelegation(name);
    if (!found) {
      setError(name.trim() ? `"${name.trim()}" is not in the delegation directory.` : 'Choose a delegation.');
      return;
    }
    joinDraftSponsors(doc, found.name, kind);
    setName('');
  };

  if (!mayJoin && !mayLeave && !secretariat && !tabled) return null;
  return (
    <span className="ph-sponsor-controls" data-testid="draft-sponsors">
      {tabled && <TabledNote tabledAt={tabledAt} />}
      {mayJoin && own && (
        <button type="button" className="ph-button" data-testid="cosponsor-draft" onClick={() => joinDraftSponsors(doc, own, ownKind)}>
          {ownKind === 'main' ? 'Sponsor this draft' : 'Co-sponsor this draft'}
        </button>
      )}
      {mayLeave && own && (
        <button type="button" className="ph-button" data-testid="withdraw-sponsorship" onClick={() => leaveDraftSponsors(doc, own)}>
          Withdraw sponsorship
        </button>
      )}
      {secretariat && (
        <form className="ph-inline-form" onSubmit={record} aria-label="Record a sponsor">
          <input className="ph-input ph-narrow" list="sponsor-directory" value={name} onChange={(e) => setName(e.target.value)}
            placeholder="Delegation" aria-label="Delegation to record as sponsor" data-testid="record-sponsor-name" />
          <datalist id="sponsor-directory">{names.map((n) => <option key={n} value={n} />)}</datalist>
          <select className="ph-input ph-narrow" value={kind} onChange={(e) => setKind(e.target.value as SponsorKind)}
            aria-label="Sponsor kind" data-testid="record-sponsor-kind">
            <option value="main">Main sponsor</option>
            <option value="co">Co-sponsor</option>
            <option value="additional">Additional sponsor</option>
          </select>
          <button type="submit" className="ph-button" data-testid="record-sponsor">Record sponsor</button>
          {sponsors.length > 0 && (
            <span className="ph-sponsor-chips">
              {sponsors.map((s) => (
                <button key={s.name} type="button" className="ph-chip" title={`Remove ${s.name}`} aria-label={`Remove ${s.name} from the sponsors`}
                  onClick={() => leaveDraftSponsors(doc, s.name)}>
                  {s.name} ×
                </button>
              ))}
            </span>
          )}
        </form>
      )}
      {mayTable && (
        <button type="button" className="ph-button" data-testid="mark-tabled" onClick={() => markTabled(doc)}>Mark as tabled</button>
      )}
      {error && <span role="alert" className="ph-error">{error}</span>}
    </span>
  );
}

function TabledNote({ tabledAt }: { tabledAt: string }) {
  return (
    <span className="ph-tabled" data-testid="tabled">
      Tabled <time dateTime={tabledAt}>{formatTimestamp(tabledAt)}</time>
    </span>
  );
}

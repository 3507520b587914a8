/**
 * The current actor's stance on one paragraph or amendment (support / can accept / oppose / reservation /
 * none) with an optional note, recorded through actions.recordPosition, plus the counts of the others'
 * stances. Actors who cannot record a stance (chair, secretariat, observers, a closed room) see the counts only.
 */
import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { MAX_NOTE_LENGTH, readPhase, readPositions, recordPosition } from '../../shared/negotiation/actions.ts';
import { STANCES, type Actor, type Stance } from '../../shared/negotiation/layout.ts';
import { canRecordPosition } from '../../shared/permissions/rules.ts';
import { useDocSnapshot } from './hooks.ts';
import { describeCounts, STANCE_LABEL } from './matrix.ts';
import './negotiation.css';

export interface PositionControlProps {
  doc: Y.Doc;
  actor: Actor;
  /** Paragraph id or amendment id. */
  target: string;
  /** Accessible name of the target ("OP3", "Brazil's amendment to OP1"). */
  label?: string;
}

interface Snapshot {
  phase: ReturnType<typeof readPhase>;
  mine: { stance: Stance; note: string };
  counts: Record<Stance, number>;
}

function read(doc: Y.Doc, target: string, delegation: string | null): Snapshot {
  const counts: Record<Stance, number> = { support: 0, 'can-accept': 0, oppose: 0, reservation: 0, none: 0 };
  let mine: Snapshot['mine'] = { stance: 'none', note: '' };
  for (const p of readPositions(doc)) {
    if (p.targetId !== target) continue;
    if (p.delegation === delegation) mine = { stance: p.entry.stance, note: p.entry.note };
    else counts[p.entry.stance] += 1;
  }
  return { phase: readPhase(doc), mine, counts };
}

export function PositionControl({ doc, actor, target, label }: PositionControlProps) {
  const snap = useDocSnapshot(doc, (d) => read(d, target, actor.delegation), `${target}|${actor.delegation ?? ''}`);
  const delegation = actor.delegation ?? '';
  const verdict = canRecordPosition(actor, { delegation, phase: snap.phase });
  const [note, setNote] = useState(snap.mine.note);
  // A note saved elsewhere (another tab of the same delegation) replaces the draft.
  useEffect(() => setNote(snap.mine.note), [snap.mine.note]);
  const others = describeCounts(snap.counts);
  const name = label ?? target;

  const record = (stance: Stance, withNote: string): void => {
    if (verdict.ok) recordPosition(doc, target, delegation, stance, withNote);
  };

  return (
    <div className="ph-position" data-testid="position-control" data-target={target} data-stance={snap.mine.stance}>
      {verdict.ok && (
        <>
          <label>
            <span className="ph-visually-hidden">Position of {delegation} on {name}</span>
            <select
              data-testid="position-stance" value={snap.mine.stance}
              onChange={(e) => record(e.target.value as Stance, note)}
            >
              {STANCES.map((s) => <option key={s} value={s}>{s === 'none' ? 'No position' : STANCE_LABEL[s]}</option>)}
            </select>
          </label>
          <input
            data-testid="position-note" aria-label={`Note on ${name}`} placeholder="Note (optional)" maxLength={MAX_NOTE_LENGTH}
            value={note} onChange={(e) => setNote(e.target.value)}
            onBlur={() => { if (note !== snap.mine.note) record(snap.mine.stance, note); }}
            onKeyDown={(e) => { if (e.key === 'Enter') record(snap.mine.stance, note); }}
          />
        </>
      )}
      <span className="ph-position-counts" data-testid="position-counts">{others || (verdict.ok ? 'No other positions' : 'No positions yet')}</span>
    </div>
  );
}

/** The phase badge (always visible) and, for the chair and the secretariat, the control to change it. */
import type * as Y from 'yjs';
import { PHASES, type Actor, type Phase } from '../../shared/negotiation/layout.ts';
import { canSetPhase } from '../../shared/permissions/rules.ts';
import { setPhase } from '../../shared/negotiation/actions.ts';
import { PHASE_WORDS } from '../collab/negotiation-state.ts';

export interface PhaseControlProps {
  phase: Phase;
  actor: Actor | null;
  doc: Y.Doc;
  /** The connection is closed for good: nothing can be sent. */
  disabled: boolean;
}

export function PhaseControl({ phase, actor, doc, disabled }: PhaseControlProps) {
  const may = actor !== null && canSetPhase(actor).ok && !disabled;
  return (
    <span className="ph-phase">
      <span className={`ph-phase-badge ph-phase-${phase}`} data-testid="phase-badge" data-phase={phase}>
        {PHASE_WORDS[phase]}
      </span>
      {may && (
        <select
          className="ph-phase-select" data-testid="phase-select" aria-label="Change the phase" value={phase}
          onChange={(e) => setPhase(doc, e.target.value as Phase)}
        >
          {PHASES.map((p) => <option key={p} value={p}>{PHASE_WORDS[p]}</option>)}
        </select>
      )}
    </span>
  );
}

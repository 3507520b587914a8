/** Who is in the draft, and the connection badge. */
import type { ConnectionState } from '../collab/connection-state.ts';
import { connectionLabel, connectionPhase } from '../collab/connection-state.ts';
import type { PresenceEntry } from '../collab/stores.ts';

function initials(name: string): string {
  const parts = name.split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? parts[0][0] + parts[parts.length - 1][0] : name.slice(0, 2);
  return letters.toUpperCase();
}

/** "Brazil · penholder": the participant and the role the server stamped. */
export function presenceLabel(p: PresenceEntry): string {
  return p.role ? `${p.name} · ${p.role}` : p.name;
}

export function PresenceList({ people }: { people: readonly PresenceEntry[] }) {
  return (
    <ul className="ph-presence" aria-label={`${people.length} ${people.length === 1 ? 'person' : 'people'} in this draft`} data-testid="presence-list">
      {people.map((p) => (
        <li
          key={p.clientId} className="ph-presence-entry" data-testid="presence-entry"
          data-name={p.name} data-role={p.role ?? ''} data-self={p.self ? 'true' : 'false'}
          title={p.self ? `${presenceLabel(p)} (you)` : presenceLabel(p)}
        >
          <span className="ph-avatar" style={{ backgroundColor: p.color }} aria-hidden="true">{initials(p.name)}</span>
          <span className="ph-presence-name">{presenceLabel(p)}{p.self ? ' (you)' : ''}</span>
        </li>
      ))}
    </ul>
  );
}

export function ConnectionBadge({ state }: { state: ConnectionState }) {
  const phase = connectionPhase(state);
  return (
    <span
      className={`ph-badge ph-badge-${phase}`} role="status" aria-live="polite"
      data-testid="connection-badge" data-state={phase} data-unsynced={state.unsynced} data-merged={state.merged}
    >
      <span className="ph-badge-dot" aria-hidden="true" />
      {connectionLabel(state)}
    </span>
  );
}

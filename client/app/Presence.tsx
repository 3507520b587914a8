/** Who is in the draft, and the connection badge. */
import type { ConnectionState } from '../collab/connection-state.ts';
import { connectionLabel, connectionPhase } from '../collab/connection-state.ts';
import type { PresenceEntry } from '../collab/stores.ts';

function initials(name: string): string {
  const parts = name.split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? parts[0][0] + parts[parts.length - 1][0] : name.slice(0, 2);
  return letters.toUpperCase();
}

export function PresenceList({ people, onRename }: { people: readonly PresenceEntry[]; onRename?: () => void }) {
  return (
    <ul className="ph-presence" aria-label={`${people.length} ${people.length === 1 ? 'person' : 'people'} in this draft`} data-testid="presence-list">
      {people.map((p) => (
        <li
          key={p.clientId} className="ph-presence-entry" data-testid="presence-entry"
          data-name={p.name} data-self={p.self ? 'true' : 'false'} title={p.self ? `${p.name} (you)` : p.name}
        >
          <span className="ph-avatar" style={{ backgroundColor: p.color }} aria-hidden="true">{initials(p.name)}</span>
          {p.self && onRename ? (
            <button type="button" className="ph-presence-name ph-presence-self" onClick={onRename} aria-label={`You are ${p.name}. Change your name`}>
              {p.name} (you)
            </button>
          ) : (
            <span className="ph-presence-name">{p.name}{p.self ? ' (you)' : ''}</span>
          )}
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

/**
 * The room's presence table. Unlike y-protocols' Awareness it knows which session owns which
 * clientID, and it re-clocks what it forwards:
 * - stock y-websocket clients echo every awareness update they receive back to the server; an
 *   echo names a clientID owned by another session and is dropped here, so presence traffic
 *   stays linear (one inbound message per change, forwarded once to each other session);
 * - forwarded entries carry a server clock that only grows, so a client that reconnects with an
 *   old clock after its state was removed is accepted by everyone else.
 */
import type { AwarenessEntry } from './protocol.ts';
import type { Session } from './session.ts';

type State = Record<string, unknown>;

/** Seam for stamping server-known identity into presence states a session sends. Default: unchanged. */
export interface AwarenessStamp {
  stamp(session: Session, clientID: number, state: State): State;
}

export const passThroughStamp: AwarenessStamp = { stamp: (_s, _c, state) => state };

/** What the table calls for each accepted state: the room resolves the session id to its Session. */
export type StampById = (sessionId: string, clientID: number, state: State) => State;

interface Record_ {
  owner: string | null;
  clientClock: number;
  serverClock: number;
  state: Record<string, unknown> | null;
}

export class PresenceTable {
  private readonly records = new Map<number, Record_>();
  private readonly greeted = new Set<string>();

  constructor(private readonly stamp: StampById = (_s, _c, state) => state) {}

  /** Applies entries sent by `sessionId`; returns the entries to forward to the other sessions. */
  apply(sessionId: string, entries: readonly AwarenessEntry[]): AwarenessEntry[] {
    // A y-websocket client's first awareness message after connecting carries only its own state.
    const first = !this.greeted.has(sessionId);
    this.greeted.add(sessionId);
    const out: AwarenessEntry[] = [];
    for (const e of entries) {
      const rec = this.records.get(e.clientID);
      if (rec && rec.owner !== null && rec.owner !== sessionId) continue;
      if (rec && rec.owner === sessionId) {
        const newer = e.clock > rec.clientClock || (e.clock === rec.clientClock && e.state === null && rec.state !== null);
        if (!newer) continue;
      } else if (rec && !first) {
        // A removed client's id named later in a session: an echo of stale state, not a reconnect.
        continue;
      }
      if (e.state === null && (!rec || rec.state === null)) continue;
      const state = e.state === null ? null : this.stamp(sessionId, e.clientID, e.state);
      const next: Record_ = {
        owner: state === null ? null : sessionId,
        clientClock: e.clock,
        serverClock: Math.max(e.clock, (rec?.serverClock ?? 0) + 1),
        state,
      };
      this.records.set(e.clientID, next);
      out.push({ clientID: e.clientID, clock: next.serverClock, state });
    }
    return out;
  }

  /** Removes every state owned by the session; returns the removal entries to forward. */
  removeSession(sessionId: string): AwarenessEntry[] {
    this.greeted.delete(sessionId);
    const out: AwarenessEntry[] = [];
    for (const [clientID, rec] of this.records) {
      if (rec.owner !== sessionId) continue;
      rec.owner = null;
      rec.state = null;
      rec.serverClock += 1;
      out.push({ clientID, clock: rec.serverClock, state: null });
    }
    return out;
  }

  /** Every live state, for a newly joined session or a query-awareness request. */
  snapshot(): AwarenessEntry[] {
    const out: AwarenessEntry[] = [];
    for (const [clientID, rec] of this.records) {
      if (rec.state !== null) out.push({ clientID, clock: rec.serverClock, state: rec.state });
    }
    return out;
  }

  /** ClientIDs currently owned by a session. */
  owned(sessionId: string): number[] {
    return [...this.records].filter(([, r]) => r.owner === sessionId).map(([id]) => id);
  }
}

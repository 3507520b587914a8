/** React bindings of the session stores (useSyncExternalStore, no copies in component state). */
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { ExternalStore } from './stores.ts';
import { openSession, type CollabSession } from './session.ts';
import type { Identity } from './identity.ts';
import { refusalNotice, type SessionRefusal } from './refusal.ts';

/** Subscribe a component to an external store. */
export function useStore<T>(store: ExternalStore<T>): T {
  return useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot);
}

/** More refused updates than this within RESTART_WINDOW_MS stop the automatic restarts (a loop would never end). */
export const MAX_RESTARTS = 3;
export const RESTART_WINDOW_MS = 10_000;

/** Whether another restart is allowed after the given restart times (pure, for tests). */
export function mayRestart(times: readonly number[], now: number): boolean {
  return times.filter((t) => now - t < RESTART_WINDOW_MS).length < MAX_RESTARTS;
}

export interface CollabSessionState {
  /** Null during the first render (and between StrictMode's double effects), never a destroyed session. */
  session: CollabSession | null;
  /** "Your change was refused: ..." after a restart, until dismissed. */
  notice: string | null;
  dismissNotice(): void;
  /** The server ended access for good (revoked, unauthorized) or refused updates repeatedly. */
  ended: SessionRefusal | null;
}

/**
 * The session of `draftId`, opened on mount and destroyed on unmount or id/token change. When the
 * server refuses an update, the session (Y.Doc and provider) is thrown away and a fresh one joins
 * from the server's state, so the refused change disappears and the editor remounts on the new doc.
 */
export function useCollabSession(draftId: string, token: string | null, identity: Identity | null): CollabSessionState {
  const [session, setSession] = useState<CollabSession | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [ended, setEnded] = useState<SessionRefusal | null>(null);
  useEffect(() => {
    let current: CollabSession | null = null;
    let unsubscribe = () => {};
    let disposed = false;
    const restarts: number[] = [];
    const start = () => {
      const s = openSession(draftId, { token });
      current = s;
      setSession(s);
      unsubscribe = s.refusal.subscribe(() => {
        const r = s.refusal.getSnapshot();
        if (!r || s !== current) return;
        if (r.kind !== 'rejected') {
          setEnded(r);
          return;
        }
        setNotice(refusalNotice(r));
        const now = Date.now();
        if (!mayRestart(restarts, now)) {
          setEnded(r);
          return;
        }
        restarts.push(now);
        // Not from inside the provider's close handler: restart once it has returned.
        setTimeout(() => {
          if (disposed || s !== current) return;
          unsubscribe();
          s.destroy();
          start();
        }, 0);
      });
    };
    setEnded(null);
    start();
    return () => {
      disposed = true;
      unsubscribe();
      setSession(null);
      current?.destroy();
    };
  }, [draftId, token]);
  useEffect(() => {
    if (session && identity) session.setUser(identity);
  }, [session, identity]);
  return { session, notice, dismissNotice: () => setNotice(null), ended };
}

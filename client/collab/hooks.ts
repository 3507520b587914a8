/** React bindings of the session stores (useSyncExternalStore, no copies in component state). */
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { ExternalStore } from './stores.ts';
import { openSession, type CollabSession } from './session.ts';
import type { Identity } from './identity.ts';

/** Subscribe a component to an external store. */
export function useStore<T>(store: ExternalStore<T>): T {
  return useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot);
}

/**
 * The session of `draftId`, opened on mount and destroyed on unmount or id change. Null during
 * the first render (and between StrictMode's double effects), never a destroyed session.
 */
export function useCollabSession(draftId: string, identity: Identity | null): CollabSession | null {
  const [session, setSession] = useState<CollabSession | null>(null);
  useEffect(() => {
    const s = openSession(draftId);
    setSession(s);
    return () => {
      setSession(null);
      s.destroy();
    };
  }, [draftId]);
  useEffect(() => {
    if (session && identity) session.setUser(identity);
  }, [session, identity]);
  return session;
}

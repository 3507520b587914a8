/**
 * Wires a y-websocket provider and its Y.Doc to the connection-state reducer. DOM-free (the
 * browser's online/offline events are added by session.ts), so it runs against a real
 * provider in node tests.
 */
import type * as Y from 'yjs';
import type { WebsocketProvider } from 'y-websocket';
import {
  initialConnectionState, reduceConnection, type ConnectionEvent, type ConnectionState, type SocketStatus,
} from './connection-state.ts';
import { createValueStore, type ExternalStore } from './stores.ts';

/** The connection store plus a way to feed extra events (network) and to detach. */
export interface ConnectionTracker {
  store: ExternalStore<ConnectionState>;
  dispatch(event: ConnectionEvent): void;
  destroy(): void;
}

/** How long "N offline edits merged" stays on the badge. */
export const MERGED_NOTE_MS = 8000;

export function trackConnection(provider: WebsocketProvider, doc: Y.Doc, initial: Partial<ConnectionState> = {}): ConnectionTracker {
  const store = createValueStore<ConnectionState>({ ...initialConnectionState, ...initial });
  let mergedTimer: ReturnType<typeof setTimeout> | null = null;
  const dispatch = (event: ConnectionEvent) => {
    const before = store.getSnapshot();
    store.set(reduceConnection(before, event));
    const after = store.getSnapshot();
    if (after.merged > 0 && after.merged !== before.merged) {
      if (mergedTimer) clearTimeout(mergedTimer);
      mergedTimer = setTimeout(() => dispatch({ type: 'dismissMerged' }), MERGED_NOTE_MS);
    }
  };

  const onStatus = ({ status }: { status: SocketStatus }) => dispatch({ type: 'status', status });
  const onSync = (synced: boolean) => dispatch({ type: 'sync', synced });
  const onClosed = (event: { code: number; reason: string }) => dispatch({ type: 'closed', reason: event.reason || `code ${event.code}` });
  // Updates applied by the provider are remote; everything else (typing, undo, id fixes) is ours to send.
  const onUpdate = (_update: Uint8Array, origin: unknown) => {
    if (origin !== provider) dispatch({ type: 'localUpdate' });
  };

  provider.on('status', onStatus);
  provider.on('sync', onSync);
  provider.on('closed', onClosed);
  doc.on('update', onUpdate);
  // The provider may already be further along than the initial state says.
  if (provider.wsconnected) dispatch({ type: 'status', status: 'connected' });
  if (provider.synced) dispatch({ type: 'sync', synced: true });

  return {
    store,
    dispatch,
    destroy() {
      if (mergedTimer) clearTimeout(mergedTimer);
      provider.off('status', onStatus);
      provider.off('sync', onSync);
      provider.off('closed', onClosed);
      doc.off('update', onUpdate);
    },
  };
}

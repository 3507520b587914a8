/** React bindings of the live Y.Doc (negotiation panels, chair dashboard, record): snapshots recomputed only after it changes. */
import { useCallback, useRef, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import type { ViewStore } from './view-store.ts';
import type { NegotiationView } from './model.ts';

/**
 * `read(doc)` as a React value, recomputed after each Yjs transaction that changed the doc (local or
 * remote). The snapshot is cached per change so useSyncExternalStore sees a stable value between changes;
 * pass a `key` that changes whenever `read` depends on new props.
 */
export function useDocSnapshot<T>(doc: Y.Doc, read: (doc: Y.Doc) => T, key = ''): T {
  const cache = useRef<{ doc: Y.Doc; version: number; key: string; value: T } | null>(null);
  const version = useRef(0);
  const readRef = useRef(read);
  readRef.current = read;
  const subscribe = useCallback((onChange: () => void) => {
    const handler = (): void => {
      version.current += 1;
      onChange();
    };
    doc.on('update', handler);
    return () => doc.off('update', handler);
  }, [doc]);
  const getSnapshot = useCallback((): T => {
    const c = cache.current;
    if (c && c.doc === doc && c.version === version.current && c.key === key) return c.value;
    const value = readRef.current(doc);
    cache.current = { doc, version: version.current, key, value };
    return value;
  }, [doc, key]);
  return useSyncExternalStore(subscribe, getSnapshot, getSnapshot);
}

/** The current negotiation view of a store. */
export function useView(store: ViewStore): NegotiationView {
  return useSyncExternalStore(store.subscribe, store.get, store.get);
}

/** A value read from the live Y.Doc, re-read after each change (local or remote), for useSyncExternalStore. */
import { useCallback, useRef, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';

/**
 * `read(doc)` as a React value. The reading is cached per document version, so React sees the same
 * object between changes; `read` should be a stable function (module level) since it is not a dependency.
 */
export function useDocReading<T>(doc: Y.Doc, read: (doc: Y.Doc) => T): T {
  const version = useRef(0);
  const cache = useRef<{ doc: Y.Doc; version: number; value: T } | null>(null);
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
    if (c && c.doc === doc && c.version === version.current) return c.value;
    const value = readRef.current(doc);
    cache.current = { doc, version: version.current, value };
    return value;
  }, [doc]);
  return useSyncExternalStore(subscribe, getSnapshot, getSnapshot);
}

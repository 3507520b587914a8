/**
 * The negotiation view (clean text / all proposals / one delegation's proposals) as a tiny external store,
 * shared by the panel's selector and the inline tracked changes: set it in one place, both follow.
 */
import { sameView, type NegotiationView } from './model.ts';

export interface ViewStore {
  get(): NegotiationView;
  set(view: NegotiationView): void;
  /** Returns the unsubscribe function (useSyncExternalStore shape). */
  subscribe(listener: () => void): () => void;
}

export function createViewStore(initial: NegotiationView = 'all'): ViewStore {
  let current = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => current,
    set(view) {
      if (sameView(view, current)) return;
      current = view;
      for (const l of [...listeners]) l();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** The page-wide view store used when a component or the extension is given none. */
export const negotiationView: ViewStore = createViewStore('all');

/**
 * External stores over Yjs and awareness state, shaped for React's useSyncExternalStore:
 * `getSnapshot` returns the same object until the underlying data changes, so React only
 * re-renders on real changes. DOM-free, so the logic is unit-tested in node.
 */
import type { Awareness } from 'y-protocols/awareness';

/** What useSyncExternalStore consumes. */
export interface ExternalStore<T> {
  subscribe(onChange: () => void): () => void;
  getSnapshot(): T;
}

/** A store that also owns listeners on some source and must be released. */
export interface OwnedStore<T> extends ExternalStore<T> {
  destroy(): void;
}

/** A settable value store. `set` with an identical (===) value does not notify. */
export interface ValueStore<T> extends ExternalStore<T> {
  set(value: T): void;
}

export function createValueStore<T>(initial: T): ValueStore<T> {
  let value = initial;
  const listeners = new Set<() => void>();
  return {
    subscribe(onChange) {
      listeners.add(onChange);
      return () => listeners.delete(onChange);
    },
    getSnapshot: () => value,
    set(next) {
      if (Object.is(next, value)) return;
      value = next;
      for (const l of [...listeners]) l();
    },
  };
}

/** The part of a Yjs shared type (Y.Map, Y.XmlFragment, ...) the stores use. */
export interface DeepObservable {
  observeDeep(f: () => void): void;
  unobserveDeep(f: () => void): void;
}

/**
 * A snapshot of Yjs types, recomputed with `project` after every transaction that changed one
 * of them (deep: nested types count). `equal` lets a projection keep the old snapshot when the
 * visible result did not change.
 */
export function yTypesStore<T>(
  types: readonly DeepObservable[], project: () => T, equal: (a: T, b: T) => boolean = Object.is,
): OwnedStore<T> {
  const store = createValueStore(project());
  const onChange = () => {
    const next = project();
    if (!equal(store.getSnapshot(), next)) store.set(next);
  };
  for (const t of types) t.observeDeep(onChange);
  return {
    subscribe: store.subscribe,
    getSnapshot: store.getSnapshot,
    destroy: () => {
      for (const t of types) t.unobserveDeep(onChange);
    },
  };
}

/** One person in the draft, from an awareness state. */
export interface PresenceEntry {
  clientId: number;
  name: string;
  /** #rrggbb; grey when the peer sent none or a bad one. */
  color: string;
  /** This browser tab. */
  self: boolean;
  /** The role the server stamped ("penholder", "chair"...), or null when none was given. */
  role: string | null;
}

const FALLBACK_COLOR = '#6b7280';

/**
 * The presence list from awareness states: this tab first, then others by name. Peers that
 * have not announced a user yet are listed as "Anonymous" so nobody is invisible.
 */
export function presenceFromStates(states: ReadonlyMap<number, Record<string, unknown>>, selfId: number): PresenceEntry[] {
  const list: PresenceEntry[] = [];
  for (const [clientId, state] of states) {
    const user = state.user;
    const u = typeof user === 'object' && user !== null ? (user as Record<string, unknown>) : {};
    const name = typeof u.name === 'string' && u.name.trim() ? u.name.trim() : 'Anonymous';
    const color = typeof u.color === 'string' && /^#[0-9a-fA-F]{6}$/.test(u.color) ? u.color : FALLBACK_COLOR;
    const role = typeof u.role === 'string' && u.role.trim() ? u.role.trim() : null;
    list.push({ clientId, name, color, self: clientId === selfId, role });
  }
  list.sort((a, b) => Number(b.self) - Number(a.self) || a.name.localeCompare(b.name) || a.clientId - b.clientId);
  return list;
}

/** Shallow equality of presence lists (same people, names and colours in the same order). */
export function samePresence(a: readonly PresenceEntry[], b: readonly PresenceEntry[]): boolean {
  return a.length === b.length && a.every((x, i) => {
    const y = b[i];
    return x.clientId === y.clientId && x.name === y.name && x.color === y.color && x.self === y.self && x.role === y.role;
  });
}

/** Presence list store over an awareness instance ('change' fires only on real changes). */
export function presenceStore(awareness: Awareness): OwnedStore<PresenceEntry[]> {
  const project = () => presenceFromStates(awareness.getStates() as Map<number, Record<string, unknown>>, awareness.clientID);
  const store = createValueStore(project());
  const onChange = () => {
    const next = project();
    if (!samePresence(store.getSnapshot(), next)) store.set(next);
  };
  awareness.on('change', onChange);
  return {
    subscribe: store.subscribe,
    getSnapshot: store.getSnapshot,
    destroy: () => awareness.off('change', onChange),
  };
}

/** Shallow equality of plain records whose values are strings or string arrays. */
export function sameShallow<T extends object>(a: T, b: T): boolean {
  const ka = Object.keys(a) as (keyof T)[];
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => {
    const x = a[k];
    const y = b[k];
    if (Array.isArray(x) && Array.isArray(y)) return x.length === y.length && x.every((v, i) => v === y[i]);
    return x === y;
  });
}

/** Equality of sponsor lists (same delegations, roles, order values and times, same order). */
export function sameSponsors(
  a: readonly { name: string; entry: { order: number; kind: string; at: string } }[],
  b: readonly { name: string; entry: { order: number; kind: string; at: string } }[],
): boolean {
  return a.length === b.length && a.every((x, i) => {
    const y = b[i];
    return x.name === y.name && x.entry.order === y.entry.order && x.entry.kind === y.entry.kind && x.entry.at === y.entry.at;
  });
}

import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { createValueStore, presenceFromStates, presenceStore, sameShallow, sameSponsors, yTypesStore } from './stores.ts';

describe('createValueStore', () => {
  it('notifies subscribers on change only, and stops after unsubscribe', () => {
    const store = createValueStore(1);
    let calls = 0;
    const off = store.subscribe(() => calls++);
    store.set(1);
    expect(calls).toBe(0);
    store.set(2);
    expect(calls).toBe(1);
    expect(store.getSnapshot()).toBe(2);
    off();
    store.set(3);
    expect(calls).toBe(1);
  });
});

describe('yTypesStore', () => {
  it('recomputes after a transaction and keeps the snapshot stable otherwise', () => {
    const doc = new Y.Doc();
    const meta = doc.getMap<unknown>('meta');
    const store = yTypesStore([meta], () => ({ symbol: String(meta.get('symbol') ?? '') }), sameShallow);
    const first = store.getSnapshot();
    expect(store.getSnapshot()).toBe(first);
    let calls = 0;
    store.subscribe(() => calls++);
    meta.set('symbol', 'A/C.1/78/L.11');
    expect(calls).toBe(1);
    expect(store.getSnapshot()).toEqual({ symbol: 'A/C.1/78/L.11' });
    meta.set('date', '12 October 2023'); // projection unchanged
    expect(calls).toBe(1);
    store.destroy();
    meta.set('symbol', 'X');
    expect(calls).toBe(1);
  });

  it('sees changes made by a remote update', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    const sponsors = b.getMap<unknown>('sponsors');
    const store = yTypesStore([sponsors], () => [...sponsors.keys()].sort());
    a.getMap('sponsors').set('Chile', { order: 1, kind: 'main', at: '' });
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(store.getSnapshot()).toEqual(['Chile']);
  });
});

describe('presence', () => {
  it('lists this tab first, then others by name, with fallbacks for bad data', () => {
    const states = new Map<number, Record<string, unknown>>([
      [3, { user: { name: 'Zoe', color: '#123456' } }],
      [1, { user: { name: 'Ann', color: 'red' } }],
      [2, {}],
      [9, { user: { name: 'Me', color: '#abcdef' } }],
    ]);
    const list = presenceFromStates(states, 9);
    expect(list.map((p) => p.name)).toEqual(['Me', 'Ann', 'Anonymous', 'Zoe']);
    expect(list[0].self).toBe(true);
    expect(list[1].color).toBe('#6b7280');
  });

  it('carries the role the server stamped into awareness', () => {
    const states = new Map<number, Record<string, unknown>>([
      [1, { user: { name: 'Brazil', role: 'penholder', delegation: 'Brazil', color: '#123456' } }],
      [2, { user: { name: 'Chair', role: 7 } }],
    ]);
    const list = presenceFromStates(states, 1);
    expect(list.map((p) => [p.name, p.role])).toEqual([['Brazil', 'penholder'], ['Chair', null]]);
  });

  it('follows awareness changes of the local and remote clients', () => {
    const docA = new Y.Doc();
    const docB = new Y.Doc();
    const a = new Awareness(docA);
    const b = new Awareness(docB);
    const store = presenceStore(a);
    let calls = 0;
    store.subscribe(() => calls++);
    a.setLocalStateField('user', { name: 'Ann', color: '#1f77b4' });
    expect(store.getSnapshot()).toEqual([{ clientId: docA.clientID, name: 'Ann', color: '#1f77b4', self: true, role: null }]);
    b.setLocalStateField('user', { name: 'Bob', color: '#d62728' });
    // carry B's state to A as the websocket provider would
    applyAwarenessUpdate(a, encodeAwarenessUpdate(b, [docB.clientID]), 'remote');
    expect(store.getSnapshot().map((p) => p.name)).toEqual(['Ann', 'Bob']);
    const before = calls;
    const snap = store.getSnapshot();
    a.setLocalStateField('user', { name: 'Ann', color: '#1f77b4' }); // same values: no re-render
    expect(store.getSnapshot()).toBe(snap);
    expect(calls).toBe(before);
    store.destroy();
    a.destroy();
    b.destroy();
  });
});

describe('sameSponsors', () => {
  it('compares name, role, order and time in order', () => {
    const row = (name: string, kind: 'main' | 'co', order: number) => ({ name, entry: { order, kind, at: '2026-11-23T09:00:00Z' } });
    expect(sameSponsors([row('Chile', 'main', 1)], [row('Chile', 'main', 1)])).toBe(true);
    expect(sameSponsors([row('Chile', 'main', 1)], [row('Chile', 'co', 1)])).toBe(false);
    expect(sameSponsors([row('Chile', 'main', 1), row('Peru', 'co', 2)], [row('Peru', 'co', 2), row('Chile', 'main', 1)])).toBe(false);
  });
});

import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { MemoryStore } from '../storage/memory-store.ts';
import { CLOSE } from './close-codes.ts';
import { FakeSession, editFrame } from './fake-session.ts';
import type { Fanout, FanoutListener } from './fanout.ts';
import { decodeMessage, encodeAwareness, encodeQueryAwareness, encodeSyncStep1, encodeSyncUpdate } from './protocol.ts';
import { Room, type UpdateGate } from './room.ts';
import { RoomRegistry } from './rooms.ts';

const textOf = (doc: Y.Doc): string => doc.getText('t').toString();

async function setup(options: { gate?: UpdateGate; maxFrameBytes?: number; compactAfter?: number } = {}) {
  const store = new MemoryStore();
  const seed = new Y.Doc();
  seed.getText('t').insert(0, 'Recalling ');
  await store.createDraft({ id: 'd1', title: 'T', symbol: 'A/1', kind: 'draft-resolution' }, Y.encodeStateAsUpdate(seed));
  const rooms = new RoomRegistry({ store, unloadGraceMs: 60_000, ...options });
  const room = await rooms.acquire('d1');
  if (!room) throw new Error('room missing');
  return { store, rooms, room, seed };
}

/** A client replica that has synced from the room's current state. */
function clientFrom(room: Room): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(room.doc));
  return doc;
}

describe('Room sync', () => {
  it('answers step1 with step2 and its own step1', async () => {
    const { room } = await setup();
    const a = new FakeSession('a');
    room.join(a);
    await room.handleFrame(a, encodeSyncStep1(Y.encodeStateVector(new Y.Doc())));
    const kinds = a.messages().map((m) => m.kind);
    expect(kinds).toEqual(['sync-step2', 'sync-step1']);
    expect(textOf(a.replica())).toBe('Recalling ');
    const step1 = a.messages()[1];
    if (step1.kind !== 'sync-step1') throw new Error('expected step1');
    expect(step1.stateVector).toEqual(Y.encodeStateVector(room.doc));
  });

  it('stores, applies and broadcasts an update to others, not back to the sender', async () => {
    const { room, store } = await setup();
    const a = new FakeSession('a');
    const b = new FakeSession('b');
    room.join(a);
    room.join(b);
    const before = (await store.loadUpdates('d1')).length;
    await room.handleFrame(a, editFrame(clientFrom(room), (d) => d.getText('t').insert(10, 'further')));
    expect(textOf(room.doc)).toBe('Recalling further');
    expect(a.sent).toHaveLength(0);
    expect(b.messages().map((m) => m.kind)).toEqual(['sync-update']);
    expect((await store.loadUpdates('d1')).length).toBe(before + 1);
    expect(a.closedWith).toBeNull();
  });

  it('broadcasts and applies only after the store acknowledged the append', async () => {
    const { room, store } = await setup();
    let release: () => void = () => {};
    const held = new Promise<void>((r) => { release = r; });
    const append = store.appendUpdate.bind(store);
    store.appendUpdate = async (id, update) => { await held; return append(id, update); };
    const a = new FakeSession('a');
    const b = new FakeSession('b');
    room.join(a);
    room.join(b);
    const done = room.handleFrame(a, editFrame(clientFrom(room), (d) => d.getText('t').insert(0, 'Noting ')));
    await new Promise((r) => setImmediate(r));
    expect(b.sent).toHaveLength(0);
    expect(textOf(room.doc)).toBe('Recalling ');
    release();
    await done;
    expect(b.sent).toHaveLength(1);
    expect(textOf(room.doc)).toBe('Noting Recalling ');
  });

  it('does not store an update the doc already has', async () => {
    const { room, store } = await setup();
    const a = new FakeSession('a');
    room.join(a);
    const frame = editFrame(clientFrom(room), (d) => d.getText('t').insert(0, 'X'));
    await room.handleFrame(a, frame);
    await room.handleFrame(a, frame);
    expect(textOf(room.doc)).toBe('XRecalling ');
    expect((await store.loadUpdates('d1')).length).toBe(2);
  });

  it('applies updates in the order received even when they arrive in one tick', async () => {
    const { room } = await setup();
    const a = new FakeSession('a');
    const b = new FakeSession('b');
    room.join(a);
    room.join(b);
    const client = clientFrom(room);
    const bDoc = clientFrom(room);
    const frames = Array.from({ length: 20 }, (_, i) => editFrame(client, (d) => d.getText('t').insert(d.getText('t').length, String(i % 10))));
    await Promise.all(frames.map((f) => room.handleFrame(a, f)));
    expect(textOf(room.doc)).toBe(textOf(client));
    expect(b.sent).toHaveLength(20);
    for (const m of b.messages()) if (m.kind === 'sync-update') Y.applyUpdate(bDoc, m.update);
    expect(textOf(bDoc)).toBe('Recalling 01234567890123456789');
  });
});

describe('Room refuses bad frames', () => {
  async function expectUntouched(frame: Uint8Array, expected: { code: number; reason: string }, opts = {}) {
    const { room, store } = await setup(opts);
    const a = new FakeSession('a');
    const b = new FakeSession('b');
    room.join(a);
    room.join(b);
    const rows = (await store.loadUpdates('d1')).length;
    const state = Y.encodeStateAsUpdate(room.doc);
    await room.handleFrame(a, frame);
    await room.flush();
    expect(a.closedWith).toEqual(expected);
    expect(Y.encodeStateAsUpdate(room.doc)).toEqual(state);
    expect((await store.loadUpdates('d1')).length).toBe(rows);
    expect(b.sent).toHaveLength(0);
    expect(room.sessionCount).toBe(1);
    // The room still serves the other session.
    await room.handleFrame(b, editFrame(clientFrom(room), (d) => d.getText('t').insert(0, 'ok ')));
    expect(textOf(room.doc)).toBe('ok Recalling ');
    expect(b.closedWith).toBeNull();
  }

  it('garbage bytes → malformed-frame', () => expectUntouched(new Uint8Array([0xde, 0xad, 0xbe, 0xef]), CLOSE.malformedFrame));

  it('truncated update inside a well-formed frame → malformed-frame, nothing stored', async () => {
    const donor = new Y.Doc();
    donor.getText('t').insert(0, 'a long enough insertion to be cut in half');
    const update = Y.encodeStateAsUpdate(donor);
    await expectUntouched(encodeSyncUpdate(update.subarray(0, Math.floor(update.length / 2))), CLOSE.malformedFrame);
  });

  it('truncated frame (length prefix beyond the end) → malformed-frame', async () => {
    const donor = new Y.Doc();
    donor.getText('t').insert(0, 'cut');
    const frame = encodeSyncUpdate(Y.encodeStateAsUpdate(donor));
    await expectUntouched(frame.subarray(0, frame.length - 2), CLOSE.malformedFrame);
  });

  it('oversized frame → frame-too-large', () =>
    expectUntouched(encodeSyncUpdate(new Uint8Array(2048)), CLOSE.frameTooLarge, { maxFrameBytes: 1024 }));

  it('bad state vector in step1 → malformed-frame', () => expectUntouched(encodeSyncStep1(new Uint8Array([5, 1])), CLOSE.malformedFrame));

  it('UpdateGate rejection → update-rejected, not applied, stored or broadcast', async () => {
    const seen: string[] = [];
    const gate: UpdateGate = {
      check: (session, update, doc) => {
        seen.push(session.id);
        expect(doc).toBeInstanceOf(Y.Doc);
        expect(update.length).toBeGreaterThan(0);
        return session.id === 'a' ? { ok: false, reason: 'read-only' } : { ok: true };
      },
    };
    const frame = editFrame(new Y.Doc(), (d) => d.getText('t').insert(0, 'forbidden'));
    await expectUntouched(frame, CLOSE.updateRejected, { gate });
    expect(seen).toEqual(['a', 'b']);
  });

  it('a failing store closes the sender with internal-error and applies nothing', async () => {
    const { room, store } = await setup();
    const a = new FakeSession('a');
    const b = new FakeSession('b');
    room.join(a);
    room.join(b);
    store.failAppends = new Error('disk full');
    await room.handleFrame(a, editFrame(clientFrom(room), (d) => d.getText('t').insert(0, 'lost?')));
    expect(a.closedWith).toEqual(CLOSE.internalError);
    expect(textOf(room.doc)).toBe('Recalling ');
    expect(b.sent).toHaveLength(0);
  });
});

describe('Room awareness', () => {
  const state = (name: string, clock: number, clientID: number) => encodeAwareness([{ clientID, clock, state: { user: { name } } }]);

  it('forwards once to the others, drops echoes, greets newcomers and cleans up on close', async () => {
    const { room } = await setup();
    const a = new FakeSession('a');
    const b = new FakeSession('b');
    room.join(a);
    room.join(b);
    await room.handleFrame(a, state('Ana', 1, 101));
    expect(a.sent).toHaveLength(0);
    expect(b.messages()).toEqual([{ kind: 'awareness', entries: [{ clientID: 101, clock: 1, state: { user: { name: 'Ana' } } }] }]);

    // B's first message is its own state; then B echoes A's state back, as stock clients do.
    await room.handleFrame(b, state('Bo', 1, 202));
    await room.handleFrame(b, state('Ana', 1, 101));
    await room.handleFrame(b, state('Ana-spoof', 9, 101));
    expect(a.messages()).toEqual([{ kind: 'awareness', entries: [{ clientID: 202, clock: 1, state: { user: { name: 'Bo' } } }] }]);
    expect(b.sent).toHaveLength(1);

    const c = new FakeSession('c');
    room.join(c);
    const greeting = c.messages();
    expect(greeting).toHaveLength(1);
    expect(greeting[0].kind === 'awareness' && greeting[0].entries.map((e) => e.clientID).sort()).toEqual([101, 202]);

    await room.handleFrame(c, encodeQueryAwareness());
    expect(c.messages()).toHaveLength(2);

    room.leave(a);
    const last = b.messages().at(-1);
    expect(last?.kind === 'awareness' && last.entries).toEqual([{ clientID: 101, clock: 2, state: null }]);
    room.join(new FakeSession('d'));
  });

  it('accepts a reconnecting client with an old clock and re-clocks it for others', async () => {
    const { room } = await setup();
    const a1 = new FakeSession('a1');
    const b = new FakeSession('b');
    room.join(a1);
    room.join(b);
    await room.handleFrame(a1, state('Ana', 4, 101));
    room.leave(a1);
    const a2 = new FakeSession('a2');
    room.join(a2);
    await room.handleFrame(a2, state('Ana', 4, 101));
    const last = b.messages().at(-1);
    if (last?.kind !== 'awareness') throw new Error('expected awareness');
    expect(last.entries[0].state).toEqual({ user: { name: 'Ana' } });
    expect(last.entries[0].clock).toBeGreaterThan(5);
  });
});

describe('RoomRegistry', () => {
  it('returns null for unknown drafts and shares one room per draft', async () => {
    const { rooms, room } = await setup();
    expect(await rooms.acquire('nope')).toBeNull();
    expect(await rooms.acquire('d1')).toBe(room);
  });

  it('compacts past the threshold, keeping content identical and shrinking the log', async () => {
    const { room, store, rooms } = await setup({ compactAfter: 10 });
    const a = new FakeSession('a');
    room.join(a);
    const client = clientFrom(room);
    for (let i = 0; i < 35; i++) {
      await room.handleFrame(a, editFrame(client, (d) => d.getText('t').insert(d.getText('t').length, `${i},`)));
    }
    await room.flush();
    const rows = await store.loadUpdates('d1');
    expect(rows.length).toBeLessThanOrEqual(11);
    const reloaded = new Y.Doc();
    for (const r of rows) Y.applyUpdate(reloaded, r.data);
    expect(textOf(reloaded)).toBe(textOf(client));
    room.leave(a);
    await rooms.stop(CLOSE.goingAway);
    expect((await store.loadUpdates('d1')).length).toBe(1);
  });

  it('evict closes sessions with the given reason and reloads fresh afterwards', async () => {
    const { rooms, room } = await setup();
    const a = new FakeSession('a');
    room.join(a);
    await rooms.evict('d1', CLOSE.draftDeleted);
    expect(a.closedWith).toEqual(CLOSE.draftDeleted);
    expect(rooms.peek('d1')).toBeUndefined();
    const again = await rooms.acquire('d1');
    expect(again).not.toBe(room);
    expect(textOf(again!.doc)).toBe('Recalling ');
  });

  it('a room that is closing turns new sessions away with a transient close', async () => {
    const { room } = await setup();
    const closing = room.close({ compact: true });
    const late = new FakeSession('late');
    room.join(late);
    expect(late.closedWith).toEqual(CLOSE.goingAway);
    await closing;
  });

  it('unloads an empty room after the grace period', async () => {
    const store = new MemoryStore();
    await store.createDraft({ id: 'd2', title: '', symbol: '', kind: 'draft-resolution' }, Y.encodeStateAsUpdate(new Y.Doc()));
    const rooms = new RoomRegistry({ store, unloadGraceMs: 20 });
    const room = await rooms.acquire('d2');
    const s = new FakeSession('s');
    room!.join(s);
    room!.leave(s);
    const deadline = Date.now() + 5000;
    while (rooms.peek('d2') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    expect(rooms.peek('d2')).toBeUndefined();
  });

  it('a fanout from another node is applied and delivered to every local session', async () => {
    /** A bus shared by "processes": what a Redis fanout would look like to one node. */
    class BusFanout implements Fanout {
      readonly listeners = new Map<string, FanoutListener>();
      constructor(readonly nodeId: string) {}
      publish(draftId: string, frame: Uint8Array, origin: string): void {
        this.listeners.get(draftId)?.(frame, origin, this.nodeId);
      }
      subscribe(draftId: string, l: FanoutListener): () => void {
        this.listeners.set(draftId, l);
        return () => this.listeners.delete(draftId);
      }
    }
    const fanout = new BusFanout('node-1');
    const store = new MemoryStore();
    await store.createDraft({ id: 'd3', title: '', symbol: '', kind: 'draft-resolution' }, Y.encodeStateAsUpdate(new Y.Doc()));
    const rooms = new RoomRegistry({ store, fanout });
    const room = (await rooms.acquire('d3'))!;
    const a = new FakeSession('a');
    room.join(a);
    const remote = new Y.Doc();
    remote.getText('t').insert(0, 'from node 2');
    fanout.listeners.get('d3')!(encodeSyncUpdate(Y.encodeStateAsUpdate(remote)), 'remote-session', 'node-2');
    expect(textOf(room.doc)).toBe('from node 2');
    expect(decodeMessage(a.sent[0]).kind).toBe('sync-update');
  });
});

describe('Room keepalive', () => {
  it('pings only sessions that have been idle', async () => {
    const { room } = await setup();
    const t0 = Date.now();
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(t0);
      const idle = new FakeSession('idle');
      const busy = new FakeSession('busy');
      room.join(idle);
      room.join(busy);
      vi.setSystemTime(t0 + 6_000);
      await room.handleFrame(busy, encodeSyncStep1(Y.encodeStateVector(new Y.Doc())));
      const sentBusy = busy.sent.length;
      room.keepalive(t0 + 8_000, 5_000);
      expect(idle.messages()).toEqual([{ kind: 'awareness', entries: [] }]);
      expect(busy.sent.length).toBe(sentBusy);
    } finally {
      vi.useRealTimers();
    }
  });
});

/** Room.serverWrite: built on everything accepted, stored before applied and broadcast, serialised, history rows name the actor. */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { setAmendmentStatus, proposeAmendment, withdrawAmendment } from '../../shared/negotiation/actions.ts';
import { readAmendments } from '../../shared/negotiation/read.ts';
import type { Actor } from '../../shared/negotiation/layout.ts';
import type { HistoryEvent } from '../auth/store.ts';
import { MemoryStore } from '../storage/memory-store.ts';
import { FakeSession, editFrame } from './fake-session.ts';
import { CLOSE } from './close-codes.ts';
import { RoomRegistry } from './rooms.ts';
import type { UpdateGate } from './update-gate.ts';
import { buildOnClone, SerialQueue } from './server-write.ts';

const CHAIR: Actor = { participant: 'Chair', role: 'chair', delegation: null };

async function setup() {
  const store = new MemoryStore();
  const seed = new Y.Doc();
  seed.getText('t').insert(0, 'Recalling ');
  await store.createDraft({ id: 'd1', title: 'T', symbol: 'A/1', kind: 'draft-resolution' }, Y.encodeStateAsUpdate(seed));
  const rows: HistoryEvent[] = [];
  const rooms = new RoomRegistry({ store, unloadGraceMs: 60_000, history: async (e) => { rows.push(...e); } });
  const room = await rooms.acquire('d1');
  if (!room) throw new Error('room missing');
  return { store, room, rows };
}

describe('Room.serverWrite', () => {
  it('writes after pending client updates, stores before broadcasting to every session, and returns the value and seq', async () => {
    const { store, room } = await setup();
    const a = new FakeSession('a');
    room.join(a);
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(room.doc));
    const pending = room.handleFrame(a, editFrame(client, (d) => d.getText('t').insert(10, 'further ')));
    const out = await room.serverWrite(CHAIR, (doc) => {
      const t = doc.getText('t');
      t.insert(t.length, 'resolutions');
      return t.toString();
    });
    await pending;
    expect(out.value).toBe('Recalling further resolutions');
    expect(room.doc.getText('t').toString()).toBe('Recalling further resolutions');
    const stored = await store.loadUpdates('d1');
    expect(stored.some((u) => u.seq === out.seq)).toBe(true);
    // The sender of the client update gets the server's write (server origin reaches everyone).
    expect(a.messages().filter((m) => m.kind === 'sync-update').length).toBe(1);
  });

  it('returns seq null and writes nothing when the builder changes nothing; a throwing builder changes nothing', async () => {
    const { store, room } = await setup();
    const before = (await store.loadUpdates('d1')).length;
    expect(await room.serverWrite(CHAIR, (doc) => doc.getText('t').length)).toEqual({ value: 10, seq: null });
    await expect(room.serverWrite(CHAIR, (doc) => { doc.getText('t').insert(0, 'x'); throw new Error('no'); })).rejects.toThrow('no');
    expect(room.doc.getText('t').toString()).toBe('Recalling ');
    expect((await store.loadUpdates('d1')).length).toBe(before);
  });

  it('serialises concurrent writes and records history rows with the given actor', async () => {
    const { room, rows } = await setup();
    const id = (await room.serverWrite(null, (doc) => proposeAmendment(doc, { author: 'Brazil', kind: 'wording', target: 'p', text: 'x' }))).value;
    const writes = ['one', 'two', 'three'].map((w) => room.serverWrite(CHAIR, (doc) => { doc.getText('t').insert(doc.getText('t').length, `${w} `); }));
    const seqs = (await Promise.all(writes)).map((r) => r.seq ?? 0);
    expect(seqs).toEqual([...seqs].sort((x, y) => x - y));
    expect(room.doc.getText('t').toString()).toBe('Recalling one two three ');
    await room.serverWrite(CHAIR, (doc) => setAmendmentStatus(doc, id, 'accepted'));
    expect(rows.find((r) => r.kind === 'amendment-accepted')).toMatchObject({ target: id, actor: CHAIR });
  });
});

/** A store whose appends wait while `held` is set, to keep a write in flight. */
class HeldStore extends MemoryStore {
  held: Promise<void> | null = null;
  waiting = 0;
  override async appendUpdate(id: string, update: Uint8Array): Promise<number> {
    if (this.held) {
      this.waiting++;
      await this.held;
    }
    return super.appendUpdate(id, update);
  }
}

/** Refuses any update that moves an amendment out of 'accepted' (the real gate's status-transition rule, reduced). */
const acceptedIsFinal: UpdateGate = {
  check(_session, update, doc) {
    const probe = new Y.Doc({ gc: false });
    Y.applyUpdate(probe, Y.encodeStateAsUpdate(doc));
    Y.applyUpdate(probe, update);
    const after = new Map(readAmendments(probe).map((a) => [a.id, a.status] as const));
    const moved = readAmendments(doc).some((a) => a.status === 'accepted' && after.get(a.id) !== 'accepted');
    probe.destroy();
    return moved ? { ok: false, reason: 'amendment-status-transition' } : { ok: true };
  },
};

describe('updates judged while a server write waits for the disk', () => {
  // Found by test/server/merge-race.test.ts (seed 3): a withdrawal that arrived while the chair's merge was
  // still being stored was judged against the doc without the merge, passed, and won the status key.
  it('a withdrawal arriving during a pending merge is judged against the merge, and refused', async () => {
    const store = new HeldStore();
    const seed = new Y.Doc();
    seed.getText('t').insert(0, 'Recalling ');
    await store.createDraft({ id: 'd1', title: 'T', symbol: 'A/1', kind: 'draft-resolution' }, Y.encodeStateAsUpdate(seed));
    const rooms = new RoomRegistry({ store, unloadGraceMs: 60_000, gate: acceptedIsFinal });
    const room = await rooms.acquire('d1');
    if (!room) throw new Error('room missing');
    const id = (await room.serverWrite(null, (doc) => proposeAmendment(doc, { author: 'Brazil', kind: 'wording', target: 'p', text: 'x' }))).value;
    const brazil = new FakeSession('brazil');
    room.join(brazil);
    // The highest client id wins concurrent writes to one map key: this withdrawal would win over the merge.
    const client = new Y.Doc();
    client.clientID = 0xffffffff;
    Y.applyUpdate(client, Y.encodeStateAsUpdate(room.doc));

    let release = (): void => {};
    store.held = new Promise<void>((resolve) => { release = resolve; });
    const merge = room.serverWrite(CHAIR, (doc) => setAmendmentStatus(doc, id, 'accepted'));
    for (let i = 0; i < 100 && store.waiting === 0; i++) await new Promise<void>((r) => setImmediate(r));
    expect(store.waiting).toBe(1);
    const withdrawal = room.handleFrame(brazil, editFrame(client, (d) => { withdrawAmendment(d, id); }));
    store.held = null;
    release();
    await merge;
    await withdrawal;
    expect(brazil.closedWith).toMatchObject({ code: CLOSE.updateRejected.code });
    expect(readAmendments(room.doc).find((a) => a.id === id)?.status).toBe('accepted');
  });
});

describe('helpers', () => {
  it('buildOnClone leaves the live doc alone and captures one update', () => {
    const live = new Y.Doc();
    live.getText('t').insert(0, 'a');
    const { value, update } = buildOnClone(live, (d) => { d.getText('t').insert(1, 'b'); d.getText('t').insert(2, 'c'); return 7; });
    expect(value).toBe(7);
    expect(live.getText('t').toString()).toBe('a');
    Y.applyUpdate(live, update ?? new Uint8Array());
    expect(live.getText('t').toString()).toBe('abc');
  });

  it('SerialQueue runs jobs in order even after a failure', async () => {
    const q = new SerialQueue();
    const order: number[] = [];
    let release = (): void => {};
    const gate = new Promise<void>((r) => { release = r; });
    const slow = q.run(async () => { await gate; order.push(1); });
    const bad = q.run(async () => { order.push(2); throw new Error('x'); });
    const last = q.run(async () => { order.push(3); });
    expect(order).toEqual([]);
    release();
    await Promise.allSettled([slow, bad, last]);
    expect(order).toEqual([1, 2, 3]);
  });
});

/** The room with the real permission gate, identity stamping and history: FakeSessions with identities. */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { checkUpdate } from '../../shared/permissions/gate.ts';
import { makeDoc, textOf } from '../../shared/permissions/testkit.ts';
import { recordPosition, setPhase } from '../../shared/negotiation/actions.ts';
import type { Actor, Role } from '../../shared/negotiation/layout.ts';
import { CLOSE } from '../core/close-codes.ts';
import { FakeSession, editFrame } from '../core/fake-session.ts';
import { decodeRefused, encodeAwareness } from '../core/protocol.ts';
import { RoomRegistry } from '../core/rooms.ts';
import { MemoryStore } from '../storage/memory-store.ts';
import { colorForName } from '../../shared/identity/color.ts';
import { identityStamp, permissionsGate } from './enforce.ts';

async function setup() {
  const store = new MemoryStore();
  await store.createDraft({ id: 'd1', title: 'T', symbol: 'A/1', kind: 'draft-resolution' }, Y.encodeStateAsUpdate(makeDoc()));
  const rooms = new RoomRegistry({
    store, unloadGraceMs: 60_000, gate: permissionsGate(checkUpdate), awarenessStamp: identityStamp(),
    history: (events) => store.access.appendEvents(events),
  });
  const room = (await rooms.acquire('d1'))!;
  let n = 0;
  const join = (participant: string, role: Role, delegation: string | null = null): FakeSession => {
    const actor: Actor = { participant, role, delegation };
    const s = new FakeSession(`s${++n}`, { actor, invitationId: `i${n}` });
    room.join(s);
    return s;
  };
  const replica = (): Y.Doc => {
    const d = new Y.Doc();
    Y.applyUpdate(d, Y.encodeStateAsUpdate(room.doc));
    return d;
  };
  return { store, room, join, replica };
}

const refusals = (s: FakeSession) => s.sent.map(decodeRefused).filter((r) => r !== null);

describe('enforced room', () => {
  it('a refused update: reason sent, then 4409; nothing applied, stored or broadcast', async () => {
    const { room, join, replica, store } = await setup();
    const kenya = join('Kenya', 'delegation', 'Kenya');
    const other = join('Brazil', 'penholder', 'Brazil');
    const before = Y.encodeStateAsUpdate(room.doc);
    const rows = (await store.loadUpdates('d1')).length;
    await room.handleFrame(kenya, editFrame(replica(), (d) => textOf(d, 'pp1').insert(0, 'Kenya was here ')));
    expect(refusals(kenya)).toEqual([{ reason: 'phase-forbids-text-edit', detail: expect.any(String) }]);
    expect(kenya.closedWith).toEqual(CLOSE.updateRejected);
    expect(other.sent).toEqual([]);
    expect(other.closedWith).toBeNull();
    expect(Y.encodeStateAsUpdate(room.doc)).toEqual(before);
    expect((await store.loadUpdates('d1')).length).toBe(rows);
  });

  it('missing dependencies: not closed, answered with sync step 1; pipelined keystrokes are judged on the head', async () => {
    const { room, join, replica } = await setup();
    const pen = join('Brazil', 'penholder', 'Brazil');
    const reader = join('Peru', 'delegation', 'Peru');
    const client = replica();
    editFrame(client, (d) => textOf(d, 'pp1').insert(0, 'A'));
    const second = editFrame(client, (d) => textOf(d, 'pp1').insert(1, 'B'));
    await room.handleFrame(pen, second);
    expect(pen.closedWith).toBeNull();
    expect(pen.messages().at(-1)?.kind).toBe('sync-step1');
    expect(reader.sent).toEqual([]);

    // Two dependent keystrokes sent back to back: the second arrives before the first is stored.
    const c2 = replica();
    const k1 = editFrame(c2, (d) => textOf(d, 'pp1').insert(0, 'X'));
    const k2 = editFrame(c2, (d) => textOf(d, 'pp1').insert(1, 'Y'));
    await Promise.all([room.handleFrame(pen, k1), room.handleFrame(pen, k2)]);
    expect(pen.closedWith).toBeNull();
    expect(textOf(room.doc, 'pp1').toString().startsWith('XY')).toBe(true);
    expect(reader.messages().filter((m) => m.kind === 'sync-update')).toHaveLength(2);
  });

  it('stamps presence with the token identity and tells a client claiming another one, once', async () => {
    const { room, join } = await setup();
    const kenya = join('Kenya', 'delegation', 'Kenya');
    const chair = join('Chair', 'chair');
    await room.handleFrame(kenya, encodeAwareness([{ clientID: 7, clock: 1, state: { user: { name: 'Chair', role: 'chair' }, cursor: 3 } }]));
    await room.handleFrame(kenya, encodeAwareness([{ clientID: 7, clock: 2, state: { user: { name: 'Chair' }, cursor: 4 } }]));
    const seen = chair.messages().flatMap((m) => (m.kind === 'awareness' ? m.entries : []));
    expect(seen.map((e) => e.state)).toEqual([
      { user: { name: 'Kenya', role: 'delegation', delegation: 'Kenya', color: colorForName('Kenya') }, cursor: 3 },
      { user: { name: 'Kenya', role: 'delegation', delegation: 'Kenya', color: colorForName('Kenya') }, cursor: 4 },
    ]);
    expect(refusals(kenya).map((r) => r.reason)).toEqual(['identity-overridden']);
    expect(kenya.closedWith).toBeNull();
    // Another session cannot speak for clientID 7.
    await room.handleFrame(chair, encodeAwareness([{ clientID: 7, clock: 9, state: { user: { name: 'Kenya' }, cursor: 99 } }]));
    expect(kenya.messages().filter((m) => m.kind === 'awareness')).toEqual([]);
  });

  it('records history rows for accepted position changes, with the actor', async () => {
    const { room, join, replica, store } = await setup();
    const chair = join('Chair', 'chair');
    const kenya = join('Kenya', 'delegation', 'Kenya');
    await room.handleFrame(chair, editFrame(replica(), (d) => setPhase(d, 'negotiation')));
    await room.handleFrame(kenya, editFrame(replica(), (d) => recordPosition(d, 'op1', 'Kenya', 'oppose', 'too strong')));
    await room.handleFrame(kenya, editFrame(replica(), (d) => recordPosition(d, 'op1', 'Kenya', 'can-accept')));
    expect(kenya.closedWith).toBeNull();
    const rows = await store.access.listEvents('d1', { kind: 'position' });
    expect(rows.map((r) => [r.target, r.actor?.participant, (r.detail as { stance: string }).stance])).toEqual([
      ['op1', 'Kenya', 'oppose'], ['op1', 'Kenya', 'can-accept'],
    ]);
    expect((rows[0].detail as { note: string; delegation: string })).toMatchObject({ note: 'too strong', delegation: 'Kenya' });
    expect(await store.access.listEvents('d1', { kind: 'phase' })).toMatchObject([{ target: 'draft', detail: { key: 'phase', value: 'negotiation' }, actor: { role: 'chair' } }]);
    // A refused position change leaves no row.
    await room.handleFrame(kenya, editFrame(replica(), (d) => recordPosition(d, 'op1', 'Chile', 'support')));
    expect(kenya.closedWith).toEqual(CLOSE.updateRejected);
    expect(await store.access.listEvents('d1', { kind: 'position' })).toHaveLength(2);
  });
});

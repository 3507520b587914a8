/** Which rows an accepted update adds to the record (auth/history.ts), and refused updates (the room). */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  cosignAmendment, editAmendmentText, joinDraftSponsors, leaveDraftSponsors, proposeAmendment, recordPosition, setAmendmentStatus,
  setPhase, uncosignAmendment, withdrawAmendment,
} from '../../shared/negotiation/actions.ts';
import type { Actor } from '../../shared/negotiation/layout.ts';
import { checkUpdate } from '../../shared/permissions/gate.ts';
import { makeDoc, textOf } from '../../shared/permissions/testkit.ts';
import { applyRecording, EditThrottle } from '../auth/history.ts';
import { permissionsGate } from '../auth/enforce.ts';
import { FakeSession, editFrame } from '../core/fake-session.ts';
import { RoomRegistry } from '../core/rooms.ts';
import { MemoryStore } from '../storage/memory-store.ts';
import { verifyLog } from './verify.ts';

const kenya: Actor = { participant: 'Kenya', role: 'delegation', delegation: 'Kenya' };

/** A server doc and a client replica; `send` applies the client's edit on the server and returns the rows. */
function pair(throttle?: EditThrottle) {
  const server = makeDoc();
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  const send = (edit: (d: Y.Doc) => void) => {
    const before = Y.encodeStateVector(client);
    edit(client);
    return applyRecording(server, Y.encodeStateAsUpdate(client, before), null, kenya, 'd1', throttle)
      .map((e) => ({ kind: e.kind, target: e.target, detail: e.detail }));
  };
  return { send };
}

describe('recorded kinds', () => {
  it('amendments: proposed, edited, co-signed, co-sign withdrawn, withdrawn, accepted, rejected', () => {
    const { send } = pair();
    let id = '';
    expect(send((d) => { id = proposeAmendment(d, { author: 'Kenya', kind: 'wording', target: 'op1', text: 'New words' }); }))
      .toEqual([{ kind: 'amendment-proposed', target: id, detail: { author: 'Kenya', kind: 'wording', target: 'op1', status: 'proposed' } }]);
    expect(send((d) => editAmendmentText(d, id, 'Newer words'))).toEqual([
      { kind: 'amendment-edited', target: id, detail: { fields: ['text'], length: 11 } },
    ]);
    expect(send((d) => cosignAmendment(d, id, 'Peru'))).toMatchObject([{ kind: 'amendment-cosigned', target: id, detail: { delegation: 'Peru' } }]);
    expect(send((d) => uncosignAmendment(d, id, 'Peru'))).toEqual([{ kind: 'amendment-cosign-withdrawn', target: id, detail: { delegation: 'Peru' } }]);
    expect(send((d) => withdrawAmendment(d, id)).map((r) => r.kind)).toEqual(['amendment-withdrawn']);
    expect(send((d) => setAmendmentStatus(d, id, 'accepted')).map((r) => r.kind)).toEqual(['amendment-accepted']);
    expect(send((d) => setAmendmentStatus(d, id, 'rejected'))).toMatchObject([{ kind: 'amendment-rejected', detail: { status: 'rejected', previous: 'accepted' } }]);
  });

  it('positions recorded then changed, sponsorship joined then left, phase changed', () => {
    const { send } = pair();
    expect(send((d) => recordPosition(d, 'op1', 'Kenya', 'support'))).toMatchObject([{ kind: 'position', target: 'op1', detail: { delegation: 'Kenya', change: 'recorded', stance: 'support' } }]);
    expect(send((d) => recordPosition(d, 'op1', 'Kenya', 'oppose'))).toMatchObject([{ kind: 'position', detail: { change: 'changed', stance: 'oppose', previous: { stance: 'support' } } }]);
    expect(send((d) => joinDraftSponsors(d, 'Kenya'))).toMatchObject([{ kind: 'sponsor', target: 'Kenya', detail: { change: 'joined' } }]);
    expect(send((d) => leaveDraftSponsors(d, 'Kenya'))).toMatchObject([{ kind: 'sponsor', target: 'Kenya', detail: { change: 'left' } }]);
    expect(send((d) => setPhase(d, 'negotiation'))).toMatchObject([{ kind: 'phase', detail: { key: 'phase', value: 'negotiation' } }]);
  });

  it('throttles amendment edits to one row per amendment per actor per window', () => {
    const { send } = pair(new EditThrottle(60_000));
    let id = '';
    send((d) => { id = proposeAmendment(d, { author: 'Kenya', kind: 'wording', target: 'op1', text: 'a' }); });
    const rows = [1, 2, 3].flatMap((n) => send((d) => editAmendmentText(d, id, 'a'.repeat(n + 1))));
    expect(rows.map((r) => r.kind)).toEqual(['amendment-edited']);
    const t = new EditThrottle(1000);
    expect([t.take('a', kenya, 0), t.take('a', kenya, 500), t.take('a', null, 500), t.take('a', kenya, 1000)]).toEqual([true, false, true, true]);
  });
});

describe('refused updates in the record', () => {
  it('a hostile edit is refused and appears with its reason and actor; the chain stays intact', async () => {
    const store = new MemoryStore();
    await store.createDraft({ id: 'd1', title: 'T', symbol: 'A/1', kind: 'draft-resolution' }, Y.encodeStateAsUpdate(makeDoc()));
    const rooms = new RoomRegistry({ store, unloadGraceMs: 60_000, gate: permissionsGate(checkUpdate), history: (e) => store.access.appendEvents(e) });
    const room = (await rooms.acquire('d1'))!;
    const hostile = new FakeSession('s1', { actor: kenya, invitationId: 'i1' });
    room.join(hostile);
    const replica = new Y.Doc();
    Y.applyUpdate(replica, Y.encodeStateAsUpdate(room.doc));
    await room.handleFrame(hostile, editFrame(replica, (d) => textOf(d, 'pp1').insert(0, 'Kenya was here ')));
    const deadline = Date.now() + 2000;
    let rows = await store.access.listEvents('d1', { kind: 'update-refused' });
    while (rows.length === 0 && Date.now() < deadline) {
      await new Promise((r) => setImmediate(r));
      rows = await store.access.listEvents('d1', { kind: 'update-refused' });
    }
    expect(rows).toMatchObject([{ actor: kenya, target: 'draft', detail: { reason: 'phase-forbids-text-edit', detail: expect.any(String), close: 4409 } }]);
    expect(verifyLog(await store.access.listChain('d1'))).toEqual({ ok: true, count: 1 });
  });
});

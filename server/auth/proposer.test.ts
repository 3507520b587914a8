/** The server records who proposed a new paragraph (issue 3): real gate, room, FakeSessions. */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { checkUpdate } from '../../shared/permissions/gate.ts';
import { element, makeDoc, paragraph, setAttr, textOf } from '../../shared/permissions/testkit.ts';
import { readParagraphSponsors } from '../../shared/negotiation/actions.ts';
import type { Actor, Role } from '../../shared/negotiation/layout.ts';
import { FakeSession, editFrame } from '../core/fake-session.ts';
import { RoomRegistry } from '../core/rooms.ts';
import { MemoryStore } from '../storage/memory-store.ts';
import { permissionsGate } from './enforce.ts';

async function setup() {
  const store = new MemoryStore();
  const initial = Y.encodeStateAsUpdate(makeDoc());
  await store.createDraft({ id: 'd1', title: 'T', symbol: 'A/1', kind: 'draft-resolution' }, initial);
  const rooms = new RoomRegistry({
    store, unloadGraceMs: 60_000, gate: permissionsGate(checkUpdate), history: (events) => store.access.appendEvents(events),
  });
  const room = (await rooms.acquire('d1'))!;
  let n = 0;
  const join = (participant: string, role: Role, delegation: string | null = null): FakeSession => {
    const actor: Actor = { participant, role, delegation };
    const s = new FakeSession(`s${++n}`, { actor, invitationId: `i${n}` });
    room.join(s);
    return s;
  };
  /** A client that synced the initial draft. */
  const client = (): Y.Doc => {
    const d = new Y.Doc();
    Y.applyUpdate(d, initial);
    return d;
  };
  /** What a session's client holds: its own doc plus every update the room sent it. */
  const view = (s: FakeSession, own = client()): Y.Doc => {
    for (const m of s.messages()) if (m.kind === 'sync-update') Y.applyUpdate(own, m.update);
    return own;
  };
  return { store, room, join, client, view };
}

/** Inserts an operative paragraph `id` after `afterId`. */
function insertParagraph(doc: Y.Doc, id: string, afterId: string, text: string): void {
  const body = doc.getXmlFragment('body');
  const index = body.toArray().indexOf(paragraph(doc, afterId)) + 1;
  const el = element('operative');
  setAttr(el, 'id', id);
  setAttr(el, 'level', 0);
  setAttr(el, 'labelStyle', 'un');
  const t = new Y.XmlText();
  t.insert(0, text);
  el.insert(0, [t]);
  body.insert(index, [el]);
}

const sponsorsOf = (doc: Y.Doc, id: string) => readParagraphSponsors(doc).filter((r) => r.paragraphId === id);

describe('proposer of new paragraphs', () => {
  it('a penholder inserts a paragraph: every session, the sender included, gets Brazil as proposer; stored and in history', async () => {
    const { store, room, join, client, view } = await setup();
    const brazil = join('Brazil', 'penholder', 'Brazil');
    const chair = join('Chair', 'chair');
    const peru = join('Peru', 'delegation', 'Peru');
    const own = client();
    await room.handleFrame(brazil, editFrame(own, (d) => insertParagraph(d, 'op9', 'op1', 'Decides to remain seized;')));
    await room.flush();
    expect(brazil.closedWith).toBeNull();

    const expected = [{ paragraphId: 'op9', delegation: 'Brazil', entry: { role: 'proposer', at: expect.any(String) } }];
    expect(sponsorsOf(room.doc, 'op9')).toEqual(expected);
    expect(sponsorsOf(view(brazil, own), 'op9')).toEqual(expected);
    expect(sponsorsOf(view(chair), 'op9')).toEqual(expected);
    expect(sponsorsOf(view(peru), 'op9')).toEqual(expected);
    // The sender got exactly one update (the proposer entry); the others got its edit and the entry.
    expect(brazil.messages().filter((m) => m.kind === 'sync-update')).toHaveLength(1);
    expect(chair.messages().filter((m) => m.kind === 'sync-update')).toHaveLength(2);

    // Durable: a doc rebuilt from the store has it.
    const reloaded = new Y.Doc();
    for (const row of await store.loadUpdates('d1')) Y.applyUpdate(reloaded, row.data);
    expect(sponsorsOf(reloaded, 'op9')).toEqual(expected);
    expect(await store.access.listEvents('d1', { kind: 'paragraph-sponsor' })).toMatchObject([
      { target: 'op9', detail: { delegation: 'Brazil', role: 'proposer' }, actor: { participant: 'Brazil' } },
    ]);

    // Typing in the new paragraph later writes nothing more.
    await room.handleFrame(brazil, editFrame(own, (d) => textOf(d, 'op9').insert(0, 'Also ')));
    await room.flush();
    expect(readParagraphSponsors(room.doc)).toHaveLength(1);
  });

  it('records nothing for a chair insert or for typing inside an existing paragraph', async () => {
    const { store, room, join, client, view } = await setup();
    const chair = join('Chair', 'chair');
    const brazil = join('Brazil', 'penholder', 'Brazil');
    await room.handleFrame(chair, editFrame(client(), (d) => insertParagraph(d, 'op8', 'op2', 'Requests a report;')));
    await room.handleFrame(brazil, editFrame(view(brazil), (d) => textOf(d, 'op1').insert(0, 'Firmly ')));
    await room.flush();
    expect(chair.closedWith).toBeNull();
    expect(brazil.closedWith).toBeNull();
    expect(textOf(room.doc, 'op1').toString().startsWith('Firmly ')).toBe(true);
    expect(paragraph(room.doc, 'op8')).toBeDefined();
    expect(readParagraphSponsors(room.doc)).toEqual([]);
    expect(chair.messages().filter((m) => m.kind === 'sync-update')).toHaveLength(1);
    expect(await store.access.listEvents('d1', { kind: 'paragraph-sponsor' })).toEqual([]);
  });
});

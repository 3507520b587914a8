/**
 * The chair's merge routes through app.request(), with a real RoomRegistry (history recorded) over the
 * memory store, and over SQLite for undo across a restart.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { blockElement, rewriteBlockText } from '../../shared/merge/body-edit.ts';
import { cosignAmendment, proposeAmendment, setPhase } from '../../shared/negotiation/actions.ts';
import type { Actor } from '../../shared/negotiation/layout.ts';
import { readAmendment, readParagraphSponsors } from '../../shared/negotiation/read.ts';
import { readBlocksFromYDoc } from '../../shared/resolution/ydoc.ts';
import { corpusText } from '../../test/fixtures/corpus.ts';
import { EVENT_KIND } from '../audit/chain.ts';
import { CLOSE } from '../core/close-codes.ts';
import { FakeSession } from '../core/fake-session.ts';
import { encodeSyncStep1 } from '../core/protocol.ts';
import { RoomRegistry } from '../core/rooms.ts';
import { createApp } from '../http/app.ts';
import { MemoryStore } from '../storage/memory-store.ts';
import { SqliteStore } from '../storage/sqlite-store.ts';

type Json = Record<string, unknown>;
const tmpDirs: string[] = [];
afterAll(() => { for (const d of tmpDirs) fs.rmSync(d, { recursive: true, force: true }); });

const post = (token: string, body?: unknown): RequestInit => ({
  method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: body === undefined ? '' : JSON.stringify(body),
});
const get = (token: string): RequestInit => ({ headers: { authorization: `Bearer ${token}` } });
const BRAZIL: Actor = { participant: 'Brazil delegate', role: 'delegation', delegation: 'Brazil' };

type Store = MemoryStore | SqliteStore;

function open(store: Store) {
  const rooms = new RoomRegistry({ store, metaDebounceMs: 10, unloadGraceMs: 60_000, history: (events) => store.access.appendEvents(events) });
  const app = createApp({ store, rooms, access: store.access, log: () => {}, clientDir: '/nonexistent/penholder-client' });
  return { rooms, app };
}

async function setup(store: Store = new MemoryStore()) {
  const { rooms, app } = open(store);
  const created = (await (await app.request('/api/drafts', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: corpusText('A-C.1-78-L.11') })).json()) as Json;
  const id = String(created.id);
  const invite = async (participant: string, role: string): Promise<string> =>
    String(((await (await app.request(`/api/drafts/${id}/invitations`, post(String(created.token), { participant, role }))).json()) as Json).token);
  const chair = await invite('Chair', 'chair');
  const brazil = await invite('Brazil', 'delegation');
  const kenya = await invite('Kenya', 'delegation');
  const room = await rooms.acquire(id);
  if (!room) throw new Error('no room');
  await room.serverWrite(null, (doc) => setPhase(doc, 'negotiation'));
  /** A write made as a delegation's client would (these tests are about the chair's routes). */
  const as = <T>(build: (doc: Y.Doc) => T) => room.serverWrite(BRAZIL, build).then((r) => r.value);
  const ops = () => readBlocksFromYDoc(room.doc).filter((b) => b.type === 'operative' && b.level === 0);
  const wording = (target: string, text: string, author = 'Brazil') =>
    as((doc) => proposeAmendment(doc, { author, kind: 'wording', target, baseText: readBlocksFromYDoc(doc).find((b) => b.id === target)?.text ?? '', text }));
  return { store, rooms, app, id, chair, brazil, kenya, room, as, ops, wording };
}

const text = (doc: Y.Doc, id: string): string => readBlocksFromYDoc(doc).find((b) => b.id === id)?.text ?? '';
const json = async (res: Response): Promise<Json> => (await res.json()) as Json;

describe('accepting amendments on the server', () => {
  it('merges wording, records the merge and the status row with the chair as actor, and broadcasts to open sessions', async () => {
    const { app, id, chair, room, ops, wording, store } = await setup();
    const watcher = new FakeSession('watcher');
    room.join(watcher);
    await room.handleFrame(watcher, encodeSyncStep1(Y.encodeStateVector(new Y.Doc())));
    const p = ops()[0];
    const aid = await wording(p.id, `${p.text} Extra words.`);
    const res = await app.request(`/api/drafts/${id}/amendments/${aid}/accept`, post(chair));
    expect(res.status).toBe(200);
    const merge = (await json(res)).merge as Json;
    expect(merge).toMatchObject({ amendmentId: aid, paragraphId: p.id, kind: 'wording', author: 'Brazil', acceptedBy: 'Chair' });
    expect(typeof merge.seq).toBe('number');
    expect(ops()[0].text).toBe(`${p.text} Extra words.`);
    expect(readAmendment(room.doc, aid)?.status).toBe('accepted');
    const replica = watcher.replica();
    expect(readBlocksFromYDoc(replica).find((b) => b.id === p.id)?.text).toBe(`${p.text} Extra words.`);
    expect(readAmendment(replica, aid)?.status).toBe('accepted');
    const events = await store.access.listEvents(id);
    expect(events.find((e) => e.kind === EVENT_KIND.amendmentAccepted && e.target === aid)?.actor?.participant).toBe('Chair');
    expect(events.find((e) => e.kind === EVENT_KIND.amendmentMerged)).toMatchObject({ target: p.id, detail: { amendmentId: aid, author: 'Brazil' } });
    // Accepting again: no longer proposed.
    const again = await app.request(`/api/drafts/${id}/amendments/${aid}/accept`, post(chair));
    expect(again.status).toBe(409);
    expect(((await json(again)).error as Json).code).toBe('not-proposed');
  });

  it('inserts a new paragraph with the proposer and co-signers as paragraph sponsors; undo removes both', async () => {
    const { app, id, chair, room, ops, as } = await setup();
    const after = ops()[1];
    const aid = await as((doc) => proposeAmendment(doc, { author: 'Brazil', kind: 'insert', after: after.id, paragraphKind: 'operative', level: 0, text: 'Calls for a new paragraph;' }));
    await as((doc) => cosignAmendment(doc, aid, 'Kenya'));
    const count = ops().length;
    const res = await app.request(`/api/drafts/${id}/amendments/${aid}/accept`, post(chair));
    expect(res.status).toBe(200);
    const merge = (await json(res)).merge as Json;
    expect(merge).toMatchObject({ kind: 'insert', author: 'Brazil', cosigners: ['Kenya'] });
    expect(ops().length).toBe(count + 1);
    expect(ops()[2]).toMatchObject({ id: merge.paragraphId, text: 'Calls for a new paragraph;' });
    const sponsors = readParagraphSponsors(room.doc).filter((s) => s.paragraphId === merge.paragraphId);
    expect(sponsors.map((s) => [s.delegation, s.entry.role]).sort()).toEqual([['Brazil', 'proposer'], ['Kenya', 'co']]);

    const undo = await app.request(`/api/drafts/${id}/merges/undo`, post(chair));
    expect(undo.status).toBe(200);
    expect(((await json(undo)).undone as Json).amendmentId).toBe(aid);
    expect(ops().length).toBe(count);
    expect(readParagraphSponsors(room.doc).filter((s) => s.paragraphId === merge.paragraphId)).toEqual([]);
    expect(readAmendment(room.doc, aid)?.status).toBe('proposed');
  });

  it('answers 409 with the conflicts (changing nothing), then accepts with the chair\'s choices', async () => {
    const { app, id, chair, room, ops, wording } = await setup();
    const p = ops()[0];
    const mine = await wording(p.id, `EDITED ${p.text}`);
    const theirs = await wording(p.id, `CHANGED ${p.text}`, 'Kenya');
    expect((await app.request(`/api/drafts/${id}/amendments/${mine}/accept`, post(chair))).status).toBe(200);
    const res = await app.request(`/api/drafts/${id}/amendments/${theirs}/accept`, post(chair, {}));
    expect(res.status).toBe(409);
    const error = (await json(res)).error as { code: string; conflicts: Array<{ ours: string; theirs: string }> };
    expect(error.code).toBe('conflict');
    expect(error.conflicts.length).toBe(1);
    expect(readAmendment(room.doc, theirs)?.status).toBe('proposed');
    expect(ops()[0].text).toBe(`EDITED ${p.text}`);
    const bad = await app.request(`/api/drafts/${id}/amendments/${theirs}/accept`, post(chair, { choices: ['ours', 'ours'] }));
    expect(bad.status).toBe(409);
    expect(((await json(bad)).error as Json).code).toBe('stale-plan');
    const ok = await app.request(`/api/drafts/${id}/amendments/${theirs}/accept`, post(chair, { choices: [{ text: 'EDITED AND CHANGED' }] }));
    expect(ok.status).toBe(200);
    expect(ops()[0].text.startsWith('EDITED AND CHANGED')).toBe(true);
    expect(readAmendment(room.doc, theirs)?.status).toBe('accepted');
  });

  it('refuses non-chairs (403), unknown amendments (404) and bad bodies (400)', async () => {
    const { app, id, brazil, chair, ops, wording } = await setup();
    const aid = await wording(ops()[0].id, 'Anything;');
    const res = await app.request(`/api/drafts/${id}/amendments/${aid}/accept`, post(brazil));
    expect(res.status).toBe(403);
    expect(((await json(res)).error as Json).code).toBe('chair-only');
    expect((await app.request(`/api/drafts/${id}/amendments/nope/accept`, post(chair))).status).toBe(404);
    expect((await app.request(`/api/drafts/${id}/amendments/${aid}/accept`, post(chair, { choices: 'ours' }))).status).toBe(400);
    expect((await app.request(`/api/drafts/${id}/merges/undo`, post(brazil))).status).toBe(409);
  });

  it('accepts several in order and stops at the first failure', async () => {
    const { app, id, chair, ops, wording, room } = await setup();
    const [p1, p2] = ops();
    const a = await wording(p1.id, `A ${p1.text}`);
    const b = await wording(p1.id, `B ${p1.text}`, 'Kenya');
    const c = await wording(p2.id, `C ${p2.text}`);
    const res = await app.request(`/api/drafts/${id}/amendments/accept`, post(chair, { ids: [a, b, c] }));
    expect(res.status).toBe(200);
    const body = (await json(res)) as { accepted: Json[]; stopped: Json };
    expect(body.accepted.map((m) => m.amendmentId)).toEqual([a]);
    expect(body.stopped).toMatchObject({ id: b, code: 'conflict' });
    expect(readAmendment(room.doc, c)?.status).toBe('proposed');
    expect((await app.request(`/api/drafts/${id}/amendments/accept`, post(chair, { ids: [] }))).status).toBe(400);
  });

  it('rejects (chair only)', async () => {
    const { app, id, chair, kenya, ops, wording, room } = await setup();
    const aid = await wording(ops()[0].id, 'Rejected wording;');
    expect((await app.request(`/api/drafts/${id}/amendments/${aid}/reject`, post(kenya))).status).toBe(403);
    expect((await app.request(`/api/drafts/${id}/amendments/${aid}/reject`, post(chair))).status).toBe(200);
    expect(readAmendment(room.doc, aid)?.status).toBe('rejected');
    expect((await app.request(`/api/drafts/${id}/amendments/${aid}/reject`, post(chair))).status).toBe(409);
  });
});

describe('undo', () => {
  it('undoes newest first, restoring text and status; refuses out of order and after later edits', async () => {
    const { app, id, chair, ops, wording, room } = await setup();
    const [p1, p2] = ops();
    const a = await wording(p1.id, `A ${p1.text}`);
    const b = await wording(p2.id, `B ${p2.text}`);
    const ma = ((await json(await app.request(`/api/drafts/${id}/amendments/${a}/accept`, post(chair)))).merge as Json).seq as number;
    const mb = ((await json(await app.request(`/api/drafts/${id}/amendments/${b}/accept`, post(chair)))).merge as Json).seq as number;
    const list = ((await json(await app.request(`/api/drafts/${id}/merges`, get(chair)))).merges as Json[]);
    expect(list.map((m) => [m.amendmentId, m.undoable])).toEqual([[b, true], [a, false]]);
    const early = await app.request(`/api/drafts/${id}/merges/undo`, post(chair, { seq: ma }));
    expect(early.status).toBe(409);
    expect(((await json(early)).error as Json).code).toBe('not-newest');
    expect((await app.request(`/api/drafts/${id}/merges/undo`, post(chair, { seq: mb }))).status).toBe(200);
    expect(ops()[1].text).toBe(p2.text);
    expect(readAmendment(room.doc, b)?.status).toBe('proposed');
    // The chair edits paragraph 1 after merging a: undoing a would overwrite that, so it is refused.
    await room.serverWrite(null, (doc) => rewriteBlockText(blockElement(doc, p1.id) as Y.XmlElement, `X ${text(doc, p1.id)}`));
    const blocked = await app.request(`/api/drafts/${id}/merges/undo`, post(chair));
    expect(blocked.status).toBe(409);
    expect(((await json(blocked)).error as Json).message).toMatch(/edited after the merge/);
    expect(readAmendment(room.doc, a)?.status).toBe('accepted');
  });

  it('survives a restart (SQLite): the undo record is in the record', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'penholder-merge-'));
    tmpDirs.push(dir);
    const file = path.join(dir, 'p.db');
    const first = await setup(new SqliteStore(file));
    const p = first.ops()[0];
    const aid = await first.wording(p.id, `Restart-proof ${p.text}`);
    expect((await first.app.request(`/api/drafts/${first.id}/amendments/${aid}/accept`, post(first.chair))).status).toBe(200);
    await first.rooms.stop(CLOSE.goingAway);
    await first.store.close();

    const store = new SqliteStore(file);
    const { rooms, app } = open(store);
    const list = (await json(await app.request(`/api/drafts/${first.id}/merges`, get(first.chair)))).merges as Json[];
    expect(list).toMatchObject([{ amendmentId: aid, undoable: true }]);
    expect((await app.request(`/api/drafts/${first.id}/merges/undo`, post(first.chair))).status).toBe(200);
    const room = await rooms.acquire(first.id);
    expect(readBlocksFromYDoc(room!.doc).find((b) => b.id === p.id)?.text).toBe(p.text);
    expect(readAmendment(room!.doc, aid)?.status).toBe('proposed');
    const after = (await json(await app.request(`/api/drafts/${first.id}/merges`, get(first.chair)))).merges as Json[];
    expect(after[0]).toMatchObject({ amendmentId: aid, undoable: false });
    expect(typeof after[0].undoneAt).toBe('string');
    await rooms.stop(CLOSE.goingAway);
    await store.close();
  });
});

describe('rebase and history', () => {
  it('the author rebases onto the current text; another delegation is refused; a conflict needs the text by hand', async () => {
    const { app, id, chair, brazil, kenya, ops, wording, room } = await setup();
    const p = ops()[0];
    const first = await wording(p.id, `${p.text} Tail.`, 'Kenya');
    const mine = await wording(p.id, `Head. ${p.text}`);
    expect((await app.request(`/api/drafts/${id}/amendments/${first}/accept`, post(chair))).status).toBe(200);
    expect((await app.request(`/api/drafts/${id}/amendments/${mine}/rebase`, post(kenya))).status).toBe(403);
    const res = await app.request(`/api/drafts/${id}/amendments/${mine}/rebase`, post(brazil));
    expect(res.status).toBe(200);
    expect(readAmendment(room.doc, mine)).toMatchObject({ text: `Head. ${p.text} Tail.`, baseText: `${p.text} Tail.` });

    const clash = await wording(ops()[0].id, `Other. ${p.text} Tail.`);
    expect((await app.request(`/api/drafts/${id}/amendments/${mine}/accept`, post(chair))).status).toBe(200);
    const conflict = await app.request(`/api/drafts/${id}/amendments/${clash}/rebase`, post(brazil));
    expect(conflict.status).toBe(409);
    expect(((await json(conflict)).error as Json).code).toBe('conflict');
    const byHand = await app.request(`/api/drafts/${id}/amendments/${clash}/rebase`, post(brazil, { text: `Head and other. ${p.text} Tail.` }));
    expect(byHand.status).toBe(200);
    expect(readAmendment(room.doc, clash)).toMatchObject({ text: `Head and other. ${p.text} Tail.`, baseText: `Head. ${p.text} Tail.` });
  });

  it('a paragraph\'s history cites the amendment, its author and co-signers, the chair, and the undo', async () => {
    const { app, id, chair, kenya, ops, wording, as } = await setup();
    const p = ops()[0];
    const aid = await wording(p.id, `${p.text} More.`);
    await as((doc) => cosignAmendment(doc, aid, 'Kenya'));
    await app.request(`/api/drafts/${id}/amendments/${aid}/accept`, post(chair));
    await app.request(`/api/drafts/${id}/merges/undo`, post(chair));
    const res = await app.request(`/api/drafts/${id}/paragraphs/${p.id}/history`, get(kenya));
    expect(res.status).toBe(200);
    const history = (await json(res)).history as Json[];
    const kinds = history.map((h) => h.kind);
    expect(kinds).toEqual(expect.arrayContaining(['amendment-proposed', 'amendment-cosigned', 'amendment-accepted', 'amendment-merged', 'merge-undone']));
    expect(kinds.indexOf('amendment-proposed')).toBeLessThan(kinds.indexOf('amendment-merged'));
    expect(history.find((h) => h.kind === 'amendment-merged')).toMatchObject({ amendmentId: aid, author: 'Brazil', cosigners: ['Kenya'], acceptedBy: 'Chair' });
    expect(String(history.find((h) => h.kind === 'amendment-merged')?.summary)).toMatch(/co-signed by Kenya/);
  });
});

/** Revisions through app.request(): issue, timeline, snapshot, roles, labels, immutability, compare; SQLite storage. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Comparison } from '../../shared/compare/align.ts';
import { ROOT } from '../../shared/resolution/ydoc.ts';
import { corpusText } from '../../test/fixtures/corpus.ts';
import { CLOSE } from '../core/close-codes.ts';
import { loadDoc, RoomRegistry } from '../core/rooms.ts';
import type { DocStore } from '../core/storage.ts';
import { createApp } from '../http/app.ts';
import { MemoryStore } from '../storage/memory-store.ts';
import { SqliteStore } from '../storage/sqlite-store.ts';
import { nextRevLabel, type RevisionStore } from './store.ts';

type Json = Record<string, unknown>;
const auth = (token: unknown, init: RequestInit = {}): RequestInit => ({ ...init, headers: { ...(init.headers ?? {}), authorization: `Bearer ${String(token)}` } });
const jsonPost = (token: unknown, body: unknown): RequestInit =>
  auth(token, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

const tmpDirs: string[] = [];
afterAll(() => { for (const d of tmpDirs) fs.rmSync(d, { recursive: true, force: true }); });

async function setup(kind: 'memory' | 'sqlite' = 'memory') {
  let store: DocStore & { revisions: RevisionStore; access: MemoryStore['access'] | SqliteStore['access'] };
  if (kind === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'penholder-rev-'));
    tmpDirs.push(dir);
    store = new SqliteStore(path.join(dir, 'p.db'));
  } else store = new MemoryStore();
  const rooms = new RoomRegistry({ store, metaDebounceMs: 10, unloadGraceMs: 60_000 });
  const app = createApp({ store, rooms, access: store.access, revisions: store.revisions, log: () => {}, clientDir: '/nonexistent/penholder-client' });
  const created = (await (await app.request('/api/drafts', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: corpusText('A-C.1-78-L.11') })).json()) as Json;
  const id = String(created.id);
  const invite = async (participant: string, role: string): Promise<string> =>
    String(((await (await app.request(`/api/drafts/${id}/invitations`, jsonPost(created.token, { participant, role }))).json()) as Json).token);
  return { store, rooms, app, id, secretariat: String(created.token), invite };
}

/** Appends an edit made outside any room: prefixes the last body paragraph and changes the symbol. */
async function editStored(store: DocStore, id: string, prefix: string): Promise<void> {
  const { doc } = await loadDoc(store, id);
  const sv = Y.encodeStateVector(doc);
  const body = doc.getXmlFragment(ROOT.body);
  const last = body.get(body.length - 1);
  if (!(last instanceof Y.XmlElement)) throw new Error('no paragraph');
  const text = last.get(0);
  if (!(text instanceof Y.XmlText)) throw new Error('no text');
  text.insert(0, prefix);
  await store.appendUpdate(id, Y.encodeStateAsUpdate(doc, sv));
  doc.destroy();
}

describe('revisions', () => {
  it('defaults labels to the next Rev.N', () => {
    expect(nextRevLabel([])).toBe('Rev.1');
    expect(nextRevLabel(['Rev.1', 'informal 12 March', 'rev.3'])).toBe('Rev.4');
  });

  it('lets the chair and the secretariat issue, anyone read; lists the timeline; records revision-issued', async () => {
    const { app, id, secretariat, invite } = await setup();
    const chair = await invite('Chair', 'chair');
    const kenya = await invite('kenya', 'delegation');
    const first = await app.request(`/api/drafts/${id}/revisions`, auth(secretariat, { method: 'POST' }));
    expect(first.status).toBe(201);
    const r1 = (await first.json()) as Json;
    expect(r1).toMatchObject({ label: 'Rev.1', seq: 1, issuedBy: { participant: 'Secretariat', role: 'secretariat', delegation: null } });
    expect(String(r1.id)).toMatch(/^rev_/);
    const r2 = (await (await app.request(`/api/drafts/${id}/revisions`, jsonPost(chair, { label: ' informal 12 March ' }))).json()) as Json;
    expect(r2).toMatchObject({ label: 'informal 12 March', seq: 2, issuedBy: { participant: 'Chair', role: 'chair' } });
    const r3 = (await (await app.request(`/api/drafts/${id}/revisions`, jsonPost(chair, {}))).json()) as Json;
    expect(r3).toMatchObject({ label: 'Rev.2', seq: 3 });

    const list = (await (await app.request(`/api/drafts/${id}/revisions`, auth(kenya))).json()) as { revisions: Json[] };
    expect(list.revisions.map((r) => [r.seq, r.label])).toEqual([[1, 'Rev.1'], [2, 'informal 12 March'], [3, 'Rev.2']]);
    expect(list.revisions[0]).not.toHaveProperty('state');

    const snap = (await (await app.request(`/api/drafts/${id}/revisions/${String(r1.id)}`, auth(kenya))).json()) as Json;
    expect(snap).toMatchObject({ id: r1.id, label: 'Rev.1', draftId: id, phase: 'drafting', amendments: [], positions: [] });
    const live = (await (await app.request(`/api/drafts/${id}`, auth(kenya))).json()) as Json;
    const { id: _id, ...liveResolution } = live;
    expect(snap.resolution).toEqual(liveResolution);
    const byLabel = (await (await app.request(`/api/drafts/${id}/revisions/${encodeURIComponent('Rev.2')}`, auth(kenya))).json()) as Json;
    expect(byLabel.id).toBe(r3.id);

    const log = (await (await app.request(`/api/drafts/${id}/log?kind=revision-issued`, auth(kenya))).json()) as { events: Json[] };
    expect(log.events.map((e) => [e.target, (e.detail as Json).label])).toEqual([[r1.id, 'Rev.1'], [r2.id, 'informal 12 March'], [r3.id, 'Rev.2']]);
    const verify = (await (await app.request(`/api/drafts/${id}/log/verify`, auth(kenya))).json()) as Json;
    expect(verify.ok).toBe(true);
  });

  it('refuses other roles (403), missing tokens (401), duplicate labels (409), bad labels (400), unknown revisions (404)', async () => {
    const { app, id, secretariat, invite } = await setup();
    for (const [name, role] of [['brazil', 'penholder'], ['kenya', 'delegation'], ['Guest', 'observer']]) {
      const res = await app.request(`/api/drafts/${id}/revisions`, auth(await invite(name, role), { method: 'POST' }));
      expect(res.status).toBe(403);
    }
    expect((await app.request(`/api/drafts/${id}/revisions`, { method: 'POST' })).status).toBe(401);
    expect((await app.request(`/api/drafts/${id}/revisions`)).status).toBe(401);
    expect((await app.request(`/api/drafts/${id}/revisions`, jsonPost(secretariat, { label: 'Rev.1' }))).status).toBe(201);
    const dup = await app.request(`/api/drafts/${id}/revisions`, jsonPost(secretariat, { label: 'rev.1' }));
    expect(dup.status).toBe(409);
    expect(((await dup.json()) as { error: Json }).error.code).toBe('duplicate-label');
    for (const label of ['', 'a\nb', 42, 'x'.repeat(81)]) {
      const bad = await app.request(`/api/drafts/${id}/revisions`, jsonPost(secretariat, { label }));
      expect(bad.status).toBe(400);
    }
    const junk = await app.request(`/api/drafts/${id}/revisions`, auth(secretariat, { method: 'POST', body: '{nope' }));
    expect(junk.status).toBe(400);
    expect((await app.request(`/api/drafts/${id}/revisions/rev_AAAAAAAAAAAA`, auth(secretariat))).status).toBe(404);
    const list = (await (await app.request(`/api/drafts/${id}/revisions`, auth(secretariat))).json()) as { revisions: Json[] };
    expect(list.revisions).toHaveLength(1);
  });

  for (const kind of ['memory', 'sqlite'] as const) {
    it(`keeps a stored revision unchanged by later edits and compares it with the live text (${kind})`, async () => {
      const { store, rooms, app, id, secretariat } = await setup(kind);
      const r1 = (await (await app.request(`/api/drafts/${id}/revisions`, auth(secretariat, { method: 'POST' }))).json()) as Json;
      const before = (await (await app.request(`/api/drafts/${id}/revisions/${String(r1.id)}`, auth(secretariat))).json()) as Json;
      await editStored(store, id, 'Strongly ');
      // And an edit in a live room, the path a connected client takes.
      const room = await rooms.acquire(id);
      if (!room) throw new Error('room did not load');
      room.doc.getMap(ROOT.meta).set('symbol', 'A/C.1/78/L.11/Rev.1');
      const after = (await (await app.request(`/api/drafts/${id}/revisions/${String(r1.id)}`, auth(secretariat))).json()) as Json;
      expect(after).toEqual(before);
      const stored = await store.revisions.getRevision(id, String(r1.id));
      const replica = new Y.Doc();
      Y.applyUpdate(replica, stored?.state ?? new Uint8Array());
      const oldSymbol = (before.resolution as { symbol: string }).symbol;
      expect(replica.getMap(ROOT.meta).get('symbol')).toBe(oldSymbol);
      expect(oldSymbol).not.toBe('A/C.1/78/L.11/Rev.1');
      replica.destroy();

      const cmp = await app.request(`/api/drafts/${id}/compare?from=${String(r1.id)}&to=live`, auth(secretariat));
      expect(cmp.status).toBe(200);
      const c = (await cmp.json()) as Comparison;
      expect(c.old.symbol).toBe(oldSymbol);
      expect(c.new.symbol).toBe('A/C.1/78/L.11/Rev.1');
      const changed = c.pairs.filter((p) => p.status === 'changed');
      expect(changed).toHaveLength(1);
      expect(changed[0].new?.text.startsWith('Strongly ')).toBe(true);
      expect(c.summary.unchanged).toBe(c.summary.total - 1);

      const r2 = (await (await app.request(`/api/drafts/${id}/revisions`, auth(secretariat, { method: 'POST' }))).json()) as Json;
      const same = (await (await app.request(`/api/drafts/${id}/compare?from=Rev.2&to=live`, auth(secretariat))).json()) as Comparison;
      expect(same.summary.unchanged).toBe(same.summary.total);
      expect(r2.label).toBe('Rev.2');
      expect((await app.request(`/api/drafts/${id}/compare?from=Rev.1`, auth(secretariat))).status).toBe(400);
      expect((await app.request(`/api/drafts/${id}/compare?from=Rev.9&to=live`, auth(secretariat))).status).toBe(404);
      await rooms.stop(CLOSE.goingAway);
      await store.close();
    });
  }

  it('refuses UPDATE on the SQLite revisions table', async () => {
    const { store, app, id, secretariat } = await setup('sqlite');
    expect((await app.request(`/api/drafts/${id}/revisions`, auth(secretariat, { method: 'POST' }))).status).toBe(201);
    const db = (store as SqliteStore).db;
    expect(() => db.prepare("UPDATE revisions SET label = 'Rev.9'").run()).toThrow(/immutable/);
    await store.close();
  });
});

import { fileURLToPath } from 'node:url';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CLOSE } from '../core/close-codes.ts';
import { FakeSession, editFrame } from '../core/fake-session.ts';
import { RoomRegistry } from '../core/rooms.ts';
import { MemoryStore } from '../storage/memory-store.ts';
import { createApp } from './app.ts';

const CORPUS = fileURLToPath(new URL('../../test/fixtures/corpus', import.meta.url));
const corpus = (name: string): string => fs.readFileSync(path.join(CORPUS, name), 'utf8');

const tmpDirs: string[] = [];
afterAll(() => { for (const d of tmpDirs) fs.rmSync(d, { recursive: true, force: true }); });

function setup(options: { maxBodyBytes?: number; clientDir?: string } = {}) {
  const store = new MemoryStore();
  const rooms = new RoomRegistry({ store, metaDebounceMs: 10, unloadGraceMs: 60_000 });
  const logs: string[] = [];
  const app = createApp({ store, rooms, access: store.access, log: (m) => logs.push(m), clientDir: options.clientDir ?? '/nonexistent/penholder-client', ...options });
  return { store, rooms, app, logs };
}

type Json = Record<string, unknown>;
const auth = (token: unknown): RequestInit => ({ headers: { authorization: `Bearer ${String(token)}` } });
const json = async (res: Response): Promise<Json> => (await res.json()) as Json;

async function expectError(res: Response, status: number, code: string): Promise<void> {
  expect(res.status).toBe(status);
  const body = await json(res);
  expect(body.error).toMatchObject({ code });
  expect(typeof (body.error as Json).message).toBe('string');
}

describe('POST /api/drafts', () => {
  it('creates an empty draft with no body, or with JSON {}', async () => {
    const { app, store } = setup();
    for (const init of [{ method: 'POST' }, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }]) {
      const res = await app.request('/api/drafts', init);
      expect(res.status).toBe(201);
      const body = await json(res);
      expect(body.id).toMatch(/^[A-Za-z0-9_-]{12}$/);
      expect(body).toMatchObject({ kind: 'draft-resolution', symbol: '' });
      expect(typeof body.createdAt).toBe('string');
      expect(await store.loadUpdates(body.id as string)).toHaveLength(1);
    }
    const ids = (await store.listDrafts()).map((d) => d.id);
    expect(new Set(ids).size).toBe(2);
  });

  it('imports a resolution sent as text/plain or as JSON {"text"}', async () => {
    const { app } = setup();
    const text = corpus('A-RES-78-16.txt');
    const asText = await app.request('/api/drafts', { method: 'POST', headers: { 'content-type': 'text/plain; charset=utf-8' }, body: text });
    expect(asText.status).toBe(201);
    const created = await json(asText);
    expect(created.symbol).toBe('A/RES/78/16');
    expect(created.kind).toBe('resolution');
    const asJson = await app.request('/api/drafts', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text }) });
    expect(asJson.status).toBe(201);
    const read = await json(await app.request(`/api/drafts/${created.id as string}`, auth(created.token)));
    expect(read.id).toBe(created.id);
    expect(read.symbol).toBe('A/RES/78/16');
    expect((read.operative as unknown[]).length).toBeGreaterThan(0);
  });

  it('refuses a text that is not a resolution with 422 and the importer code', async () => {
    const { app, store } = setup();
    const res = await app.request('/api/drafts', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: corpus('non-paper-programme-of-action.txt') });
    await expectError(res, 422, 'not-a-resolution');
    expect(await store.listDrafts()).toEqual([]);
  });

  it('400 for bad JSON and bad shapes, 415 for other media types, 413 for big bodies', async () => {
    const { app, store } = setup({ maxBodyBytes: 1000 });
    const post = (body: string, type: string) => app.request('/api/drafts', { method: 'POST', headers: { 'content-type': type }, body });
    await expectError(await post('{"text": ', 'application/json'), 400, 'bad-json');
    await expectError(await post('[1,2]', 'application/json'), 400, 'bad-body');
    await expectError(await post('{"text": 42}', 'application/json'), 400, 'bad-body');
    await expectError(await post('<x/>', 'application/xml'), 415, 'unsupported-media-type');
    await expectError(await post('x'.repeat(5000), 'text/plain'), 413, 'too-large');
    // Without a content-length header the limit is enforced while streaming.
    const stream = new ReadableStream<Uint8Array>({
      start(c) { c.enqueue(new TextEncoder().encode('y'.repeat(3000))); c.close(); },
    });
    const streamed = await app.request('/api/drafts', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: stream, duplex: 'half' } as RequestInit);
    await expectError(streamed, 413, 'too-large');
    expect(await store.listDrafts()).toEqual([]);
  });
});

describe('GET/DELETE /api/drafts', () => {
  it('lists drafts', async () => {
    const { app } = setup();
    const a = await json(await app.request('/api/drafts', { method: 'POST' }));
    const list = await json(await app.request('/api/drafts'));
    expect(list.drafts).toEqual([expect.objectContaining({ id: a.id, title: a.title, symbol: '', createdAt: a.createdAt, updatedAt: expect.any(String) })]);
  });

  it('reads the live room doc, and refreshes list metadata after edits', async () => {
    const { app, rooms } = setup();
    const { id, token } = (await json(await app.request('/api/drafts', { method: 'POST' }))) as { id: string; token: string };
    const room = (await rooms.acquire(id))!;
    const session = new FakeSession('s');
    room.join(session);
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(room.doc));
    await room.handleFrame(session, editFrame(client, (d) => d.getMap('meta').set('symbol', 'A/C.1/80/L.5')));
    const read = await json(await app.request(`/api/drafts/${id}`, auth(token)));
    expect(read).toMatchObject({ id, symbol: 'A/C.1/80/L.5' });
    const deadline = Date.now() + 5000;
    let listed: Json[] = [];
    while (Date.now() < deadline) {
      listed = (await json(await app.request('/api/drafts'))).drafts as Json[];
      if (listed[0]?.symbol === 'A/C.1/80/L.5') break;
      await new Promise((r) => setTimeout(r, 10));
    }
    expect(listed[0]).toMatchObject({ id, symbol: 'A/C.1/80/L.5' });
  });

  it('401 for unknown ids without a token (ids are not probed); unknown API routes are JSON 404s', async () => {
    const { app } = setup();
    await expectError(await app.request('/api/drafts/nope'), 401, 'unauthorized');
    await expectError(await app.request('/api/drafts/nope', { method: 'DELETE' }), 401, 'unauthorized');
    await expectError(await app.request('/api/whatever'), 404, 'not-found');
  });

  it('DELETE removes the draft and closes open sessions with draft-deleted', async () => {
    const { app, rooms, store } = setup();
    const { id, token } = (await json(await app.request('/api/drafts', { method: 'POST' }))) as { id: string; token: string };
    const room = (await rooms.acquire(id))!;
    const session = new FakeSession('s');
    room.join(session);
    const res = await app.request(`/api/drafts/${id}`, { method: 'DELETE', ...auth(token) });
    expect(res.status).toBe(204);
    expect(session.closedWith).toEqual(CLOSE.draftDeleted);
    expect(await store.getDraftMeta(id)).toBeNull();
    expect(rooms.peek(id)).toBeUndefined();
    // The draft's invitations went with it: the creator's token no longer opens anything.
    await expectError(await app.request(`/api/drafts/${id}`, auth(token)), 401, 'unauthorized');
    expect(await store.access.listInvitations(id)).toEqual([]);
    expect(await rooms.acquire(id)).toBeNull();
  });

  it('internal errors become a JSON 500 and are logged', async () => {
    const { app, store, logs } = setup();
    store.listDrafts = async () => { throw new Error('db exploded'); };
    await expectError(await app.request('/api/drafts'), 500, 'internal-error');
    expect(logs.join('\n')).toContain('db exploded');
  });
});

describe('static client', () => {
  it('503 explains a missing build', async () => {
    const { app } = setup();
    const res = await app.request('/drafts/abc');
    expect(res.status).toBe(503);
    expect(await res.text()).toContain('npm run build');
  });

  it('serves files and falls back to index.html for client routes', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'penholder-client-'));
    tmpDirs.push(dir);
    fs.mkdirSync(path.join(dir, 'assets'));
    fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Penholder</title>');
    fs.writeFileSync(path.join(dir, 'assets', 'app.js'), 'console.log(1)');
    const { app } = setup({ clientDir: dir });
    const js = await app.request('/assets/app.js');
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toContain('javascript');
    expect(await js.text()).toBe('console.log(1)');
    const route = await app.request('/drafts/abc');
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('<title>Penholder</title>');
    expect((await app.request('/assets/missing.js')).status).toBe(404);
    expect((await app.request('/../../etc/passwd.txt')).status).not.toBe(200);
  });
});

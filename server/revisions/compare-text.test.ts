/** POST /api/drafts/:id/compare through app.request(): the draft (live or a revision) against a pasted resolution text. */
import { describe, expect, it } from 'vitest';
import type { Comparison } from '../../shared/compare/align.ts';
import { corpusText, NON_PAPER } from '../../test/fixtures/corpus.ts';
import { RoomRegistry } from '../core/rooms.ts';
import { createApp } from '../http/app.ts';
import { MemoryStore } from '../storage/memory-store.ts';

type Json = Record<string, unknown>;
const auth = (token: string, init: RequestInit = {}): RequestInit => ({ ...init, headers: { ...(init.headers ?? {}), authorization: `Bearer ${token}` } });
const post = (token: string, body: unknown, type = 'application/json'): RequestInit =>
  auth(token, { method: 'POST', headers: { 'content-type': type }, body: typeof body === 'string' ? body : JSON.stringify(body) });

async function setup() {
  const store = new MemoryStore();
  const rooms = new RoomRegistry({ store, metaDebounceMs: 10, unloadGraceMs: 60_000 });
  const app = createApp({ store, rooms, access: store.access, revisions: store.revisions, log: () => {}, clientDir: '/nonexistent/penholder-client' });
  const created = (await (await app.request('/api/drafts', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: corpusText('A-RES-76-19') })).json()) as Json;
  const id = String(created.id);
  const token = String(created.token);
  const observer = String(((await (await app.request(`/api/drafts/${id}/invitations`, post(token, { participant: 'Guest', role: 'observer' }))).json()) as Json).token);
  return { app, id, token, observer };
}

describe('POST /api/drafts/:id/compare', () => {
  it('compares the live draft with a pasted resolution, the text on the old side by default or on the new side', async () => {
    const { app, id, observer } = await setup();
    const res = await app.request(`/api/drafts/${id}/compare`, post(observer, { from: 'live', text: corpusText('A-RES-78-16') }));
    expect(res.status).toBe(200);
    const c = (await res.json()) as Comparison;
    expect(c.old.symbol).toBe('A/RES/78/16');
    expect(c.new.symbol).toBe('A/RES/76/19');
    expect(c.summary.total).toBe(c.pairs.length);
    expect(c.summary.changed).toBeGreaterThan(0);
    expect(c.summary.unchanged + c.summary.changed + c.summary.new + c.summary.deleted + c.summary.moved).toBe(c.summary.total);
    for (const p of c.pairs.filter((x) => x.status === 'changed')) expect(p.diff?.length).toBeGreaterThan(0);

    const swapped = (await (await app.request(`/api/drafts/${id}/compare`, post(observer, { from: 'live', text: corpusText('A-RES-78-16'), textSide: 'new' }))).json()) as Comparison;
    expect(swapped.old.symbol).toBe('A/RES/76/19');
    expect(swapped.new.symbol).toBe('A/RES/78/16');
    expect(swapped.summary.new).toBe(c.summary.deleted);
    expect(swapped.summary.deleted).toBe(c.summary.new);
    expect(swapped.summary.changed).toBe(c.summary.changed);
  });

  it('compares a revision (by label) with the same text: all unchanged; "from" defaults to live', async () => {
    const { app, id, token } = await setup();
    expect((await app.request(`/api/drafts/${id}/revisions`, post(token, { label: 'Rev.1' }))).status).toBe(201);
    const same = (await (await app.request(`/api/drafts/${id}/compare`, post(token, { from: 'Rev.1', text: corpusText('A-RES-76-19') }))).json()) as Comparison;
    expect(same.summary.total).toBeGreaterThan(10);
    expect(same.summary.unchanged).toBe(same.summary.total);
    const live = (await (await app.request(`/api/drafts/${id}/compare`, post(token, { text: corpusText('A-RES-76-19') }))).json()) as Comparison;
    expect(live.summary).toEqual(same.summary);
  });

  it('refuses a text that is not a resolution (422 with the importer\'s reason) and malformed requests', async () => {
    const { app, id, token } = await setup();
    const notRes = await app.request(`/api/drafts/${id}/compare`, post(token, { from: 'live', text: corpusText(NON_PAPER) }));
    expect(notRes.status).toBe(422);
    const err = ((await notRes.json()) as { error: { code: string; message: string } }).error;
    expect(err.code).toBe('not-a-resolution');
    expect(err.message).toMatch(/^the text was not imported: /);

    const cases: Array<[RequestInit, number]> = [
      [post(token, { from: 'live' }), 400],
      [post(token, { from: 'live', text: '   ' }), 400],
      [post(token, { from: 7, text: 'x' }), 400],
      [post(token, { from: 'live', text: 'x', textSide: 'left' }), 400],
      [post(token, '{nope'), 400],
      [post(token, 'plain text', 'text/plain'), 415],
      [post(token, { from: 'Rev.9', text: corpusText('A-RES-78-16') }), 404],
      [{ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: 'x' }) }, 401],
    ];
    for (const [init, status] of cases) expect((await app.request(`/api/drafts/${id}/compare`, init)).status).toBe(status);
    expect((await app.request('/api/drafts/nosuchdraft/compare', post(token, { text: corpusText('A-RES-78-16') }))).status).toBe(403);
  });
});

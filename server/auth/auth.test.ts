/** Every auth path of the HTTP API, through app.request(): tokens, roles, invitations, create key. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RoomRegistry } from '../core/rooms.ts';
import { FakeSession } from '../core/fake-session.ts';
import { CLOSE } from '../core/close-codes.ts';
import { MemoryStore } from '../storage/memory-store.ts';
import { SqliteStore } from '../storage/sqlite-store.ts';
import { createApp } from '../http/app.ts';
import { hashToken } from './tokens.ts';

type Json = Record<string, unknown>;
const dirs: string[] = [];
afterAll(() => { for (const d of dirs) fs.rmSync(d, { recursive: true, force: true }); });

function setup(opts: { createKey?: string; sqlite?: boolean } = {}) {
  let store: MemoryStore | SqliteStore;
  if (opts.sqlite) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'penholder-auth-'));
    dirs.push(dir);
    store = new SqliteStore(path.join(dir, 'p.db'));
  } else {
    store = new MemoryStore();
  }
  const rooms = new RoomRegistry({ store, unloadGraceMs: 60_000 });
  const app = createApp({ store, rooms, access: store.access, createKey: opts.createKey, clientDir: '/nonexistent', log: () => {} });
  const call = async (method: string, url: string, token?: string | null, body?: unknown): Promise<{ status: number; body: Json }> => {
    const headers: Record<string, string> = {};
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await app.request(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as Json) : {} };
  };
  const create = async (key?: string): Promise<{ id: string; token: string; body: Json }> => {
    const r = await call('POST', 'http://penholder.test/api/drafts', key);
    expect(r.status).toBe(201);
    return { id: r.body.id as string, token: r.body.token as string, body: r.body };
  };
  return { store, rooms, app, call, create };
}

const errorCode = (r: { body: Json }): unknown => (r.body.error as Json | undefined)?.code;

describe('creating drafts', () => {
  it('answers the creator a secretariat token and link; tokens are stored only as sha256', async () => {
    const { create, call, store } = setup({ sqlite: true });
    const { id, token, body } = await create();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(body).toMatchObject({ role: 'secretariat', participant: 'Secretariat', link: `http://penholder.test/#/d/${id}?token=${token}` });
    const me = await call('GET', `/api/drafts/${id}/me`, token);
    expect(me.body).toMatchObject({ draftId: id, participant: 'Secretariat', role: 'secretariat', delegation: null });
    const db = (store as SqliteStore).db;
    const rows = db.prepare('SELECT * FROM invitations').all() as Json[];
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(rows[0].token_hash).toBe(hashToken(token));
    await store.close();
  });

  it('is open without a create key; with PENHOLDER_CREATE_KEY it needs the key (also to list)', async () => {
    const open = setup();
    await open.create();
    expect((await open.call('GET', '/api/drafts')).status).toBe(200);

    const locked = setup({ createKey: 'k3y-for-tests' });
    for (const key of [undefined, 'wrong-key']) {
      const r = await locked.call('POST', '/api/drafts', key);
      expect(r.status).toBe(401);
      expect(errorCode(r)).toBe('create-key-required');
      expect(errorCode(await locked.call('GET', '/api/drafts', key))).toBe('create-key-required');
    }
    expect(await locked.store.listDrafts()).toEqual([]);
    const { token } = await locked.create('k3y-for-tests');
    // A draft token is not the create key.
    expect((await locked.call('GET', '/api/drafts', token)).status).toBe(401);
    const list = await locked.call('GET', '/api/drafts', 'k3y-for-tests');
    expect((list.body.drafts as unknown[]).length).toBe(1);
  });
});

describe('draft routes need a token of that draft', () => {
  it('401 without/with an unknown token, 403 with another draft\'s token, 200 with any role', async () => {
    const { create, call } = setup();
    const a = await create();
    const b = await create();
    const cases: Array<[string | null, number, string]> = [
      [null, 401, 'unauthorized'],
      ['x'.repeat(43), 401, 'unauthorized'],
      ['short', 401, 'unauthorized'],
      [b.token, 403, 'forbidden'],
    ];
    for (const [token, status, code] of cases) {
      for (const url of [`/api/drafts/${a.id}`, `/api/drafts/${a.id}/me`, `/api/drafts/${a.id}/history`]) {
        const r = await call('GET', url, token);
        expect([url, r.status, errorCode(r)]).toEqual([url, status, code]);
      }
    }
    const obs = await call('POST', `/api/drafts/${a.id}/invitations`, a.token, { participant: 'Press', role: 'observer' });
    expect((await call('GET', `/api/drafts/${a.id}`, obs.body.token as string)).status).toBe(200);
  });

  it('only the secretariat deletes a draft; deleting it drops its invitations', async () => {
    const { create, call, store } = setup();
    const { id, token } = await create();
    const chair = await call('POST', `/api/drafts/${id}/invitations`, token, { participant: 'Chair', role: 'chair' });
    const r = await call('DELETE', `/api/drafts/${id}`, chair.body.token as string);
    expect([r.status, errorCode(r)]).toEqual([403, 'forbidden']);
    expect((await call('DELETE', `/api/drafts/${id}`, token)).status).toBe(204);
    expect(await store.access.listInvitations(id)).toEqual([]);
    expect(errorCode(await call('GET', `/api/drafts/${id}`, token))).toBe('unauthorized');
  });
});

describe('invitations', () => {
  it('the secretariat invites any role; delegation names resolve through the directory', async () => {
    const { create, call } = setup();
    const { id, token } = await create();
    const inv = await call('POST', `http://penholder.test/api/drafts/${id}/invitations`, token, { participant: 'brazil', role: 'penholder' });
    expect(inv.status).toBe(201);
    expect(inv.body).toMatchObject({ participant: 'Brazil', role: 'penholder', delegation: 'Brazil' });
    expect(inv.body.link).toBe(`http://penholder.test/#/d/${id}?token=${inv.body.token as string}`);
    expect(typeof inv.body.id).toBe('string');
    const me = await call('GET', `/api/drafts/${id}/me`, inv.body.token as string);
    expect(me.body).toMatchObject({ participant: 'Brazil', role: 'penholder', delegation: 'Brazil', draftId: id });
    for (const [participant, role] of [['Madam Chair', 'chair'], ['Second Secretariat', 'secretariat'], ['NGO observer', 'observer'], ['UK', 'delegation']]) {
      const r = await call('POST', `/api/drafts/${id}/invitations`, token, { participant, role });
      expect([participant, r.status]).toEqual([participant, 201]);
    }
    const uk = await call('POST', `/api/drafts/${id}/invitations`, token, { participant: 'United Kingdom', role: 'delegation' });
    expect([uk.status, errorCode(uk)]).toEqual([409, 'already-invited']);
  });

  it('refuses bad requests with clear codes', async () => {
    const { create, call, app } = setup();
    const { id, token } = await create();
    const post = (body: unknown) => call('POST', `/api/drafts/${id}/invitations`, token, body);
    const cases: Array<[unknown, number, string]> = [
      [{ participant: 'Brazil', role: 'king' }, 422, 'unknown-role'],
      [{ participant: 'Atlantis', role: 'delegation' }, 422, 'unknown-delegation'],
      [{ participant: '', role: 'chair' }, 422, 'bad-participant'],
      [{ participant: 'Chair\nperson', role: 'chair' }, 422, 'bad-participant'],
      [{ participant: 'A|B', role: 'delegation', custom: true }, 422, 'bad-participant'],
      [{ participant: 'France', role: 'delegation', custom: 'yes' }, 400, 'bad-body'],
      [[1, 2], 400, 'bad-body'],
    ];
    for (const [body, status, code] of cases) {
      const r = await post(body);
      expect([body, r.status, errorCode(r)]).toEqual([body, status, code]);
      expect(typeof (r.body.error as Json).message).toBe('string');
    }
    const bad = await app.request(`/api/drafts/${id}/invitations`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: '{"x":' });
    expect(bad.status).toBe(400);
    const custom = await post({ participant: 'Atlantis', role: 'delegation', custom: true });
    expect(custom.status).toBe(201);
    expect(custom.body).toMatchObject({ participant: 'Atlantis', delegation: 'Atlantis' });
  });

  it('the chair invites anyone but a secretariat; other roles cannot invite or list', async () => {
    const { create, call } = setup();
    const { id, token } = await create();
    const chair = (await call('POST', `/api/drafts/${id}/invitations`, token, { participant: 'Chair', role: 'chair' })).body.token as string;
    const del = (await call('POST', `/api/drafts/${id}/invitations`, chair, { participant: 'Kenya', role: 'delegation' }));
    expect(del.status).toBe(201);
    const sec = await call('POST', `/api/drafts/${id}/invitations`, chair, { participant: 'Sec', role: 'secretariat' });
    expect([sec.status, errorCode(sec)]).toEqual([403, 'forbidden']);
    const kenya = del.body.token as string;
    for (const [method, body] of [['POST', { participant: 'Peru', role: 'delegation' }], ['GET', undefined]] as const) {
      const r = await call(method, `/api/drafts/${id}/invitations`, kenya, body);
      expect([r.status, errorCode(r)]).toEqual([403, 'forbidden']);
    }
    const list = await call('GET', `/api/drafts/${id}/invitations`, chair);
    expect((list.body.invitations as Json[]).map((i) => [i.participant, i.role, i.active])).toEqual([
      ['Secretariat', 'secretariat', true], ['Chair', 'chair', true], ['Kenya', 'delegation', true],
    ]);
    // Tokens never appear in the list, in clear or hashed.
    const text = JSON.stringify(list.body);
    for (const t of [token, chair, kenya]) {
      expect(text).not.toContain(t);
      expect(text).not.toContain(hashToken(t));
    }
  });

  it('revoking (by id or by token) stops the token, closes its sessions, and frees the delegation', async () => {
    const { create, call, rooms } = setup();
    const { id, token } = await create();
    const inv = await call('POST', `/api/drafts/${id}/invitations`, token, { participant: 'Chile', role: 'delegation' });
    const chile = inv.body.token as string;
    const room = (await rooms.acquire(id))!;
    const chileSession = new FakeSession('chile', { actor: { participant: 'Chile', role: 'delegation', delegation: 'Chile' }, invitationId: inv.body.id as string });
    const other = new FakeSession('other', { actor: { participant: 'Secretariat', role: 'secretariat', delegation: null }, invitationId: 'x' });
    room.join(chileSession);
    room.join(other);
    expect((await call('DELETE', `/api/drafts/${id}/invitations/${inv.body.id as string}`, token)).status).toBe(204);
    expect(chileSession.closedWith).toEqual(CLOSE.tokenRevoked);
    expect(other.closedWith).toBeNull();
    const after = await call('GET', `/api/drafts/${id}`, chile);
    expect([after.status, errorCode(after)]).toEqual([401, 'token-revoked']);
    const listed = (await call('GET', `/api/drafts/${id}/invitations`, token)).body.invitations as Json[];
    expect(listed.find((i) => i.id === inv.body.id)).toMatchObject({ active: false, revokedAt: expect.any(String) });

    const again = await call('POST', `/api/drafts/${id}/invitations`, token, { participant: 'Chile', role: 'delegation' });
    expect(again.status).toBe(201);
    expect((await call('DELETE', `/api/drafts/${id}/invitations/${again.body.token as string}`, token)).status).toBe(204);
    expect(errorCode(await call('GET', `/api/drafts/${id}/me`, again.body.token as string))).toBe('token-revoked');
    expect((await call('DELETE', `/api/drafts/${id}/invitations/nope`, token)).status).toBe(404);
    // A chair cannot revoke the secretariat.
    const chair = (await call('POST', `/api/drafts/${id}/invitations`, token, { participant: 'Chair', role: 'chair' })).body.token as string;
    const secId = ((await call('GET', `/api/drafts/${id}/invitations`, token)).body.invitations as Json[])[0].id as string;
    expect((await call('DELETE', `/api/drafts/${id}/invitations/${secId}`, chair)).status).toBe(403);
  });
});

/** The merge-route fetchers against a fake fetch: URLs, methods, bodies, token, parsing and errors. */
import { describe, expect, it } from 'vitest';
import type { DraftRequestContext, FetchLike } from '../api.ts';
import {
  acceptManyOnServer, acceptOnServer, listMerges, paragraphHistory, rebaseOnServer, rejectOnServer, undoOnServer,
} from './merge-api.ts';

interface Call { url: string; method: string; body: unknown; auth: string | null }

function fake(status: number, body: unknown): { ctx: DraftRequestContext; calls: Call[] } {
  const calls: Call[] = [];
  const fetch: FetchLike = async (url, init) => {
    const headers = new Headers(init?.headers);
    calls.push({ url, method: init?.method ?? 'GET', body: typeof init?.body === 'string' ? JSON.parse(init.body) : null, auth: headers.get('authorization') });
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  };
  return { ctx: { fetch, base: 'http://h', tokenFor: (id) => (id === 'd1' ? 'tok' : null) }, calls };
}

const MERGE = { seq: 7, amendmentId: 'a1', paragraphId: 'p1', kind: 'insert', author: 'Brazil', cosigners: ['Kenya'], acceptedBy: 'Chair', at: '2026-01-01T00:00:00Z' };

describe('merge-api', () => {
  it('accepts with the token and the chair\'s choices, parsing the merge', async () => {
    const { ctx, calls } = fake(200, { merge: MERGE });
    const res = await acceptOnServer(ctx, 'd1', 'a 1', ['ours', { text: 'x' }]);
    expect(res).toEqual({ ok: true, value: MERGE });
    expect(calls[0]).toEqual({ url: 'http://h/api/drafts/d1/amendments/a%201/accept', method: 'POST', body: { choices: ['ours', { text: 'x' }] }, auth: 'Bearer tok' });
    await acceptOnServer(ctx, 'd1', 'a1');
    expect(calls[1].body).toEqual({});
  });

  it('surfaces the server\'s error code and message', async () => {
    const { ctx } = fake(409, { error: { code: 'conflict', message: 'The amendment conflicts', conflicts: [] } });
    expect(await acceptOnServer(ctx, 'd1', 'a1')).toEqual({ ok: false, error: { status: 409, code: 'conflict', message: 'The amendment conflicts' } });
    const bad = fake(200, { merge: { nope: true } });
    expect(await acceptOnServer(bad.ctx, 'd1', 'a1')).toMatchObject({ ok: false, error: { code: 'bad-response' } });
  });

  it('rejects, accepts several, lists, undoes, rebases and reads a paragraph\'s history', async () => {
    const r = fake(200, { amendmentId: 'a1', status: 'rejected', seq: 3 });
    expect(await rejectOnServer(r.ctx, 'd1', 'a1')).toEqual({ ok: true, value: { amendmentId: 'a1', status: 'rejected' } });
    expect(r.calls[0].url).toBe('http://h/api/drafts/d1/amendments/a1/reject');

    const m = fake(200, { accepted: [MERGE], stopped: { id: 'a2', code: 'conflict', message: 'm' } });
    expect(await acceptManyOnServer(m.ctx, 'd1', ['a1', 'a2'])).toEqual({ ok: true, value: { accepted: [MERGE], stopped: { id: 'a2', code: 'conflict', message: 'm' } } });
    expect(m.calls[0]).toMatchObject({ url: 'http://h/api/drafts/d1/amendments/accept', body: { ids: ['a1', 'a2'] } });

    const l = fake(200, { merges: [{ ...MERGE, undoneAt: null, undoable: true, reason: null }, { bad: 1 }] });
    expect(await listMerges(l.ctx, 'd1')).toEqual({ ok: true, value: [{ ...MERGE, undoneAt: null, undoable: true, reason: null }] });
    expect(l.calls[0]).toMatchObject({ method: 'GET', url: 'http://h/api/drafts/d1/merges' });

    const u = fake(200, { undone: MERGE, seq: 9 });
    expect(await undoOnServer(u.ctx, 'd1', 7)).toEqual({ ok: true, value: MERGE });
    expect(u.calls[0]).toMatchObject({ url: 'http://h/api/drafts/d1/merges/undo', body: { seq: 7 } });

    const b = fake(200, { amendmentId: 'a1', text: 'new', baseText: 'base', seq: 4 });
    expect(await rebaseOnServer(b.ctx, 'd1', 'a1', 'new')).toEqual({ ok: true, value: { text: 'new', baseText: 'base' } });
    expect(b.calls[0]).toMatchObject({ url: 'http://h/api/drafts/d1/amendments/a1/rebase', body: { text: 'new' } });

    const h = fake(200, { history: [{ at: 't', kind: 'amendment-merged', actor: 'Chair', amendmentId: 'a1', author: 'Brazil', cosigners: ['Kenya'], acceptedBy: 'Chair', summary: 's' }] });
    const hist = await paragraphHistory(h.ctx, 'd1', 'p1');
    expect(hist).toMatchObject({ ok: true, value: [{ kind: 'amendment-merged', amendmentId: 'a1', cosigners: ['Kenya'], acceptedBy: 'Chair', amendmentKind: null }] });
    expect(h.calls[0].url).toBe('http://h/api/drafts/d1/paragraphs/p1/history');
  });

  it('a network failure is an error result, not a throw', async () => {
    const ctx: DraftRequestContext = { fetch: async () => { throw new Error('offline'); }, base: '', tokenFor: () => null };
    expect(await undoOnServer(ctx, 'd1')).toMatchObject({ ok: false, error: { status: 0, code: 'network' } });
  });
});

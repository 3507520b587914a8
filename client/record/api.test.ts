/** The record's API calls against a fake fetch: URLs, the bearer header, parsing and errors. */
import { describe, expect, it } from 'vitest';
import type { DraftRequestContext, FetchLike } from '../api.ts';
import { exportLog, fetchLog, parseLogEntry, verifyRecord } from './api.ts';
import { NO_LOG_FILTERS } from './model.ts';

function fake(respond: (url: string, init?: RequestInit) => Response): { ctx: DraftRequestContext; calls: Array<{ url: string; init?: RequestInit }> } {
  const calls: Array<{ url: string; init?: RequestInit }> = [];
  const fetchImpl: FetchLike = async (url, init) => {
    calls.push({ url, init });
    return respond(url, init);
  };
  return { ctx: { fetch: fetchImpl, base: 'http://h', tokenFor: (id) => (id === 'd1' ? 'tok' : null) }, calls };
}
const json = (body: unknown, status = 200): Response => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const header = (init: RequestInit | undefined, name: string): string | undefined => (init?.headers as Record<string, string> | undefined)?.[name];

describe('fetchLog', () => {
  it('sends the filters as query parameters and the token as a header; parses rows', async () => {
    const { ctx, calls } = fake(() => json({ events: [
      { seq: 2, at: 't', actor: { participant: 'Kenya', role: 'delegation', delegation: 'Kenya' }, kind: 'position', target: 'o1', detail: { stance: 'oppose' }, hash: 'h' },
      { seq: 'bad' },
      { seq: 3, at: 't', actor: null, kind: 'update-refused', target: 'draft' },
    ] }));
    const res = await fetchLog(ctx, 'd1', { ...NO_LOG_FILTERS, delegation: 'Kenya', kind: 'position' });
    expect(calls[0].url).toBe('http://h/api/drafts/d1/log?kind=position&delegation=Kenya');
    expect(header(calls[0].init, 'authorization')).toBe('Bearer tok');
    expect(res.ok && res.value).toEqual([
      { seq: 2, at: 't', actor: { participant: 'Kenya', role: 'delegation', delegation: 'Kenya' }, kind: 'position', target: 'o1', detail: { stance: 'oppose' } },
      { seq: 3, at: 't', actor: null, kind: 'update-refused', target: 'draft', detail: null },
    ]);
  });

  it('surfaces the server error', async () => {
    const { ctx } = fake(() => json({ error: { code: 'unauthorized', message: 'no token' } }, 401));
    const res = await fetchLog(ctx, 'd1', NO_LOG_FILTERS);
    expect(res).toEqual({ ok: false, error: { status: 401, code: 'unauthorized', message: 'no token' } });
  });

  it('parseLogEntry keeps an empty delegation as null', () => {
    expect(parseLogEntry({ seq: 1, kind: 'k', actor: { participant: 'C', role: 'chair', delegation: '' } })?.actor).toEqual({ participant: 'C', role: 'chair', delegation: null });
  });
});

describe('verifyRecord', () => {
  it('intact and broken answers', async () => {
    const ok = await verifyRecord(fake(() => json({ ok: true, count: 4 })).ctx, 'd1');
    expect(ok).toEqual({ ok: true, value: { ok: true, count: 4, firstBad: null } });
    const broken = await verifyRecord(fake(() => json({ ok: false, count: 4, firstBad: { seq: 3, problem: 'hash-mismatch', message: 'row 3 was altered' } })).ctx, 'd1');
    expect(broken.ok && broken.value.firstBad).toEqual({ seq: 3, problem: 'hash-mismatch', message: 'row 3 was altered' });
  });
});

describe('exportLog', () => {
  it('fetches the filtered file with the token in a header and returns its Blob', async () => {
    const { ctx, calls } = fake(() => new Response('seq,at\r\n1,t\r\n', { headers: { 'content-type': 'text/csv; charset=utf-8' } }));
    const res = await exportLog(ctx, 'd1', { ...NO_LOG_FILTERS, paragraph: 'o1' }, 'csv');
    expect(calls[0].url).toBe('http://h/api/drafts/d1/log?paragraph=o1&format=csv');
    expect(calls[0].url).not.toContain('tok');
    expect(header(calls[0].init, 'authorization')).toBe('Bearer tok');
    if (!res.ok) throw new Error(res.error.message);
    expect(res.value.type).toMatch(/^text\/csv/);
    expect(await res.value.text()).toBe('seq,at\r\n1,t\r\n');
  });

  it('a refused export and a network failure come back as errors', async () => {
    const refused = await exportLog(fake(() => json({ error: { code: 'bad-format', message: 'format must be json or csv' } }, 400)).ctx, 'd1', NO_LOG_FILTERS, 'json');
    expect(refused.ok ? null : refused.error.code).toBe('bad-format');
    const ctx: DraftRequestContext = { fetch: async () => { throw new Error('offline'); }, base: '', tokenFor: () => null };
    const down = await exportLog(ctx, 'd1', NO_LOG_FILTERS, 'csv');
    expect(down.ok ? null : down.error.code).toBe('network');
  });
});

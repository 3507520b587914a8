import { describe, expect, it } from 'vitest';
import type { DraftRequestContext } from '../api.ts';
import { compareSides, compareWithText, getRevision, issueRevision, listRevisions } from './api.ts';

interface Call { url: string; init: RequestInit }

function context(handler: (url: string, init: RequestInit) => Response, token: string | null = 'tok'): { ctx: DraftRequestContext; calls: Call[] } {
  const calls: Call[] = [];
  const ctx: DraftRequestContext = {
    base: 'http://h',
    tokenFor: () => token,
    fetch: async (url, init = {}) => {
      calls.push({ url, init });
      return handler(url, init);
    },
  };
  return { ctx, calls };
}

const json = (status: number, body: unknown): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const header = (c: Call, name: string): string | undefined => (c.init.headers as Record<string, string> | undefined)?.[name];

const META = { id: 'rev_aaaaaaaaaaaa', label: 'Rev.1', seq: 1, issuedBy: { participant: 'Chair', role: 'chair', delegation: null }, at: '2026-03-12T10:00:00.000Z' };
const COMPARISON = {
  old: { symbol: 'A', title: 't' }, new: { symbol: 'B', title: 't' },
  pairs: [{ status: 'unchanged', old: { ref: 'PP1', id: 'p', text: 'x', section: 'preamble', number: 1 }, new: { ref: 'PP1', id: 'p', text: 'x', section: 'preamble', number: 1 } }],
  summary: { unchanged: 1, changed: 0, new: 0, deleted: 0, moved: 0, total: 1 },
};

describe('revisions api', () => {
  it('lists the timeline oldest first with the bearer token, skipping malformed rows', async () => {
    const second = { ...META, id: 'rev_bbbbbbbbbbbb', label: 'Rev.2', seq: 2 };
    const { ctx, calls } = context(() => json(200, { revisions: [second, { id: 3 }, META] }));
    const res = await listRevisions(ctx, 'd/1');
    expect(res).toEqual({ ok: true, value: [META, second] });
    expect(calls[0].url).toBe('http://h/api/drafts/d%2F1/revisions');
    expect(header(calls[0], 'authorization')).toBe('Bearer tok');
  });

  it('issues with or without a label and surfaces the duplicate-label refusal verbatim', async () => {
    const { ctx, calls } = context((_url, init) => (JSON.parse(String(init.body)).label === 'Rev.1'
      ? json(409, { error: { code: 'duplicate-label', message: 'draft d already has a revision labelled "Rev.1"' } })
      : json(201, { ...META, label: 'Rev.2', seq: 2 })));
    const ok = await issueRevision(ctx, 'd');
    expect(ok.ok && ok.value.label).toBe('Rev.2');
    expect(calls[0].init.method).toBe('POST');
    expect(calls[0].init.body).toBe('{}');
    const dup = await issueRevision(ctx, 'd', 'Rev.1');
    expect(dup).toEqual({ ok: false, error: { status: 409, code: 'duplicate-label', message: 'draft d already has a revision labelled "Rev.1"' } });
  });

  it('reads a snapshot by label, rejecting a body without a resolution', async () => {
    const snapshot = { ...META, draftId: 'd', resolution: { title: 'T', preamble: [], operative: [] }, phase: 'negotiation', tabledAt: '', amendments: [], positions: [], paragraphSponsors: [], statuses: { p1: { status: 'agreed', by: 'Chair', at: '' } } };
    const { ctx, calls } = context((url) => (url.endsWith('Rev.1') ? json(200, snapshot) : json(200, META)));
    const res = await getRevision(ctx, 'd', 'Rev.1');
    expect(res.ok && res.value.phase).toBe('negotiation');
    expect(res.ok && res.value.statuses.p1.status).toBe('agreed');
    expect(calls[0].url).toBe('http://h/api/drafts/d/revisions/Rev.1');
    const bad = await getRevision(ctx, 'd', 'Rev.2');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.code).toBe('bad-response');
  });

  it('compares two sides by query and the draft with a text by POST', async () => {
    const { ctx, calls } = context(() => json(200, COMPARISON), null);
    const a = await compareSides(ctx, 'd', 'rev_aaaaaaaaaaaa', 'live');
    expect(a.ok && a.value.summary.total).toBe(1);
    expect(calls[0].url).toBe('http://h/api/drafts/d/compare?from=rev_aaaaaaaaaaaa&to=live');
    expect(header(calls[0], 'authorization')).toBeUndefined();
    await compareWithText(ctx, 'd', 'live', 'The General Assembly,', 'old');
    expect(calls[1].init.method).toBe('POST');
    expect(JSON.parse(String(calls[1].init.body))).toEqual({ from: 'live', text: 'The General Assembly,', textSide: 'old' });
  });

  it('passes the importer\'s refusal through and rejects a malformed comparison', async () => {
    const message = 'the text was not imported: This does not look like a resolution';
    const refused = await compareWithText(context(() => json(422, { error: { code: 'not-a-resolution', message } })).ctx, 'd', 'live', 'x', 'new');
    expect(refused).toEqual({ ok: false, error: { status: 422, code: 'not-a-resolution', message } });
    const junk = await compareSides(context(() => json(200, { ...COMPARISON, pairs: [{ status: 'weird' }] })).ctx, 'd', 'a', 'b');
    expect(junk.ok).toBe(false);
    const offline = await compareSides({ base: '', tokenFor: () => null, fetch: () => Promise.reject(new Error('down')) }, 'd', 'a', 'b');
    expect(offline.ok).toBe(false);
    if (!offline.ok) expect(offline.error.code).toBe('network');
  });
});

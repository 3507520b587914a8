import { describe, expect, it } from 'vitest';
import { createApi, type FetchLike } from './api.ts';

/** A fake fetch answering from a handler and recording requests. */
function fakeFetch(handler: (url: string, init: RequestInit) => Response) {
  const calls: { url: string; init: RequestInit }[] = [];
  const impl: FetchLike = async (url, init = {}) => {
    calls.push({ url, init });
    return handler(url, init);
  };
  return { impl, calls };
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('api', () => {
  it('lists drafts and drops malformed rows', async () => {
    const { impl } = fakeFetch(() => json(200, { drafts: [
      { id: 'd1', title: 'T', symbol: 'A/C.1/78/L.11', updatedAt: '2026-11-23T09:00:00Z', createdAt: '2026-11-23T08:00:00Z' },
      { title: 'no id' },
    ] }));
    const res = await createApi(impl).listDrafts();
    expect(res).toEqual({ ok: true, value: [
      { id: 'd1', title: 'T', symbol: 'A/C.1/78/L.11', updatedAt: '2026-11-23T09:00:00Z', createdAt: '2026-11-23T08:00:00Z' },
    ] });
  });

  it('posts imported text as text/plain and returns the new id', async () => {
    const { impl, calls } = fakeFetch(() => json(201, { id: 'd9', title: 'X', warnings: ['Footnote 3 has no marker', 7] }));
    const res = await createApi(impl).importDraft('The General Assembly,');
    expect(res).toEqual({ ok: true, value: { id: 'd9', title: 'X', token: '', warnings: ['Footnote 3 has no marker'] } });
    expect(calls[0].url).toBe('/api/drafts');
    expect(calls[0].init.method).toBe('POST');
    expect((calls[0].init.headers as Record<string, string>)['content-type']).toMatch(/^text\/plain/);
    expect(calls[0].init.body).toBe('The General Assembly,');
  });

  it('surfaces the server error message verbatim', async () => {
    const message = 'This is not a resolution: no organ line ("The General Assembly,") was found.';
    const { impl } = fakeFetch(() => json(422, { error: { code: 'not-a-resolution', message } }));
    const res = await createApi(impl).importDraft('hello');
    expect(res).toEqual({ ok: false, error: { status: 422, code: 'not-a-resolution', message } });
  });

  it('falls back to the status or plain body when the error is not JSON', async () => {
    const plain = await createApi(fakeFetch(() => new Response('Payload too large', { status: 413 })).impl).importDraft('x');
    expect(plain).toMatchObject({ ok: false, error: { status: 413, message: 'Payload too large' } });
    const html = await createApi(fakeFetch(() => new Response('<html>bad gateway</html>', { status: 502, statusText: 'Bad Gateway' })).impl).listDrafts();
    expect(html).toMatchObject({ ok: false, error: { status: 502, message: 'The server answered 502 Bad Gateway' } });
  });

  it('reports network failures without throwing', async () => {
    const impl: FetchLike = async () => { throw new TypeError('Failed to fetch'); };
    const res = await createApi(impl).deleteDraft('d1');
    expect(res).toEqual({ ok: false, error: { status: 0, code: 'network', message: 'Could not reach the server (Failed to fetch).' } });
  });

  it('accepts 204 for delete and encodes ids in paths', async () => {
    const { impl, calls } = fakeFetch(() => new Response(null, { status: 204 }));
    expect(await createApi(impl).deleteDraft('a/b')).toEqual({ ok: true, value: true });
    expect(calls[0].url).toBe('/api/drafts/a%2Fb');
    expect(calls[0].init.method).toBe('DELETE');
  });

  it('returns the creator token of a new draft', async () => {
    const { impl } = fakeFetch(() => json(201, { id: 'd2', token: 'tok-secretariat' }));
    expect(await createApi(impl).createEmptyDraft()).toMatchObject({ ok: true, value: { id: 'd2', token: 'tok-secretariat' } });
  });

  it('sends the draft\'s bearer token on every call about that draft, and none elsewhere', async () => {
    const tokens: Record<string, string> = { d1: 'abc' };
    const { impl, calls } = fakeFetch((url) => {
      if (url.endsWith('/me')) return json(200, { participant: 'Brazil', role: 'penholder', delegation: 'Brazil', draftId: 'd1' });
      if (url.endsWith('/invitations')) return json(200, { invitations: [
        { id: 'i1', participant: 'Chair', role: 'chair', delegation: null, createdAt: 't', createdBy: null, revokedAt: null },
        { id: 'i2', participant: 'X', role: 'emperor' },
      ] });
      return json(200, { drafts: [] });
    });
    const client = createApi(impl, '', (id) => tokens[id] ?? null);
    expect(await client.me('d1')).toEqual({ ok: true, value: { participant: 'Brazil', role: 'penholder', delegation: 'Brazil', draftId: 'd1' } });
    const list = await client.listInvitations('d1');
    expect(list.ok && list.value.map((i) => i.id)).toEqual(['i1']);
    await client.me('d2');
    await client.listDrafts();
    const authOf = (i: number) => (calls[i].init.headers as Record<string, string>).authorization;
    expect(authOf(0)).toBe('Bearer abc');
    expect(authOf(1)).toBe('Bearer abc');
    expect(authOf(2)).toBeUndefined();
    expect(authOf(3)).toBeUndefined();
  });

  it('posts invitations as JSON and revokes by id', async () => {
    const { impl, calls } = fakeFetch((_url, init) => init.method === 'DELETE'
      ? new Response(null, { status: 204 })
      : json(201, { id: 'i9', token: 't9', link: 'http://h/#/d/d1?token=t9' }));
    const client = createApi(impl, '', () => 'sec');
    expect(await client.createInvitation('d1', { participant: 'Brazil', role: 'penholder' }))
      .toEqual({ ok: true, value: { id: 'i9', token: 't9', link: 'http://h/#/d/d1?token=t9' } });
    expect(JSON.parse(String(calls[0].init.body))).toEqual({ participant: 'Brazil', role: 'penholder' });
    expect(await client.revokeInvitation('d1', 'i9')).toEqual({ ok: true, value: true });
    expect(calls[1].url).toBe('/api/drafts/d1/invitations/i9');
  });

  it('refuses a /me answer with an unknown role', async () => {
    const { impl } = fakeFetch(() => json(200, { participant: 'Z', role: 'king' }));
    expect(await createApi(impl).me('d1')).toMatchObject({ ok: false, error: { code: 'bad-response' } });
  });

  it('sends the creation key on create / import / list only, and the draft token on per-draft calls', async () => {
    const { impl, calls } = fakeFetch((url, init) =>
      url === '/api/drafts' && init.method === 'GET' ? json(200, { drafts: [] }) : json(201, { id: 'd1', token: 't', participant: 'x', role: 'observer' }));
    const tokens: Record<string, string> = { d1: 'tok-d1' };
    const client = createApi(impl, '', (id) => tokens[id] ?? null, () => 'k3y');
    await client.listDrafts();
    await client.createEmptyDraft();
    await client.importDraft('The General Assembly,');
    await client.me('d1');
    await client.getDraft('d2');
    const authOf = (i: number) => (calls[i].init.headers as Record<string, string>).authorization;
    expect([0, 1, 2].map(authOf)).toEqual(['Bearer k3y', 'Bearer k3y', 'Bearer k3y']);
    expect(authOf(3)).toBe('Bearer tok-d1');
    expect(authOf(4)).toBeUndefined(); // no token for d2: the key is not sent in its place
  });

  it('surfaces a 401 create-key-required with its code', async () => {
    const { impl } = fakeFetch(() => json(401, { error: { code: 'create-key-required', message: 'this server requires a key' } }));
    expect(await createApi(impl).createEmptyDraft()).toEqual({
      ok: false, error: { status: 401, code: 'create-key-required', message: 'this server requires a key' },
    });
  });
});

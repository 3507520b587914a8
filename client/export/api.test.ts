import { describe, expect, it } from 'vitest';
import type { DraftRequestContext, FetchLike } from '../api.ts';
import { exportUrl, fetchExport, fileNameFrom, listRevisionChoices } from './api.ts';

/** A context over a fake fetch that records requests; the draft's token is "tok-1". */
function fakeContext(handler: (url: string, init: RequestInit) => Response | Promise<Response>) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetch: FetchLike = async (url, init = {}) => {
    calls.push({ url, init });
    return handler(url, init);
  };
  const ctx: DraftRequestContext = { fetch, base: '', tokenFor: (id) => (id === 'd1' ? 'tok-1' : null) };
  return { ctx, calls };
}

describe('export api', () => {
  it('builds the URL with format, compilation format and revision, and never puts the token in it', () => {
    const { ctx } = fakeContext(() => new Response(''));
    expect(exportUrl(ctx, 'd1', { format: 'docx' })).toBe('/api/drafts/d1/export?format=docx');
    expect(exportUrl(ctx, 'd1', { format: 'compilation', as: 'html', revision: 'Rev.1' }))
      .toBe('/api/drafts/d1/export?format=compilation&as=html&revision=Rev.1');
    expect(exportUrl(ctx, 'd1', { format: 'txt', as: 'html', revision: 'live' })).toBe('/api/drafts/d1/export?format=txt');
    expect(exportUrl(ctx, 'a b', { format: 'akn', revision: 'informal 2 May' })).toBe('/api/drafts/a%20b/export?format=akn&revision=informal+2+May');
  });

  it('fetches the file with the bearer token in the header and takes the name from Content-Disposition', async () => {
    const bytes = new Uint8Array([0x50, 0x4b, 3, 4]);
    const { ctx, calls } = fakeContext(() => new Response(bytes, {
      status: 200,
      headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'content-disposition': 'attachment; filename="A_C.1_78_L.11_Rev.1.docx"' },
    }));
    const res = await fetchExport(ctx, 'd1', { format: 'docx', revision: 'rev_abc' });
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.value.fileName).toBe('A_C.1_78_L.11_Rev.1.docx');
    expect(res.value.contentType).toMatch(/wordprocessingml/);
    expect(new Uint8Array(await res.value.blob.arrayBuffer())).toEqual(bytes);
    expect(calls[0].url).toBe('/api/drafts/d1/export?format=docx&revision=rev_abc');
    expect(calls[0].url).not.toContain('tok-1');
    expect((calls[0].init.headers as Record<string, string>).authorization).toBe('Bearer tok-1');
  });

  it('surfaces the server refusal and network failures as errors', async () => {
    const refused = fakeContext(() => new Response(JSON.stringify({ error: { code: 'bad-format', message: 'unknown export format "pdf": use one of docx, akn, html, txt, compilation' } }), { status: 400 }));
    const res = await fetchExport(refused.ctx, 'd1', { format: 'docx' });
    expect(res).toEqual({ ok: false, error: { status: 400, code: 'bad-format', message: 'unknown export format "pdf": use one of docx, akn, html, txt, compilation' } });
    const down = fakeContext(() => { throw new Error('connection refused'); });
    const net = await fetchExport(down.ctx, 'd1', { format: 'txt' });
    expect(net.ok).toBe(false);
    if (!net.ok) expect(net.error).toMatchObject({ status: 0, code: 'network' });
  });

  it('falls back to a safe name when Content-Disposition is missing or odd', () => {
    expect(fileNameFrom(null, 'export.xml')).toBe('export.xml');
    expect(fileNameFrom('attachment; filename="../../etc/passwd"', 'x.txt')).toBe('etc_passwd');
    expect(fileNameFrom("attachment; filename*=UTF-8''A%2FRES%2F78%2F16.txt", 'x.txt')).toBe('A_RES_78_16.txt');
    expect(fileNameFrom('attachment; filename=plain.html', 'x.html')).toBe('plain.html');
    expect(fileNameFrom('attachment', 'x.html')).toBe('x.html');
  });

  it('lists revisions and drops malformed rows', async () => {
    const { ctx, calls } = fakeContext(() => new Response(JSON.stringify({ revisions: [
      { id: 'rev_1', label: 'Rev.1', seq: 1 }, { label: 'no id' }, { id: 'rev_2', label: 'informal 2 May', seq: 2 },
    ] }), { status: 200 }));
    expect(await listRevisionChoices(ctx, 'd1')).toEqual({ ok: true, value: [
      { id: 'rev_1', label: 'Rev.1', seq: 1 }, { id: 'rev_2', label: 'informal 2 May', seq: 2 },
    ] });
    expect((calls[0].init.headers as Record<string, string>).authorization).toBe('Bearer tok-1');
  });
});

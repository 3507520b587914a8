/**
 * GET /api/drafts/:id/export through app.request(): every format from the live text and from an issued
 * revision (Rev.N symbol and "revised draft resolution"), the compilation as DOCX and HTML with a
 * pending amendment attributed, observers allowed, errors (400 with the formats, 401, 404), the record.
 */
import { describe, expect, it } from 'vitest';
import { proposeAmendment } from '../../shared/negotiation/actions.ts';
import { importResolution } from '../../shared/import/index.ts';
import { corpusText } from '../../test/fixtures/corpus.ts';
import { RoomRegistry } from '../core/rooms.ts';
import { createApp } from '../http/app.ts';
import { MemoryStore } from '../storage/memory-store.ts';

type Json = Record<string, unknown>;
const auth = (token: string, init: RequestInit = {}): RequestInit => ({ ...init, headers: { ...(init.headers ?? {}), authorization: `Bearer ${token}` } });

async function setup() {
  const store = new MemoryStore();
  const rooms = new RoomRegistry({ store, metaDebounceMs: 10, unloadGraceMs: 60_000 });
  const app = createApp({ store, rooms, access: store.access, revisions: store.revisions, log: () => {}, clientDir: '/nonexistent/penholder-client' });
  const created = (await (await app.request('/api/drafts', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: corpusText('A-C.1-78-L.11') })).json()) as Json;
  const id = String(created.id);
  const secretariat = String(created.token);
  const invite = async (participant: string, role: string): Promise<string> => {
    const res = await app.request(`/api/drafts/${id}/invitations`, auth(secretariat, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ participant, role }),
    }));
    return String(((await res.json()) as Json).token);
  };
  // The corpus copy has no symbol line: the secretariat sets it, as in the masthead form.
  const room = await rooms.acquire(id);
  if (!room) throw new Error('room did not load');
  room.doc.getMap('meta').set('symbol', 'A/C.1/78/L.11');
  const get = (query: string, token = secretariat) => app.request(`/api/drafts/${id}/export${query}`, auth(token));
  return { app, rooms, id, secretariat, invite, get };
}

const bytesOf = async (res: Response): Promise<Uint8Array> => new Uint8Array(await res.arrayBuffer());
const startsWithPK = (b: Uint8Array): boolean => b[0] === 0x50 && b[1] === 0x4b;

describe('GET /api/drafts/:id/export', () => {
  it('exports the live draft in every format with its content type and a file name from the symbol', async () => {
    const { get } = await setup();
    const docx = await get('?format=docx');
    expect(docx.status).toBe(200);
    expect(docx.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(docx.headers.get('content-disposition')).toBe('attachment; filename="A_C.1_78_L.11.docx"');
    expect(startsWithPK(await bytesOf(docx))).toBe(true);

    const akn = await get('?format=AKN');
    expect(akn.status).toBe(200);
    expect(akn.headers.get('content-disposition')).toBe('attachment; filename="A_C.1_78_L.11.xml"');
    const xml = await akn.text();
    expect(xml).toContain('<akomaNtoso');
    expect(xml).toContain('A/C.1/78/L.11');

    const html = await get('?format=html');
    expect(html.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await html.text()).toContain('A/C.1/78/L.11');

    const txt = await get('?format=txt');
    expect(txt.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(txt.headers.get('content-disposition')).toBe('attachment; filename="A_C.1_78_L.11.txt"');
    const text = await txt.text();
    // The plain text is a resolution text again: the importer reads it back with the same paragraphs.
    const original = importResolution(corpusText('A-C.1-78-L.11'));
    const back = importResolution(text);
    expect(back.ok && original.ok).toBe(true);
    if (back.ok && original.ok) {
      expect(back.resolution.symbol).toBe('A/C.1/78/L.11');
      expect(back.resolution.operative.map((p) => p.text)).toEqual(original.resolution.operative.map((p) => p.text));
    }
  });

  it('exports an issued revision with /Rev.N and "revised draft resolution", by label or id', async () => {
    const { app, id, secretariat, get } = await setup();
    const rev = (await (await app.request(`/api/drafts/${id}/revisions`, auth(secretariat, { method: 'POST' }))).json()) as Json;
    expect(rev.label).toBe('Rev.1');
    const txt = await get('?format=txt&revision=Rev.1');
    expect(txt.status).toBe(200);
    expect(txt.headers.get('content-disposition')).toBe('attachment; filename="A_C.1_78_L.11_Rev.1.txt"');
    const text = await txt.text();
    expect(text).toContain('A/C.1/78/L.11/Rev.1');
    expect(text).toContain('revised draft resolution');
    const akn = await get(`?format=akn&revision=${String(rev.id)}`);
    expect(akn.status).toBe(200);
    expect(await akn.text()).toContain('A/C.1/78/L.11/Rev.1');
    // The live text is the original document: no /Rev.
    expect(await (await get('?format=txt&revision=live')).text()).not.toContain('/Rev.1');
  });

  it('keeps a /Rev.N the secretariat put on the live symbol', async () => {
    const { rooms, id, get } = await setup();
    const room = await rooms.acquire(id);
    if (!room) throw new Error('room did not load');
    room.doc.getMap('meta').set('symbol', 'A/C.1/78/L.11/Rev.2');
    const txt = await get('?format=txt');
    expect(txt.headers.get('content-disposition')).toBe('attachment; filename="A_C.1_78_L.11_Rev.2.txt"');
    const text = await txt.text();
    expect(text).toContain('A/C.1/78/L.11/Rev.2');
    expect(text).toContain('revised draft resolution');
  });

  it('exports the compilation as DOCX by default and as HTML, with pending amendments attributed', async () => {
    const { rooms, id, get } = await setup();
    const room = await rooms.acquire(id);
    if (!room) throw new Error('room did not load');
    const op1 = room.doc.getXmlFragment('body').toArray().find((n) => 'nodeName' in n && n.nodeName === 'operative');
    const target = op1 && 'getAttribute' in op1 ? String(op1.getAttribute('id')) : '';
    expect(target).not.toBe('');
    proposeAmendment(room.doc, { author: 'Brazil', kind: 'delete', target });
    proposeAmendment(room.doc, { author: 'Kenya', kind: 'insert', after: target, paragraphKind: 'operative', text: 'Invites all States to report on progress;' });

    const docx = await get('?format=compilation');
    expect(docx.status).toBe(200);
    expect(docx.headers.get('content-disposition')).toBe('attachment; filename="A_C.1_78_L.11_compilation.docx"');
    expect(startsWithPK(await bytesOf(docx))).toBe(true);

    const html = await get('?format=compilation&as=html');
    expect(html.status).toBe(200);
    expect(html.headers.get('content-disposition')).toBe('attachment; filename="A_C.1_78_L.11_compilation.html"');
    const page = (await html.text()).replace(/<[^>]+>/g, '');
    expect(page).toMatch(/OP1 bis\s*\[Kenya\]/);
    expect(page).toContain('Invites all States to report on progress;');
    expect(page).toMatch(/\[Brazil\]\s*delete the paragraph/);

    const txt = await (await get('?format=compilation&as=txt')).text();
    expect(txt).toMatch(/OP1 bis.*Kenya/);
  });

  it('lets an observer export and records every export with actor, format and revision', async () => {
    const { app, id, invite, get } = await setup();
    const guest = await invite('Guest', 'observer');
    expect((await get('?format=txt', guest)).status).toBe(200);
    await app.request(`/api/drafts/${id}/revisions`, auth(await invite('Chair', 'chair'), { method: 'POST' }));
    expect((await get('?format=compilation&as=html&revision=Rev.1', guest)).status).toBe(200);
    const log = (await (await app.request(`/api/drafts/${id}/log?kind=export-made`, auth(guest))).json()) as { events: Json[] };
    expect(log.events.map((e) => [(e.actor as Json).participant, (e.actor as Json).role, e.detail])).toEqual([
      ['Guest', 'observer', { format: 'txt', revision: null, symbol: 'A/C.1/78/L.11', fileName: 'A_C.1_78_L.11.txt' }],
      ['Guest', 'observer', { format: 'compilation', as: 'html', revision: 'Rev.1', symbol: 'A/C.1/78/L.11/Rev.1', fileName: 'A_C.1_78_L.11_Rev.1_compilation.html' }],
    ]);
    expect(((await (await app.request(`/api/drafts/${id}/log/verify`, auth(guest))).json()) as Json).ok).toBe(true);
  });

  it('refuses unknown formats with the list (400), missing tokens (401), unknown revisions (404)', async () => {
    const { app, id, secretariat, get } = await setup();
    for (const query of ['?format=pdf', '', '?format=']) {
      const res = await get(query);
      expect(res.status).toBe(400);
      const body = (await res.json()) as { error: Json };
      expect(body.error.code).toBe('bad-format');
      expect(body.error.message).toContain('docx, akn, html, txt, compilation');
    }
    const badAs = await get('?format=compilation&as=pdf');
    expect(badAs.status).toBe(400);
    expect(((await badAs.json()) as { error: Json }).error.message).toContain('docx, html, txt');
    expect((await get('?format=docx&as=html')).status).toBe(400);
    expect((await app.request(`/api/drafts/${id}/export?format=docx`)).status).toBe(401);
    const missing = await get('?format=docx&revision=Rev.9');
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: Json }).error.code).toBe('revision-not-found');
    // Refused exports are not recorded.
    const log = (await (await app.request(`/api/drafts/${id}/log?kind=export-made`, auth(secretariat))).json()) as { events: Json[] };
    expect(log.events).toEqual([]);
  });
});

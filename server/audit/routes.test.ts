/** GET /api/drafts/:id/log (JSON, CSV, filters) and /log/verify through app.request(). */
import { describe, expect, it } from 'vitest';
import { RoomRegistry } from '../core/rooms.ts';
import { createApp } from '../http/app.ts';
import { MemoryStore } from '../storage/memory-store.ts';
import { csvField, CSV_COLUMNS } from './routes.ts';

type Json = Record<string, unknown>;
const auth = (token: unknown, init: RequestInit = {}): RequestInit => ({ ...init, headers: { ...(init.headers ?? {}), authorization: `Bearer ${String(token)}` } });

async function setup() {
  const store = new MemoryStore();
  const rooms = new RoomRegistry({ store, metaDebounceMs: 10, unloadGraceMs: 60_000 });
  const app = createApp({ store, rooms, access: store.access, log: () => {}, clientDir: '/nonexistent/penholder-client' });
  const created = (await (await app.request('/api/drafts', { method: 'POST' })).json()) as Json;
  const id = String(created.id);
  const invite = async (participant: string, role: string): Promise<Json> =>
    (await (await app.request(`/api/drafts/${id}/invitations`, auth(created.token, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ participant, role }),
    }))).json()) as Json;
  return { store, app, id, token: created.token, invite };
}

/** RFC 4180 reader (quoted fields may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (ch === '"') quoted = false; else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(field); field = ''; }
    else if (ch === '\r' && text[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i++; }
    else field += ch;
  }
  return rows;
}

describe('GET /api/drafts/:id/log', () => {
  it('records creation, access granted and revoked, with actors; filters by kind, delegation and target', async () => {
    const { app, id, token, invite } = await setup();
    const kenya = await invite('kenya', 'delegation');
    await invite('Chair', 'chair');
    expect((await app.request(`/api/drafts/${id}/invitations/${String(kenya.id)}`, auth(token, { method: 'DELETE' }))).status).toBe(204);
    const chair = await invite('Chair 2', 'chair');
    const res = await app.request(`/api/drafts/${id}/log`, auth(chair.token));
    expect(res.status).toBe(200);
    const { events } = (await res.json()) as { events: Json[] };
    expect(events.map((e) => e.kind)).toEqual(['draft-created', 'access-granted', 'access-granted', 'access-granted', 'access-revoked', 'access-granted']);
    expect(events.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(events[4]).toMatchObject({ target: kenya.id, actor: { participant: 'Secretariat', role: 'secretariat' }, detail: { delegation: 'Kenya' } });
    expect(events[0]).toHaveProperty('hash');

    const byKind = (await (await app.request(`/api/drafts/${id}/log?kind=access-revoked`, auth(token))).json()) as { events: Json[] };
    expect(byKind.events.map((e) => e.seq)).toEqual([5]);
    const byTarget = (await (await app.request(`/api/drafts/${id}/log?target=${String(kenya.id)}`, auth(token))).json()) as { events: Json[] };
    expect(byTarget.events.map((e) => e.kind)).toEqual(['access-granted', 'access-revoked']);
    const byDelegation = (await (await app.request(`/api/drafts/${id}/log?delegation=Kenya`, auth(token))).json()) as { events: Json[] };
    expect(byDelegation.events).toEqual([]); // Kenya acted on nothing; the secretariat acted on Kenya

    const verify = await app.request(`/api/drafts/${id}/log/verify`, auth(token));
    expect(await verify.json()).toEqual({ ok: true, count: 6 });
    const history = (await (await app.request(`/api/drafts/${id}/history?kind=access-granted`, auth(token))).json()) as { events: Json[] };
    expect(history.events).toHaveLength(4);
  });

  it('needs a token of the draft; refuses an unknown format', async () => {
    const { app, id, token } = await setup();
    expect((await app.request(`/api/drafts/${id}/log`)).status).toBe(401);
    expect((await app.request(`/api/drafts/${id}/log/verify`)).status).toBe(401);
    const bad = await app.request(`/api/drafts/${id}/log?format=xml`, auth(token));
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: Json }).error.code).toBe('bad-format');
  });

  it('CSV: header, one line per row, commas, quotes and newlines escaped', async () => {
    const { app, id, token, store } = await setup();
    const tricky = 'Côte, "the" \nIvoire';
    await store.access.appendEvents([{ draftId: id, at: '2026-01-01T00:00:00.000Z', actor: { participant: tricky, role: 'delegation', delegation: tricky },
      kind: 'position', target: 'op1', detail: { note: 'a,b "c"\r\nd' } }]);
    const res = await app.request(`/api/drafts/${id}/log?format=csv&kind=position`, auth(token));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    const text = await res.text();
    expect(text.split('\r\n')[0]).toBe(CSV_COLUMNS.join(','));
    const rows = parseCsv(text);
    expect(rows).toHaveLength(2);
    const row = Object.fromEntries(CSV_COLUMNS.map((c, i) => [c, rows[1][i]]));
    expect(row).toMatchObject({ seq: '3', participant: tricky, delegation: tricky, role: 'delegation', kind: 'position', target: 'op1' });
    expect(JSON.parse(row.detail)).toEqual({ note: 'a,b "c"\r\nd' });
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a"b')).toBe('"a""b"');
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    const byDelegation = await app.request(`/api/drafts/${id}/log?format=csv&delegation=${encodeURIComponent(tricky)}`, auth(token));
    expect(parseCsv(await byDelegation.text())).toHaveLength(2);
  });

  it('paragraph filter: the paragraph\'s own rows and those of its amendments, combined with kind and delegation', async () => {
    const { app, id, token, store } = await setup();
    const at = '2026-01-01T00:00:00.000Z';
    const brazil = { participant: 'Brazil', role: 'delegation', delegation: 'Brazil' } as const;
    const kenya = { participant: 'Kenya', role: 'delegation', delegation: 'Kenya' } as const;
    const chairActor = { participant: 'Chair', role: 'chair', delegation: null } as const;
    await store.access.appendEvents([
      { draftId: id, at, actor: brazil, kind: 'amendment-proposed', target: 'a1', detail: { author: 'Brazil', kind: 'wording', target: 'op1' } },
      { draftId: id, at, actor: brazil, kind: 'amendment-proposed', target: 'a2', detail: { author: 'Brazil', kind: 'wording', target: 'op2' } },
      { draftId: id, at, actor: kenya, kind: 'position', target: 'a1', detail: { delegation: 'Kenya', stance: 'oppose' } },
      { draftId: id, at, actor: kenya, kind: 'position', target: 'op1', detail: { delegation: 'Kenya', stance: 'support' } },
      { draftId: id, at, actor: kenya, kind: 'position', target: 'op2', detail: { delegation: 'Kenya', stance: 'support' } },
      { draftId: id, at, actor: chairActor, kind: 'paragraph-status', target: 'op1', detail: { status: 'bracketed' } },
      { draftId: id, at, actor: kenya, kind: 'amendment-proposed', target: 'a3', detail: { author: 'Kenya', kind: 'insert', target: '' } },
      { draftId: id, at, actor: chairActor, kind: 'amendment-merged', target: 'p-new', detail: { seq: 1, amendmentId: 'a3' } },
      { draftId: id, at, actor: kenya, kind: 'amendment-cosigned', target: 'a1', detail: { delegation: 'Kenya' } },
    ]);
    const log = async (query: string): Promise<Json[]> =>
      ((await (await app.request(`/api/drafts/${id}/log?${query}`, auth(token))).json()) as { events: Json[] }).events;
    const seqs = (rows: Json[]): unknown[] => rows.map((e) => `${String(e.kind)}:${String(e.target)}`);
    expect(seqs(await log('paragraph=op1'))).toEqual([
      'amendment-proposed:a1', 'position:a1', 'position:op1', 'paragraph-status:op1', 'amendment-cosigned:a1',
    ]);
    expect(seqs(await log('paragraph=op1&delegation=Kenya'))).toEqual(['position:a1', 'position:op1', 'amendment-cosigned:a1']);
    expect(seqs(await log('paragraph=op1&kind=position&delegation=Kenya'))).toEqual(['position:a1', 'position:op1']);
    // A paragraph created by a merged insert: the merge row and the insert's own rows.
    expect(seqs(await log('paragraph=p-new'))).toEqual(['amendment-proposed:a3', 'amendment-merged:p-new']);
    expect(await log('paragraph=nowhere')).toEqual([]);
    const csv = await (await app.request(`/api/drafts/${id}/log?format=csv&paragraph=op2`, auth(token))).text();
    expect(parseCsv(csv).slice(1).map((r) => `${r[5]}:${r[6]}`)).toEqual(['amendment-proposed:a2', 'position:op2']);
  });

  it('verify reports the first bad entry when the stored log is altered', async () => {
    const { app, id, token, store } = await setup();
    // Reach into the memory store's own row (listEvents hands out copies) to simulate tampering.
    const chain = (store.access as unknown as { events: Array<{ draftId: string; detail: unknown }> }).events;
    chain.find((e) => e.draftId === id)!.detail = { title: 'forged' };
    expect(await (await app.request(`/api/drafts/${id}/log/verify`, auth(token))).json())
      .toMatchObject({ ok: false, count: 2, firstBad: { seq: 1, problem: 'hash-mismatch' } });
  });
});

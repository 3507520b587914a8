import { describe, expect, it } from 'vitest';
import type { Comparison } from '../../shared/compare/align.ts';
import { corpusText } from '../../test/fixtures/corpus.ts';
import { RoomRegistry } from '../core/rooms.ts';
import { MemoryStore } from '../storage/memory-store.ts';
import { createApp } from './app.ts';

function setup(options: { createKey?: string; maxBodyBytes?: number } = {}) {
  const store = new MemoryStore();
  const rooms = new RoomRegistry({ store, metaDebounceMs: 10, unloadGraceMs: 60_000 });
  return createApp({ store, rooms, access: store.access, log: () => {}, clientDir: '/nonexistent/penholder-client', ...options });
}

const post = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: typeof body === 'string' ? body : JSON.stringify(body),
});

async function errorCode(res: Response): Promise<string> {
  const body = (await res.json()) as { error: { code: string; message: string } };
  expect(typeof body.error.message).toBe('string');
  return body.error.code;
}

describe('POST /api/compare', () => {
  const oldText = corpusText('A-RES-76-19');
  const newText = corpusText('A-RES-78-16');

  it('answers the Comparison of two texts', async () => {
    const res = await setup().request('/api/compare', post({ old: oldText, new: newText }));
    expect(res.status).toBe(200);
    const c = (await res.json()) as Comparison;
    expect(c.old.symbol).toBe('A/RES/76/19');
    expect(c.new.symbol).toBe('A/RES/78/16');
    expect(c.summary.total).toBe(c.pairs.length);
    expect(c.pairs.filter((p) => p.status === 'unchanged').map((p) => p.new?.ref)).toEqual(['PP2', 'PP4', 'PP5']);
    const changed = c.pairs.filter((p) => p.status === 'changed');
    expect(changed.length).toBe(c.summary.changed);
    expect(changed.every((p) => Array.isArray(p.diff) && p.diff.length > 0)).toBe(true);
  });

  it('answers all unchanged for the same text twice', async () => {
    const res = await setup().request('/api/compare', post({ old: newText, new: newText }));
    const c = (await res.json()) as Comparison;
    expect(c.summary.unchanged).toBe(c.summary.total);
  });

  it('refuses bad bodies with a named code', async () => {
    const app = setup();
    const plain = await app.request('/api/compare', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: oldText });
    expect(plain.status).toBe(415);
    expect(await errorCode(plain)).toBe('unsupported-media-type');
    const badJson = await app.request('/api/compare', post('{"old":'));
    expect(badJson.status).toBe(400);
    expect(await errorCode(badJson)).toBe('bad-json');
    const missing = await app.request('/api/compare', post({ old: oldText }));
    expect(missing.status).toBe(400);
    expect(await errorCode(missing)).toBe('bad-body');
    const paper = await app.request('/api/compare', post({ old: corpusText('non-paper-programme-of-action'), new: newText }));
    expect(paper.status).toBe(422);
    expect(await errorCode(paper)).toBe('not-a-resolution');
    const big = await setup({ maxBodyBytes: 1000 }).request('/api/compare', post({ old: oldText, new: newText }));
    expect(big.status).toBe(413);
  });

  it('needs the create key when one is configured, like POST /api/drafts', async () => {
    const app = setup({ createKey: 'secret-key' });
    const without = await app.request('/api/compare', post({ old: oldText, new: newText }));
    expect(without.status).toBe(401);
    expect(await errorCode(without)).toBe('create-key-required');
    const wrong = await app.request('/api/compare', post({ old: oldText, new: newText }, { authorization: 'Bearer nope' }));
    expect(wrong.status).toBe(401);
    const ok = await app.request('/api/compare', post({ old: oldText, new: newText }, { authorization: 'Bearer secret-key' }));
    expect(ok.status).toBe(200);
  });
});

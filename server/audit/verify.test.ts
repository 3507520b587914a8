/** The record's hash chain: canonical hashing, verification of tampered logs, migration of old databases. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { chainEvent, type HistoryEvent, type StoredEvent } from '../auth/store.ts';
import { SqliteStore } from '../storage/sqlite-store.ts';
import { canonicalJson, GENESIS_HASH, hashEntry } from './chain.ts';
import { verifyLog } from './verify.ts';

const tmpDirs: string[] = [];
afterAll(() => { for (const d of tmpDirs) fs.rmSync(d, { recursive: true, force: true }); });

function chain(n: number, draftId = 'd1'): StoredEvent[] {
  const out: StoredEvent[] = [];
  for (let i = 0; i < n; i++) {
    const e: HistoryEvent = { draftId, at: `2026-01-01T00:00:0${i}.000Z`, actor: { participant: 'Kenya', role: 'delegation', delegation: 'Kenya' },
      kind: 'position', target: `op${i}`, detail: { stance: 'support', note: `n${i}`, nested: { b: 1, a: [1, 'x'] } } };
    out.push(chainEvent(e, out.at(-1) ?? null));
  }
  return out;
}

describe('canonical encoding and hashing', () => {
  it('sorts keys at every depth and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: undefined }], c: null } })).toBe('{"a":{"c":null,"d":[2,{"z":1}]},"b":1}');
    expect(canonicalJson(undefined)).toBe('null');
  });

  it('chains from the genesis value and hashes independently of key order', () => {
    const rows = chain(3);
    expect(rows[0].prevHash).toBe(GENESIS_HASH);
    expect(rows[1].prevHash).toBe(rows[0].hash);
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3]);
    const r = rows[0];
    const reordered = { prevHash: r.prevHash, detail: { nested: { a: [1, 'x'], b: 1 }, note: 'n0', stance: 'support' }, target: r.target,
      kind: r.kind, actor: { delegation: 'Kenya', role: 'delegation' as const, participant: 'Kenya' }, at: r.at, seq: r.seq, draftId: r.draftId };
    expect(hashEntry(reordered)).toBe(r.hash);
    expect(r.hash).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('verifyLog', () => {
  it('an intact log is ok, with its count (and an empty one too)', () => {
    const rows = chain(5);
    expect(verifyLog(rows, { count: 5, headHash: rows[4].hash })).toEqual({ ok: true, count: 5 });
    expect(verifyLog([])).toEqual({ ok: true, count: 0 });
  });

  it('detects one altered field (detail, actor, time) as a hash mismatch at that seq', () => {
    for (const tamper of [
      (r: StoredEvent) => { r.detail = { stance: 'oppose' }; },
      (r: StoredEvent) => { r.actor = { participant: 'Brazil', role: 'delegation', delegation: 'Brazil' }; },
      (r: StoredEvent) => { r.at = '2027-01-01T00:00:00.000Z'; },
      (r: StoredEvent) => { r.kind = 'phase'; },
    ]) {
      const rows = chain(5);
      tamper(rows[2]);
      expect(verifyLog(rows).firstBad).toMatchObject({ seq: 3, problem: 'hash-mismatch' });
    }
  });

  it('detects a removed row as a seq gap, and a removed first row', () => {
    const rows = chain(5);
    expect(verifyLog([...rows.slice(0, 2), ...rows.slice(3)]).firstBad).toMatchObject({ seq: 4, problem: 'seq-gap' });
    expect(verifyLog(rows.slice(1)).firstBad).toMatchObject({ seq: 2, problem: 'seq-gap' });
  });

  it('detects two swapped rows, even with their seqs swapped back', () => {
    const rows = chain(5);
    expect(verifyLog([rows[0], rows[2], rows[1], rows[3], rows[4]]).ok).toBe(false);
    const relabelled = [rows[0], { ...rows[2], seq: 2 }, { ...rows[1], seq: 3 }, rows[3], rows[4]];
    expect(verifyLog(relabelled).firstBad).toMatchObject({ seq: 2, problem: 'prev-hash-mismatch' });
  });

  it('detects a rehashed row by the broken link of its successor', () => {
    const rows = chain(4);
    rows[1].detail = { stance: 'oppose' };
    rows[1].hash = hashEntry(rows[1]);
    expect(verifyLog(rows).firstBad).toMatchObject({ seq: 3, problem: 'prev-hash-mismatch' });
  });

  it('detects a truncated tail against the head anchor', () => {
    const rows = chain(5);
    const head = { count: 5, headHash: rows[4].hash };
    expect(verifyLog(rows.slice(0, 3)).ok).toBe(true); // without the anchor the chain alone cannot tell
    expect(verifyLog(rows.slice(0, 3), head).firstBad).toMatchObject({ seq: 4, problem: 'truncated' });
  });

  it('refuses rows of another draft mixed in', () => {
    const rows = chain(2);
    const other = chain(3, 'd2');
    expect(verifyLog([...rows, { ...other[2] }]).firstBad).toMatchObject({ problem: 'wrong-draft' });
  });
});

describe('SQLite record', () => {
  const dbFile = (): string => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'penholder-record-'));
    tmpDirs.push(dir);
    return path.join(dir, 'penholder.db');
  };
  const ev = (draftId: string, i: number): HistoryEvent =>
    ({ draftId, at: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(), actor: null, kind: 'phase', target: 'draft', detail: { i, skip: undefined } });

  it('appends per-draft chains, keeps them across reopen and verifies', async () => {
    const file = dbFile();
    const store = new SqliteStore(file);
    await store.access.appendEvents([ev('a', 1), ev('b', 2), ev('a', 3)]);
    await store.access.appendEvents([ev('a', 4)]);
    await store.close();
    const again = new SqliteStore(file);
    const a = await again.access.listChain('a');
    expect(a.map((r) => r.seq)).toEqual([1, 2, 3]);
    expect(verifyLog(a, (await again.access.logHead('a'))!)).toEqual({ ok: true, count: 3 });
    expect(verifyLog(await again.access.listChain('b'))).toEqual({ ok: true, count: 1 });
    expect(await again.access.logDrafts()).toEqual(['a', 'b']);
    await again.close();
  });

  it('migrates an old events table: adds the columns and chains existing rows in order', async () => {
    const file = dbFile();
    const old = new Database(file);
    old.exec(`CREATE TABLE events (seq INTEGER PRIMARY KEY AUTOINCREMENT, draft_id TEXT NOT NULL, at TEXT NOT NULL, actor TEXT,
      kind TEXT NOT NULL, target TEXT NOT NULL, detail TEXT NOT NULL)`);
    const ins = old.prepare('INSERT INTO events (draft_id, at, actor, kind, target, detail) VALUES (?, ?, ?, ?, ?, ?)');
    ins.run('x', '2026-01-01T00:00:00.000Z', JSON.stringify({ role: 'chair', participant: 'Chair', delegation: null }), 'phase', 'draft', '{"value":"negotiation"}');
    ins.run('y', '2026-01-01T00:00:01.000Z', null, 'position', 'op1', '{"stance":"support"}');
    ins.run('x', '2026-01-01T00:00:02.000Z', null, 'position', 'op2', '{"stance":"oppose"}');
    old.close();
    const store = new SqliteStore(file);
    const x = await store.access.listChain('x');
    expect(x.map((r) => [r.seq, r.target])).toEqual([[1, 'draft'], [2, 'op2']]);
    expect(verifyLog(x, (await store.access.logHead('x'))!).ok).toBe(true);
    await store.access.appendEvents([ev('x', 9)]);
    const after = await store.access.listChain('x');
    expect(after).toHaveLength(3);
    expect(after[2].prevHash).toBe(x[1].hash);
    expect(verifyLog(after, (await store.access.logHead('x'))!).ok).toBe(true);
    await store.close();
  });

  it('keeps the record when a draft is deleted (invitations go)', async () => {
    const store = new SqliteStore(dbFile());
    await store.access.appendEvents([ev('a', 1)]);
    await store.deleteDraft('a');
    expect(await store.access.listChain('a')).toHaveLength(1);
    await store.close();
  });
});

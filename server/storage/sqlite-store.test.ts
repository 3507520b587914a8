import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DraftNotFoundError } from '../core/storage.ts';
import { SqliteStore } from './sqlite-store.ts';

const dirs: string[] = [];
function tmpFile(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'penholder-sqlite-'));
  dirs.push(dir);
  return path.join(dir, 'nested', 'penholder.db');
}
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function edits(n: number): { doc: Y.Doc; updates: Uint8Array[] } {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  for (let i = 0; i < n; i++) doc.getText('t').insert(doc.getText('t').length, `${i} `);
  return { doc, updates };
}

const replay = (rows: { data: Uint8Array }[]): string => {
  const doc = new Y.Doc();
  for (const r of rows) Y.applyUpdate(doc, r.data);
  return doc.getText('t').toString();
};

describe('SqliteStore', () => {
  it('creates, lists, appends and loads in order, with WAL and synchronous=FULL', async () => {
    const store = new SqliteStore(tmpFile());
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('synchronous', { simple: true })).toBe(2);
    const { doc, updates } = edits(5);
    const meta = await store.createDraft({ id: 'a', title: 'Title', symbol: 'A/1', kind: 'draft-resolution' }, updates[0]);
    expect(meta).toMatchObject({ id: 'a', title: 'Title', symbol: 'A/1', kind: 'draft-resolution' });
    const seqs = await Promise.all(updates.slice(1).map((u) => store.appendUpdate('a', u)));
    expect(seqs).toEqual([...seqs].sort((x, y) => x - y));
    const rows = await store.loadUpdates('a');
    expect(rows).toHaveLength(5);
    expect(replay(rows)).toBe(doc.getText('t').toString());
    expect((await store.listDrafts()).map((d) => d.id)).toEqual(['a']);
    await store.updateDraftMeta('a', { title: 'New title' });
    expect((await store.getDraftMeta('a'))?.title).toBe('New title');
    await store.close();
  });

  it('rejects appends to unknown drafts without failing the rest of the batch', async () => {
    const store = new SqliteStore(tmpFile());
    const { updates } = edits(3);
    await store.createDraft({ id: 'a', title: '', symbol: '', kind: 'draft-resolution' }, updates[0]);
    const results = await Promise.allSettled([store.appendUpdate('a', updates[1]), store.appendUpdate('ghost', updates[1]), store.appendUpdate('a', updates[2])]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason).toBeInstanceOf(DraftNotFoundError);
    expect(await store.loadUpdates('a')).toHaveLength(3);
    await store.close();
  });

  it('compaction keeps content identical and shrinks rows; later appends survive', async () => {
    const store = new SqliteStore(tmpFile());
    const { doc, updates } = edits(50);
    await store.createDraft({ id: 'a', title: '', symbol: '', kind: 'draft-resolution' }, updates[0]);
    const seqs: number[] = [];
    for (const u of updates.slice(1, 40)) seqs.push(await store.appendUpdate('a', u));
    const upTo = seqs.at(-1)!;
    const partial = new Y.Doc();
    for (const r of await store.loadUpdates('a')) Y.applyUpdate(partial, r.data);
    for (const u of updates.slice(40)) await store.appendUpdate('a', u);
    await store.compact('a', Y.encodeStateAsUpdate(partial), upTo);
    const rows = await store.loadUpdates('a');
    expect(store.countUpdates('a')).toBe(11);
    expect(rows[0].seq).toBe(upTo);
    expect(replay(rows)).toBe(doc.getText('t').toString());
    await store.close();
  });

  it('deleteDraft removes the draft and its log', async () => {
    const store = new SqliteStore(tmpFile());
    const { updates } = edits(2);
    await store.createDraft({ id: 'a', title: '', symbol: '', kind: 'draft-resolution' }, updates[0]);
    await store.appendUpdate('a', updates[1]);
    expect(await store.deleteDraft('a')).toBe(true);
    expect(await store.deleteDraft('a')).toBe(false);
    expect(await store.getDraftMeta('a')).toBeNull();
    expect(await store.loadUpdates('a')).toEqual([]);
    expect(store.countUpdates('a')).toBe(0);
    await store.close();
  });

  it('everything acknowledged is there after reopening the file', async () => {
    const file = tmpFile();
    const first = new SqliteStore(file);
    const { doc, updates } = edits(20);
    await first.createDraft({ id: 'a', title: 'T', symbol: 'S', kind: 'resolution' }, updates[0]);
    await Promise.all(updates.slice(1).map((u) => first.appendUpdate('a', u)));
    await first.close();
    await expect(first.appendUpdate('a', updates[1])).rejects.toThrow('closed');
    const second = new SqliteStore(file);
    expect(await second.getDraftMeta('a')).toMatchObject({ title: 'T', symbol: 'S', kind: 'resolution' });
    expect(replay(await second.loadUpdates('a'))).toBe(doc.getText('t').toString());
    await second.close();
  });

  it('works without group commit too', async () => {
    const store = new SqliteStore(tmpFile(), { groupCommit: false });
    const { doc, updates } = edits(4);
    await store.createDraft({ id: 'a', title: '', symbol: '', kind: 'draft-resolution' }, updates[0]);
    for (const u of updates.slice(1)) await store.appendUpdate('a', u);
    expect(replay(await store.loadUpdates('a'))).toBe(doc.getText('t').toString());
    await store.close();
  });
});

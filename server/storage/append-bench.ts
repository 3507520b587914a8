/**
 * Micro-benchmark of durable appends: `npx tsx server/storage/append-bench.ts [dir]`.
 * Prints per-append cost with one fsync per update, with group commit (a burst of appends in one
 * tick share a transaction), and synchronous=NORMAL for reference (not durable on power loss).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { SqliteStore } from './sqlite-store.ts';

const dir = fs.mkdtempSync(path.join(process.argv[2] ?? os.tmpdir(), 'penholder-bench-'));

function keystrokes(n: number): Uint8Array[] {
  const doc = new Y.Doc();
  const out: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => out.push(u));
  for (let i = 0; i < n; i++) doc.getText('t').insert(i, 'x');
  return out;
}

async function run(label: string, opts: { groupCommit: boolean; normal?: boolean; burst: number }, n: number): Promise<void> {
  const store = new SqliteStore(path.join(dir, `${label}.db`), { groupCommit: opts.groupCommit });
  if (opts.normal) store.db.pragma('synchronous = NORMAL');
  const updates = keystrokes(n);
  await store.createDraft({ id: 'd', title: '', symbol: '', kind: 'draft-resolution' }, updates[0]);
  const t0 = process.hrtime.bigint();
  for (let i = 1; i < n; i += opts.burst) {
    await Promise.all(updates.slice(i, i + opts.burst).map((u) => store.appendUpdate('d', u)));
  }
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const perUpdate = ms / (n - 1);
  console.log(`${label.padEnd(34)} ${(n - 1).toString().padStart(5)} appends  ${perUpdate.toFixed(3)} ms/update  ${Math.round(1000 / perUpdate)} updates/s`);
  await store.close();
}

console.log(`data dir: ${dir}`);
await run('FULL, one fsync per update', { groupCommit: false, burst: 1 }, 1000);
await run('FULL, group commit, bursts of 10', { groupCommit: true, burst: 10 }, 2000);
await run('FULL, group commit, bursts of 100', { groupCommit: true, burst: 100 }, 5000);
await run('NORMAL (reference, not durable)', { groupCommit: false, normal: true, burst: 1 }, 1000);
fs.rmSync(dir, { recursive: true, force: true });

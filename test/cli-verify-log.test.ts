/** `penholder verify-log` end to end: spawns `node bin/penholder.mjs` on an intact and a tampered database. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { SqliteStore } from '../server/storage/sqlite-store.ts';
import { runPenholder, type CliRun } from './helpers/cli.ts';



const penholder = (args: string[], env: Record<string, string> = {}): Promise<CliRun> => runPenholder(args, { env });

const tmpDirs: string[] = [];
afterAll(() => { for (const d of tmpDirs) fs.rmSync(d, { recursive: true, force: true }); });

/** A data dir whose database holds a record for drafts 'alpha' (4 rows) and 'beta' (2 rows). */
async function dataDir(): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'penholder-verify-'));
  tmpDirs.push(dir);
  const store = new SqliteStore(path.join(dir, 'penholder.db'));
  const kenya = { participant: 'Kenya', role: 'delegation' as const, delegation: 'Kenya' };
  for (const [draftId, n] of [['alpha', 4], ['beta', 2]] as const) {
    for (let i = 0; i < n; i++) {
      await store.access.appendEvents([{ draftId, at: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(), actor: kenya,
        kind: 'position', target: `op${i}`, detail: { stance: 'support' } }]);
    }
  }
  await store.close();
  return dir;
}

/** A copy of `dir` with `edit` run on its database through better-sqlite3 directly. */
function tamperedCopy(dir: string, edit: (db: Database.Database) => void): string {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'penholder-tampered-'));
  tmpDirs.push(copy);
  for (const f of fs.readdirSync(dir)) fs.copyFileSync(path.join(dir, f), path.join(copy, f));
  const db = new Database(path.join(copy, 'penholder.db'));
  edit(db);
  db.close();
  return copy;
}

describe('penholder verify-log', () => {
  it('exits 0 on an intact database, for every draft and for one', async () => {
    const dir = await dataDir();
    const all = await penholder(['verify-log', '--data-dir', dir]);
    expect(all.code).toBe(0);
    expect(all.stdout).toContain('alpha: ok (4 entries)');
    expect(all.stdout).toContain('all 2 draft log(s) intact, 6 entries');
    const one = await penholder(['verify-log', '--draft', 'beta'], { DATA_DIR: dir });
    expect(one.code).toBe(0);
    expect(one.stdout).toContain('beta: ok (2 entries)');
    expect(one.stdout).not.toContain('alpha');
  });

  it('exits 1 naming the first bad entry when a row was modified, deleted or the tail cut', async () => {
    const dir = await dataDir();
    const modified = tamperedCopy(dir, (db) => db.prepare(`UPDATE events SET detail = '{"stance":"oppose"}' WHERE draft_id = 'alpha' AND draft_seq = 2`).run());
    const r1 = await penholder(['verify-log', '--data-dir', modified]);
    expect(r1.code).toBe(1);
    expect(r1.stdout).toMatch(/alpha: NOT INTACT at seq 2: hash-mismatch/);
    expect(r1.stdout).toContain('beta: ok');
    expect(r1.stderr).toContain('1 of 2 draft log(s) are not intact');

    const deleted = tamperedCopy(dir, (db) => db.prepare(`DELETE FROM events WHERE draft_id = 'alpha' AND draft_seq = 3`).run());
    const r2 = await penholder(['verify-log', '--data-dir', deleted, '--draft', 'alpha']);
    expect(r2.code).toBe(1);
    expect(r2.stdout).toMatch(/seq 4: seq-gap/);

    const cut = tamperedCopy(dir, (db) => db.prepare(`DELETE FROM events WHERE draft_id = 'alpha' AND draft_seq = 4`).run());
    const r3 = await penholder(['verify-log', '--data-dir', cut]);
    expect(r3.code).toBe(1);
    expect(r3.stdout).toMatch(/alpha: NOT INTACT at seq 4: truncated/);
  });

  it('exits 1 when there is no database, 2 on a bad command line', async () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'penholder-none-'));
    tmpDirs.push(empty);
    const none = await penholder(['verify-log', '--data-dir', empty]);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('no database at');
    expect((await penholder(['verify-log', '--bogus'])).code).toBe(2);
  });
});

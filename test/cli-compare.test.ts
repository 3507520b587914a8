/** `penholder compare` end to end: spawns `node bin/penholder.mjs` as a user would run it. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Comparison } from '../shared/compare/align.ts';
import { importResolution } from '../shared/import/index.ts';
import { writeResolutionToYDoc } from '../shared/resolution/ydoc.ts';
import { SqliteStore } from '../server/storage/sqlite-store.ts';
import { corpusText } from './fixtures/corpus.ts';
import { runPenholder, type CliRun } from './helpers/cli.ts';

const corpus = (name: string): string => `test/fixtures/corpus/${name}.txt`;


const penholder = (args: string[], env: Record<string, string> = {}): Promise<CliRun> => runPenholder(args, { env });

const tmpDirs: string[] = [];
afterAll(() => { for (const d of tmpDirs) fs.rmSync(d, { recursive: true, force: true }); });

/** A DATA_DIR holding one draft made from a corpus text, as POST /api/drafts would store it. */
async function dataDirWithDraft(name: string, id: string): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'penholder-compare-'));
  tmpDirs.push(dir);
  const r = importResolution(corpusText(name));
  if (!r.ok) throw new Error(r.message);
  const doc = new Y.Doc();
  writeResolutionToYDoc(doc, r.resolution);
  const store = new SqliteStore(path.join(dir, 'penholder.db'));
  await store.createDraft({ id, title: r.resolution.title, symbol: r.resolution.symbol, kind: r.resolution.kind }, Y.encodeStateAsUpdate(doc));
  await store.close();
  doc.destroy();
  return dir;
}

describe('penholder compare', { timeout: 30_000 }, () => {
  it('prints the Comparison JSON of A/RES/76/19 against A/RES/78/16 with --json', async () => {
    const r = await penholder(['compare', corpus('A-RES-76-19'), corpus('A-RES-78-16'), '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const c = JSON.parse(r.stdout) as Comparison;
    expect(c.old.symbol).toBe('A/RES/76/19');
    expect(c.new.symbol).toBe('A/RES/78/16');
    expect(c.summary.total).toBe(c.pairs.length);
    expect(c.summary.unchanged).toBe(3);
    const agenda = c.pairs.find((p) => p.old?.ref === 'OP7');
    expect(agenda).toMatchObject({ status: 'changed', new: { ref: 'OP5' } });
    expect(agenda?.diff).toContainEqual({ op: 'delete', text: 'seventh' });
  });

  it('prints an aligned report with [-deleted-]{+inserted+} markers without --json', async () => {
    const r = await penholder(['compare', corpus('A-RES-76-19'), corpus('A-RES-78-16')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Comparing A\/RES\/76\/19 \(old\) with A\/RES\/78\/16 \(new\)/);
    expect(r.stdout).toMatch(/\nunchanged +PP4 → PP2 +Noting that considerable progress/);
    expect(r.stdout).toContain('seventy-[-seventh-]{+ninth+}');
    expect(r.stdout).toMatch(/\nSummary: 3 unchanged, \d+ changed, 0 moved, \d+ new, \d+ deleted/);
  });

  it('compares a stored draft (by id, from DATA_DIR) with a text file', async () => {
    const dataDir = await dataDirWithDraft('A-RES-78-16', 'draftAAAAAAA');
    const r = await penholder(['compare', 'draftAAAAAAA', corpus('A-RES-78-16'), '--json'], { DATA_DIR: dataDir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const c = JSON.parse(r.stdout) as Comparison;
    expect(c.summary.unchanged).toBe(c.summary.total);
    expect(c.summary.total).toBeGreaterThan(25);
    const unknown = await penholder(['compare', 'draftBBBBBBB', corpus('A-RES-78-16')], { DATA_DIR: dataDir });
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/draftBBBBBBB is neither a file nor a draft/);
  });

  it('refuses revisions without a store, missing inputs and non-resolutions with exit 1', async () => {
    const revDir = fs.mkdtempSync(path.join(os.tmpdir(), 'penholder-compare-'));
    tmpDirs.push(revDir);
    const rev = await penholder(['compare', 'draftAAAAAAA@3', corpus('A-RES-78-16')], { DATA_DIR: revDir });
    expect(rev.code).toBe(1);
    expect(rev.stderr).toMatch(/draftAAAAAAA@3 is not a file, and there is no draft store/);
    const absent = await penholder(['compare', 'test/fixtures/no-such-file.txt', corpus('A-RES-78-16')]);
    expect(absent.code).toBe(1);
    expect(absent.stderr).toMatch(/cannot read .*no such file/);
    const emptyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'penholder-compare-'));
    tmpDirs.push(emptyDir);
    const noStore = await penholder(['compare', 'draftAAAAAAA', corpus('A-RES-78-16')], { DATA_DIR: emptyDir });
    expect(noStore.code).toBe(1);
    expect(noStore.stderr).toMatch(/no draft store at/);
    expect(fs.readdirSync(emptyDir)).toEqual([]);
    const paper = await penholder(['compare', corpus('non-paper-programme-of-action'), corpus('A-RES-78-16')]);
    expect(paper.code).toBe(1);
    expect(paper.stderr).toMatch(/not-a-resolution/);
    expect(paper.stdout).toBe('');
  });

  it('exits 2 on usage errors', async () => {
    const one = await penholder(['compare', corpus('A-RES-78-16')]);
    expect(one.code).toBe(2);
    expect(one.stderr).toMatch(/expected OLD and NEW/);
    const bad = await penholder(['compare', corpus('A-RES-76-19'), corpus('A-RES-78-16'), '--xml']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/unknown option --xml/);
    const help = await penholder(['compare', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Usage: penholder compare OLD NEW \[--json\]/);
  });
});

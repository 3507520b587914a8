/** `penholder compare` with revision references (DRAFTID@LABEL, DRAFTID@SEQ, revision id) read from DATA_DIR. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Comparison } from '../shared/compare/align.ts';
import { importResolution } from '../shared/import/index.ts';
import { writeResolutionToYDoc } from '../shared/resolution/ydoc.ts';
import { snapshotOf } from '../server/revisions/snapshot.ts';
import { newRevisionId } from '../server/revisions/store.ts';
import { SqliteStore } from '../server/storage/sqlite-store.ts';
import { corpusText } from './fixtures/corpus.ts';
import { runPenholder, type CliRun } from './helpers/cli.ts';



const penholder = (args: string[], env: Record<string, string>): Promise<CliRun> => runPenholder(args, { env });

const tmpDirs: string[] = [];
afterAll(() => { for (const d of tmpDirs) fs.rmSync(d, { recursive: true, force: true }); });

function docOf(name: string): Y.Doc {
  const r = importResolution(corpusText(name));
  if (!r.ok) throw new Error(r.message);
  const doc = new Y.Doc();
  writeResolutionToYDoc(doc, r.resolution);
  return doc;
}

/**
 * A DATA_DIR with draft `draftRRRRRRR` whose Rev.1 holds A/RES/76/19 and "informal 2 May" holds
 * A/RES/78/16 (two texts of the same item, standing in for two states of one draft).
 */
async function dataDirWithRevisions(): Promise<{ dir: string; rev2: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'penholder-compare-rev-'));
  tmpDirs.push(dir);
  const store = new SqliteStore(path.join(dir, 'penholder.db'));
  const first = docOf('A-RES-76-19');
  const second = docOf('A-RES-78-16');
  const id = 'draftRRRRRRR';
  const meta = snapshotOf(first).resolution;
  await store.createDraft({ id, title: meta.title, symbol: meta.symbol, kind: meta.kind }, Y.encodeStateAsUpdate(first));
  const issuedBy = { participant: 'Chair', role: 'chair', delegation: null } as const;
  const at = new Date().toISOString();
  await store.revisions.addRevision({ id: newRevisionId(), draftId: id, label: 'Rev.1', issuedBy, at, state: Y.encodeStateAsUpdate(first), snapshot: snapshotOf(first) });
  const rev2 = newRevisionId();
  await store.revisions.addRevision({ id: rev2, draftId: id, label: 'informal 2 May', issuedBy, at, state: Y.encodeStateAsUpdate(second), snapshot: snapshotOf(second) });
  await store.close();
  first.destroy();
  second.destroy();
  return { dir, rev2 };
}

describe('penholder compare with revisions', { timeout: 30_000 }, () => {
  it('compares two stored revisions exactly as it compares the texts they hold', async () => {
    const { dir, rev2 } = await dataDirWithRevisions();
    const files = await penholder(['compare', 'test/fixtures/corpus/A-RES-76-19.txt', 'test/fixtures/corpus/A-RES-78-16.txt', '--json'], {});
    expect(files.code).toBe(0);
    // Paragraph ids are minted at each import, so compare everything but them.
    const withoutIds = (c: Comparison): unknown => JSON.parse(JSON.stringify(c, (k, v: unknown) => (k === 'id' ? undefined : v)));
    const expected = withoutIds(JSON.parse(files.stdout) as Comparison);
    for (const [from, to] of [['draftRRRRRRR@Rev.1', rev2], ['draftRRRRRRR@1', 'draftRRRRRRR@informal 2 May'], ['draftRRRRRRR@rev.1', 'draftRRRRRRR@2']]) {
      const r = await penholder(['compare', from, to, '--json'], { DATA_DIR: dir });
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(withoutIds(JSON.parse(r.stdout) as Comparison)).toEqual(expected);
    }
    const report = await penholder(['compare', 'draftRRRRRRR@Rev.1', 'draftRRRRRRR'], { DATA_DIR: dir });
    expect(report.code).toBe(0);
    expect(report.stdout).toMatch(/Summary: (\d+) unchanged, 0 changed, 0 moved, 0 new, 0 deleted/);
  });

  it('refuses unknown revisions with the labels that exist (exit 1)', async () => {
    const { dir } = await dataDirWithRevisions();
    const missing = await penholder(['compare', 'draftRRRRRRR@Rev.7', 'draftRRRRRRR@Rev.1'], { DATA_DIR: dir });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/has no revision "Rev\.7".*\(revisions: Rev\.1, informal 2 May\)/);
    const unknownId = await penholder(['compare', 'rev_AAAAAAAAAAAA', 'draftRRRRRRR@Rev.1'], { DATA_DIR: dir });
    expect(unknownId.code).toBe(1);
    expect(unknownId.stderr).toMatch(/rev_AAAAAAAAAAAA is neither a file nor a draft \(nor a revision\)/);
  });
});

/**
 * `penholder export` run as a user would: plain text to standard output, DOCX to --out, Akoma Ntoso of
 * a stored draft's revision, the compilation of a text file, and the refusals (bad format: exit 2 with
 * the list; a text that is not a resolution: exit 1 with the importer's reason).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { importResolution } from '../shared/import/index.ts';
import { writeResolutionToYDoc } from '../shared/resolution/ydoc.ts';
import { snapshotOf } from '../server/revisions/snapshot.ts';
import { newRevisionId } from '../server/revisions/store.ts';
import { SqliteStore } from '../server/storage/sqlite-store.ts';
import { corpusText } from './fixtures/corpus.ts';
import { runPenholder } from './helpers/cli.ts';

const tmpDirs: string[] = [];
afterAll(() => { for (const d of tmpDirs) fs.rmSync(d, { recursive: true, force: true }); });

function tmpDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'penholder-export-'));
  tmpDirs.push(dir);
  return dir;
}

/** The L.11 text with the symbol line the corpus copy lacks (as the UN document prints it). */
const L11_TEXT = `United Nations A/C.1/78/L.11\n\n${corpusText('A-C.1-78-L.11')}`;
const L11 = path.join(tmpDir(), 'A-C.1-78-L.11.txt');
fs.writeFileSync(L11, L11_TEXT);

/** A DATA_DIR holding draft `draftEEEEEEE` (the L.11 text) with revision Rev.1 issued. */
async function dataDirWithDraft(): Promise<string> {
  const dir = tmpDir();
  const store = new SqliteStore(path.join(dir, 'penholder.db'));
  const r = importResolution(L11_TEXT);
  if (!r.ok) throw new Error(r.message);
  const doc = new Y.Doc();
  writeResolutionToYDoc(doc, r.resolution);
  const id = 'draftEEEEEEE';
  await store.createDraft({ id, title: r.resolution.title, symbol: r.resolution.symbol, kind: r.resolution.kind }, Y.encodeStateAsUpdate(doc));
  await store.revisions.addRevision({
    id: newRevisionId(), draftId: id, label: 'Rev.1', issuedBy: { participant: 'Secretariat', role: 'secretariat', delegation: null },
    at: new Date().toISOString(), state: Y.encodeStateAsUpdate(doc), snapshot: snapshotOf(doc),
  });
  await store.close();
  doc.destroy();
  return dir;
}

describe('penholder export', { timeout: 60_000 }, () => {
  it('writes plain text to standard output that imports back to the same paragraphs', async () => {
    const r = await runPenholder(['export', L11, '--format', 'txt']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const back = importResolution(r.stdout);
    const original = importResolution(L11_TEXT);
    expect(back.ok && original.ok).toBe(true);
    if (back.ok && original.ok) {
      expect(back.resolution.symbol).toBe('A/C.1/78/L.11');
      expect(back.resolution.preamble.map((p) => p.text)).toEqual(original.resolution.preamble.map((p) => p.text));
      expect(back.resolution.operative.map((p) => p.text)).toEqual(original.resolution.operative.map((p) => p.text));
    }
  });

  it('writes a DOCX (a zip: "PK") to --out', async () => {
    const out = path.join(tmpDir(), 'L11.docx');
    const r = await runPenholder(['export', L11, '--format=docx', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/Wrote .*L11\.docx .*A_C\.1_78_L\.11\.docx/);
    const bytes = fs.readFileSync(out);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(bytes.includes(Buffer.from('word/document.xml'))).toBe(true);
  });

  it('exports Akoma Ntoso of a stored draft and of its revision (/Rev.1)', async () => {
    const dir = await dataDirWithDraft();
    const live = await runPenholder(['export', 'draftEEEEEEE', '--format', 'akn', '--data-dir', dir]);
    expect(live.code).toBe(0);
    expect(live.stdout).toContain('<akomaNtoso');
    expect(live.stdout).not.toContain('L.11/Rev.1');
    const rev = await runPenholder(['export', 'draftEEEEEEE', '--format', 'akn', '--revision', 'Rev.1'], { env: { DATA_DIR: dir } });
    expect(rev.stderr).toBe('');
    expect(rev.code).toBe(0);
    expect(rev.stdout).toContain('A/C.1/78/L.11/Rev.1');
    const text = await runPenholder(['export', 'draftEEEEEEE', '--format', 'txt', '--revision', '1', '--data-dir', dir]);
    expect(text.stdout).toContain('revised draft resolution');
    const missing = await runPenholder(['export', 'draftEEEEEEE', '--format', 'akn', '--revision', 'Rev.4', '--data-dir', dir]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/no revision "Rev\.4".*\(revisions: Rev\.1\)/);
  });

  it('exports the compilation of a text file (no amendments) as HTML and the text as Rev.2', async () => {
    const r = await runPenholder(['export', L11, '--format', 'compilation', '--as', 'html']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/<html/i);
    expect(r.stdout).toContain('A/C.1/78/L.11');
    const rev2 = await runPenholder(['export', '-', '--format', 'txt', '--revision', 'Rev.2'], { stdin: L11_TEXT });
    expect(rev2.code).toBe(0);
    expect(rev2.stdout).toContain('A/C.1/78/L.11/Rev.2');
  });

  it('refuses a bad format with the list (exit 2) and a text that is not a resolution (exit 1)', async () => {
    const bad = await runPenholder(['export', L11, '--format', 'pdf']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('unknown export format "pdf": use one of docx, akn, html, txt, compilation');
    const none = await runPenholder(['export', L11]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('docx, akn, html, txt, compilation');
    const paper = await runPenholder(['export', 'test/fixtures/corpus/non-paper-programme-of-action.txt', '--format', 'txt']);
    expect(paper.code).toBe(1);
    expect(paper.stderr).toMatch(/is not a resolution \(not-a-resolution\): /);
    expect(paper.stdout).toBe('');
    const nowhere = await runPenholder(['export', 'draftNOPE123', '--format', 'txt', '--data-dir', tmpDir()]);
    expect(nowhere.code).toBe(1);
    expect(nowhere.stderr).toMatch(/no draft store at/);
  });
});

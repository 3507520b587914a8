/**
 * The DOCX export opened by a real word processor: LibreOffice (headless) converts the L.11 corpus
 * draft, its Rev.1 and a compilation to PDF; pdftotext reads the text back. Page 1 is kept as a PNG
 * (with the DOCX and PDF) in test-artifacts/export/ for humans to look at.
 *
 * LibreOffice and poppler-utils are required (CI installs them): without them this test fails with
 * a message saying what to install — it never skips silently.
 */
import { execFile, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildExportDocument } from '../../shared/export/build.ts';
import { compileNegotiation } from '../../shared/export/compilation.ts';
import type { ExportDocument } from '../../shared/export/document.ts';
import { renderDocx } from '../../shared/export/docx.ts';
import { importResolution } from '../../shared/import/index.ts';
import type { ResolutionJSON } from '../../shared/resolution/types.ts';
import { corpusText } from '../fixtures/corpus.ts';
import { amendment } from './fixtures.ts';

const run = promisify(execFile);
const ARTIFACTS = fileURLToPath(new URL('../../test-artifacts/export/', import.meta.url));
const SYMBOL = 'A/C.1/78/L.11';

function requireTool(cmd: string, args: string[], pkg: string): void {
  const probe = spawnSync(cmd, args, { encoding: 'utf8', timeout: 60_000 });
  if (probe.error || probe.status !== 0) {
    throw new Error(`${cmd} is required for the DOCX export test but could not be run (${probe.error?.message ?? `exit ${probe.status}`}): ` +
      `install the Debian package ${pkg} (CI's .ci/run installs it).`);
  }
}

/** Whitespace collapsed, line-end hyphens re-joined ("capacity-\nbuilding" → "capacity-building"). */
function normalise(text: string): string {
  return text.replace(/-[ \t]*\n\s*/g, '-').replace(/\s+/g, ' ').trim();
}

function l11(): ResolutionJSON {
  const imported = importResolution(corpusText('A-C.1-78-L.11'));
  if (!imported.ok) throw new Error(`corpus L.11 does not import: ${JSON.stringify(imported)}`);
  // The secretariat sets the symbol (the corpus text has none on its first page text).
  return { ...imported.resolution, symbol: SYMBOL };
}

/** L.11 with a pending "OP5 bis" from Brazil (co-signed by Chile), a wording change on OP1 and positions. */
function l11Compilation(base: ExportDocument): ExportDocument {
  const op1 = base.operative[0];
  const op5 = base.operative.filter((b) => b.depth === 0)[4];
  return compileNegotiation(base, {
    amendments: [
      amendment({ id: 'am-bis', author: 'Brazil', kind: 'insert', after: op5.id, text: 'Stresses the importance of capacity-building for all States;', cosigners: ['Chile'] }),
      amendment({ id: 'am-w', author: 'Norway', kind: 'wording', target: op1.id, baseText: op1.text, text: op1.text.replace('Supports', 'Strongly supports') }),
    ],
    statuses: { [op5.id]: { status: 'bracketed', by: 'Chair', at: '2024-01-01T00:00:00Z' } },
    positions: [{ targetId: op1.id, delegation: 'Kenya', entry: { stance: 'support', note: '', at: '2024-01-01T00:00:00Z' } }],
  });
}

interface Converted { text: string; flat: string; pdf: string }

describe('DOCX export opened with LibreOffice', () => {
  let work = '';
  const out = new Map<string, Converted>();
  const original = buildExportDocument({ resolution: l11() });
  const rev1 = buildExportDocument({ resolution: l11(), revision: 1 });
  const compilation = l11Compilation(original);

  beforeAll(async () => {
    requireTool('soffice', ['--version'], 'libreoffice-writer (or libreoffice-writer-nogui)');
    requireTool('pdftotext', ['-v'], 'poppler-utils');
    requireTool('pdftoppm', ['-v'], 'poppler-utils');
    work = mkdtempSync(join(tmpdir(), 'penholder-docx-'));
    const files: Record<string, ExportDocument> = { l11: original, 'l11-rev1': rev1, 'l11-compilation': compilation };
    for (const [name, doc] of Object.entries(files)) writeFileSync(join(work, `${name}.docx`), await renderDocx(doc));
    // One LibreOffice start for all three files; a private profile so parallel runs never share a lock.
    await run('soffice', [
      `-env:UserInstallation=file://${join(work, 'profile')}`, '--headless', '--norestore',
      '--convert-to', 'pdf', '--outdir', work, ...Object.keys(files).map((n) => join(work, `${n}.docx`)),
    ], { timeout: 240_000 });
    mkdirSync(ARTIFACTS, { recursive: true });
    for (const name of Object.keys(files)) {
      const pdf = join(work, `${name}.pdf`);
      const { stdout } = await run('pdftotext', ['-layout', pdf, '-'], { timeout: 60_000, maxBuffer: 32 * 1024 * 1024 });
      out.set(name, { text: stdout, flat: normalise(stdout), pdf });
      writeFileSync(join(ARTIFACTS, `docx-${name}.docx`), readFileSync(join(work, `${name}.docx`)));
      writeFileSync(join(ARTIFACTS, `docx-${name}.pdf`), readFileSync(pdf));
      await run('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdf, join(ARTIFACTS, `docx-${name}-page1`)], { timeout: 60_000 });
    }
  }, 300_000);

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  const get = (name: string): Converted => {
    const c = out.get(name);
    if (!c) throw new Error(`no conversion for ${name}`);
    return c;
  };

  it('prints the masthead: symbol, organ, "Distr.: Limited", date, original language, agenda item', () => {
    const { text, flat } = get('l11');
    const firstLine = text.split('\n').find((l) => l.trim() !== '') ?? '';
    expect(firstLine).toMatch(/United Nations\s+A\/C\.1\/78\/L\.11/);
    for (const s of ['General Assembly', 'Distr.: Limited', '12 October 2023', 'Original: English and Russian', 'Seventy-eighth session',
      'First Committee', 'Agenda item 94']) {
      expect(flat, s).toContain(s);
    }
  });

  it('prints the sponsor line, the title and the organ line in order', () => {
    const { flat } = get('l11');
    const sponsor = normalise(original.sponsorLine);
    expect(sponsor).toMatch(/^Azerbaijan, .* and Zimbabwe: draft resolution$/);
    const s = flat.indexOf(sponsor);
    const t = flat.indexOf(normalise(original.title), s + sponsor.length);
    const o = flat.indexOf('The General Assembly,', t);
    expect(s).toBeGreaterThan(0);
    expect(t).toBeGreaterThan(s);
    expect(o).toBeGreaterThan(t);
  });

  it('prints every operative paragraph number with its first words, in order', () => {
    const { flat } = get('l11');
    const ops = original.operative.filter((b) => b.depth === 0);
    expect(ops.length).toBe(9);
    let at = flat.indexOf('The General Assembly,');
    for (const op of ops) {
      const firstWords = normalise(op.text).split(' ').slice(0, 4).join(' ');
      const next = flat.indexOf(`${op.label} ${firstWords}`, at);
      expect(next, `${op.label} ${firstWords}`).toBeGreaterThan(at);
      at = next;
    }
  });

  it('prints the footnote texts and the page numbers', () => {
    const { text, flat } = get('l11');
    expect(original.footnotes.length).toBe(2);
    for (const f of original.footnotes) expect(flat).toContain(normalise(f.text));
    const pages = text.split('\f').filter((p) => p.trim() !== '');
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((page, i) => expect(page, `page ${i + 1}`).toMatch(new RegExp(`\\b${i + 1}/${pages.length}\\b`)));
    // Running header with the symbol from page 2 on.
    expect(pages[1].split('\n').slice(0, 4).join('\n')).toContain(SYMBOL);
  });

  it('keeps a PNG of page 1', () => {
    const png = readFileSync(join(ARTIFACTS, 'docx-l11-page1.png'));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.length).toBeGreaterThan(5000);
  });

  it('prints "/Rev.1" and "revised draft resolution" for a revision', () => {
    const { flat } = get('l11-rev1');
    expect(flat).toContain(`${SYMBOL}/Rev.1`);
    expect(flat).toMatch(/and Zimbabwe: revised draft resolution/);
    expect(get('l11').flat).not.toContain('Rev.1');
  });

  it('prints the compilation with "bis" attributions, tags, statuses and positions', () => {
    const { flat } = get('l11-compilation');
    expect(flat).toContain('OP5 bis [Brazil], co-signed by Chile');
    expect(flat).toContain('5 bis. Stresses the importance of capacity-building for all States;');
    expect(flat).toContain('Strongly supports [Norway] the work of the Open-ended Working Group');
    expect(flat).toContain('[bracketed]');
    expect(flat).toContain('Positions on OP1: support 1 (Kenya)');
  });
});

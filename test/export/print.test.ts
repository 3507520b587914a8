/**
 * The HTML print view printed by a real browser: headless Chromium loads the L.11 corpus draft (and a
 * compilation of it with pending proposals), prints it with page.pdf — A4, the symbol and "n/N" page
 * numbers from printHeaderFooter's templates — and pdftotext reads the PDF back. The DOM is checked for
 * italics and the font Chromium really uses. The PDFs and PNGs of page 1 are kept in
 * test-artifacts/export/ for humans to look at.
 *
 * Needs /usr/bin/chromium and poppler-utils (CI installs both); without them it fails saying what to install.
 */
import { execFile, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildExportDocument } from '../../shared/export/build.ts';
import type { ExportDocument } from '../../shared/export/document.ts';
import { printHeaderFooter, renderHtml } from '../../shared/export/html.ts';
import { launchChromium } from '../helpers/browser.ts';
import { L11_SYMBOL, l11, l11Compilation } from './fixtures.ts';

const run = promisify(execFile);
const ARTIFACTS = fileURLToPath(new URL('../../test-artifacts/export/', import.meta.url));
const TIMEOUT = 90_000;

function requireTool(cmd: string, args: string[], pkg: string): void {
  const probe = spawnSync(cmd, args, { encoding: 'utf8', timeout: 30_000 });
  if (probe.error || probe.status !== 0) {
    throw new Error(`${cmd} is required for the print test but could not be run: install the Debian package ${pkg}.`);
  }
}

/** Whitespace collapsed and line-end hyphens rejoined, so wrapped text can be searched. */
const flat = (s: string): string => s.replace(/-[ \t]*\n\s*/g, '-').replace(/\s+/g, ' ').trim();

interface Printed { pages: string[]; text: string; fonts: string }

/** Loads the HTML, prints it to `name`.pdf, keeps a PNG of page 1 (browser screenshot and PDF raster). */
async function print(page: Page, doc: ExportDocument, name: string, mode: 'templates' | 'margin-boxes'): Promise<Printed> {
  await page.setContent(renderHtml(doc, { marginBoxes: mode === 'margin-boxes' }), { waitUntil: 'load' });
  const pdf = join(ARTIFACTS, `${name}.pdf`);
  const templates = mode === 'templates' ? { displayHeaderFooter: true, ...printHeaderFooter(doc) } : { displayHeaderFooter: false };
  await page.emulateMedia({ media: 'print' });
  writeFileSync(pdf, await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true, ...templates }));
  // Page 1 as the screen shows it: the white A4 sheet (297 mm = 1123 CSS px tall).
  await page.emulateMedia({ media: 'screen' });
  const sheet = await page.locator('main.sheet').boundingBox();
  if (!sheet) throw new Error('no sheet on screen');
  await page.screenshot({ path: join(ARTIFACTS, `${name}-page1.png`), clip: { x: sheet.x, y: sheet.y, width: sheet.width, height: Math.min(sheet.height, 1123) } });
  await run('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', pdf, join(ARTIFACTS, `${name}-pdf-page1`)]);
  const { stdout } = await run('pdftotext', ['-layout', pdf, '-'], { maxBuffer: 16 * 1024 * 1024 });
  const fonts = (await run('pdffonts', [pdf])).stdout;
  return { pages: stdout.split('\f').filter((p) => p.trim() !== ''), text: stdout, fonts };
}

/** Operative numbers at the start of lines ("   5.   Recommends"), in order. */
function opNumbers(text: string): number[] {
  return [...text.matchAll(/^\s*(\d+)\.\s{2,}\S/gm)].map((m) => Number(m[1]));
}

/** The font families Chromium actually rendered a node's text with (DevTools protocol). */
async function platformFonts(page: Page, selector: string): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    return fonts.map((f) => f.familyName);
  } finally {
    await cdp.detach();
  }
}

describe('HTML print view printed by Chromium', () => {
  let browser: Browser;
  let page: Page;
  const doc = buildExportDocument({ resolution: l11() });

  beforeAll(async () => {
    requireTool('pdftotext', ['-v'], 'poppler-utils');
    mkdirSync(ARTIFACTS, { recursive: true });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1000, height: 1200 } });
  }, TIMEOUT);

  afterAll(async () => {
    await browser?.close();
  });

  it('prints L.11 on A4 with the masthead, sponsor line, title, every OP in order, footnotes and page numbers', async () => {
    const out = await print(page, doc, 'print-L11', 'templates');
    const all = flat(out.text);
    for (const s of ['United Nations', L11_SYMBOL, 'General Assembly', 'Distr.: Limited', '12 October 2023', 'Original: English and Russian',
      'Seventy-eighth session', 'First Committee', 'Agenda item 94', doc.sponsorLine, doc.title, 'The General Assembly,', 'See A/78/265.', 'A/AC.292/2023/INF/5.']) {
      expect(all, s).toContain(s);
    }
    expect(opNumbers(out.text)).toEqual(doc.operative.filter((b) => b.depth === 0).map((b) => b.number));
    expect(opNumbers(out.text)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    // Footnotes come after the last OP.
    expect(all.indexOf('See A/78/265.')).toBeGreaterThan(all.indexOf('Decides to include in the provisional agenda'));
    expect(out.pages.length).toBeGreaterThanOrEqual(2);
    out.pages.forEach((p, i) => {
      expect(p, `page ${i + 1}`).toContain(`${i + 1}/${out.pages.length}`);
      expect(p, `page ${i + 1}`).toContain(L11_SYMBOL);
    });
    expect(out.fonts).toMatch(/LiberationSerif|TimesNewRoman/);
    expect(out.fonts).toMatch(/LiberationSerif-Italic|TimesNewRoman.*Italic/);
  }, TIMEOUT);

  it('sets openers in italic and the text in Times New Roman or its metric twin', async () => {
    await page.setContent(renderHtml(doc, { marginBoxes: false }), { waitUntil: 'load' });
    const style = await page.evaluate(() => {
      const openers = [...document.querySelectorAll('.opener')];
      const op = document.querySelector('p[data-ref="OP1"]');
      const title = document.querySelector('h1.title');
      const line = document.querySelector('.sponsor-line .line-kind');
      const names = document.querySelector('.sponsor-line .names');
      const cs = (e: Element | null): CSSStyleDeclaration => getComputedStyle(e ?? document.body);
      return {
        openers: openers.length,
        openerStyles: [...new Set(openers.map((o) => getComputedStyle(o).fontStyle))],
        opStyle: cs(op).fontStyle, opSize: cs(op).fontSize, family: cs(op).fontFamily,
        titleWeight: cs(title).fontWeight, lineKind: cs(line).fontStyle, names: cs(names).fontStyle,
        organ: cs(document.querySelector('p.organ')).fontStyle,
      };
    });
    expect(style.openers).toBe(doc.preamble.length + doc.operative.filter((b) => b.depth === 0).length);
    expect(style.openerStyles).toEqual(['italic']);
    expect(style.opStyle).toBe('normal');
    expect(parseFloat(style.opSize)).toBeCloseTo((10 * 96) / 72, 3); // 10 pt in CSS px
    expect(style.family).toMatch(/^"Times New Roman"/);
    expect(Number(style.titleWeight)).toBeGreaterThanOrEqual(700);
    expect([style.lineKind, style.names, style.organ]).toEqual(['italic', 'normal', 'italic']);
    const used = [...await platformFonts(page, 'p[data-ref="OP1"]'), ...await platformFonts(page, '.opener')];
    expect(used.length).toBeGreaterThan(0);
    for (const family of used) expect(['Times New Roman', 'Liberation Serif']).toContain(family);
  }, TIMEOUT);

  it('prints the running symbol (not on page 1) and page numbers with CSS page-margin boxes alone', async () => {
    const out = await print(page, doc, 'print-L11-margin-boxes', 'margin-boxes');
    expect(out.pages.length).toBeGreaterThanOrEqual(2);
    const count = (s: string, what: string): number => s.split(what).length - 1;
    out.pages.forEach((p, i) => {
      expect(p, `page ${i + 1}`).toContain(`${i + 1}/${out.pages.length}`);
      // Page 1 shows the symbol in the masthead only; later pages carry it in the running header.
      expect(count(p, L11_SYMBOL), `page ${i + 1}`).toBe(1);
    });
  }, TIMEOUT);

  it('prints the compilation: legend, statuses, attributed changes, OP5 bis [Brazil], proposals and positions', async () => {
    const compilation = l11Compilation();
    const out = await print(page, compilation, 'print-L11-compilation', 'templates');
    const all = flat(out.text);
    for (const s of ['How to read this compilation', 'OP5 bis [Brazil, with Chile]', 'PROPOSED NEW PARAGRAPH', '5 bis.',
      'Stresses the importance of capacity-building for all States;', 'Strongly supports [Norway]', '[Cuba] delete the paragraph',
      'Positions: support 2 (Kenya, Mexico); oppose 1 (Peru)', 'AGREED AD REF', 'BRACKETED', L11_SYMBOL, doc.title]) {
      expect(all, s).toContain(s);
    }
    expect(out.pages.length).toBeGreaterThanOrEqual(2);
    out.pages.forEach((p, i) => expect(p, `page ${i + 1}`).toContain(`${i + 1}/${out.pages.length}`));
    // OP5 bis stands between OP5 and OP6.
    expect(all.indexOf('5 bis.')).toBeGreaterThan(all.indexOf('5. [Recommends'));
    expect(all.indexOf('5 bis.')).toBeLessThan(all.indexOf('6. Encourages'));
    const marks = await page.evaluate(() => {
      const deco = (sel: string): string => getComputedStyle(document.querySelector(sel) ?? document.body).textDecorationLine;
      return { ins: deco('ins[data-by="Norway"]'), del: deco('del[data-by="Norway"]'), badge: getComputedStyle(document.querySelector('.badge') ?? document.body).borderTopStyle };
    });
    expect(marks).toEqual({ ins: 'underline', del: 'line-through', badge: 'solid' });
  }, TIMEOUT);
});

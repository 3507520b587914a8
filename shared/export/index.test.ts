/** The export registry: format parsing, file names, and each format rendered from the corpus L-document. */
import { describe, expect, it } from 'vitest';
import { importResolution } from '../import/index.ts';
import { corpusText } from '../../test/fixtures/corpus.ts';
import { buildExportDocument } from './build.ts';
import { exportFileName, parseCompilationAs, parseExportFormat, renderExport } from './index.ts';
import type { ExportDocument } from './document.ts';

function l11(revision = 0): ExportDocument {
  const r = importResolution(corpusText('A-C.1-78-L.11'));
  if (!r.ok) throw new Error(r.message);
  // The corpus copy has no symbol line: the secretariat sets it.
  return buildExportDocument({ resolution: { ...r.resolution, symbol: 'A/C.1/78/L.11' }, revision });
}

describe('export registry', () => {
  it('parses formats case-insensitively and lists them when it cannot', () => {
    expect(parseExportFormat(' DOCX ')).toEqual({ ok: true, value: 'docx' });
    expect(parseExportFormat('compilation')).toEqual({ ok: true, value: 'compilation' });
    expect(parseExportFormat('pdf')).toEqual({ ok: false, message: 'unknown export format "pdf": use one of docx, akn, html, txt, compilation' });
    expect(parseExportFormat(undefined)).toEqual({ ok: false, message: 'no export format given: use one of docx, akn, html, txt, compilation' });
    expect(parseCompilationAs(undefined)).toEqual({ ok: true, value: 'docx' });
    expect(parseCompilationAs('HTML')).toEqual({ ok: true, value: 'html' });
    expect(parseCompilationAs('odt').ok).toBe(false);
  });

  it('names files after the symbol with safe characters only', () => {
    expect(exportFileName(l11(), 'docx')).toBe('A_C.1_78_L.11.docx');
    expect(exportFileName(l11(1), 'docx')).toBe('A_C.1_78_L.11_Rev.1.docx');
    expect(exportFileName(l11(), 'akn')).toBe('A_C.1_78_L.11.xml');
    expect(exportFileName(l11(), 'compilation')).toBe('A_C.1_78_L.11_compilation.docx');
    expect(exportFileName(l11(), 'compilation', 'html')).toBe('A_C.1_78_L.11_compilation.html');
    const odd = { ...l11(), masthead: { ...l11().masthead, symbol: ' ../A/RES/78/16 «x» ' } };
    expect(exportFileName(odd, 'txt')).toBe('A_RES_78_16_x.txt');
    const none = { ...l11(), masthead: { ...l11().masthead, symbol: '' } };
    expect(exportFileName(none, 'html')).toBe('draft-resolution.html');
  });

  it('renders every format with its content type', async () => {
    const doc = l11(1);
    const docx = await renderExport(doc, 'docx');
    expect(docx.extension).toBe('docx');
    expect(docx.bytes).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(docx.bytes as Uint8Array).subarray(0, 2).toString('latin1')).toBe('PK');
    const akn = await renderExport(doc, 'akn');
    expect(akn.contentType).toMatch(/xml/);
    expect(String(akn.bytes)).toContain('A/C.1/78/L.11/Rev.1');
    const html = await renderExport(doc, 'html');
    expect(html.contentType).toBe('text/html; charset=utf-8');
    expect(String(html.bytes)).toContain('revised draft resolution');
    const txt = await renderExport(doc, 'txt');
    expect(txt.contentType).toBe('text/plain; charset=utf-8');
    expect(String(txt.bytes)).toContain('A/C.1/78/L.11/Rev.1');
    const compilationHtml = await renderExport({ ...doc, compilation: true }, 'compilation', { as: 'html' });
    expect(compilationHtml.extension).toBe('html');
  });
});

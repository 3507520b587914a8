/**
 * The export registry: one entry point that turns an {@link ExportDocument} into the bytes of a
 * format, with its content type and file extension. The API route, the CLI and the benchmark all go
 * through here, so a format means the same thing everywhere.
 *
 * 'compilation' renders the compilation document (built by `buildCompilation`, `doc.compilation`
 * true) as DOCX by default, or as HTML / plain text when asked (`as`).
 */
import { EXPORT_FORMATS, type ExportDocument, type ExportFormat } from './document.ts';

export { EXPORT_FORMATS, type ExportFormat } from './document.ts';

/** What a compilation can be rendered as. */
export type CompilationAs = 'docx' | 'html' | 'txt';
export const COMPILATION_AS: readonly CompilationAs[] = ['docx', 'html', 'txt'];

/** One rendered export. `bytes` is a string for the text formats (UTF-8 when written), binary for DOCX. */
export interface RenderedExport {
  bytes: Uint8Array | string;
  /** HTTP Content-Type, charset included for the text formats. */
  contentType: string;
  /** File extension without the dot. */
  extension: string;
}

export interface RenderOptions {
  /** For 'compilation' only: the file format (default 'docx'). */
  as?: CompilationAs;
}

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The content type and extension of a plain (non-compilation) format. */
const FILE_TYPES: Record<Exclude<ExportFormat, 'compilation'>, { contentType: string; extension: string }> = {
  docx: { contentType: DOCX_TYPE, extension: 'docx' },
  akn: { contentType: 'application/akn+xml; charset=utf-8', extension: 'xml' },
  html: { contentType: 'text/html; charset=utf-8', extension: 'html' },
  txt: { contentType: 'text/plain; charset=utf-8', extension: 'txt' },
};

/** The underlying file format a request produces ('compilation' → its `as`). */
export function fileFormatOf(format: ExportFormat, as: CompilationAs = 'docx'): Exclude<ExportFormat, 'compilation'> {
  return format === 'compilation' ? as : format;
}

/**
 * Renders `doc` in `format`. For 'compilation', pass the compilation document; the plain formats
 * render whatever document they are given (a compilation passed to 'txt' prints the compilation text).
 * Rejects only if a renderer fails, which is a bug.
 */
export async function renderExport(doc: ExportDocument, format: ExportFormat, options: RenderOptions = {}): Promise<RenderedExport> {
  const file = fileFormatOf(format, options.as);
  const type = FILE_TYPES[file];
  // Each renderer is loaded when first used: a plain-text export from the CLI need not load the DOCX library.
  switch (file) {
    case 'docx': return { ...type, bytes: await (await import('./docx.ts')).renderDocx(doc) };
    case 'akn': return { ...type, bytes: (await import('./akn.ts')).renderAkn(doc) };
    case 'html': return { ...type, bytes: (await import('./html.ts')).renderHtml(doc) };
    case 'txt': {
      const text = await import('./text.ts');
      return { ...type, bytes: doc.compilation ? text.renderCompilationText(doc) : text.renderText(doc) };
    }
  }
}

/** Letters, digits, '.', '-' and '_' only; runs of anything else become one '_'. */
function safePart(s: string): string {
  return s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9.-]+/g, '_').replace(/^[_.]+|[_.]+$/g, '');
}

/**
 * The download name: the symbol with '/' as '_' ("A_C.1_78_L.11_Rev.1.docx"), "_compilation" for the
 * compilation; without a symbol, the document kind ("draft-resolution.xml"). Safe on every file system.
 */
export function exportFileName(doc: ExportDocument, format: ExportFormat, as: CompilationAs = 'docx'): string {
  const base = safePart(doc.masthead.symbol) || safePart(doc.kind) || 'resolution';
  const stem = format === 'compilation' ? `${base}_compilation` : base;
  return `${stem.slice(0, 120)}.${FILE_TYPES[fileFormatOf(format, as)].extension}`;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/** Reads a format name (case-insensitive, trimmed); the error lists the formats. */
export function parseExportFormat(value: string | null | undefined): Parsed<ExportFormat> {
  const v = (value ?? '').trim().toLowerCase();
  const found = EXPORT_FORMATS.find((f) => f === v);
  if (found) return { ok: true, value: found };
  const what = v ? `unknown export format "${value}"` : 'no export format given';
  return { ok: false, message: `${what}: use one of ${EXPORT_FORMATS.join(', ')}` };
}

/** Reads the compilation's file format; absent or empty means DOCX. */
export function parseCompilationAs(value: string | null | undefined): Parsed<CompilationAs> {
  const v = (value ?? '').trim().toLowerCase();
  if (!v) return { ok: true, value: 'docx' };
  const found = COMPILATION_AS.find((f) => f === v);
  if (found) return { ok: true, value: found };
  return { ok: false, message: `unknown compilation format "${value}": use one of ${COMPILATION_AS.join(', ')}` };
}

/**
 * Exports through the API (server/export/routes.ts): the file of a format, of the live text or an
 * issued revision, fetched with the bearer token in the Authorization header (never in the URL) and
 * handed over as a Blob; and the revisions to choose from. Every call resolves to an ApiResult.
 */
import {
  draftHeaders, draftUrl, errorFromResponse, isRecord, requestJson, type ApiResult, type DraftRequestContext,
} from '../api.ts';

/** What the Export panel can ask for: a format, the compilation's file format, and which text. */
export interface ExportRequest {
  format: 'docx' | 'akn' | 'html' | 'txt' | 'compilation';
  /** For the compilation: docx (default) or html. */
  as?: 'docx' | 'html';
  /** A revision id or label; absent or 'live' for the live text. */
  revision?: string;
}

/** A fetched export, ready to save or open. */
export interface ExportFile {
  blob: Blob;
  /** From Content-Disposition (the server derives it from the symbol). */
  fileName: string;
  contentType: string;
}

/** A revision the panel offers (the timeline, oldest first). */
export interface RevisionChoice {
  id: string;
  label: string;
  seq: number;
}

/** The export URL of a request: format, `as` and revision as query parameters (no token). */
export function exportUrl(ctx: DraftRequestContext, draftId: string, req: ExportRequest): string {
  const q = new URLSearchParams({ format: req.format });
  if (req.format === 'compilation' && req.as) q.set('as', req.as);
  if (req.revision && req.revision !== 'live') q.set('revision', req.revision);
  return draftUrl(ctx, draftId, `/export?${q.toString()}`);
}

/**
 * The file name of a Content-Disposition header (`filename="..."`, or RFC 5987 `filename*=UTF-8''...`),
 * reduced to safe characters; `fallback` when absent.
 */
export function fileNameFrom(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const star = /filename\*\s*=\s*(?:UTF-8'')?([^;]+)/i.exec(disposition);
  const plain = /filename\s*=\s*"([^"]*)"|filename\s*=\s*([^;\s]+)/i.exec(disposition);
  let name = '';
  try {
    name = star ? decodeURIComponent(star[1].trim().replace(/^"|"$/g, '')) : (plain?.[1] ?? plain?.[2] ?? '');
  } catch {
    name = plain?.[1] ?? plain?.[2] ?? '';
  }
  const safe = name.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^[_.]+/, '');
  return safe || fallback;
}

const FALLBACK_EXTENSION: Record<ExportRequest['format'], string> = { docx: 'docx', akn: 'xml', html: 'html', txt: 'txt', compilation: 'docx' };

/** Fetches one export as a Blob; a refusal carries the server's message (e.g. the list of formats). */
export async function fetchExport(ctx: DraftRequestContext, draftId: string, req: ExportRequest): Promise<ApiResult<ExportFile>> {
  let res: Response;
  try {
    res = await ctx.fetch(exportUrl(ctx, draftId, req), { method: 'GET', headers: draftHeaders(ctx, draftId) });
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    return { ok: false, error: { status: 0, code: 'network', message: `Could not reach the server (${reason}).` } };
  }
  if (!res.ok) return { ok: false, error: await errorFromResponse(res) };
  try {
    const blob = await res.blob();
    const ext = req.format === 'compilation' && req.as === 'html' ? 'html' : FALLBACK_EXTENSION[req.format];
    const contentType = res.headers.get('content-type') ?? blob.type;
    return { ok: true, value: { blob, contentType, fileName: fileNameFrom(res.headers.get('content-disposition'), `export.${ext}`) } };
  } catch (err) {
    return { ok: false, error: { status: res.status, code: 'bad-response', message: `The export could not be read (${err instanceof Error ? err.message : String(err)}).` } };
  }
}

/** The draft's issued revisions, oldest first (malformed rows dropped). */
export function listRevisionChoices(ctx: DraftRequestContext, draftId: string): Promise<ApiResult<RevisionChoice[]>> {
  return requestJson(ctx.fetch, draftUrl(ctx, draftId, '/revisions'), { method: 'GET', headers: draftHeaders(ctx, draftId, { accept: 'application/json' }) },
    (body) => {
      if (!isRecord(body) || !Array.isArray(body.revisions)) return null;
      return body.revisions.flatMap((r): RevisionChoice[] => (isRecord(r) && typeof r.id === 'string' && typeof r.label === 'string'
        ? [{ id: r.id, label: r.label, seq: typeof r.seq === 'number' ? r.seq : 0 }] : []));
    });
}

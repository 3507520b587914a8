/**
 * The record's API calls (server/audit/routes.ts): the filtered log, the chain check and the export of
 * the filtered log as a file. Every call resolves to an ApiResult (never throws). The token travels as
 * the Authorization header, never in a URL, so a download is fetched and handed over as a Blob.
 */
import {
  draftHeaders, draftUrl, errorFromResponse, isRecord, requestJson, type ApiResult, type DraftRequestContext,
} from '../api.ts';
import { logQuery, type LogEntry, type LogFilters, type LogFormat } from './model.ts';

/** `GET /log/verify`: intact, or the first bad row. */
export interface VerifyInfo {
  ok: boolean;
  count: number;
  firstBad: { seq: number; problem: string; message: string } | null;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** One row of the log answer; null when it is not one. */
export function parseLogEntry(v: unknown): LogEntry | null {
  if (!isRecord(v) || typeof v.seq !== 'number' || typeof v.kind !== 'string') return null;
  const a = v.actor;
  const actor = isRecord(a) && typeof a.participant === 'string'
    ? { participant: a.participant, role: str(a.role), delegation: typeof a.delegation === 'string' && a.delegation ? a.delegation : null }
    : null;
  return { seq: v.seq, at: str(v.at), actor, kind: v.kind, target: str(v.target), detail: v.detail ?? null };
}

/** The verify answer; null when malformed. */
export function parseVerify(v: unknown): VerifyInfo | null {
  if (!isRecord(v) || typeof v.ok !== 'boolean' || typeof v.count !== 'number') return null;
  const b = v.firstBad;
  const firstBad = isRecord(b) && typeof b.seq === 'number' ? { seq: b.seq, problem: str(b.problem), message: str(b.message) } : null;
  return { ok: v.ok, count: v.count, firstBad };
}

/** The log, filtered on the server, oldest first (as stored). */
export function fetchLog(ctx: DraftRequestContext, draftId: string, filters: LogFilters): Promise<ApiResult<LogEntry[]>> {
  return requestJson(ctx.fetch, draftUrl(ctx, draftId, `/log${logQuery(filters)}`),
    { method: 'GET', headers: draftHeaders(ctx, draftId, { accept: 'application/json' }) },
    (b) => (isRecord(b) && Array.isArray(b.events) ? b.events.map(parseLogEntry).filter((e): e is LogEntry => e !== null) : null));
}

/** The chain check of the whole stored log. */
export function verifyRecord(ctx: DraftRequestContext, draftId: string): Promise<ApiResult<VerifyInfo>> {
  return requestJson(ctx.fetch, draftUrl(ctx, draftId, '/log/verify'),
    { method: 'GET', headers: draftHeaders(ctx, draftId, { accept: 'application/json' }) }, parseVerify);
}

/** The filtered log as a CSV or JSON file, exactly as the server wrote it. */
export async function exportLog(
  ctx: DraftRequestContext, draftId: string, filters: LogFilters, format: LogFormat,
): Promise<ApiResult<Blob>> {
  const accept = format === 'csv' ? 'text/csv' : 'application/json';
  let res: Response;
  try {
    res = await ctx.fetch(draftUrl(ctx, draftId, `/log${logQuery(filters, format)}`), { method: 'GET', headers: draftHeaders(ctx, draftId, { accept }) });
  } catch (err) {
    return { ok: false, error: { status: 0, code: 'network', message: `Could not reach the server (${err instanceof Error ? err.message : String(err)}).` } };
  }
  if (!res.ok) return { ok: false, error: await errorFromResponse(res) };
  try {
    const body = await res.blob();
    // The server's own type ("text/csv; charset=utf-8"), so the saved file opens as what it is.
    return { ok: true, value: body.type ? body : new Blob([body], { type: accept }) };
  } catch {
    return { ok: false, error: { status: res.status, code: 'bad-response', message: 'The export could not be read.' } };
  }
}

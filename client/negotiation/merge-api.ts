/**
 * The chair's merge routes (server/merges/routes.ts): accept (with the chair's conflict choices), accept
 * several, reject, the recent merges and undo, the author's rebase and a paragraph's history. The server
 * makes every merge write itself, so inserts work and undo survives a reload. Every call resolves to an
 * ApiResult (never throws) carrying the server's own error message.
 */
import {
  draftHeaders, draftUrl, isRecord, requestJson, type ApiResult, type DraftRequestContext,
} from '../api.ts';
import {
  isMergeKind, type MergeEntry, type MergeInfo, type ParagraphHistoryEntry,
} from '../../shared/merge/merge-info.ts';
import type { Resolution } from '../../shared/merge/three-way.ts';

export type { MergeEntry, MergeInfo, ParagraphHistoryEntry };

/** `POST /amendments/accept`: the merges made, and why the batch stopped (null = all accepted). */
export interface BatchResult {
  accepted: MergeInfo[];
  stopped: { id: string; code: string; message: string } | null;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const strOrNull = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/** Parses a merge object from a response body; null if malformed. */
export function parseMerge(v: unknown): MergeInfo | null {
  if (!isRecord(v) || typeof v.seq !== 'number' || typeof v.amendmentId !== 'string' || !isMergeKind(v.kind)) return null;
  return {
    seq: v.seq, amendmentId: v.amendmentId, paragraphId: str(v.paragraphId), kind: v.kind,
    author: str(v.author), cosigners: strings(v.cosigners), acceptedBy: str(v.acceptedBy), at: str(v.at),
  };
}

function parseEntry(v: unknown): MergeEntry | null {
  const m = parseMerge(v);
  if (!m || !isRecord(v)) return null;
  return { ...m, undoneAt: strOrNull(v.undoneAt), undoable: v.undoable === true, reason: strOrNull(v.reason) };
}

const jsonHeaders = (ctx: DraftRequestContext, draftId: string): Record<string, string> =>
  draftHeaders(ctx, draftId, { 'content-type': 'application/json', accept: 'application/json' });

const post = <T>(ctx: DraftRequestContext, draftId: string, rest: string, body: unknown, parse: (b: unknown) => T | null): Promise<ApiResult<T>> =>
  requestJson(ctx.fetch, draftUrl(ctx, draftId, rest), { method: 'POST', headers: jsonHeaders(ctx, draftId), body: JSON.stringify(body) }, parse);

const get = <T>(ctx: DraftRequestContext, draftId: string, rest: string, parse: (b: unknown) => T | null): Promise<ApiResult<T>> =>
  requestJson(ctx.fetch, draftUrl(ctx, draftId, rest), { method: 'GET', headers: draftHeaders(ctx, draftId, { accept: 'application/json' }) }, parse);

const amendmentPath = (amendmentId: string, action: string): string => `/amendments/${encodeURIComponent(amendmentId)}/${action}`;

/**
 * The chair accepts one amendment on the server. `choices` settle its conflicts in order (as the local
 * conflict view shows them). Errors: 409 'conflict' (choices needed), 'stale-plan', 'not-proposed'...
 */
export function acceptOnServer(
  ctx: DraftRequestContext, draftId: string, amendmentId: string, choices?: readonly Resolution[],
): Promise<ApiResult<MergeInfo>> {
  return post(ctx, draftId, amendmentPath(amendmentId, 'accept'), choices ? { choices } : {},
    (b) => (isRecord(b) ? parseMerge(b.merge) : null));
}

/** The chair rejects one proposed amendment. */
export function rejectOnServer(ctx: DraftRequestContext, draftId: string, amendmentId: string): Promise<ApiResult<{ amendmentId: string; status: string }>> {
  return post(ctx, draftId, amendmentPath(amendmentId, 'reject'), {},
    (b) => (isRecord(b) && typeof b.amendmentId === 'string' ? { amendmentId: b.amendmentId, status: str(b.status) } : null));
}

/** The chair accepts `ids` in order; the server stops at the first that fails. */
export function acceptManyOnServer(ctx: DraftRequestContext, draftId: string, ids: readonly string[]): Promise<ApiResult<BatchResult>> {
  return post(ctx, draftId, '/amendments/accept', { ids }, (b) => {
    if (!isRecord(b) || !Array.isArray(b.accepted)) return null;
    const accepted = b.accepted.map(parseMerge).filter((m): m is MergeInfo => m !== null);
    const s = b.stopped;
    const stopped = isRecord(s) && typeof s.id === 'string' ? { id: s.id, code: str(s.code), message: str(s.message) } : null;
    return { accepted, stopped };
  });
}

/** The recent merges, newest first. */
export function listMerges(ctx: DraftRequestContext, draftId: string): Promise<ApiResult<MergeEntry[]>> {
  return get(ctx, draftId, '/merges', (b) =>
    (isRecord(b) && Array.isArray(b.merges) ? b.merges.map(parseEntry).filter((m): m is MergeEntry => m !== null) : null));
}

/** The chair undoes the newest merge (`seq`, when given, must name it). */
export function undoOnServer(ctx: DraftRequestContext, draftId: string, seq?: number): Promise<ApiResult<MergeInfo>> {
  return post(ctx, draftId, '/merges/undo', seq === undefined ? {} : { seq }, (b) => (isRecord(b) ? parseMerge(b.undone) : null));
}

/** The author carries an amendment over to the paragraph's current text; `text` settles a conflict by hand. */
export function rebaseOnServer(
  ctx: DraftRequestContext, draftId: string, amendmentId: string, text?: string,
): Promise<ApiResult<{ text: string; baseText: string }>> {
  return post(ctx, draftId, amendmentPath(amendmentId, 'rebase'), text === undefined ? {} : { text },
    (b) => (isRecord(b) && typeof b.text === 'string' ? { text: b.text, baseText: str(b.baseText) } : null));
}

/** A paragraph's history, oldest first. */
export function paragraphHistory(ctx: DraftRequestContext, draftId: string, paragraphId: string): Promise<ApiResult<ParagraphHistoryEntry[]>> {
  return get(ctx, draftId, `/paragraphs/${encodeURIComponent(paragraphId)}/history`, (b) => {
    if (!isRecord(b) || !Array.isArray(b.history)) return null;
    return b.history.filter(isRecord).map((e) => ({
      at: str(e.at), kind: str(e.kind), actor: strOrNull(e.actor), amendmentId: strOrNull(e.amendmentId),
      amendmentKind: strOrNull(e.amendmentKind), author: strOrNull(e.author), cosigners: strings(e.cosigners),
      acceptedBy: strOrNull(e.acceptedBy), summary: str(e.summary),
    }));
  });
}

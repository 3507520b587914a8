/**
 * Typed wrapper around the JSON API. Every call resolves to a result, never throws: the
 * server's own error message (`{error: {code, message}}`) is surfaced verbatim so the user
 * sees e.g. "This is not a resolution: ..." exactly as the importer wrote it.
 */
import type { ResolutionJSON } from '../shared/resolution/types.ts';

/** One row of `GET /api/drafts`. */
export interface DraftSummary {
  id: string;
  title: string;
  symbol: string;
  updatedAt: string;
  createdAt: string;
}

/** `GET /api/drafts/:id`. */
export type DraftDetail = ResolutionJSON & { id: string };

/** What `POST /api/drafts` answers (at least the id; `warnings` from the importer, if any). */
export type CreatedDraft = { id: string; warnings: string[] } & Partial<Omit<DraftSummary, 'id'>>;

/** A failed call: HTTP status (0 = no response), server error code and message. */
export interface ApiError {
  status: number;
  code: string;
  message: string;
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** The subset of `fetch` used, so tests can pass a fake. */
export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

/** The error carried by a non-2xx response: the server's JSON error if any, else the body text or status. */
export async function errorFromResponse(res: Response): Promise<ApiError> {
  let text = '';
  try {
    text = await res.text();
  } catch {
    text = '';
  }
  try {
    const body: unknown = JSON.parse(text);
    if (isRecord(body) && isRecord(body.error) && typeof body.error.message === 'string') {
      return { status: res.status, code: typeof body.error.code === 'string' ? body.error.code : 'error', message: body.error.message };
    }
  } catch {
    // not JSON: fall through to the raw text
  }
  const trimmed = text.trim();
  const short = trimmed.length > 0 && trimmed.length <= 300 && !trimmed.startsWith('<') ? trimmed : '';
  return { status: res.status, code: 'http', message: short || `The server answered ${res.status} ${res.statusText}`.trim() };
}

/** The API client. `base` is '' for same-origin. */
export function createApi(fetchImpl: FetchLike, base = '') {
  async function call<T>(path: string, init: RequestInit, parse: (body: unknown) => T | null): Promise<ApiResult<T>> {
    let res: Response;
    try {
      res = await fetchImpl(`${base}${path}`, init);
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      return { ok: false, error: { status: 0, code: 'network', message: `Could not reach the server (${reason}).` } };
    }
    if (!res.ok) return { ok: false, error: await errorFromResponse(res) };
    let body: unknown = null;
    if (res.status !== 204) {
      try {
        body = await res.json();
      } catch {
        return { ok: false, error: { status: res.status, code: 'bad-response', message: 'The server sent a response that is not JSON.' } };
      }
    }
    const value = parse(body);
    if (value === null) {
      return { ok: false, error: { status: res.status, code: 'bad-response', message: 'The server sent an unexpected response.' } };
    }
    return { ok: true, value };
  }

  const str = (v: unknown): string => (typeof v === 'string' ? v : '');
  const parseSummary = (v: unknown): DraftSummary | null =>
    isRecord(v) && typeof v.id === 'string'
      ? { id: v.id, title: str(v.title), symbol: str(v.symbol), updatedAt: str(v.updatedAt), createdAt: str(v.createdAt) }
      : null;
  const parseCreated = (v: unknown): CreatedDraft | null => {
    if (!isRecord(v) || typeof v.id !== 'string') return null;
    const warnings = Array.isArray(v.warnings) ? v.warnings.filter((w): w is string => typeof w === 'string') : [];
    return { ...(v as Partial<DraftSummary>), id: v.id, warnings };
  };

  return {
    listDrafts: () =>
      call('/api/drafts', { method: 'GET', headers: { accept: 'application/json' } }, (body) => {
        if (!isRecord(body) || !Array.isArray(body.drafts)) return null;
        return body.drafts.map(parseSummary).filter((d): d is DraftSummary => d !== null);
      }),
    createEmptyDraft: () => call('/api/drafts', { method: 'POST', headers: { accept: 'application/json' } }, parseCreated),
    /** Import a resolution text (pasted or read from a .txt file). */
    importDraft: (text: string) =>
      call('/api/drafts', {
        method: 'POST',
        headers: { 'content-type': 'text/plain; charset=utf-8', accept: 'application/json' },
        body: text,
      }, parseCreated),
    getDraft: (id: string) =>
      call(`/api/drafts/${encodeURIComponent(id)}`, { method: 'GET', headers: { accept: 'application/json' } },
        (body) => (isRecord(body) && typeof body.id === 'string' ? (body as unknown as DraftDetail) : null)),
    deleteDraft: (id: string) =>
      call(`/api/drafts/${encodeURIComponent(id)}`, { method: 'DELETE' }, () => true as const),
  };
}

export type Api = ReturnType<typeof createApi>;

/** The same-origin API used by the app. */
export const api: Api = createApi((input, init) => fetch(input, init));

/**
 * Typed wrapper around the JSON API. Every call resolves to a result, never throws: the
 * server's own error message (`{error: {code, message}}`) is surfaced verbatim so the user
 * sees e.g. "This is not a resolution: ..." exactly as the importer wrote it.
 */
import type { ResolutionJSON } from '../shared/resolution/types.ts';
import { ROLES, type Role } from '../shared/negotiation/layout.ts';
import { browserStorage, tokenFor } from './app/tokens.ts';
import { bearerFor, loadCreateKey, type ApiTarget } from './app/create-key.ts';

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

/**
 * What `POST /api/drafts` answers: the id, the creator's secretariat `token` ('' from a server
 * without access control) and `warnings` from the importer, if any.
 */
export type CreatedDraft = { id: string; token: string; warnings: string[]; participant?: string; role?: Role }
  & Partial<Omit<DraftSummary, 'id'>>;

/** `GET /api/drafts/:id/me`: who the token says this browser is. */
export interface Me {
  participant: string;
  role: Role;
  delegation: string | null;
  draftId: string;
}

/** One invitation as listed by `GET /api/drafts/:id/invitations` (the token itself is never listed). */
export interface InvitationSummary {
  id: string;
  participant: string;
  role: Role;
  delegation: string | null;
  createdAt: string;
  createdBy: string | null;
  /** ISO time it was revoked, or null while it is valid. */
  revokedAt: string | null;
}

/** `POST /api/drafts/:id/invitations`: the personal link is shown once, to be handed over. */
export interface CreatedInvitation {
  id: string;
  token: string;
  link: string;
}

/** A failed call: HTTP status (0 = no response), server error code and message. */
export interface ApiError {
  status: number;
  code: string;
  message: string;
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** The subset of `fetch` used, so tests can pass a fake. */
export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;


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

/** The bearer token for a draft, or null (then no Authorization header is sent). */
export type TokenLookup = (draftId: string) => string | null;

/** The server's creation key held by this browser, or null. */
export type CreateKeyLookup = () => string | null;

/**
 * One JSON request: never throws. A network failure, a non-2xx answer (the server's own error) and a
 * body `parse` rejects (null) all come back as `{ok: false, error}`. 204 parses `null`.
 */
export async function requestJson<T>(
  fetchImpl: FetchLike, url: string, init: RequestInit, parse: (body: unknown) => T | null,
): Promise<ApiResult<T>> {
  let res: Response;
  try {
    res = await fetchImpl(url, init);
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

/**
 * Building blocks for feature API modules (client/<feature>/api.ts): the draft's URL and headers with
 * this browser's token for it. Feature modules take a {@link DraftRequestContext} so tests can pass a fake fetch.
 */
export interface DraftRequestContext {
  fetch: FetchLike;
  base: string;
  tokenFor: TokenLookup;
}

/** The app's context: same origin, real fetch, the tokens stored in this browser. */
export const browserDraftContext: DraftRequestContext = {
  fetch: (input, init) => fetch(input, init), base: '', tokenFor: (draftId) => tokenFor(browserStorage(), draftId),
};

/** URL of `rest` under the draft (`rest` starts with '/' or is ''). */
export const draftUrl = (ctx: DraftRequestContext, draftId: string, rest = ''): string =>
  `${ctx.base}/api/drafts/${encodeURIComponent(draftId)}${rest}`;

/** Headers for a call about `draftId`: `extra` plus the bearer token when this browser holds one. */
export function draftHeaders(ctx: DraftRequestContext, draftId: string, extra: Record<string, string> = {}): Record<string, string> {
  const token = ctx.tokenFor(draftId);
  return token ? { ...extra, authorization: `Bearer ${token}` } : extra;
}

/** Plain-object check for parsers of API bodies. */
export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

/**
 * The API client. `base` is '' for same-origin. Every call about one draft carries
 * `Authorization: Bearer <token>` from `tokenFor`; create / import / list carry the creation key from
 * `createKey` (see app/create-key.ts). Both are read at call time so a newly stored one counts.
 */
export function createApi(fetchImpl: FetchLike, base = '', tokenFor: TokenLookup = () => null, createKey: CreateKeyLookup = () => null) {
  const withBearer = (target: ApiTarget, headers: Record<string, string>): Record<string, string> => {
    const bearer = bearerFor(target, createKey(), tokenFor);
    return bearer ? { ...headers, authorization: `Bearer ${bearer}` } : headers;
  };
  const auth = (draftId: string, headers: Record<string, string> = {}) => withBearer({ kind: 'draft', draftId }, headers);
  const collection = (headers: Record<string, string>) => withBearer({ kind: 'collection' }, headers);
  const draftPath = (id: string, rest = '') => `/api/drafts/${encodeURIComponent(id)}${rest}`;

  const call = <T>(path: string, init: RequestInit, parse: (body: unknown) => T | null): Promise<ApiResult<T>> =>
    requestJson(fetchImpl, `${base}${path}`, init, parse);

  const str = (v: unknown): string => (typeof v === 'string' ? v : '');
  const isRole = (v: unknown): v is Role => typeof v === 'string' && (ROLES as readonly string[]).includes(v);
  const parseSummary = (v: unknown): DraftSummary | null =>
    isRecord(v) && typeof v.id === 'string'
      ? { id: v.id, title: str(v.title), symbol: str(v.symbol), updatedAt: str(v.updatedAt), createdAt: str(v.createdAt) }
      : null;
  const parseCreated = (v: unknown): CreatedDraft | null => {
    if (!isRecord(v) || typeof v.id !== 'string') return null;
    const warnings = Array.isArray(v.warnings) ? v.warnings.filter((w): w is string => typeof w === 'string') : [];
    const created: CreatedDraft = { ...(v as Partial<DraftSummary>), id: v.id, token: str(v.token), warnings };
    if (typeof v.participant === 'string') created.participant = v.participant;
    if (isRole(v.role)) created.role = v.role;
    return created;
  };
  const delegationOf = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);
  const parseMe = (v: unknown): Me | null =>
    isRecord(v) && typeof v.participant === 'string' && isRole(v.role)
      ? { participant: v.participant, role: v.role, delegation: delegationOf(v.delegation), draftId: str(v.draftId) }
      : null;
  const parseInvitation = (v: unknown): InvitationSummary | null =>
    isRecord(v) && typeof v.id === 'string' && typeof v.participant === 'string' && isRole(v.role)
      ? {
        id: v.id, participant: v.participant, role: v.role, delegation: delegationOf(v.delegation),
        createdAt: str(v.createdAt), createdBy: typeof v.createdBy === 'string' ? v.createdBy : null,
        revokedAt: typeof v.revokedAt === 'string' && v.revokedAt ? v.revokedAt : null,
      }
      : null;

  return {
    listDrafts: () =>
      call('/api/drafts', { method: 'GET', headers: collection({ accept: 'application/json' }) }, (body) => {
        if (!isRecord(body) || !Array.isArray(body.drafts)) return null;
        return body.drafts.map(parseSummary).filter((d): d is DraftSummary => d !== null);
      }),
    createEmptyDraft: () => call('/api/drafts', { method: 'POST', headers: collection({ accept: 'application/json' }) }, parseCreated),
    /** Import a resolution text (pasted or read from a .txt file). */
    importDraft: (text: string) =>
      call('/api/drafts', {
        method: 'POST',
        headers: collection({ 'content-type': 'text/plain; charset=utf-8', accept: 'application/json' }),
        body: text,
      }, parseCreated),
    getDraft: (id: string) =>
      call(draftPath(id), { method: 'GET', headers: auth(id, { accept: 'application/json' }) },
        (body) => (isRecord(body) && typeof body.id === 'string' ? (body as unknown as DraftDetail) : null)),
    deleteDraft: (id: string) =>
      call(draftPath(id), { method: 'DELETE', headers: auth(id) }, () => true as const),
    /** Who this browser's token stands for in the draft. */
    me: (id: string) => call(draftPath(id, '/me'), { method: 'GET', headers: auth(id, { accept: 'application/json' }) }, parseMe),
    listInvitations: (id: string) =>
      call(draftPath(id, '/invitations'), { method: 'GET', headers: auth(id, { accept: 'application/json' }) }, (body) => {
        const rows = Array.isArray(body) ? body : isRecord(body) && Array.isArray(body.invitations) ? body.invitations : null;
        return rows ? rows.map(parseInvitation).filter((r): r is InvitationSummary => r !== null) : null;
      }),
    /** Invite a participant with a role. Delegation roles take a directory name (the server canonicalises it). */
    createInvitation: (id: string, invite: { participant: string; role: Role }) =>
      call(draftPath(id, '/invitations'), {
        method: 'POST',
        headers: auth(id, { 'content-type': 'application/json', accept: 'application/json' }),
        body: JSON.stringify(invite),
      }, (body) => (isRecord(body) && typeof body.token === 'string' && typeof body.link === 'string'
        ? { id: str(body.id), token: body.token, link: body.link } : null)),
    /** Revoke by invitation id (or token): the holder's open sessions are closed at once. */
    revokeInvitation: (id: string, invitationId: string) =>
      call(draftPath(id, `/invitations/${encodeURIComponent(invitationId)}`), { method: 'DELETE', headers: auth(id) }, () => true as const),
  };
}

export type Api = ReturnType<typeof createApi>;

/** The same-origin API used by the app, with this browser's stored tokens and creation key. */
export const api: Api = createApi(
  (input, init) => fetch(input, init), '', (draftId) => tokenFor(browserStorage(), draftId), () => loadCreateKey(browserStorage()),
);

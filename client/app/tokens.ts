/**
 * Per-draft access tokens held by this browser. An invitation link (`#/d/<id>?token=...`) hands one
 * over; it is kept in localStorage (`penholder.tokens`: draft id → record) and removed from the URL,
 * so the secret does not linger in the address bar, history or a shared screenshot.
 * Pure apart from the storage passed in, so it is unit-tested in node.
 */
import { ROLES, type Role } from '../../shared/negotiation/layout.ts';

/** Minimal Storage surface, so tests can pass a Map-backed fake. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export const TOKENS_KEY = 'penholder.tokens';

/** What this browser knows about one draft it was invited to. */
export interface TokenRecord {
  token: string;
  /** Filled from `GET /me` once the draft was opened (or from the create answer). */
  participant?: string;
  role?: Role;
  delegation?: string | null;
  /** Last title or symbol seen, so the draft list can name drafts the server does not list. */
  title?: string;
  /** ISO time the token was stored. */
  savedAt: string;
}

export type TokenMap = Record<string, TokenRecord>;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const isRole = (v: unknown): v is Role => typeof v === 'string' && (ROLES as readonly string[]).includes(v);

/** Parse the stored map, dropping anything malformed rather than failing. */
export function parseTokenMap(raw: string | null): TokenMap {
  if (!raw) return {};
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return {};
  }
  if (!isRecord(data)) return {};
  const out: TokenMap = {};
  for (const [id, v] of Object.entries(data)) {
    if (!isRecord(v) || typeof v.token !== 'string' || !v.token) continue;
    const rec: TokenRecord = { token: v.token, savedAt: typeof v.savedAt === 'string' ? v.savedAt : '' };
    if (typeof v.participant === 'string') rec.participant = v.participant;
    if (isRole(v.role)) rec.role = v.role;
    if (typeof v.delegation === 'string' || v.delegation === null) rec.delegation = v.delegation;
    if (typeof v.title === 'string') rec.title = v.title;
    out[id] = rec;
  }
  return out;
}

/** All stored tokens ({} when storage is missing or throws). */
export function loadTokens(storage: KeyValueStorage | null): TokenMap {
  try {
    return parseTokenMap(storage ? storage.getItem(TOKENS_KEY) : null);
  } catch {
    return {};
  }
}

function writeTokens(storage: KeyValueStorage | null, map: TokenMap): void {
  try {
    storage?.setItem(TOKENS_KEY, JSON.stringify(map));
  } catch {
    // Privacy mode or quota: the token still works for this page through the caller's copy.
  }
}

/** The token for a draft, or null. */
export function tokenFor(storage: KeyValueStorage | null, draftId: string): string | null {
  return loadTokens(storage)[draftId]?.token ?? null;
}

/**
 * Store a token for a draft. A different token replaces the old record (a new invitation may carry
 * another role); the same token keeps what was learnt about it and merges `extra`.
 */
export function saveToken(
  storage: KeyValueStorage | null, draftId: string, token: string,
  extra: Partial<Omit<TokenRecord, 'token' | 'savedAt'>> = {}, now: () => Date = () => new Date(),
): TokenRecord {
  const map = loadTokens(storage);
  const old = map[draftId];
  const base: TokenRecord = old && old.token === token ? old : { token, savedAt: now().toISOString() };
  const rec: TokenRecord = { ...base, ...extra, token };
  map[draftId] = rec;
  writeTokens(storage, map);
  return rec;
}

/** Merge what was learnt about a stored token (identity, title); no-op without a token. */
export function updateTokenRecord(
  storage: KeyValueStorage | null, draftId: string, extra: Partial<Omit<TokenRecord, 'token' | 'savedAt'>>,
): void {
  const map = loadTokens(storage);
  const old = map[draftId];
  if (!old) return;
  map[draftId] = { ...old, ...extra };
  writeTokens(storage, map);
}

/** Forget a draft's token (revoked, deleted). */
export function removeToken(storage: KeyValueStorage | null, draftId: string): void {
  const map = loadTokens(storage);
  if (!(draftId in map)) return;
  delete map[draftId];
  writeTokens(storage, map);
}

/** An invitation found in a link or a location hash. */
export interface InviteLink {
  draftId: string;
  token: string;
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/**
 * The draft and token of an invitation hash (`#/d/<id>?token=...`, with or without `#`), or null.
 * Only a draft route carries a token: a token on any other route is ignored.
 */
export function parseInviteHash(hash: string): InviteLink | null {
  const h = hash.replace(/^#/, '');
  const q = h.indexOf('?');
  if (q < 0) return null;
  const m = /^\/d\/([^/?#]+)\/?$/.exec(h.slice(0, q));
  if (!m) return null;
  const token = new URLSearchParams(h.slice(q + 1)).get('token')?.trim() ?? '';
  if (!token) return null;
  return { draftId: decode(m[1]), token };
}

/** The invitation in pasted text: a full link (`https://host/#/d/<id>?token=...`) or just its hash part. */
export function parseInviteLink(text: string): InviteLink | null {
  const t = text.trim();
  if (!t) return null;
  const i = t.indexOf('#');
  if (i >= 0) return parseInviteHash(t.slice(i));
  return t.startsWith('/d/') ? parseInviteHash(t) : null;
}

/** The hash with its query (the token) removed: `#/d/abc?token=x` → `#/d/abc`. */
export function stripHashQuery(hash: string): string {
  const q = hash.indexOf('?');
  return q < 0 ? hash : hash.slice(0, q);
}

/**
 * If the page was opened from an invitation link, store its token and clean the URL (replaceState:
 * no history entry, no hashchange). Returns the invitation taken, or null. Browser only.
 */
export function captureInviteFromLocation(storage: KeyValueStorage | null): InviteLink | null {
  const invite = parseInviteHash(window.location.hash);
  if (!invite) return null;
  saveToken(storage, invite.draftId, invite.token);
  const clean = `${window.location.pathname}${window.location.search}${stripHashQuery(window.location.hash)}`;
  window.history.replaceState(window.history.state, '', clean);
  return invite;
}

/** localStorage, or null where it is unavailable. */
export function browserStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/**
 * Revisions and comparison through the API (server/revisions): the timeline, issuing a revision, one
 * revision's read-only snapshot, comparing revisions and the live text, and comparing the draft with
 * a pasted text. Every call resolves to an ApiResult (never throws) carrying the server's own message,
 * e.g. the duplicate-label refusal or the importer's reason for a text that is not a resolution.
 */
import {
  draftHeaders, draftUrl, isRecord, requestJson, type ApiResult, type DraftRequestContext,
} from '../api.ts';
import { COMPARE_STATUSES, type Comparison } from '../../shared/compare/align.ts';
import { ROLES, type Actor, type Role } from '../../shared/negotiation/layout.ts';
import type { ResolutionJSON } from '../../shared/resolution/types.ts';
import type { RevisionSnapshot } from '../../shared/revisions/snapshot.ts';

/** One row of the timeline (`GET /revisions`, oldest first) and what issuing answers. */
export interface RevisionMeta {
  id: string;
  label: string;
  /** 1, 2, 3… in issue order. */
  seq: number;
  issuedBy: Actor;
  /** ISO time of issue. */
  at: string;
}

/** `GET /revisions/:revId`: the meta row and the immutable snapshot. */
export type Revision = RevisionMeta & RevisionSnapshot;

/** One side of a comparison: a revision (id or label) or the live text. */
export type DraftSide = string;
export const LIVE: DraftSide = 'live';

const isRole = (v: unknown): v is Role => typeof v === 'string' && (ROLES as readonly string[]).includes(v);

function parseActor(v: unknown): Actor | null {
  if (!isRecord(v) || typeof v.participant !== 'string' || !isRole(v.role)) return null;
  return { participant: v.participant, role: v.role, delegation: typeof v.delegation === 'string' && v.delegation ? v.delegation : null };
}

/** A timeline row from a response body; null if malformed. */
export function parseRevisionMeta(v: unknown): RevisionMeta | null {
  if (!isRecord(v) || typeof v.id !== 'string' || typeof v.label !== 'string' || typeof v.seq !== 'number') return null;
  const issuedBy = parseActor(v.issuedBy);
  if (!issuedBy) return null;
  return { id: v.id, label: v.label, seq: v.seq, issuedBy, at: typeof v.at === 'string' ? v.at : '' };
}

/** A snapshot body; null unless it carries a resolution with its paragraph lists. */
export function parseRevision(v: unknown): Revision | null {
  const meta = parseRevisionMeta(v);
  if (!meta || !isRecord(v)) return null;
  const res = v.resolution;
  if (!isRecord(res) || !Array.isArray(res.preamble) || !Array.isArray(res.operative) || typeof res.title !== 'string') return null;
  const list = <T>(x: unknown): T[] => (Array.isArray(x) ? (x as T[]) : []);
  return {
    ...meta,
    resolution: res as unknown as ResolutionJSON,
    phase: v.phase === 'negotiation' || v.phase === 'closed' ? v.phase : 'drafting',
    tabledAt: typeof v.tabledAt === 'string' ? v.tabledAt : '',
    amendments: list(v.amendments),
    positions: list(v.positions),
    paragraphSponsors: list(v.paragraphSponsors),
    statuses: isRecord(v.statuses) ? (v.statuses as Revision['statuses']) : {},
  };
}

/** A Comparison body; null unless it has pairs with known statuses and a summary. */
export function parseComparison(v: unknown): Comparison | null {
  if (!isRecord(v) || !Array.isArray(v.pairs) || !isRecord(v.summary) || !isRecord(v.old) || !isRecord(v.new)) return null;
  const statuses: readonly string[] = COMPARE_STATUSES;
  if (!v.pairs.every((p) => isRecord(p) && typeof p.status === 'string' && statuses.includes(p.status))) return null;
  return v as unknown as Comparison;
}

const jsonHeaders = (ctx: DraftRequestContext, draftId: string): Record<string, string> =>
  draftHeaders(ctx, draftId, { 'content-type': 'application/json', accept: 'application/json' });
const getHeaders = (ctx: DraftRequestContext, draftId: string): Record<string, string> =>
  draftHeaders(ctx, draftId, { accept: 'application/json' });

/** The timeline, oldest first. */
export function listRevisions(ctx: DraftRequestContext, draftId: string): Promise<ApiResult<RevisionMeta[]>> {
  return requestJson(ctx.fetch, draftUrl(ctx, draftId, '/revisions'), { method: 'GET', headers: getHeaders(ctx, draftId) }, (body) => {
    if (!isRecord(body) || !Array.isArray(body.revisions)) return null;
    return body.revisions.map(parseRevisionMeta).filter((r): r is RevisionMeta => r !== null).sort((a, b) => a.seq - b.seq);
  });
}

/** Issues a revision; without a label the server picks the next "Rev.N". 409 on a duplicate label. */
export function issueRevision(ctx: DraftRequestContext, draftId: string, label?: string): Promise<ApiResult<RevisionMeta>> {
  const body = label === undefined ? {} : { label };
  return requestJson(ctx.fetch, draftUrl(ctx, draftId, '/revisions'), {
    method: 'POST', headers: jsonHeaders(ctx, draftId), body: JSON.stringify(body),
  }, parseRevisionMeta);
}

/** One revision's snapshot, by id or label. */
export function getRevision(ctx: DraftRequestContext, draftId: string, ref: string): Promise<ApiResult<Revision>> {
  return requestJson(ctx.fetch, draftUrl(ctx, draftId, `/revisions/${encodeURIComponent(ref)}`),
    { method: 'GET', headers: getHeaders(ctx, draftId) }, parseRevision);
}

/** Two sides of the draft: revisions (id or label) or `live`. */
export function compareSides(ctx: DraftRequestContext, draftId: string, from: DraftSide, to: DraftSide): Promise<ApiResult<Comparison>> {
  const query = `?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;
  return requestJson(ctx.fetch, draftUrl(ctx, draftId, `/compare${query}`), { method: 'GET', headers: getHeaders(ctx, draftId) }, parseComparison);
}

/** One side of the draft against another resolution text; `textSide` says whether the text is the old or the new one. */
export function compareWithText(
  ctx: DraftRequestContext, draftId: string, from: DraftSide, text: string, textSide: 'old' | 'new',
): Promise<ApiResult<Comparison>> {
  return requestJson(ctx.fetch, draftUrl(ctx, draftId, '/compare'), {
    method: 'POST', headers: jsonHeaders(ctx, draftId), body: JSON.stringify({ from, text, textSide }),
  }, parseComparison);
}

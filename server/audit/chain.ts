/**
 * The record: every draft's events form a hash chain. Each row's `hash` is the sha256 (hex) of a
 * canonical encoding (JSON, object keys sorted, `undefined` dropped like JSON.stringify does) of
 * {draftId, seq, at, actor, kind, target, detail, prevHash}; a draft's first row chains from
 * GENESIS_HASH. `seq` is per draft and starts at 1, so a removed row leaves a visible gap.
 */
import { createHash } from 'node:crypto';
import type { Actor } from '../../shared/negotiation/layout.ts';

/** prevHash of a draft's first row (64 zeros: not the hash of anything). */
export const GENESIS_HASH = '0'.repeat(64);

/** Every kind the server records. Document changes come from auth/history.ts, the rest from the HTTP edge and the room. */
export const EVENT_KIND = {
  draftCreated: 'draft-created',
  draftDeleted: 'draft-deleted',
  accessGranted: 'access-granted',
  accessRevoked: 'access-revoked',
  updateRefused: 'update-refused',
  position: 'position',
  sponsor: 'sponsor',
  paragraphSponsor: 'paragraph-sponsor',
  paragraphStatus: 'paragraph-status',
  phase: 'phase',
  control: 'control',
  amendmentProposed: 'amendment-proposed',
  amendmentEdited: 'amendment-edited',
  amendmentCosigned: 'amendment-cosigned',
  amendmentCosignWithdrawn: 'amendment-cosign-withdrawn',
  amendmentWithdrawn: 'amendment-withdrawn',
  amendmentAccepted: 'amendment-accepted',
  amendmentRejected: 'amendment-rejected',
  /** Status set back to 'proposed' (or another value the rules allow later). */
  amendmentStatus: 'amendment-status',
  amendmentRemoved: 'amendment-removed',
  /** The server merged an accepted amendment into the text (server/merges); target = paragraph id, detail holds its undo record. */
  amendmentMerged: 'amendment-merged',
  /** The chair took a merge back; target = paragraph id, detail.seq = the merge's seq. */
  mergeUndone: 'merge-undone',
  /** A revision was issued (server/revisions/routes.ts); target = revision id. */
  revisionIssued: 'revision-issued',
  /** A file was exported (server/export/routes.ts); target = revision id or 'live', detail = format, revision, file name. */
  exportMade: 'export-made',
} as const;

export type EventKind = (typeof EVENT_KIND)[keyof typeof EVENT_KIND];

/** The hashed fields of one log row. */
export interface ChainFields {
  draftId: string;
  seq: number;
  at: string;
  actor: Actor | null;
  kind: string;
  target: string;
  detail: unknown;
  prevHash: string;
}

/** JSON with object keys sorted at every depth; undefined members dropped, undefined → null at top. */
export function canonicalJson(value: unknown): string {
  if (value === undefined || value === null) return 'null';
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  if (typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    const keys = Object.keys(obj).filter((k) => obj[k] !== undefined && typeof obj[k] !== 'function').sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Normalises `detail` to what survives a JSON round trip (what the database gives back). */
export const jsonValue = (v: unknown): unknown => JSON.parse(JSON.stringify(v ?? null)) as unknown;

/** The row's hash: sha256 hex over the canonical encoding of its fields. */
export function hashEntry(f: ChainFields): string {
  const body = canonicalJson({
    draftId: f.draftId, seq: f.seq, at: f.at, actor: f.actor, kind: f.kind, target: f.target, detail: f.detail, prevHash: f.prevHash,
  });
  return createHash('sha256').update(body, 'utf8').digest('hex');
}

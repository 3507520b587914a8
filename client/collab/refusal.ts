/**
 * The server's refusals, in words. A refused update arrives as Penholder's own message (type 10,
 * JSON `{reason, detail}`) followed by close 4409 'update-rejected'; a revoked token closes with
 * 4401 'token-revoked'. Pure, so the mapping is unit-tested.
 */
import type { Reason } from '../../shared/permissions/rules.ts';

/** Message type of the server's refusal notice (server/core/protocol.ts). */
export const MESSAGE_REFUSED = 10;

/** Why the session ended, when it was the server's decision about this user. */
export type SessionRefusal =
  /** An update was refused: discard the local state and start over from the server's. */
  | { kind: 'rejected'; reason: string; detail: string }
  /** The token was revoked (or never valid): nothing to retry. */
  | { kind: 'revoked' }
  | { kind: 'unauthorized' }
  | { kind: 'forbidden' };

/** The `{reason, detail}` of a type-10 payload, or null when it is not one. */
export function parseRefusedPayload(json: string): { reason: string; detail: string } | null {
  let v: unknown;
  try {
    v = JSON.parse(json);
  } catch {
    return null;
  }
  if (typeof v !== 'object' || v === null) return null;
  const { reason, detail } = v as Record<string, unknown>;
  if (typeof reason !== 'string') return null;
  return { reason, detail: typeof detail === 'string' ? detail : '' };
}

/**
 * The refusal a close stands for, or null for closes that are not about this user's rights
 * (network, draft deleted...). `notice` is the type-10 message received just before, if any.
 */
export function refusalFromClose(
  close: { code: number; reason: string }, notice: { reason: string; detail: string } | null,
): SessionRefusal | null {
  if (close.code === 4409) {
    return { kind: 'rejected', reason: notice?.reason ?? 'update-rejected', detail: notice?.detail ?? '' };
  }
  if (close.code === 4401) return close.reason === 'unauthorized' ? { kind: 'unauthorized' } : { kind: 'revoked' };
  if (close.code === 4403) return { kind: 'forbidden' };
  return null;
}

const REASON_WORDS: Readonly<Record<Reason, string>> = {
  'observer-read-only': 'observers can read but not change the draft',
  'phase-forbids-text-edit': 'the text cannot be edited directly in the current phase',
  'phase-closed': 'the negotiation is closed',
  'paragraph-locked': 'the paragraph is agreed and locked',
  'not-your-delegation': 'you can only act for your own delegation',
  'no-delegation': 'only a delegation can do this',
  'chair-only': 'only the chair can do this',
  'secretariat-only': 'only the secretariat can do this',
  'chair-or-secretariat-only': 'only the chair or the secretariat can do this',
  'author-only': 'only the amendment\u2019s author can do this',
  'amendment-not-editable': 'the amendment can no longer be changed',
  'amendment-status-transition': 'the amendment cannot move to that status',
  'amendment-exists': 'that amendment already exists',
  'amendment-not-deletable': 'amendments cannot be deleted',
  'amendment-field-immutable': 'that part of an amendment cannot be changed',
  'cannot-cosign-own-amendment': 'you cannot co-sign your own amendment',
  'sponsor-kind-not-allowed': 'you cannot join the sponsors that way',
  'invalid-value': 'the change carried a value the server does not accept',
  'unknown-root': 'the change touched a part of the document that does not exist',
  'unknown-key': 'the change touched an entry that does not exist',
  'malformed-update': 'the change could not be read',
  'missing-dependencies': 'the change depended on edits the server does not have',
};

/** Plain words for a refusal reason code ("the paragraph is agreed and locked"). */
export function describeReason(reason: string): string {
  return (REASON_WORDS as Readonly<Record<string, string>>)[reason] ?? (reason === 'update-rejected' ? 'the server refused it' : reason.replace(/-/g, ' '));
}

/** The notice shown after a refused update: "Your change was refused: <reason in words>". */
export function refusalNotice(r: { reason: string; detail: string }): string {
  return `Your change was refused: ${describeReason(r.reason)}.`;
}

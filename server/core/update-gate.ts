/** The seam where permission checks plug into a room: the room asks the gate before it applies an update. */
import type * as Y from 'yjs';
import type { Session } from './session.ts';

/**
 * `reason: 'missing-dependencies'` is special: the update builds on something the room does not
 * have yet. It is dropped without closing and the sender gets a sync step 1 so it re-sends.
 */
export type GateResult = { ok: true; followUp?: FollowUp } | { ok: false; reason: string; detail?: string };

/**
 * A trusted server-origin write caused by an accepted update (e.g. recording who proposed a new
 * paragraph). Called with the live doc once that update is applied; returns the update to write, or
 * null. The result is stored, applied and sent to every session (the sender included) like any update.
 */
export type FollowUp = (doc: Y.Doc) => Uint8Array | null;

export const MISSING_DEPENDENCIES = 'missing-dependencies';

/** Decides whether a session may apply an update (server/auth/enforce.ts plugs permissions in). */
export interface UpdateGate {
  check(session: Session, update: Uint8Array, doc: Y.Doc): GateResult;
}

export const allowAllGate: UpdateGate = { check: () => ({ ok: true }) };

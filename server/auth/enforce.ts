/**
 * Plugs the shared permission rules into the room: an UpdateGate that asks
 * `checkUpdate(doc, update, actor)` (shared/permissions/gate.ts) for every update, and an
 * AwarenessStamp that writes the token's identity into every presence state.
 */
import type * as Y from 'yjs';
import type { Actor } from '../../shared/negotiation/layout.ts';
import type { AwarenessStamp } from '../core/awareness.ts';
import { encodeRefused } from '../core/protocol.ts';
import type { GateResult, UpdateGate } from '../core/room.ts';
import type { Session } from '../core/session.ts';
import type { Effect } from '../../shared/permissions/inspect.ts';
import { newParagraphIds, proposerUpdate } from './proposer.ts';
import { claimsOtherIdentity, stampState } from './presence.ts';

/** The shape of shared/permissions/gate.ts's checkUpdate. */
export type CheckUpdate = (doc: Y.Doc, update: Uint8Array, actor: Actor) =>
  | { ok: true; effects?: readonly Effect[] }
  | { ok: false; reason: string; detail?: unknown };

const describe = (detail: unknown): string =>
  detail === undefined || detail === null ? '' : typeof detail === 'string' ? detail : JSON.stringify(detail);

/**
 * Refuses every update of a session without identity; otherwise the rules decide. An accepted update
 * by a delegation that adds paragraphs gets a follow-up recording that delegation as their proposer.
 */
export function permissionsGate(check: CheckUpdate): UpdateGate {
  return {
    check(session: Session, update: Uint8Array, doc: Y.Doc): GateResult {
      const actor = session.identity?.actor;
      if (!actor) return { ok: false, reason: 'no-identity', detail: 'this connection has no token' };
      const verdict = check(doc, update, actor);
      if (!verdict.ok) return { ok: false, reason: verdict.reason, detail: describe(verdict.detail) };
      const delegation = actor.delegation;
      const added = delegation ? newParagraphIds(verdict.effects ?? []) : [];
      if (!delegation || added.length === 0) return { ok: true };
      return { ok: true, followUp: (live) => proposerUpdate(live, added, delegation) };
    },
  };
}

/**
 * Stamps `user: {name, role, delegation, color}` from the session's token into each state. A client
 * that claims another name or role is told once (a non-fatal 'refused' message, no close).
 */
export function identityStamp(): AwarenessStamp {
  const warned = new WeakSet<Session>();
  return {
    stamp(session, _clientID, state) {
      const actor = session.identity?.actor;
      if (!actor) return state;
      if (claimsOtherIdentity(state, actor) && !warned.has(session)) {
        warned.add(session);
        session.send(encodeRefused({
          reason: 'identity-overridden',
          detail: `presence shows you as ${actor.participant} (${actor.role}), as your invitation says`,
        }));
      }
      return stampState(state, actor);
    },
  };
}

/**
 * Server-stamped presence: whatever `user` a client puts in its awareness state, others see the
 * identity its token stands for. The colour is derived from the participant name so it is stable
 * across reconnects and the same in every browser.
 */
import type { Actor } from '../../shared/negotiation/layout.ts';
import { colorForName } from '../../shared/identity/color.ts';

/** The `user` field the server writes into every presence state of a session. */
export interface StampedUser {
  name: string;
  role: Actor['role'];
  delegation: string | null;
  color: string;
}

export const userOf = (actor: Actor): StampedUser => ({
  name: actor.participant, role: actor.role, delegation: actor.delegation, color: colorForName(actor.participant),
});

/** Replaces (or inserts) `user`; everything else (cursor, selection) is the client's. */
export function stampState(state: Record<string, unknown>, actor: Actor): Record<string, unknown> {
  return { ...state, user: userOf(actor) };
}

/** True if the client claimed a name or role other than its own (worth telling it once). */
export function claimsOtherIdentity(state: Record<string, unknown>, actor: Actor): boolean {
  const user = state.user;
  if (typeof user !== 'object' || user === null) return false;
  const { name, role } = user as Record<string, unknown>;
  return (typeof name === 'string' && name !== actor.participant) || (typeof role === 'string' && role !== actor.role);
}

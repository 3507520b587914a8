/**
 * Server-stamped presence: whatever `user` a client puts in its awareness state, others see the
 * identity its token stands for. The colour is derived from the participant name so it is stable
 * across reconnects and the same in every browser.
 */
import type { Actor } from '../../shared/negotiation/layout.ts';

const PALETTE = [
  '#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#8c564b', '#e377c2', '#17becf', '#bcbd22',
  '#ff7f0e', '#393b79', '#637939', '#843c39', '#7b4173', '#3182bd', '#31a354', '#e6550d',
];

/** A colour for a participant name (FNV-1a over UTF-16 code units, into a fixed palette). */
export function colorFor(name: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return PALETTE[h % PALETTE.length];
}

/** The `user` field the server writes into every presence state of a session. */
export interface StampedUser {
  name: string;
  role: Actor['role'];
  delegation: string | null;
  color: string;
}

export const userOf = (actor: Actor): StampedUser => ({
  name: actor.participant, role: actor.role, delegation: actor.delegation, color: colorFor(actor.participant),
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

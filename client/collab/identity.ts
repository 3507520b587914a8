/**
 * Who this browser is in a draft. With access tokens the identity comes from the server (`GET /me`:
 * participant, role, delegation) and the server stamps it into awareness; the caret colour is derived
 * from the name (stable across reloads and tabs). The typed name (localStorage `penholder.name`) is the
 * fallback for a session without a token identity.
 */
import type { Actor, Role } from '../../shared/negotiation/layout.ts';
import { colorForName } from '../../shared/identity/color.ts';

/** The awareness `user` field, also given to CollaborationCaret. */
export interface Identity {
  name: string;
  /** #rrggbb (CollaborationCaret ignores anything else). */
  color: string;
  /** From the token; absent for a typed name. */
  role?: Role;
  delegation?: string | null;
}

/** The awareness identity of a server-known actor. */
export function identityFromActor(actor: Actor): Identity {
  return { name: actor.participant, color: colorForName(actor.participant), role: actor.role, delegation: actor.delegation };
}

/** Role words for the app bar and presence ("penholder", "delegation", ...). */
export function describeActor(actor: Actor): string {
  return `${actor.participant} (${actor.role})`;
}

/** Minimal Storage surface, so tests can pass a Map-backed fake. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export const NAME_KEY = 'penholder.name';

/** Longest name accepted; longer input is cut rather than refused. */
export const MAX_NAME_LENGTH = 60;

/** Trim and collapse whitespace; '' means "no usable name". */
export function cleanName(input: string): string {
  return input.replace(/\s+/g, ' ').trim().slice(0, MAX_NAME_LENGTH);
}

/** The stored identity, or null when no name was given yet (or storage is unavailable). */
export function loadIdentity(storage: KeyValueStorage | null): Identity | null {
  let raw: string | null = null;
  try {
    raw = storage ? storage.getItem(NAME_KEY) : null;
  } catch {
    // Storage can throw (privacy mode, quota): behave as if nothing was stored.
    raw = null;
  }
  const name = cleanName(raw ?? '');
  return name ? { name, color: colorForName(name) } : null;
}

/**
 * Store a name and return the identity, or an error message when the name is blank.
 * A storage failure still returns the identity: the name then lasts for this page only.
 */
export function saveIdentity(storage: KeyValueStorage | null, input: string): { ok: true; identity: Identity } | { ok: false; error: string } {
  const name = cleanName(input);
  if (!name) return { ok: false, error: 'Please enter a name (it is shown to the others in this draft).' };
  try {
    storage?.setItem(NAME_KEY, name);
  } catch {
    // Keep going: the session works without persistence.
  }
  return { ok: true, identity: { name, color: colorForName(name) } };
}

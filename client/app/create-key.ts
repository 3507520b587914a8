/**
 * The server's creation key (PENHOLDER_CREATE_KEY): when set, creating and listing drafts need
 * `Authorization: Bearer <key>`. This browser keeps the key in localStorage (`penholder.createKey`)
 * and sends it on `POST`/`GET /api/drafts` only; per-draft calls carry the draft token instead, so the
 * key is never handed to anything that only needs draft access.
 * Pure apart from the storage passed in, so it is unit-tested in node.
 */
import type { ApiError } from '../api.ts';
import type { KeyValueStorage } from './tokens.ts';

export const CREATE_KEY_KEY = 'penholder.createKey';

/** Storage that can also forget an entry. */
export interface RemovableStorage extends KeyValueStorage {
  removeItem(key: string): void;
}

/** The stored key, or null (none, blank, or storage unavailable). */
export function loadCreateKey(storage: KeyValueStorage | null): string | null {
  try {
    const key = storage?.getItem(CREATE_KEY_KEY)?.trim() ?? '';
    return key || null;
  } catch {
    return null;
  }
}

/** Store a key (trimmed: pasted keys often carry a newline). Returns the key kept, or null if blank. */
export function saveCreateKey(storage: RemovableStorage | null, key: string): string | null {
  const k = key.trim();
  if (!k) return null;
  try {
    storage?.setItem(CREATE_KEY_KEY, k);
  } catch {
    // Privacy mode or quota: nothing to keep it in; the caller reports it is not stored.
    return null;
  }
  return k;
}

/** Forget the key ("forget key", or the server refused it). */
export function forgetCreateKey(storage: RemovableStorage | null): void {
  try {
    storage?.removeItem(CREATE_KEY_KEY);
  } catch {
    // Nothing stored that could be removed.
  }
}

/** The call being authorised: the drafts collection (create, import, list) or one draft. */
export type ApiTarget = { kind: 'collection' } | { kind: 'draft'; draftId: string };

/**
 * The bearer credential for a call: the creation key for the collection, the draft's own token for
 * a per-draft call (never the key), or null (then no Authorization header is sent).
 */
export function bearerFor(target: ApiTarget, createKey: string | null, tokenFor: (draftId: string) => string | null): string | null {
  return target.kind === 'collection' ? createKey : tokenFor(target.draftId);
}

/** True when the server answered that the call needs the creation key. */
export function needsCreateKey(error: ApiError): boolean {
  return error.status === 401 && error.code === 'create-key-required';
}

/** What the draft list page shows about the key after a create / import / list call. */
export type KeyPrompt =
  | { show: false }
  /** `error`: the server's message when a key was sent and refused (null: no key was sent yet). `forget`: drop the stored key. */
  | { show: true; error: string | null; forget: boolean };

/** The prompt after a failed collection call; `keySent` = a key went with the call. */
export function keyPromptFor(error: ApiError, keySent: boolean): KeyPrompt {
  if (!needsCreateKey(error)) return { show: false };
  return keySent ? { show: true, error: error.message, forget: true } : { show: true, error: null, forget: false };
}

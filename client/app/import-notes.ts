/**
 * Importer warnings travel from the draft list (which receives them from POST /api/drafts) to
 * the editor page that opens next, through sessionStorage: they concern only this tab.
 */
import type { KeyValueStorage } from '../collab/identity.ts';

const key = (draftId: string) => `penholder.importWarnings.${draftId}`;

export function stashImportWarnings(storage: KeyValueStorage | null, draftId: string, warnings: readonly string[]): void {
  if (!storage || warnings.length === 0) return;
  try {
    storage.setItem(key(draftId), JSON.stringify(warnings));
  } catch {
    // Losing the notice is acceptable; the import itself succeeded.
  }
}

/** The stashed warnings of a draft, removed from storage once read. */
export function takeImportWarnings(storage: (KeyValueStorage & { removeItem(key: string): void }) | null, draftId: string): string[] {
  if (!storage) return [];
  try {
    const raw = storage.getItem(key(draftId));
    storage.removeItem(key(draftId));
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    return Array.isArray(parsed) ? parsed.filter((w): w is string => typeof w === 'string') : [];
  } catch {
    return [];
  }
}

export function sessionStore(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

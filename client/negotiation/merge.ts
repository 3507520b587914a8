/**
 * What the amendments panel shows about merges before asking the server (merge-api.ts) to make them:
 * whether accepting an amendment would conflict with the current text (the conflict view the chair
 * settles by hand), which proposed amendments are out of date, and human wording of failures. Read-only
 * over the Y.Doc: the merge itself, its undo and rebasing are server writes.
 */
import type * as Y from 'yjs';
import { planAcceptance, staleAmendments } from '../../shared/merge/apply-amendment.ts';
import { describeAcceptError as describeShared, type AcceptError } from '../../shared/merge/accept.ts';
import { mergeText, type Conflict } from '../../shared/merge/three-way.ts';
import { readAmendment } from '../../shared/negotiation/read.ts';
import { readBlocksFromYDoc } from '../../shared/resolution/ydoc.ts';
import type { ApiError } from '../api.ts';

export type { AcceptError } from '../../shared/merge/accept.ts';

/** Human wording of an acceptance failure. */
export function describeAcceptError(error: AcceptError | 'conflict'): string {
  return describeShared(error);
}

/**
 * The conflicts accepting `id` would hit on the current text, for the chair's conflict view (the server
 * computes the same on its copy; the chair's choices are sent along). Null when it merges cleanly or
 * cannot be accepted at all (the server says why).
 */
export function previewConflicts(doc: Y.Doc, id: string): Conflict[] | null {
  const plan = planAcceptance(doc, id, { newId: () => 'preview' });
  return !plan.ok && plan.error === 'conflict' ? plan.conflicts : null;
}

/** The paragraph's current text, or null if it is gone. */
function currentText(doc: Y.Doc, id: string): string | null {
  return readBlocksFromYDoc(doc).find((b) => b.id === id && id !== '')?.text ?? null;
}

/**
 * A stale wording amendment whose text already carries the paragraph's current changes: merging it
 * changes nothing more than its own wording.
 */
function carriedOver(doc: Y.Doc, id: string): boolean {
  const a = readAmendment(doc, id);
  if (!a || a.kind !== 'wording') return false;
  const current = currentText(doc, a.target);
  if (current === null) return false;
  const merged = mergeText(a.baseText, current, a.text);
  return merged.ok && merged.text === a.text;
}

/** Ids of the proposed amendments that are out of date and still need rebasing (or closing). */
export function outOfDate(doc: Y.Doc): Set<string> {
  return new Set(staleAmendments(doc).filter((s) => !carriedOver(doc, s.id)).map((s) => s.id));
}

/** Server error codes of the merge routes that have a better wording than the server's message. */
const CODE_TEXT: Record<string, string> = {
  conflict: 'The amendment conflicts with the current text: settle each conflict below.',
  'stale-plan': 'The text changed meanwhile: the choices no longer fit. Look at the conflicts again.',
  network: 'Could not reach the server: nothing was changed.',
};

/** One line for a failed merge-route call: our wording for known codes, else the server's own message. */
export function describeServerError(error: ApiError): string {
  return CODE_TEXT[error.code] ?? error.message;
}

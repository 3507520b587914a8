/**
 * Glue between the amendments panel and shared/merge: accept one amendment (merge or report conflicts),
 * accept with the chair's conflict resolutions, accept several in a row, and the session's undo list.
 * Pure over a Y.Doc: every write is one transaction of applyAcceptance, made from the chair's client.
 */
import type * as Y from 'yjs';
import { applyAcceptance, planAcceptance, staleAmendments, type Plan, type PlanError, type UndoRecord } from '../../shared/merge/apply-amendment.ts';
import { movedFootnotes } from '../../shared/merge/body-edit.ts';
import { editAmendmentText } from '../../shared/negotiation/actions.ts';
import { changeHunks, mergeText, resolveConflicts, type Conflict, type Resolution } from '../../shared/merge/three-way.ts';
import { readAmendment } from '../../shared/negotiation/read.ts';
import { readBlocksFromYDoc } from '../../shared/resolution/ydoc.ts';

/** Why an acceptance did not go through. */
export type AcceptError = PlanError | 'stale-plan' | 'unresolved' | 'insert-not-supported';

export type AcceptOutcome =
  | { ok: true; undo: UndoRecord }
  | { ok: false; error: 'conflict'; conflicts: Conflict[] }
  | { ok: false; error: AcceptError };

/**
 * New paragraphs are not merged from the chair's client: accepting one records the proposer and
 * co-signers as paragraph sponsors, which the server's rules allow only to each delegation for itself.
 */
function refuseInsert(plan: Plan): AcceptOutcome | null {
  return plan.ok && plan.kind === 'insert' ? { ok: false, error: 'insert-not-supported' } : null;
}

/** Accept `id` into the body if it merges cleanly; otherwise report the conflicts (nothing changes). */
export function acceptAmendment(doc: Y.Doc, id: string, chair: string): AcceptOutcome {
  const plan = planAcceptance(doc, id);
  if (!plan.ok) return plan.error === 'conflict' ? { ok: false, error: 'conflict', conflicts: plan.conflicts } : { ok: false, error: plan.error };
  const refused = refuseInsert(plan);
  if (refused) return refused;
  const res = applyAcceptance(doc, plan, { chair });
  return res.ok ? { ok: true, undo: res.undo } : { ok: false, error: res.error === 'conflict' ? 'unresolved' : res.error };
}

/**
 * Accept a conflicting wording amendment with the chair's choice for each conflict (in order, as
 * reported by {@link acceptAmendment}). Fails with 'stale-plan' if the paragraph or the amendment
 * changed so the choices no longer fit.
 */
export function acceptResolved(doc: Y.Doc, id: string, chair: string, choices: readonly Resolution[]): AcceptOutcome {
  const a = readAmendment(doc, id);
  if (!a) return { ok: false, error: 'no-amendment' };
  if (a.status !== 'proposed') return { ok: false, error: 'not-proposed' };
  if (a.kind !== 'wording') return acceptAmendment(doc, id, chair);
  const block = readBlocksFromYDoc(doc).find((b) => b.id === a.target && a.target !== '');
  if (!block) return { ok: false, error: 'target-missing' };
  const merged = resolveConflicts(a.baseText, block.text, a.text, choices);
  if (merged === null) return { ok: false, error: 'stale-plan' };
  const plan: Plan = {
    ok: true, amendmentId: id, kind: 'wording', paragraphId: a.target, currentText: block.text, mergedText: merged,
    stale: a.baseText !== block.text, movedFootnotes: movedFootnotes(block.footnotes, changeHunks(block.text, merged)),
    history: { amendmentId: id, kind: a.kind, author: a.author, cosigners: a.cosigners },
  };
  const res = applyAcceptance(doc, plan, { chair });
  return res.ok ? { ok: true, undo: res.undo } : { ok: false, error: res.error === 'conflict' ? 'unresolved' : res.error };
}

export interface BatchOutcome {
  /** Undo records of the amendments accepted, in order. */
  accepted: UndoRecord[];
  /** The first amendment that did not go through (the rest were not tried). */
  stopped: { id: string; outcome: Extract<AcceptOutcome, { ok: false }> } | null;
}

/** Accept `ids` one by one, stopping at the first that conflicts or fails. */
export function acceptMany(doc: Y.Doc, ids: readonly string[], chair: string): BatchOutcome {
  const accepted: UndoRecord[] = [];
  for (const id of ids) {
    const out = acceptAmendment(doc, id, chair);
    if (!out.ok) return { accepted, stopped: { id, outcome: out } };
    accepted.push(out.undo);
  }
  return { accepted, stopped: null };
}

/** How many merges the chair can take back in one session. */
export const UNDO_LIMIT = 5;

/** The undo list with `records` added last, keeping the newest {@link UNDO_LIMIT}. */
export function pushUndo(list: readonly UndoRecord[], records: readonly UndoRecord[], limit = UNDO_LIMIT): UndoRecord[] {
  return [...list, ...records].slice(-limit);
}

const ERROR_TEXT: Record<AcceptError | 'conflict', string> = {
  'no-amendment': 'The amendment no longer exists.',
  'not-proposed': 'The amendment is no longer open.',
  'target-missing': 'The paragraph it changes is gone.',
  'after-missing': 'The paragraph it follows is gone.',
  'stale-plan': 'The text changed meanwhile: try again.',
  unresolved: 'The conflicts are not all resolved.',
  'insert-not-supported': 'New paragraphs cannot be merged from here yet (paragraph sponsors are written by each delegation).',
  conflict: 'The amendment conflicts with the current text.',
};

/** Human wording of an acceptance failure. */
export function describeAcceptError(error: AcceptError | 'conflict'): string {
  return ERROR_TEXT[error];
}

/** The paragraph's current text, or null if it is gone. */
function currentText(doc: Y.Doc, id: string): string | null {
  return readBlocksFromYDoc(doc).find((b) => b.id === id && id !== '')?.text ?? null;
}

/**
 * A stale wording amendment whose text already carries the paragraph's current changes (the author
 * rebased it): merging it changes nothing more than its own wording.
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

export type RebaseOutcome =
  | { ok: true; text: string }
  | { ok: false; error: 'conflict'; conflicts: Conflict[] }
  | { ok: false; error: 'no-amendment' | 'not-proposed' | 'target-missing' | 'not-wording' };

/**
 * The author carries a wording amendment over to the paragraph's current text (three-way merge), as an
 * edit of the amendment's text only. Unlike shared/merge's rebaseAmendment it leaves `baseText` alone:
 * the server gate treats it as immutable, so a client write of it would be refused. The later acceptance
 * still merges cleanly (identical changes merge once). On conflict nothing changes.
 */
export function rebaseWording(doc: Y.Doc, id: string): RebaseOutcome {
  const a = readAmendment(doc, id);
  if (!a) return { ok: false, error: 'no-amendment' };
  if (a.status !== 'proposed') return { ok: false, error: 'not-proposed' };
  if (a.kind !== 'wording') return { ok: false, error: 'not-wording' };
  const current = currentText(doc, a.target);
  if (current === null) return { ok: false, error: 'target-missing' };
  const merged = mergeText(a.baseText, current, a.text);
  if (!merged.ok) return { ok: false, error: 'conflict', conflicts: merged.conflicts };
  editAmendmentText(doc, id, merged.text);
  return { ok: true, text: merged.text };
}

/**
 * The chair's acceptance, as one write each: accept an amendment if it merges cleanly (else report the
 * conflicts and change nothing), accept with the chair's choice for each conflict, accept several in a
 * row. Pure over a Y.Doc. The server runs these (server/merges/) so that every kind, inserts included,
 * can be accepted: an insert writes the proposer's and co-signers' paragraph sponsorship, which no
 * client other than each delegation's own may write.
 */
import type * as Y from 'yjs';
import { readAmendment } from '../negotiation/read.ts';
import { readBlocksFromYDoc } from '../resolution/ydoc.ts';
import { applyAcceptance, planAcceptance, type HistoryInfo, type Plan, type PlanError, type UndoRecord } from './apply-amendment.ts';
import { movedFootnotes } from './body-edit.ts';
import { changeHunks, resolveConflicts, type Conflict, type Resolution } from './three-way.ts';

/** Why an acceptance did not go through. */
export type AcceptError = PlanError | 'stale-plan' | 'unresolved';

/** A successful acceptance: how to take it back, and who the text comes from. */
export interface Accepted {
  ok: true;
  undo: UndoRecord;
  history: HistoryInfo & { acceptedBy: string; at: string };
  /** The paragraph's text after the merge ('' for delete). */
  mergedText: string;
}

export type AcceptOutcome =
  | Accepted
  | { ok: false; error: 'conflict'; conflicts: Conflict[] }
  | { ok: false; error: AcceptError };

/** Options of every acceptance: the chair's name, the clock, and the id given to an inserted paragraph. */
export interface AcceptOpts {
  now?: () => string;
  newId?: () => string;
}

function carryOut(doc: Y.Doc, plan: Plan, chair: string, opts: AcceptOpts): AcceptOutcome {
  if (!plan.ok) return plan.error === 'conflict' ? { ok: false, error: 'conflict', conflicts: plan.conflicts } : { ok: false, error: plan.error };
  const res = applyAcceptance(doc, plan, { chair, now: opts.now });
  if (!res.ok) return { ok: false, error: res.error === 'conflict' ? 'unresolved' : res.error };
  return { ok: true, undo: res.undo, history: res.history, mergedText: plan.kind === 'delete' ? '' : plan.mergedText };
}

/** Accept `id` into the body if it merges cleanly; otherwise report the conflicts (nothing changes). */
export function acceptAmendment(doc: Y.Doc, id: string, chair: string, opts: AcceptOpts = {}): AcceptOutcome {
  return carryOut(doc, planAcceptance(doc, id, { newId: opts.newId }), chair, opts);
}

/**
 * Accept a wording amendment with the chair's choice for each conflict (in order, as reported by
 * {@link acceptAmendment}). An empty `choices` on a clean merge accepts it as is. Fails with
 * 'stale-plan' if the paragraph or the amendment changed so the choices no longer fit. Other kinds
 * have no wording conflicts: they are accepted as {@link acceptAmendment} does.
 */
export function acceptResolved(doc: Y.Doc, id: string, chair: string, choices: readonly Resolution[], opts: AcceptOpts = {}): AcceptOutcome {
  const a = readAmendment(doc, id);
  if (!a) return { ok: false, error: 'no-amendment' };
  if (a.status !== 'proposed') return { ok: false, error: 'not-proposed' };
  if (a.kind !== 'wording') return acceptAmendment(doc, id, chair, opts);
  const block = readBlocksFromYDoc(doc).find((b) => b.id === a.target && a.target !== '');
  if (!block) return { ok: false, error: 'target-missing' };
  const merged = resolveConflicts(a.baseText, block.text, a.text, choices);
  if (merged === null) return { ok: false, error: 'stale-plan' };
  const plan: Plan = {
    ok: true, amendmentId: id, kind: 'wording', paragraphId: a.target, currentText: block.text, mergedText: merged,
    stale: a.baseText !== block.text, movedFootnotes: movedFootnotes(block.footnotes, changeHunks(block.text, merged)),
    history: { amendmentId: id, kind: a.kind, author: a.author, cosigners: a.cosigners },
  };
  return carryOut(doc, plan, chair, opts);
}

export interface BatchOutcome {
  /** The amendments accepted, in order. */
  accepted: Accepted[];
  /** The first amendment that did not go through (the rest were not tried). */
  stopped: { id: string; outcome: Extract<AcceptOutcome, { ok: false }> } | null;
}

/** Accept `ids` one by one, stopping at the first that conflicts or fails. */
export function acceptMany(doc: Y.Doc, ids: readonly string[], chair: string, opts: AcceptOpts = {}): BatchOutcome {
  const accepted: Accepted[] = [];
  for (const id of ids) {
    const out = acceptAmendment(doc, id, chair, opts);
    if (!out.ok) return { accepted, stopped: { id, outcome: out } };
    accepted.push(out);
  }
  return { accepted, stopped: null };
}

const ERROR_TEXT: Record<AcceptError | 'conflict', string> = {
  'no-amendment': 'The amendment no longer exists.',
  'not-proposed': 'The amendment is no longer open.',
  'target-missing': 'The paragraph it changes is gone.',
  'after-missing': 'The paragraph it follows is gone.',
  'stale-plan': 'The text changed meanwhile: the choices no longer fit, look again.',
  unresolved: 'The conflicts are not all resolved.',
  conflict: 'The amendment conflicts with the current text: settle each conflict first.',
};

/** Human wording of an acceptance failure. */
export function describeAcceptError(error: AcceptError | 'conflict'): string {
  return ERROR_TEXT[error];
}

/**
 * The document side of the merge routes: each function runs inside Room.serverWrite on a clone of the
 * latest doc, checks the shared permission predicate against that very state (so the check and the
 * write see the same document) and makes the write, or throws an ApiError having changed nothing.
 */
import * as Y from 'yjs';
import { acceptAmendment, acceptResolved, describeAcceptError, type AcceptError, type AcceptOutcome } from '../../shared/merge/accept.ts';
import { rebaseAmendment, undoAcceptance, type RebaseResult } from '../../shared/merge/apply-amendment.ts';
import type { Resolution } from '../../shared/merge/three-way.ts';
import { editAmendmentText, setAmendmentStatus } from '../../shared/negotiation/actions.ts';
import { NEGOTIATION_ROOT, type Actor } from '../../shared/negotiation/layout.ts';
import { readAmendment, readPhase, readStatus, type Amendment } from '../../shared/negotiation/read.ts';
import { canDecideAmendment, canEditAmendment, canSetAmendmentStatus, type Verdict } from '../../shared/permissions/rules.ts';
import { readBlocksFromYDoc } from '../../shared/resolution/ydoc.ts';
import { ApiError } from '../http/errors.ts';
import { undoBlocker, type MergedDetail } from './log.ts';

const REFUSAL_TEXT: Record<string, string> = {
  'chair-only': 'only the chair may do this',
  'observer-read-only': 'observers cannot change the draft',
  'phase-closed': 'the room is closed',
  'paragraph-locked': 'the paragraph is agreed and locked',
  'author-only': "only the amendment's author may do this",
  'no-delegation': 'only a delegation may do this',
  'amendment-not-editable': 'the amendment is no longer open',
  'amendment-status-transition': 'the amendment is no longer open',
};

/** Throws 403 with the predicate's reason as the code. */
export function enforce(v: Verdict): void {
  if (!v.ok) throw new ApiError(403, v.reason, REFUSAL_TEXT[v.reason] ?? `refused: ${v.reason}`);
}

function amendmentOrThrow(doc: Y.Doc, id: string): Amendment {
  const a = readAmendment(doc, id);
  if (!a) throw new ApiError(404, 'amendment-not-found', `no amendment with id ${id}`);
  return a;
}

/** The status of the paragraph an amendment changes (undefined for an insert: no paragraph yet). */
const targetStatusOf = (doc: Y.Doc, a: Amendment) => (a.kind === 'insert' ? undefined : readStatus(doc, a.target));

const ACCEPT_STATUS: Record<AcceptError, 404 | 409> = {
  'no-amendment': 404, 'not-proposed': 409, 'target-missing': 409, 'after-missing': 409, 'stale-plan': 409, unresolved: 409,
};

/** The HTTP error for a failed acceptance other than a conflict. */
export function acceptFailure(error: AcceptError): ApiError {
  return new ApiError(ACCEPT_STATUS[error], error === 'no-amendment' ? 'amendment-not-found' : error, describeAcceptError(error));
}

/** Accepts `id` (with the chair's conflict `choices`, if given) as `actor`; a conflict comes back as the outcome. */
export function acceptWrite(doc: Y.Doc, actor: Actor, id: string, choices: readonly Resolution[] | undefined): AcceptOutcome {
  enforce(canDecideAmendment(actor, { phase: readPhase(doc) }));
  const a = amendmentOrThrow(doc, id);
  enforce(canDecideAmendment(actor, { phase: readPhase(doc), targetStatus: targetStatusOf(doc, a) }));
  return choices ? acceptResolved(doc, id, actor.participant, choices) : acceptAmendment(doc, id, actor.participant);
}

/** The chair rejects a proposed amendment. */
export function rejectWrite(doc: Y.Doc, actor: Actor, id: string): void {
  enforce(canDecideAmendment(actor, { phase: readPhase(doc) }));
  const a = amendmentOrThrow(doc, id);
  const v = canSetAmendmentStatus(actor, { amendment: a, to: 'rejected', phase: readPhase(doc) });
  if (!v.ok && v.reason === 'amendment-status-transition') throw new ApiError(409, 'not-proposed', `the amendment is ${a.status}, not proposed`);
  enforce(v);
  setAmendmentStatus(doc, id, 'rejected');
}

/** Takes merge `m` back, if the document still reads as the merge left it. */
export function undoWrite(doc: Y.Doc, actor: Actor, m: MergedDetail): void {
  enforce(canDecideAmendment(actor, { phase: readPhase(doc), targetStatus: readStatus(doc, m.paragraphId) }));
  const blocker = undoBlocker(doc, m);
  if (blocker) throw new ApiError(409, 'cannot-undo', `merge ${m.seq} of amendment ${m.amendmentId} cannot be undone: ${blocker}`);
  if (!undoAcceptance(doc, m.undo)) throw new ApiError(409, 'cannot-undo', `amendment ${m.amendmentId} no longer exists`);
}

/**
 * The author carries its amendment over to the paragraph's current text: merged (three-way), or set to
 * the author's own `text` when given (how the author settles a conflict). The base moves to the current
 * text either way — which clients may not write themselves.
 */
export function rebaseWrite(doc: Y.Doc, actor: Actor, id: string, text: string | undefined): RebaseResult {
  const a = amendmentOrThrow(doc, id);
  const phase = readPhase(doc);
  const v = canEditAmendment(actor, { amendment: a, phase, targetStatus: targetStatusOf(doc, a) });
  if (!v.ok && v.reason === 'amendment-not-editable') throw new ApiError(409, 'not-proposed', `the amendment is ${a.status}, not proposed`);
  enforce(v);
  if (text === undefined) return rebaseAmendment(doc, id);
  if (a.kind !== 'wording') return { ok: false, error: 'not-wording' };
  const current = readBlocksFromYDoc(doc).find((b) => b.id === a.target && a.target !== '');
  if (!current) return { ok: false, error: 'target-missing' };
  const m = doc.getMap<unknown>(NEGOTIATION_ROOT.amendments).get(id);
  if (!(m instanceof Y.Map)) return { ok: false, error: 'no-amendment' };
  editAmendmentText(doc, id, text);
  m.set('baseText', current.text);
  return { ok: true, text, baseText: current.text };
}

const REBASE_TEXT: Record<Exclude<RebaseResult, { ok: true }>['error'], [404 | 409, string]> = {
  'no-amendment': [404, 'the amendment no longer exists'],
  'not-proposed': [409, 'the amendment is no longer open'],
  'target-missing': [409, 'the paragraph it changes is gone'],
  'not-wording': [409, 'only wording amendments take a new text; insertions have no base to rebase'],
  conflict: [409, 'your wording and the current text change the same words: settle the text by hand and send it as {"text": ...}'],
};

/** The HTTP error for a failed rebase other than a conflict. */
export function rebaseFailure(error: Exclude<RebaseResult, { ok: true }>['error']): ApiError {
  const [status, message] = REBASE_TEXT[error];
  return new ApiError(status, error === 'no-amendment' ? 'amendment-not-found' : error, message);
}

export const conflictMessage = REBASE_TEXT.conflict[1];

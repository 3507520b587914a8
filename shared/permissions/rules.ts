/**
 * Who may do what in a negotiation room. Pure predicates over an {@link Actor} (known to the server from
 * the token, never from the client) and the live state the action touches. The server's update gate
 * (gate.ts) and the UI call the same functions, so a button is never offered for a write the server
 * would refuse. Every predicate returns a {@link Verdict}; refusals carry a named {@link Reason}.
 */
import type { Actor, AmendmentStatus, Phase, ParagraphStatus } from '../negotiation/layout.ts';

/** Named refusal codes (docs/permissions.md lists them). */
export type Reason =
  | 'observer-read-only'
  | 'phase-forbids-text-edit'
  | 'phase-closed'
  | 'paragraph-locked'
  | 'not-your-delegation'
  | 'no-delegation'
  | 'chair-only'
  | 'secretariat-only'
  | 'chair-or-secretariat-only'
  | 'author-only'
  | 'amendment-not-editable'
  | 'amendment-status-transition'
  | 'amendment-exists'
  | 'amendment-not-deletable'
  | 'amendment-field-immutable'
  | 'cannot-cosign-own-amendment'
  | 'sponsor-kind-not-allowed'
  | 'invalid-value'
  | 'unknown-root'
  | 'unknown-key'
  | 'malformed-update'
  | 'missing-dependencies';

/** Result of every predicate: allowed, or refused with a reason code. */
export type Verdict = { ok: true } | { ok: false; reason: Reason };

export const ALLOW: Verdict = Object.freeze({ ok: true });
const deny = (reason: Reason): Verdict => ({ ok: false, reason });

/** Statuses that lock a paragraph against text edits and new amendments. */
export function isLocked(status: ParagraphStatus | undefined): boolean {
  return status === 'agreed' || status === 'agreed-ad-ref';
}

/** True for roles that speak for a delegation (and so carry `actor.delegation`). */
export function speaksForDelegation(actor: Actor): boolean {
  return (actor.role === 'penholder' || actor.role === 'delegation') && typeof actor.delegation === 'string' && actor.delegation !== '';
}

/** Common checks for writes made by a delegation on its own behalf. */
function ownDelegation(actor: Actor, delegation: string): Verdict {
  if (actor.role === 'observer') return deny('observer-read-only');
  if (!speaksForDelegation(actor)) return deny('no-delegation');
  return actor.delegation === delegation ? ALLOW : deny('not-your-delegation');
}

/**
 * Direct edits of the body text (typing, splitting, inserting or deleting paragraphs).
 * Drafting: penholder, chair, secretariat. Negotiation: chair only (others go through amendments). Closed: nobody.
 */
export function canEditText(actor: Actor, subject: { phase: Phase }): Verdict {
  if (actor.role === 'observer') return deny('observer-read-only');
  switch (subject.phase) {
    case 'drafting':
      return actor.role === 'delegation' ? deny('phase-forbids-text-edit') : ALLOW;
    case 'negotiation':
      return actor.role === 'chair' ? ALLOW : deny('phase-forbids-text-edit');
    default:
      return deny('phase-forbids-text-edit');
  }
}

/** Edits of one existing paragraph (its text, attributes, or deleting it): text edit rights and not locked. */
export function canEditParagraph(actor: Actor, subject: { phase: Phase; status: ParagraphStatus | undefined }): Verdict {
  const v = canEditText(actor, subject);
  if (!v.ok) return v;
  return isLocked(subject.status) ? deny('paragraph-locked') : ALLOW;
}

/** Paragraph status (pending, bracketed, agreed-ad-ref, agreed): the chair, while the room is not closed. */
export function canSetParagraphStatus(actor: Actor, subject: { phase?: Phase } = {}): Verdict {
  if (actor.role === 'observer') return deny('observer-read-only');
  if (actor.role !== 'chair') return deny('chair-only');
  return subject.phase === 'closed' ? deny('phase-closed') : ALLOW;
}

/** Phase changes and marking the draft tabled: the chair or the secretariat, in any phase (so a closed room can reopen). */
export function canSetPhase(actor: Actor): Verdict {
  if (actor.role === 'observer') return deny('observer-read-only');
  return actor.role === 'chair' || actor.role === 'secretariat' ? ALLOW : deny('chair-or-secretariat-only');
}

/** The masthead (`meta`): the secretariat only, in every phase. */
export function canEditMasthead(actor: Actor, _subject: { phase: Phase }): Verdict {
  if (actor.role === 'observer') return deny('observer-read-only');
  return actor.role === 'secretariat' ? ALLOW : deny('secretariat-only');
}

/**
 * Draft-level sponsors (`sponsors`, key = delegation). The secretariat records anyone in any phase.
 * A delegation joins or withdraws only itself, and not once the room is closed. When `kind` is given
 * (a join), a delegation may not make itself 'main' unless it is the penholder, and once the draft is
 * tabled (`tabled`) it joins as 'additional'.
 */
export function canWriteDraftSponsor(
  actor: Actor,
  subject: { delegation: string; phase: Phase; kind?: 'main' | 'co' | 'additional'; tabled?: boolean },
): Verdict {
  if (actor.role === 'observer') return deny('observer-read-only');
  if (actor.role === 'secretariat') return ALLOW;
  if (actor.role === 'chair') return deny('no-delegation');
  const own = ownDelegation(actor, subject.delegation);
  if (!own.ok) return own;
  if (subject.phase === 'closed') return deny('phase-closed');
  if (subject.kind !== undefined) {
    if (subject.tabled === true && subject.kind !== 'additional') return deny('sponsor-kind-not-allowed');
    if (subject.tabled !== true && subject.kind === 'additional') return deny('sponsor-kind-not-allowed');
    if (subject.kind === 'main' && actor.role !== 'penholder') return deny('sponsor-kind-not-allowed');
  }
  return ALLOW;
}

/** Paragraph co-sponsorship (`paragraphSponsors`): a delegation joins or leaves only for itself, before the room closes. */
export function canWriteParagraphSponsor(
  actor: Actor,
  subject: { delegation: string; role?: 'proposer' | 'co'; phase: Phase },
): Verdict {
  const own = ownDelegation(actor, subject.delegation);
  if (!own.ok) return own;
  return subject.phase === 'closed' ? deny('phase-closed') : ALLOW;
}

/**
 * A new amendment: any delegation (penholder included) in drafting or negotiation, not against a locked
 * paragraph (`targetStatus` is the status of the paragraph it changes, deletes or moves; undefined for an insert).
 */
export function canProposeAmendment(actor: Actor, subject: { phase: Phase; targetStatus?: ParagraphStatus }): Verdict {
  if (actor.role === 'observer') return deny('observer-read-only');
  if (!speaksForDelegation(actor)) return deny('no-delegation');
  if (subject.phase === 'closed') return deny('phase-closed');
  return isLocked(subject.targetStatus) ? deny('paragraph-locked') : ALLOW;
}

/** The live state of an amendment the rules need. */
export interface AmendmentState {
  author: string;
  status: AmendmentStatus;
}

/** Editing an amendment's wording, rationale or placement: its author, while it is proposed and the room is open. */
export function canEditAmendment(
  actor: Actor,
  subject: { amendment: AmendmentState; phase: Phase; targetStatus?: ParagraphStatus },
): Verdict {
  if (actor.role === 'observer') return deny('observer-read-only');
  if (!speaksForDelegation(actor)) return deny('no-delegation');
  if (actor.delegation !== subject.amendment.author) return deny('author-only');
  if (subject.phase === 'closed') return deny('phase-closed');
  if (subject.amendment.status !== 'proposed') return deny('amendment-not-editable');
  return isLocked(subject.targetStatus) ? deny('paragraph-locked') : ALLOW;
}

/**
 * Amendment status changes. The author withdraws a proposed amendment; the chair accepts or rejects a
 * proposed one, or reopens (back to 'proposed') one it accepted or rejected. Nothing changes once closed.
 */
export function canSetAmendmentStatus(
  actor: Actor,
  subject: { amendment: AmendmentState; to: AmendmentStatus; phase?: Phase },
): Verdict {
  if (actor.role === 'observer') return deny('observer-read-only');
  if (subject.phase === 'closed') return deny('phase-closed');
  const from = subject.amendment.status;
  const to = subject.to;
  if (to === 'withdrawn') {
    if (!speaksForDelegation(actor) || actor.delegation !== subject.amendment.author) return deny('author-only');
    return from === 'proposed' ? ALLOW : deny('amendment-status-transition');
  }
  if (actor.role !== 'chair') return deny('chair-only');
  if (to === 'accepted' || to === 'rejected') return from === 'proposed' ? ALLOW : deny('amendment-status-transition');
  // to === 'proposed': the chair reopens its own decision; a withdrawn amendment stays withdrawn.
  return from === 'accepted' || from === 'rejected' ? ALLOW : deny('amendment-status-transition');
}

/** Co-signing (or un-co-signing) an amendment: a delegation other than the author, for itself, while the amendment is proposed. */
export function canCosignAmendment(
  actor: Actor,
  subject: { delegation: string; amendment: AmendmentState; phase?: Phase },
): Verdict {
  const own = ownDelegation(actor, subject.delegation);
  if (!own.ok) return own;
  if (subject.phase === 'closed') return deny('phase-closed');
  if (subject.delegation === subject.amendment.author) return deny('cannot-cosign-own-amendment');
  return subject.amendment.status === 'proposed' ? ALLOW : deny('amendment-not-editable');
}

/** Positions (stances): each delegation records only its own, before the room closes. */
export function canRecordPosition(actor: Actor, subject: { delegation: string; phase: Phase }): Verdict {
  const own = ownDelegation(actor, subject.delegation);
  if (!own.ok) return own;
  return subject.phase === 'closed' ? deny('phase-closed') : ALLOW;
}

/** Issuing a revision (an immutable snapshot, issue 4 §2): the chair or the secretariat, in any phase (a closed text gets its final revision). */
export function canIssueRevision(actor: Actor): Verdict {
  if (actor.role === 'observer') return deny('observer-read-only');
  return actor.role === 'chair' || actor.role === 'secretariat' ? ALLOW : deny('chair-or-secretariat-only');
}

/**
 * The chair's decisions on amendments that the server carries out (accept with its merge, reject, undo
 * a merge): the chair only, not once the room is closed, and not into a locked paragraph
 * (`targetStatus`: the status of the paragraph the amendment changes; undefined for an insert).
 */
export function canDecideAmendment(actor: Actor, subject: { phase?: Phase; targetStatus?: ParagraphStatus }): Verdict {
  if (actor.role === 'observer') return deny('observer-read-only');
  if (actor.role !== 'chair') return deny('chair-only');
  if (subject.phase === 'closed') return deny('phase-closed');
  return isLocked(subject.targetStatus) ? deny('paragraph-locked') : ALLOW;
}

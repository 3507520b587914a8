/**
 * The chair's dashboard model (pure; tested in node): pending amendments grouped by paragraph in
 * document order with their position counts, paragraphs by status, the delegations still silent on a
 * paragraph, and which quick actions the rules (shared/permissions/rules.ts) let this actor offer.
 * Grouping and references reuse client/negotiation/model.ts so the dashboard says "OP3 bis" exactly
 * where the amendments panel does.
 */
import type * as Y from 'yjs';
import type { Actor, ParagraphStatus, Phase, Stance } from '../../shared/negotiation/layout.ts';
import { PARAGRAPH_STATUSES } from '../../shared/negotiation/layout.ts';
import {
  readAmendments, readParagraphSponsors, readPhase, readPositions, readStatuses,
  type Amendment, type PositionRecord, type StanceCounts,
} from '../../shared/negotiation/read.ts';
import { canDecideAmendment, canSetAmendmentStatus, canSetParagraphStatus } from '../../shared/permissions/rules.ts';
import { readBlocksFromYDoc, readSponsors } from '../../shared/resolution/ydoc.ts';
import type { ApiError, InvitationSummary } from '../api.ts';
import { amendmentRefs, describeParagraphs, groupAmendments, type ParagraphInfo } from '../negotiation/model.ts';

/** Everything the dashboard reads from the live document. */
export interface DashboardInput {
  phase: Phase;
  paragraphs: ParagraphInfo[];
  amendments: Amendment[];
  positions: PositionRecord[];
  statuses: ReadonlyMap<string, ParagraphStatus>;
  /** Draft sponsors, in printed order. */
  sponsors: string[];
  /** Delegations that sponsor some paragraph. */
  paragraphSponsors: string[];
}

/** One read of the document (the component re-reads after each change). */
export function readDashboardInput(doc: Y.Doc): DashboardInput {
  const statuses = new Map<string, ParagraphStatus>();
  for (const [id, e] of readStatuses(doc)) statuses.set(id, e.status);
  return {
    phase: readPhase(doc),
    paragraphs: describeParagraphs(readBlocksFromYDoc(doc)),
    amendments: readAmendments(doc),
    positions: readPositions(doc),
    statuses,
    sponsors: readSponsors(doc).map((s) => s.name),
    paragraphSponsors: [...new Set(readParagraphSponsors(doc).map((p) => p.delegation))],
  };
}

const emptyCounts = (): StanceCounts => ({ support: 0, 'can-accept': 0, oppose: 0, reservation: 0, none: 0 });

/** Counts per stance of the positions recorded on `targetId` ('none' = a stance recorded then cleared). */
export function stanceCounts(targetId: string, positions: readonly PositionRecord[]): StanceCounts {
  const counts = emptyCounts();
  for (const p of positions) if (p.targetId === targetId) counts[p.entry.stance] += 1;
  return counts;
}

/** A pending amendment as the dashboard lists it. */
export interface PendingAmendment {
  id: string;
  /** "OP3", "OP3 bis", "new OP (start)". */
  ref: string;
  author: string;
  cosigners: string[];
  kind: Amendment['kind'];
  text: string;
  /** The paragraph it changes ('' for an insert). */
  targetId: string;
  counts: StanceCounts;
}

/** A heading of the pending list: one paragraph, or the new paragraphs proposed after one anchor. */
export interface PendingGroup {
  key: string;
  /** "OP3", "New paragraphs after OP3", "New OP at the start", "(paragraph removed)". */
  label: string;
  /** The paragraph the amendments change ('' for new paragraphs). */
  paragraphId: string;
  /** Anchor of new paragraphs ('' = start of their section; undefined for a paragraph group). */
  after?: string;
  amendments: PendingAmendment[];
}

const short = (k: 'preambular' | 'operative'): string => (k === 'operative' ? 'OP' : 'PP');

/**
 * Proposed amendments grouped by paragraph in document order. New paragraphs proposed after the same
 * anchor (and of the same kind) share one "New paragraphs after OP3" group right after the anchor's own.
 */
export function pendingGroups(input: Pick<DashboardInput, 'paragraphs' | 'amendments' | 'positions'>): PendingGroup[] {
  const { paragraphs, amendments, positions } = input;
  const proposed = amendments.filter((a) => a.status === 'proposed');
  const refs = amendmentRefs(paragraphs, amendments);
  const byId = new Map(paragraphs.filter((p) => p.id).map((p) => [p.id, p] as const));
  const pending = (a: Amendment): PendingAmendment => ({
    id: a.id, ref: refs.get(a.id) ?? '', author: a.author, cosigners: a.cosigners, kind: a.kind, text: a.text,
    targetId: a.kind === 'insert' ? '' : a.target, counts: stanceCounts(a.id, positions),
  });
  const out: PendingGroup[] = [];
  for (const g of groupAmendments(paragraphs, proposed, amendments)) {
    const first = g.amendments[0];
    if (!g.key.startsWith('new:') || !first) {
      out.push({ key: g.key, label: g.ref, paragraphId: g.paragraphId, amendments: g.amendments.map(pending) });
      continue;
    }
    const prev = out.at(-1);
    const key = `new:${first.after}|${first.paragraphKind}`;
    if (prev && prev.key === key) {
      prev.amendments.push(pending(first));
      continue;
    }
    const anchor = byId.get(first.after);
    const label = first.after === '' ? `New ${short(first.paragraphKind)} at the start`
      : anchor ? `New paragraphs after ${anchor.ref || 'the heading'}` : '(paragraph removed)';
    out.push({ key, label, paragraphId: '', after: first.after, amendments: [pending(first)] });
  }
  return out;
}

/** Plain words for paragraph statuses. */
export const PARAGRAPH_STATUS_LABEL: Readonly<Record<ParagraphStatus, string>> = {
  pending: 'Pending', bracketed: 'Bracketed', 'agreed-ad-ref': 'Agreed ad ref', agreed: 'Agreed',
};

/** One status with the paragraphs holding it, in document order. */
export interface StatusBucket {
  status: ParagraphStatus;
  label: string;
  count: number;
  paragraphs: Array<{ id: string; ref: string }>;
}

/** Numbered paragraphs (PP/OP and their sub-paragraphs) in document order. */
export const numberedParagraphs = (paragraphs: readonly ParagraphInfo[]): ParagraphInfo[] => paragraphs.filter((p) => p.id && p.kind !== null);

/** Paragraphs by status (every status listed, even with none); statuses of vanished paragraphs are ignored. */
export function statusBuckets(paragraphs: readonly ParagraphInfo[], statuses: ReadonlyMap<string, ParagraphStatus>): StatusBucket[] {
  const buckets = PARAGRAPH_STATUSES.map((status): StatusBucket => ({ status, label: PARAGRAPH_STATUS_LABEL[status], count: 0, paragraphs: [] }));
  const index = new Map(buckets.map((b) => [b.status, b] as const));
  for (const p of numberedParagraphs(paragraphs)) {
    const b = index.get(statuses.get(p.id) ?? 'pending');
    if (!b) continue;
    b.count += 1;
    b.paragraphs.push({ id: p.id, ref: p.ref });
  }
  return buckets;
}

/** Active delegation invitations (delegation and penholder roles) → delegation names. */
export function invitedDelegations(invitations: readonly InvitationSummary[]): string[] {
  return invitations
    .filter((i) => i.revokedAt === null && (i.role === 'delegation' || i.role === 'penholder') && i.delegation)
    .map((i) => i.delegation as string);
}

/**
 * The delegations of the draft: those invited (when the invitations list could be read), the draft's
 * sponsors and anyone who proposed, co-signed, took a position or sponsors a paragraph. Sorted, unique.
 */
export function draftDelegations(input: Pick<DashboardInput, 'sponsors' | 'amendments' | 'positions' | 'paragraphSponsors'>, invited: readonly string[] = []): string[] {
  const all = new Set<string>([...invited, ...input.sponsors, ...input.paragraphSponsors]);
  for (const a of input.amendments) for (const d of [a.author, ...a.cosigners]) all.add(d);
  for (const p of input.positions) all.add(p.delegation);
  all.delete('');
  return [...all].sort((a, b) => a.localeCompare(b));
}

/** Delegations of `delegations` with no stance on `targetId` (a cleared stance counts as none). */
export function silentDelegations(targetId: string, delegations: readonly string[], positions: readonly PositionRecord[]): string[] {
  const spoke = new Set<string>();
  for (const p of positions) if (p.targetId === targetId && p.entry.stance !== 'none') spoke.add(p.delegation);
  return delegations.filter((d) => !spoke.has(d));
}

/** Which amendment buttons this actor is offered (the same predicates the server applies). */
export function amendmentActions(
  actor: Actor, phase: Phase, amendment: Pick<Amendment, 'author' | 'status' | 'kind'>, targetStatus: ParagraphStatus | undefined,
): { accept: boolean; reject: boolean } {
  const state = { author: amendment.author, status: amendment.status };
  const decide = canDecideAmendment(actor, { phase, targetStatus: amendment.kind === 'insert' ? undefined : targetStatus }).ok;
  return {
    accept: decide && canSetAmendmentStatus(actor, { amendment: state, to: 'accepted', phase }).ok,
    reject: canSetAmendmentStatus(actor, { amendment: state, to: 'rejected', phase }).ok,
  };
}

/** A paragraph quick action: the status it sets and its button words. */
export interface StatusAction {
  to: ParagraphStatus;
  label: string;
}

const STATUS_ACTIONS: readonly StatusAction[] = [
  { to: 'bracketed', label: 'Bracket' },
  { to: 'agreed-ad-ref', label: 'Agree ad ref' },
  { to: 'pending', label: 'Back to pending' },
];

/** The status buttons offered on a paragraph now at `current` (none unless the rules let the actor set statuses). */
export function statusActions(actor: Actor, phase: Phase, current: ParagraphStatus): StatusAction[] {
  if (!canSetParagraphStatus(actor, { phase }).ok) return [];
  return STATUS_ACTIONS.filter((a) => a.to !== current);
}

/** What to tell the chair when accepting or rejecting failed. */
export function decisionError(error: ApiError, ref: string): string {
  if (error.status === 409 && error.code === 'conflict') {
    return `The amendment to ${ref || 'this paragraph'} overlaps later changes to the text: open it in the Amendments panel to settle the conflict by hand.`;
  }
  return error.message;
}

/** "2 support · 1 can accept · 0 oppose · 0 reservation" in data form for the view. */
export const COUNTED_STANCES: readonly Exclude<Stance, 'none'>[] = ['support', 'can-accept', 'oppose', 'reservation'];

/**
 * The negotiation state the editor page draws (phase, tabling, paragraph statuses and sponsors),
 * projected from the Yjs roots of shared/negotiation/layout.ts through the shared readers. Pure and
 * DOM-free; the session wraps it in a store that recomputes after each change of those roots.
 */
import type * as Y from 'yjs';
import type { ParagraphStatus, Phase } from '../../shared/negotiation/layout.ts';
import { readParagraphSponsors, readPhase, readStatuses, readTabledAt } from '../../shared/negotiation/actions.ts';

/** Who stands behind one paragraph. */
export interface ParagraphSponsors {
  /** The delegation that proposed it, if recorded. */
  proposer: string | null;
  /** Co-sponsors, in the order they joined (then by name). */
  cosponsors: string[];
}

export interface NegotiationState {
  phase: Phase;
  /** ISO time the draft was tabled, or ''. */
  tabledAt: string;
  /** Status by paragraph id; absent = pending. */
  statuses: ReadonlyMap<string, ParagraphStatus>;
  /** Sponsors by paragraph id; absent = nobody. */
  sponsors: ReadonlyMap<string, ParagraphSponsors>;
}

export function readNegotiationState(doc: Y.Doc): NegotiationState {
  const statuses = new Map<string, ParagraphStatus>();
  for (const [id, entry] of readStatuses(doc)) if (entry.status !== 'pending') statuses.set(id, entry.status);
  const joined = readParagraphSponsors(doc).sort((a, b) =>
    a.entry.at < b.entry.at ? -1 : a.entry.at > b.entry.at ? 1 : a.delegation.localeCompare(b.delegation));
  const sponsors = new Map<string, ParagraphSponsors>();
  for (const r of joined) {
    const cur = sponsors.get(r.paragraphId) ?? { proposer: null, cosponsors: [] };
    if (r.entry.role === 'proposer' && cur.proposer === null) cur.proposer = r.delegation;
    else cur.cosponsors.push(r.delegation);
    sponsors.set(r.paragraphId, cur);
  }
  return { phase: readPhase(doc), tabledAt: readTabledAt(doc), statuses, sponsors };
}

function sameMap<V>(a: ReadonlyMap<string, V>, b: ReadonlyMap<string, V>, eq: (x: V, y: V) => boolean): boolean {
  if (a.size !== b.size) return false;
  for (const [k, v] of a) {
    const w = b.get(k);
    if (w === undefined || !eq(v, w)) return false;
  }
  return true;
}

const sameSponsorsEntry = (x: ParagraphSponsors, y: ParagraphSponsors) =>
  x.proposer === y.proposer && x.cosponsors.length === y.cosponsors.length && x.cosponsors.every((c, i) => c === y.cosponsors[i]);

/** Value equality, so the store keeps its snapshot when an unrelated key changed. */
export function sameNegotiationState(a: NegotiationState, b: NegotiationState): boolean {
  return a.phase === b.phase && a.tabledAt === b.tabledAt
    && sameMap(a.statuses, b.statuses, (x, y) => x === y)
    && sameMap(a.sponsors, b.sponsors, sameSponsorsEntry);
}

/** "Brazil +2": the proposer (or first co-sponsor) and how many others; '' when nobody. */
export function sponsorSummary(s: ParagraphSponsors | undefined): string {
  if (!s) return '';
  const names = s.proposer ? [s.proposer, ...s.cosponsors] : s.cosponsors;
  if (names.length === 0) return '';
  return names.length === 1 ? names[0] : `${names[0]} +${names.length - 1}`;
}

/** Words for statuses and phases, shared by badges, menus and notices. */
export const STATUS_WORDS: Readonly<Record<ParagraphStatus, string>> = {
  pending: 'Pending',
  bracketed: 'Bracketed',
  'agreed-ad-ref': 'Agreed ad ref',
  agreed: 'Agreed',
};

export const PHASE_WORDS: Readonly<Record<Phase, string>> = {
  drafting: 'Drafting',
  negotiation: 'Negotiation',
  closed: 'Closed',
};

/**
 * The negotiation layer's Yjs layout: who proposed what, who stands where, what the chair decided.
 * Every root type here sits beside `body`, `meta` and `sponsors` (docs/data-model.md). Keys are shaped so
 * that ownership is visible in the key itself: the server can tell whose entry an update touches
 * without trusting any value the client wrote.
 */

/** Participant roles. A penholder is the main sponsor delegation. */
export type Role = 'secretariat' | 'chair' | 'penholder' | 'delegation' | 'observer';
export const ROLES: readonly Role[] = ['secretariat', 'chair', 'penholder', 'delegation', 'observer'];

/** Who is acting, as the server knows it from the token. Never taken from the client. */
export interface Actor {
  /** Display name: a directory name for delegations ("Brazil"), free text for others ("Chair", "Secretariat"). */
  participant: string;
  role: Role;
  /** The delegation this actor speaks for (penholder and delegation roles); null for chair, secretariat, observer. */
  delegation: string | null;
}

/** Phases of a negotiation, set by the chair or the secretariat. */
export type Phase = 'drafting' | 'negotiation' | 'closed';
export const PHASES: readonly Phase[] = ['drafting', 'negotiation', 'closed'];

/** Paragraph status, set by the chair. Agreed (and agreed ad ref) paragraphs are locked. */
export type ParagraphStatus = 'pending' | 'bracketed' | 'agreed-ad-ref' | 'agreed';
export const PARAGRAPH_STATUSES: readonly ParagraphStatus[] = ['pending', 'bracketed', 'agreed-ad-ref', 'agreed'];

/** A delegation's stance on a paragraph or an amendment. 'none' clears it. */
export type Stance = 'support' | 'can-accept' | 'oppose' | 'reservation' | 'none';
export const STANCES: readonly Stance[] = ['support', 'can-accept', 'oppose', 'reservation', 'none'];

export type AmendmentKind = 'wording' | 'insert' | 'delete' | 'move';
export type AmendmentStatus = 'proposed' | 'withdrawn' | 'accepted' | 'rejected';

/** Root type names of the negotiation layer (all Y.Map). */
export const NEGOTIATION_ROOT = {
  /** `phase` (Phase), `tabledAt` (ISO string or absent): sponsors joining after it are "additional". */
  control: 'control',
  /** Key `${paragraphId}|${delegation}` → ParagraphSponsorEntry. */
  paragraphSponsors: 'paragraphSponsors',
  /** Key amendment id → nested Y.Map with the AmendmentFields below; `text` is a Y.Text, `cosigners` a Y.Map. */
  amendments: 'amendments',
  /** Key `${targetId}|${delegation}` → PositionEntry; target is a paragraph id or an amendment id. */
  positions: 'positions',
  /** Key paragraph id → StatusEntry. Absent means 'pending'. */
  status: 'status',
} as const;

/** Separator in compound keys. Delegation names never contain it (the directory refuses it). */
export const KEY_SEP = '|';

export interface ParagraphSponsorEntry {
  role: 'proposer' | 'co';
  /** ISO time the entry was written. */
  at: string;
}

export interface PositionEntry {
  stance: Stance;
  /** Optional note, at most 2000 characters. */
  note: string;
  at: string;
}

export interface StatusEntry {
  status: ParagraphStatus;
  /** Participant name of the chair who set it. */
  by: string;
  at: string;
}

/** Plain (non-Y) fields of an amendment's nested Y.Map. */
export interface AmendmentFields {
  id: string;
  /** Delegation that proposed it. Fixed at creation. */
  author: string;
  kind: AmendmentKind;
  /** Paragraph the amendment changes, deletes or moves; '' for an insert. */
  target: string;
  /** For insert and move: the paragraph id the new or moved paragraph follows ('' = at the start of its section). */
  after: string;
  /** For insert: the kind and level of the new paragraph. */
  paragraphKind: 'preambular' | 'operative';
  level: number;
  /** The target paragraph's text when the amendment was drafted (three-way merge base). */
  baseText: string;
  rationale: string;
  status: AmendmentStatus;
  createdAt: string;
  updatedAt: string;
}

/** Compound key helpers. */
export const positionKey = (targetId: string, delegation: string): string => `${targetId}${KEY_SEP}${delegation}`;
export const paragraphSponsorKey = (paragraphId: string, delegation: string): string => `${paragraphId}${KEY_SEP}${delegation}`;

/** Split a compound key into [subject id, delegation]; null if it is not one. */
export function splitKey(key: string): [string, string] | null {
  const i = key.indexOf(KEY_SEP);
  if (i <= 0 || i === key.length - 1) return null;
  return [key.slice(0, i), key.slice(i + 1)];
}

/** Value per delegation in an amendment's `cosigners` Y.Map (key = delegation name). */
export interface CosignerEntry {
  at: string;
}

/** Field names of an amendment's nested Y.Map: the plain fields plus the `text` Y.Text and the `cosigners` Y.Map. */
export const AMENDMENT_FIELD_NAMES = [
  'id', 'author', 'kind', 'target', 'after', 'paragraphKind', 'level', 'baseText', 'rationale', 'status',
  'createdAt', 'updatedAt', 'text', 'cosigners',
] as const;
export const AMENDMENT_KINDS: readonly AmendmentKind[] = ['wording', 'insert', 'delete', 'move'];
export const AMENDMENT_STATUSES: readonly AmendmentStatus[] = ['proposed', 'withdrawn', 'accepted', 'rejected'];

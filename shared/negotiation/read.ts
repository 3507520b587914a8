/**
 * Readers of the negotiation layer (layout.ts). Tolerant: junk values read as defaults and never throw,
 * so a UI can render whatever a replica holds.
 */
import * as Y from 'yjs';
import {
  AMENDMENT_KINDS, AMENDMENT_STATUSES, NEGOTIATION_ROOT, PARAGRAPH_STATUSES, PHASES, STANCES, splitKey,
  type AmendmentFields, type ParagraphSponsorEntry, type ParagraphStatus, type Phase, type PositionEntry, type Stance,
  type StatusEntry,
} from './layout.ts';

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const obj = (v: unknown): Record<string, unknown> => (typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {});
const oneOf = <T extends string>(list: readonly T[], v: unknown, fallback: T): T =>
  (list as readonly unknown[]).includes(v) ? (v as T) : fallback;

/** Current phase; a room that never set one is drafting. */
export function readPhase(doc: Y.Doc): Phase {
  return oneOf(PHASES, doc.getMap<unknown>(NEGOTIATION_ROOT.control).get('phase'), 'drafting');
}

/** ISO time the draft was tabled, or '' if it was not. */
export function readTabledAt(doc: Y.Doc): string {
  return str(doc.getMap<unknown>(NEGOTIATION_ROOT.control).get('tabledAt'));
}

/** An amendment as the UI shows it: plain fields, current wording and co-signers (sorted). */
export interface Amendment extends AmendmentFields {
  text: string;
  cosigners: string[];
}

/** One amendment from its nested map (null if the entry is not a Y.Map). */
export function readAmendment(doc: Y.Doc, id: string): Amendment | null {
  const m = doc.getMap<unknown>(NEGOTIATION_ROOT.amendments).get(id);
  return m instanceof Y.Map ? amendmentFromMap(id, m) : null;
}

function amendmentFromMap(id: string, m: Y.Map<unknown>): Amendment {
  const text = m.get('text');
  const cos = m.get('cosigners');
  const level = m.get('level');
  return {
    id,
    author: str(m.get('author')),
    kind: oneOf(AMENDMENT_KINDS, m.get('kind'), 'wording'),
    target: str(m.get('target')),
    after: str(m.get('after')),
    paragraphKind: m.get('paragraphKind') === 'preambular' ? 'preambular' : 'operative',
    level: typeof level === 'number' && Number.isFinite(level) ? level : 0,
    baseText: str(m.get('baseText')),
    rationale: str(m.get('rationale')),
    status: oneOf(AMENDMENT_STATUSES, m.get('status'), 'proposed'),
    createdAt: str(m.get('createdAt')),
    updatedAt: str(m.get('updatedAt')),
    text: text instanceof Y.Text ? text.toString() : '',
    cosigners: cos instanceof Y.Map ? [...cos.keys()].sort() : [],
  };
}

/** All amendments, oldest first (then by id). */
export function readAmendments(doc: Y.Doc): Amendment[] {
  const out: Amendment[] = [];
  doc.getMap<unknown>(NEGOTIATION_ROOT.amendments).forEach((m, id) => {
    if (m instanceof Y.Map) out.push(amendmentFromMap(id, m));
  });
  return out.sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export interface PositionRecord {
  targetId: string;
  delegation: string;
  entry: PositionEntry;
}

/** All recorded positions (entries with malformed keys are skipped). */
export function readPositions(doc: Y.Doc): PositionRecord[] {
  const out: PositionRecord[] = [];
  doc.getMap<unknown>(NEGOTIATION_ROOT.positions).forEach((value, key) => {
    const parts = splitKey(key);
    if (!parts) return;
    const v = obj(value);
    out.push({
      targetId: parts[0],
      delegation: parts[1],
      entry: { stance: oneOf(STANCES, v.stance, 'none'), note: str(v.note), at: str(v.at) },
    });
  });
  return out;
}

export interface ParagraphSponsorRecord {
  paragraphId: string;
  delegation: string;
  entry: ParagraphSponsorEntry;
}

/** All paragraph sponsorships. */
export function readParagraphSponsors(doc: Y.Doc): ParagraphSponsorRecord[] {
  const out: ParagraphSponsorRecord[] = [];
  doc.getMap<unknown>(NEGOTIATION_ROOT.paragraphSponsors).forEach((value, key) => {
    const parts = splitKey(key);
    if (!parts) return;
    const v = obj(value);
    out.push({ paragraphId: parts[0], delegation: parts[1], entry: { role: v.role === 'proposer' ? 'proposer' : 'co', at: str(v.at) } });
  });
  return out;
}

/** Paragraph statuses by paragraph id (absent = pending). */
export function readStatuses(doc: Y.Doc): Map<string, StatusEntry> {
  const out = new Map<string, StatusEntry>();
  doc.getMap<unknown>(NEGOTIATION_ROOT.status).forEach((value, key) => {
    const v = obj(value);
    out.set(key, { status: oneOf(PARAGRAPH_STATUSES, v.status, 'pending'), by: str(v.by), at: str(v.at) });
  });
  return out;
}

/** Status of one paragraph (O(1); the gate uses it). */
export function readStatus(doc: Y.Doc, paragraphId: string): ParagraphStatus {
  return oneOf(PARAGRAPH_STATUSES, obj(doc.getMap<unknown>(NEGOTIATION_ROOT.status).get(paragraphId)).status, 'pending');
}

/** Counts per stance ('none' and missing both count as none). */
export type StanceCounts = Record<Stance, number>;

export interface MatrixRow {
  targetId: string;
  kind: 'paragraph' | 'amendment';
  /** Stance of every delegation in the matrix ('none' when it recorded nothing). */
  stances: Record<string, Stance>;
  notes: Record<string, string>;
  counts: StanceCounts;
  /** Some delegation opposes (a reservation does not block: it only records dissent). */
  openOpposition: boolean;
}

/**
 * Paragraphs and amendments against delegations. Rows follow `paragraphIds` then `amendmentIds`;
 * positions from delegations not listed still count (and are added to `delegations` of the result).
 */
export function positionsMatrix(
  positions: readonly PositionRecord[],
  subjects: { paragraphIds: readonly string[]; amendmentIds: readonly string[]; delegations: readonly string[] },
): { delegations: string[]; rows: MatrixRow[] } {
  const byTarget = new Map<string, PositionRecord[]>();
  const delegations = [...subjects.delegations];
  const known = new Set(delegations);
  for (const p of positions) {
    const list = byTarget.get(p.targetId) ?? [];
    list.push(p);
    byTarget.set(p.targetId, list);
    if (!known.has(p.delegation)) { known.add(p.delegation); delegations.push(p.delegation); }
  }
  const row = (targetId: string, kind: MatrixRow['kind']): MatrixRow => {
    const stances: Record<string, Stance> = {};
    const notes: Record<string, string> = {};
    for (const d of delegations) stances[d] = 'none';
    for (const p of byTarget.get(targetId) ?? []) {
      stances[p.delegation] = p.entry.stance;
      if (p.entry.note) notes[p.delegation] = p.entry.note;
    }
    const counts: StanceCounts = { support: 0, 'can-accept': 0, oppose: 0, reservation: 0, none: 0 };
    for (const d of delegations) counts[stances[d]] += 1;
    return { targetId, kind, stances, notes, counts, openOpposition: counts.oppose > 0 };
  };
  return {
    delegations,
    rows: [
      ...subjects.paragraphIds.map((id) => row(id, 'paragraph')),
      ...subjects.amendmentIds.map((id) => row(id, 'amendment')),
    ],
  };
}

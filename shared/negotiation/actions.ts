/**
 * Typed writers for the negotiation layer (layout.ts). Each writer is one Yjs transaction that produces
 * exactly the keys and value shapes the server's gate expects. They never check permissions: the UI asks
 * shared/permissions/rules.ts first, and the server refuses anything the rules forbid anyway.
 * Readers live in read.ts and are re-exported here.
 */
import * as Y from 'yjs';
import { newId } from '../resolution/ids.ts';
import { ROOT, type SponsorEntry, type SponsorKind } from '../resolution/ydoc.ts';
import {
  NEGOTIATION_ROOT, paragraphSponsorKey, positionKey,
  type AmendmentKind, type AmendmentStatus, type CosignerEntry, type ParagraphSponsorEntry, type ParagraphStatus,
  type Phase, type PositionEntry, type Stance, type StatusEntry,
} from './layout.ts';
import { readTabledAt } from './read.ts';

export * from './read.ts';

/** Injectable clock and id source (tests pass fixed ones). */
export interface ActionOptions {
  /** ISO timestamp; defaults to the current time. */
  now?: () => string;
  /** Amendment id generator; defaults to `newId('a')`. */
  newId?: () => string;
}

const isoNow = (): string => new Date().toISOString();
const stamp = (opts?: ActionOptions): string => (opts?.now ?? isoNow)();

/** Longest note a position may carry (the gate refuses longer ones). */
export const MAX_NOTE_LENGTH = 2000;

const control = (doc: Y.Doc) => doc.getMap<unknown>(NEGOTIATION_ROOT.control);
const amendmentsRoot = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>(NEGOTIATION_ROOT.amendments);

/** Set the negotiation phase (chair or secretariat). */
export function setPhase(doc: Y.Doc, phase: Phase): void {
  control(doc).set('phase', phase);
}

/** Record that the draft was tabled: sponsors joining from now on are 'additional'. */
export function markTabled(doc: Y.Doc, opts?: ActionOptions): void {
  control(doc).set('tabledAt', stamp(opts));
}

/**
 * Add (or re-kind) a draft-level sponsor. Without `kind`: 'additional' once the draft is tabled, else 'co'.
 * A new sponsor goes after the existing ones; an existing one keeps its order.
 */
export function joinDraftSponsors(doc: Y.Doc, delegation: string, kind?: SponsorKind, opts?: ActionOptions): void {
  const sponsors = doc.getMap<unknown>(ROOT.sponsors);
  const effective: SponsorKind = kind ?? (readTabledAt(doc) ? 'additional' : 'co');
  doc.transact(() => {
    const existing = sponsors.get(delegation) as Partial<SponsorEntry> | undefined;
    let order = typeof existing?.order === 'number' ? existing.order : -1;
    if (order < 0) {
      sponsors.forEach((v) => {
        const o = (v as Partial<SponsorEntry> | null)?.order;
        if (typeof o === 'number' && Number.isFinite(o)) order = Math.max(order, o);
      });
      order += 1;
    }
    sponsors.set(delegation, { order, kind: effective, at: stamp(opts) } satisfies SponsorEntry);
  });
}

/** Withdraw a draft-level sponsor. */
export function leaveDraftSponsors(doc: Y.Doc, delegation: string): void {
  doc.getMap<unknown>(ROOT.sponsors).delete(delegation);
}

/** A delegation joins a paragraph's sponsors (as its proposer or a co-sponsor). */
export function joinParagraph(
  doc: Y.Doc, paragraphId: string, delegation: string, role: ParagraphSponsorEntry['role'] = 'co', opts?: ActionOptions,
): void {
  doc.getMap<unknown>(NEGOTIATION_ROOT.paragraphSponsors)
    .set(paragraphSponsorKey(paragraphId, delegation), { role, at: stamp(opts) } satisfies ParagraphSponsorEntry);
}

/** A delegation leaves a paragraph's sponsors. */
export function leaveParagraph(doc: Y.Doc, paragraphId: string, delegation: string): void {
  doc.getMap<unknown>(NEGOTIATION_ROOT.paragraphSponsors).delete(paragraphSponsorKey(paragraphId, delegation));
}

/** What a delegation fills in to propose an amendment. */
export interface ProposeFields {
  author: string;
  kind: AmendmentKind;
  /** Paragraph changed, deleted or moved; '' (or omitted) for an insert. */
  target?: string;
  /** Insert/move: the paragraph the new or moved paragraph follows ('' = start of its section). */
  after?: string;
  paragraphKind?: 'preambular' | 'operative';
  level?: number;
  /** The target's text when drafted (merge base). */
  baseText?: string;
  rationale?: string;
  /** Initial proposed wording (wording and insert amendments). */
  text?: string;
}

/** Create a proposed amendment; returns its id. */
export function proposeAmendment(doc: Y.Doc, fields: ProposeFields, opts?: ActionOptions): string {
  const id = (opts?.newId ?? (() => newId('a')))();
  const at = stamp(opts);
  const map = new Y.Map<unknown>();
  doc.transact(() => {
    amendmentsRoot(doc).set(id, map);
    map.set('id', id);
    map.set('author', fields.author);
    map.set('kind', fields.kind);
    map.set('target', fields.target ?? '');
    map.set('after', fields.after ?? '');
    map.set('paragraphKind', fields.paragraphKind ?? 'operative');
    map.set('level', fields.level ?? 0);
    map.set('baseText', fields.baseText ?? '');
    map.set('rationale', fields.rationale ?? '');
    map.set('status', 'proposed' satisfies AmendmentStatus);
    map.set('createdAt', at);
    map.set('updatedAt', at);
    map.set('text', new Y.Text(fields.text ?? ''));
    map.set('cosigners', new Y.Map<unknown>());
  });
  return id;
}

function amendmentMap(doc: Y.Doc, id: string): Y.Map<unknown> | null {
  const m = amendmentsRoot(doc).get(id);
  return m instanceof Y.Map ? m : null;
}

/** The live Y.Text of an amendment's proposed wording (to bind a small editor), or null. */
export function amendmentText(doc: Y.Doc, id: string): Y.Text | null {
  const t = amendmentMap(doc, id)?.get('text');
  return t instanceof Y.Text ? t : null;
}

function touch(doc: Y.Doc, id: string, change: (m: Y.Map<unknown>) => void, opts?: ActionOptions): boolean {
  const m = amendmentMap(doc, id);
  if (!m) return false;
  doc.transact(() => {
    change(m);
    m.set('updatedAt', stamp(opts));
  });
  return true;
}

/** Insert into an amendment's wording. False if the amendment does not exist. */
export function insertAmendmentText(doc: Y.Doc, id: string, index: number, text: string, opts?: ActionOptions): boolean {
  const t = amendmentText(doc, id);
  if (!t) return false;
  return touch(doc, id, () => t.insert(Math.max(0, Math.min(index, t.length)), text), opts);
}

/** Delete from an amendment's wording. */
export function deleteAmendmentText(doc: Y.Doc, id: string, index: number, length: number, opts?: ActionOptions): boolean {
  const t = amendmentText(doc, id);
  if (!t) return false;
  const from = Math.max(0, Math.min(index, t.length));
  const len = Math.max(0, Math.min(length, t.length - from));
  return touch(doc, id, () => { if (len > 0) t.delete(from, len); }, opts);
}

/** Replace an amendment's wording, touching only the differing middle (so concurrent edits elsewhere survive). */
export function editAmendmentText(doc: Y.Doc, id: string, next: string, opts?: ActionOptions): boolean {
  const t = amendmentText(doc, id);
  if (!t) return false;
  const prev = t.toString();
  if (prev === next) return true;
  let start = 0;
  while (start < prev.length && start < next.length && prev[start] === next[start]) start++;
  let endPrev = prev.length;
  let endNext = next.length;
  while (endPrev > start && endNext > start && prev[endPrev - 1] === next[endNext - 1]) { endPrev--; endNext--; }
  return touch(doc, id, () => {
    if (endPrev > start) t.delete(start, endPrev - start);
    if (endNext > start) t.insert(start, next.slice(start, endNext));
  }, opts);
}

export function setAmendmentRationale(doc: Y.Doc, id: string, rationale: string, opts?: ActionOptions): boolean {
  return touch(doc, id, (m) => m.set('rationale', rationale), opts);
}

/** Change placement fields of an insert/move amendment. */
export function setAmendmentPlacement(
  doc: Y.Doc, id: string, placement: { after?: string; paragraphKind?: 'preambular' | 'operative'; level?: number }, opts?: ActionOptions,
): boolean {
  return touch(doc, id, (m) => {
    if (placement.after !== undefined) m.set('after', placement.after);
    if (placement.paragraphKind !== undefined) m.set('paragraphKind', placement.paragraphKind);
    if (placement.level !== undefined) m.set('level', placement.level);
  }, opts);
}

export function setAmendmentStatus(doc: Y.Doc, id: string, status: AmendmentStatus, opts?: ActionOptions): boolean {
  return touch(doc, id, (m) => m.set('status', status), opts);
}

/** The author withdraws its amendment. */
export function withdrawAmendment(doc: Y.Doc, id: string, opts?: ActionOptions): boolean {
  return setAmendmentStatus(doc, id, 'withdrawn', opts);
}

/** A delegation co-signs an amendment (for itself). Does not touch updatedAt: that belongs to the author and the chair. */
export function cosignAmendment(doc: Y.Doc, id: string, delegation: string, opts?: ActionOptions): boolean {
  const c = amendmentMap(doc, id)?.get('cosigners');
  if (!(c instanceof Y.Map)) return false;
  c.set(delegation, { at: stamp(opts) } satisfies CosignerEntry);
  return true;
}

export function uncosignAmendment(doc: Y.Doc, id: string, delegation: string): boolean {
  const c = amendmentMap(doc, id)?.get('cosigners');
  if (!(c instanceof Y.Map)) return false;
  c.delete(delegation);
  return true;
}

/** A delegation records its stance on a paragraph or an amendment ('none' clears it but keeps the note). */
export function recordPosition(
  doc: Y.Doc, targetId: string, delegation: string, stance: Stance, note = '', opts?: ActionOptions,
): void {
  doc.getMap<unknown>(NEGOTIATION_ROOT.positions)
    .set(positionKey(targetId, delegation), { stance, note: note.slice(0, MAX_NOTE_LENGTH), at: stamp(opts) } satisfies PositionEntry);
}

/** The chair sets a paragraph's status; `by` is the chair's participant name. */
export function setParagraphStatus(doc: Y.Doc, paragraphId: string, status: ParagraphStatus, by: string, opts?: ActionOptions): void {
  doc.getMap<unknown>(NEGOTIATION_ROOT.status).set(paragraphId, { status, by, at: stamp(opts) } satisfies StatusEntry);
}

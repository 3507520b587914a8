/**
 * Accepting an amendment into the body: plan (pure read, says what will happen and whether the wording
 * merges), apply (one transaction of minimal Y operations) and undo (restores the body, the amendment
 * status and the paragraph sponsors touched, as new operations). Also the author's side: which proposed
 * amendments are out of date, and rebasing one onto the current text.
 */
import * as Y from 'yjs';
import { editAmendmentText, joinParagraph, type ActionOptions } from '../negotiation/actions.ts';
import { NEGOTIATION_ROOT, paragraphSponsorKey, type AmendmentKind, type ParagraphSponsorEntry } from '../negotiation/layout.ts';
import { readAmendment, readAmendments, type Amendment } from '../negotiation/read.ts';
import { newId } from '../resolution/ids.ts';
import { readBlocksFromYDoc } from '../resolution/ydoc.ts';
import {
  blockElement, blockSpan, bodyOf, indexOfBlock, insertSnapshot, movedFootnotes, rewriteBlockText,
  snapshotElement, fillElement, type ElementSnapshot, type MovedFootnote,
} from './body-edit.ts';
import { changeHunks, mergeText, type Conflict } from './three-way.ts';

/** Who the accepted text comes from, for the paragraph's history. */
export interface HistoryInfo {
  amendmentId: string;
  kind: AmendmentKind;
  author: string;
  cosigners: string[];
}

export type PlanError = 'no-amendment' | 'not-proposed' | 'target-missing' | 'after-missing';

/** What accepting an amendment will do. */
export type Plan =
  | {
    ok: true;
    amendmentId: string;
    kind: AmendmentKind;
    /** Paragraph changed, deleted or moved; for an insert, the id the new paragraph will get. */
    paragraphId: string;
    /** Wording: the paragraph text the merge was computed on, and the merged result. */
    currentText: string;
    mergedText: string;
    /** The target's text no longer equals the amendment's base: the merge is not a plain replacement. */
    stale: boolean;
    /** Footnotes inside a replaced span: kept, right after the replacement text. */
    movedFootnotes: MovedFootnote[];
    history: HistoryInfo;
  }
  | { ok: false; amendmentId: string; error: PlanError }
  | { ok: false; amendmentId: string; error: 'conflict'; conflicts: Conflict[] };

/** Everything needed to take an acceptance back. */
export interface UndoRecord {
  amendmentId: string;
  kind: AmendmentKind;
  prevStatus: string;
  prevUpdatedAt: string;
  paragraphId: string;
  /** Wording: the element's content before; delete/move: the removed or moved elements. */
  before: ElementSnapshot[];
  /** Id of the block that preceded the deleted or moved blocks ('' = they were first). */
  prevSiblingId: string;
  /** Paragraph sponsor entries touched, with their previous values (null = absent). */
  sponsors: Array<{ key: string; prev: ParagraphSponsorEntry | null }>;
}

export type ApplyResult =
  | { ok: true; undo: UndoRecord; history: HistoryInfo & { acceptedBy: string; at: string } }
  | { ok: false; error: PlanError | 'conflict' | 'stale-plan' };

export interface AcceptOptions {
  /** Participant name of the chair accepting. */
  chair: string;
  now?: () => string;
  /** Id for an inserted paragraph (defaults to newId()). */
  newId?: () => string;
}

function paragraphText(doc: Y.Doc, id: string): { text: string; footnotes: { id: string; offset: number }[] } | null {
  const block = readBlocksFromYDoc(doc).find((b) => b.id === id && id !== '');
  return block ? { text: block.text, footnotes: block.footnotes } : null;
}

/** Work out what accepting `amendmentId` does, without changing anything. */
export function planAcceptance(doc: Y.Doc, amendmentId: string, opts: { newId?: () => string } = {}): Plan {
  const a = readAmendment(doc, amendmentId);
  if (!a) return { ok: false, amendmentId, error: 'no-amendment' };
  if (a.status !== 'proposed') return { ok: false, amendmentId, error: 'not-proposed' };
  const history: HistoryInfo = { amendmentId, kind: a.kind, author: a.author, cosigners: a.cosigners };
  const base = { ok: true as const, amendmentId, kind: a.kind, stale: false, movedFootnotes: [], history };
  if (a.kind === 'insert') {
    if (a.after !== '' && indexOfBlock(doc, a.after) < 0) return { ok: false, amendmentId, error: 'after-missing' };
    return { ...base, paragraphId: (opts.newId ?? (() => newId()))(), currentText: '', mergedText: a.text };
  }
  const current = paragraphText(doc, a.target);
  if (!current) return { ok: false, amendmentId, error: 'target-missing' };
  if (a.kind === 'move' && a.after !== '' && indexOfBlock(doc, a.after) < 0) return { ok: false, amendmentId, error: 'after-missing' };
  if (a.kind !== 'wording') {
    return { ...base, paragraphId: a.target, currentText: current.text, mergedText: current.text, stale: isStale(a, current.text) };
  }
  const merged = mergeText(a.baseText, current.text, a.text);
  if (!merged.ok) return { ok: false, amendmentId, error: 'conflict', conflicts: merged.conflicts };
  return {
    ...base, paragraphId: a.target, currentText: current.text, mergedText: merged.text, stale: a.baseText !== current.text,
    movedFootnotes: movedFootnotes(current.footnotes, changeHunks(current.text, merged.text)),
  };
}

const isStale = (a: Amendment, current: string): boolean => a.kind === 'wording' ? a.baseText !== current : a.baseText !== '' && a.baseText !== current;

/** Where a block of `kind` goes when it follows `after` ('' = start of its section). */
function insertionIndex(doc: Y.Doc, after: string, kind: string, level: number): number {
  const kids = bodyOf(doc).toArray();
  if (after !== '') {
    const i = indexOfBlock(doc, after);
    // Past the sub-paragraphs of `after` that are deeper than the new block, so they keep their parent.
    let j = i + 1;
    const head = kids[i] as Y.XmlElement;
    while (j < kids.length) {
      const k = kids[j];
      if (!(k instanceof Y.XmlElement) || k.nodeName !== head.nodeName) break;
      const l = k.getAttribute('level') as unknown;
      if (!(typeof l === 'number' && l > level)) break;
      j++;
    }
    return j;
  }
  const names = kids.map((k) => (k instanceof Y.XmlElement ? k.nodeName : ''));
  const first = names.indexOf(kind);
  if (first >= 0) return first;
  const earlier = kind === 'operative' ? ['title', 'organ', 'preambular'] : ['title', 'organ'];
  let last = -1;
  names.forEach((n, i) => { if (earlier.includes(n)) last = i; });
  return last + 1;
}

function amendmentMap(doc: Y.Doc, id: string): Y.Map<unknown> | null {
  const m = doc.getMap<unknown>(NEGOTIATION_ROOT.amendments).get(id);
  return m instanceof Y.Map ? m : null;
}

const prevSibling = (doc: Y.Doc, index: number): string => {
  const k = index > 0 ? bodyOf(doc).get(index - 1) : null;
  const id = k instanceof Y.XmlElement ? (k.getAttribute('id') as unknown) : '';
  return typeof id === 'string' ? id : '';
};

/**
 * Carry out a plan from {@link planAcceptance}, in one transaction. Refuses (changing nothing) if the
 * plan failed, the amendment is no longer proposed, or the paragraph changed since the plan was made.
 */
export function applyAcceptance(doc: Y.Doc, plan: Plan, opts: AcceptOptions): ApplyResult {
  if (!plan.ok) return { ok: false, error: plan.error };
  const a = readAmendment(doc, plan.amendmentId);
  const m = amendmentMap(doc, plan.amendmentId);
  if (!a || !m) return { ok: false, error: 'no-amendment' };
  if (a.status !== 'proposed') return { ok: false, error: 'not-proposed' };
  const at = (opts.now ?? (() => new Date().toISOString()))();
  const undo: UndoRecord = {
    amendmentId: a.id, kind: a.kind, prevStatus: String(m.get('status') ?? 'proposed'), prevUpdatedAt: a.updatedAt,
    paragraphId: plan.paragraphId, before: [], prevSiblingId: '', sponsors: [],
  };
  if (a.kind === 'wording' || a.kind === 'delete' || a.kind === 'move') {
    const current = paragraphText(doc, a.target);
    if (!current) return { ok: false, error: 'target-missing' };
    if (current.text !== plan.currentText) return { ok: false, error: 'stale-plan' };
  }
  if ((a.kind === 'insert' || a.kind === 'move') && a.after !== '' && indexOfBlock(doc, a.after) < 0) return { ok: false, error: 'after-missing' };
  if (a.kind === 'move' && a.after === a.target) return { ok: false, error: 'after-missing' };
  doc.transact(() => {
    const body = bodyOf(doc);
    if (a.kind === 'wording') {
      const el = blockElement(doc, a.target) as Y.XmlElement;
      undo.before = [snapshotElement(el)];
      rewriteBlockText(el, plan.mergedText);
    } else if (a.kind === 'insert') {
      const kind = a.paragraphKind;
      const attributes: Record<string, unknown> = { id: plan.paragraphId, level: a.level };
      if (kind === 'operative') attributes.labelStyle = 'un';
      insertSnapshot(doc, insertionIndex(doc, a.after, kind, a.level), { nodeName: kind, attributes, content: [{ text: a.text }] });
      const sponsors: Array<[string, ParagraphSponsorEntry['role']]> = [
        [a.author, 'proposer'], ...a.cosigners.filter((c) => c !== a.author).map((c): [string, 'co'] => [c, 'co']),
      ];
      for (const [delegation, role] of sponsors) {
        if (!delegation) continue;
        const key = paragraphSponsorKey(plan.paragraphId, delegation);
        undo.sponsors.push({ key, prev: readSponsorEntry(doc, key) });
        joinParagraph(doc, plan.paragraphId, delegation, role, { now: () => at });
      }
    } else {
      const index = indexOfBlock(doc, a.target);
      const span = blockSpan(doc, index);
      undo.prevSiblingId = prevSibling(doc, index);
      undo.before = body.slice(index, index + span).map((k) => snapshotElement(k as Y.XmlElement));
      body.delete(index, span);
      if (a.kind === 'move') {
        const el = undo.before[0];
        const to = insertionIndex(doc, a.after, el.nodeName, typeof el.attributes.level === 'number' ? el.attributes.level : 0);
        undo.before.forEach((snap, k) => insertSnapshot(doc, to + k, snap));
      }
    }
    m.set('status', 'accepted');
    m.set('updatedAt', at);
  });
  return { ok: true, undo, history: { ...plan.history, acceptedBy: opts.chair, at } };
}

function readSponsorEntry(doc: Y.Doc, key: string): ParagraphSponsorEntry | null {
  const v = doc.getMap<unknown>(NEGOTIATION_ROOT.paragraphSponsors).get(key);
  return typeof v === 'object' && v !== null ? { ...(v as ParagraphSponsorEntry) } : null;
}

/**
 * Take an acceptance back with new operations: the paragraph's text (minimal edits when no footnote
 * moved, else its content rebuilt), its existence and position, the sponsors touched and the amendment's
 * status. Returns false if the amendment is gone.
 */
export function undoAcceptance(doc: Y.Doc, record: UndoRecord): boolean {
  const m = amendmentMap(doc, record.amendmentId);
  if (!m) return false;
  doc.transact(() => {
    const body = bodyOf(doc);
    if (record.kind === 'wording') {
      const el = blockElement(doc, record.paragraphId);
      const snap = record.before[0];
      if (el && snap) {
        const sameAtoms = JSON.stringify(snapshotElement(el).content.filter((c) => 'atom' in c))
          === JSON.stringify(snap.content.filter((c) => 'atom' in c));
        const prevText = snap.content.map((c) => ('text' in c ? c.text : '')).join('');
        const atomsAt = (s: ElementSnapshot): number[] => {
          let off = 0;
          return s.content.flatMap((c) => ('text' in c ? ((off += c.text.length), []) : [off]));
        };
        rewriteBlockText(el, prevText);
        // Footnotes that the acceptance moved cannot be put back by text edits alone.
        if (!sameAtoms || JSON.stringify(atomsAt(snapshotElement(el))) !== JSON.stringify(atomsAt(snap))) fillElement(el, snap.content);
      }
    } else if (record.kind === 'insert') {
      const i = indexOfBlock(doc, record.paragraphId);
      if (i >= 0) body.delete(i, 1);
    } else {
      if (record.kind === 'move') {
        for (const snap of record.before) {
          const i = indexOfBlock(doc, String(snap.attributes.id ?? ''));
          if (i >= 0) body.delete(i, 1);
        }
      }
      const prev = record.prevSiblingId === '' ? -1 : indexOfBlock(doc, record.prevSiblingId);
      const to = record.prevSiblingId === '' ? 0 : prev >= 0 ? prev + 1 : body.length;
      record.before.forEach((snap, k) => insertSnapshot(doc, to + k, snap));
    }
    const sponsors = doc.getMap<unknown>(NEGOTIATION_ROOT.paragraphSponsors);
    for (const s of record.sponsors) {
      if (s.prev) sponsors.set(s.key, s.prev);
      else sponsors.delete(s.key);
    }
    m.set('status', record.prevStatus);
    m.set('updatedAt', record.prevUpdatedAt);
  });
  return true;
}

/** A proposed amendment whose target moved on since it was drafted. */
export interface StaleAmendment {
  id: string;
  target: string;
  reason: 'text-changed' | 'target-missing';
}

/**
 * Proposed amendments that are out of date: their target's current text differs from their base, or the
 * target is gone. They are never applied automatically: the author rebases them or the chair closes them.
 */
export function staleAmendments(doc: Y.Doc): StaleAmendment[] {
  const texts = new Map(readBlocksFromYDoc(doc).filter((b) => b.id !== '').map((b) => [b.id, b.text] as const));
  const out: StaleAmendment[] = [];
  for (const a of readAmendments(doc)) {
    if (a.status !== 'proposed' || a.kind === 'insert') continue;
    const current = texts.get(a.target);
    if (current === undefined) out.push({ id: a.id, target: a.target, reason: 'target-missing' });
    else if (isStale(a, current)) out.push({ id: a.id, target: a.target, reason: 'text-changed' });
  }
  return out;
}

export type RebaseResult =
  | { ok: true; text: string; baseText: string }
  | { ok: false; error: 'no-amendment' | 'not-proposed' | 'target-missing' | 'not-wording' }
  | { ok: false; error: 'conflict'; conflicts: Conflict[] };

/**
 * The author carries their wording over to the paragraph's current text (three-way merge) and moves the
 * base to it. On conflict nothing changes: the author edits by hand.
 */
export function rebaseAmendment(doc: Y.Doc, id: string, opts: ActionOptions = {}): RebaseResult {
  const a = readAmendment(doc, id);
  const m = amendmentMap(doc, id);
  if (!a || !m) return { ok: false, error: 'no-amendment' };
  if (a.status !== 'proposed') return { ok: false, error: 'not-proposed' };
  if (a.kind !== 'wording' && a.kind !== 'delete' && a.kind !== 'move') return { ok: false, error: 'not-wording' };
  const current = paragraphText(doc, a.target);
  if (!current) return { ok: false, error: 'target-missing' };
  if (a.kind !== 'wording') {
    m.set('baseText', current.text);
    return { ok: true, text: a.text, baseText: current.text };
  }
  const merged = mergeText(a.baseText, current.text, a.text);
  if (!merged.ok) return { ok: false, error: 'conflict', conflicts: merged.conflicts };
  doc.transact(() => {
    editAmendmentText(doc, id, merged.text, opts);
    m.set('baseText', current.text);
  });
  return { ok: true, text: merged.text, baseText: current.text };
}

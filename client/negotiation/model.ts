/**
 * Pure presentation logic of the negotiation layer (no DOM, no React, no Yjs writes): paragraph
 * references for amendments ("OP5", "OP5 bis"), grouping of amendments by paragraph in document
 * order, view filtering (clean / all / one delegation), delegation colours, and the tracked-change
 * specs the inline decorations are built from. Tested in node.
 */
import { numberBlocks } from '../../shared/resolution/numbering.ts';
import type { AmendmentStatus } from '../../shared/negotiation/layout.ts';
import type { Amendment } from '../../shared/negotiation/read.ts';
import { diffWords, locateOps, type DiffOp } from '../../shared/diff/word-diff.ts';

/** An amendment as the client shows it (readAmendments): plain fields, current proposed text, sorted co-signers. */
export type AmendmentView = Amendment;

/** What the negotiation UI needs of one body block. */
export interface ParagraphInfo {
  id: string;
  type: string;
  /** "PP3", "OP5 (a)", '' for title/organ/closing. */
  ref: string;
  kind: 'preambular' | 'operative' | null;
  depth: number;
  text: string;
  /** Index in the body. */
  index: number;
}

/** Body blocks (as from readBlocksFromYDoc or a ProseMirror doc) → paragraph info with derived refs. */
export function describeParagraphs(blocks: ReadonlyArray<{ type: string; id: string; level?: unknown; labelStyle?: unknown; text: string }>): ParagraphInfo[] {
  const numbers = numberBlocks(blocks);
  return blocks.map((b, index) => ({
    id: b.id, type: b.type, ref: numbers[index].ref, kind: numbers[index].kind, depth: numbers[index].depth, text: b.text, index,
  }));
}

/** What the inline overlay and the panel show. `{delegation}`: that delegation's proposals only. */
export type NegotiationView = 'clean' | 'all' | { delegation: string };

export function sameView(a: NegotiationView, b: NegotiationView): boolean {
  return typeof a === 'string' || typeof b === 'string' ? a === b : a.delegation === b.delegation;
}

/** Proposed amendments shown inline under a view ('clean' shows none). */
export function inlineAmendments(list: readonly AmendmentView[], view: NegotiationView): AmendmentView[] {
  if (view === 'clean') return [];
  return list.filter((a) => a.status === 'proposed' && (view === 'all' || a.author === view.delegation));
}

/** Amendments listed in the panel under a view: every status unless `openOnly`; a delegation view keeps its own. */
export function panelAmendments(list: readonly AmendmentView[], view: NegotiationView, openOnly: boolean): AmendmentView[] {
  return list.filter((a) => (!openOnly || a.status === 'proposed') && (typeof view === 'string' || a.author === view.delegation));
}

const ORDINALS = ['bis', 'ter', 'quater', 'quinquies', 'sexies', 'septies', 'octies', 'novies', 'decies'];

/** Latin suffix of the n-th (1-based) paragraph inserted after the same one: bis, ter, … decies, then "new 10", "new 11". */
export function insertSuffix(n: number): string {
  return ORDINALS[n - 1] ?? `new ${n}`;
}

const byCreation = (x: AmendmentView, y: AmendmentView): number =>
  x.createdAt < y.createdAt ? -1 : x.createdAt > y.createdAt ? 1 : x.id < y.id ? -1 : x.id > y.id ? 1 : 0;

/**
 * The reference of every amendment: the target's ref for wording/delete/move, and for a new paragraph the
 * anchor's ref + "bis"/"ter"… in order of creation among inserts after that anchor ("OP5 bis"). An insert
 * of another kind than its anchor reads "new OP after PP3"; at the start of its section, "new PP (start)";
 * a vanished target or anchor reads "(paragraph removed)".
 */
export function amendmentRefs(paragraphs: readonly ParagraphInfo[], list: readonly AmendmentView[]): Map<string, string> {
  const byId = new Map(paragraphs.filter((p) => p.id).map((p) => [p.id, p] as const));
  const refs = new Map<string, string>();
  const insertsAfter = new Map<string, AmendmentView[]>();
  for (const a of [...list].sort(byCreation)) {
    if (a.kind !== 'insert') {
      refs.set(a.id, byId.get(a.target)?.ref || '(paragraph removed)');
      continue;
    }
    const key = `${a.after}|${a.paragraphKind}`;
    const group = insertsAfter.get(key) ?? [];
    group.push(a);
    insertsAfter.set(key, group);
  }
  for (const group of insertsAfter.values()) {
    group.forEach((a, i) => {
      const short = a.paragraphKind === 'operative' ? 'OP' : 'PP';
      const anchor = byId.get(a.after);
      let ref: string;
      if (a.after === '') ref = `new ${short} (start)${i > 0 ? ` ${i + 1}` : ''}`;
      else if (!anchor) ref = '(paragraph removed)';
      else if (anchor.kind === a.paragraphKind) ref = `${anchor.ref} ${insertSuffix(i + 1)}`;
      else ref = `new ${short} after ${anchor.ref || 'heading'}${i > 0 ? ` ${i + 1}` : ''}`;
      refs.set(a.id, ref);
    });
  }
  return refs;
}

/** One heading of the panel: a paragraph (or a proposed new paragraph) and its amendments. */
export interface AmendmentGroup {
  /** Stable key: the paragraph id, or `new:<amendment id>` for a proposed new paragraph. */
  key: string;
  /** "OP5", "OP5 bis". */
  ref: string;
  /** Paragraph id the group is about ('' for a new paragraph). */
  paragraphId: string;
  /** Current text of the paragraph ('' for a new paragraph). */
  text: string;
  amendments: AmendmentView[];
}

/**
 * Amendments grouped by paragraph in document order; each proposed new paragraph is its own group right
 * after its anchor (several after one anchor in creation order); amendments whose paragraph is gone come last.
 * `all` (default `list`) is the full list the "OP5 bis" labels are numbered over.
 */
export function groupAmendments(
  paragraphs: readonly ParagraphInfo[], list: readonly AmendmentView[], all: readonly AmendmentView[] = list,
): AmendmentGroup[] {
  // "bis"/"ter" are numbered over every amendment, so a filtered list keeps the same labels.
  const refs = amendmentRefs(paragraphs, all);
  const sorted = [...list].sort(byCreation);
  const known = new Set(paragraphs.map((p) => p.id).filter(Boolean));
  const groups: AmendmentGroup[] = [];
  const newGroup = (a: AmendmentView): AmendmentGroup => ({ key: `new:${a.id}`, ref: refs.get(a.id) ?? '', paragraphId: '', text: '', amendments: [a] });
  const starts = sorted.filter((a) => a.kind === 'insert' && a.after === '');
  for (const a of starts.filter((s) => s.paragraphKind === 'preambular')) groups.push(newGroup(a));
  let operativeStartDone = false;
  for (const p of paragraphs) {
    if (!p.id) continue;
    if (p.kind === 'operative' && !operativeStartDone) {
      operativeStartDone = true;
      for (const a of starts.filter((s) => s.paragraphKind === 'operative')) groups.push(newGroup(a));
    }
    const own = sorted.filter((a) => a.kind !== 'insert' && a.target === p.id);
    if (own.length > 0) groups.push({ key: p.id, ref: p.ref, paragraphId: p.id, text: p.text, amendments: own });
    for (const a of sorted.filter((s) => s.kind === 'insert' && s.after === p.id)) groups.push(newGroup(a));
  }
  if (!operativeStartDone) for (const a of starts.filter((s) => s.paragraphKind === 'operative')) groups.push(newGroup(a));
  const orphans = sorted.filter((a) => (a.kind === 'insert' ? a.after !== '' && !known.has(a.after) : !known.has(a.target)));
  if (orphans.length > 0) groups.push({ key: 'orphans', ref: '(paragraph removed)', paragraphId: '', text: '', amendments: orphans });
  return groups;
}

/** Human label of a status. */
export const STATUS_LABEL: Readonly<Record<AmendmentStatus, string>> = {
  proposed: 'Proposed', withdrawn: 'Withdrawn', accepted: 'Accepted', rejected: 'Rejected',
};

/**
 * One piece of the inline overlay, in paragraph-text coordinates. The ProseMirror plugin maps them to
 * document positions; `from`/`to` are character offsets in the paragraph's text (footnote markers excluded).
 */
export type TrackedSpec =
  | { type: 'deletion'; paragraphId: string; from: number; to: number; amendmentId: string; delegation: string }
  | { type: 'insertion'; paragraphId: string; at: number; text: string; amendmentId: string; delegation: string }
  | { type: 'new-paragraph'; afterId: string; kind: 'preambular' | 'operative'; ref: string; text: string; amendmentId: string; delegation: string }
  | { type: 'delete-paragraph'; paragraphId: string; amendmentId: string; delegation: string }
  | { type: 'move'; paragraphId: string; label: string; amendmentId: string; delegation: string };

const diffMemo = new Map<string, DiffOp[]>();

/** Diffs are recomputed on every keystroke in the body: unchanged (paragraph, proposal) pairs come from a memo. */
function memoDiff(a: string, b: string): DiffOp[] {
  const key = `${a.length}:${a}\u0000${b}`;
  const hit = diffMemo.get(key);
  if (hit) return hit;
  const ops = diffWords(a, b);
  if (diffMemo.size > 500) diffMemo.clear();
  diffMemo.set(key, ops);
  return ops;
}

/** The inline tracked changes of the amendments visible under `view`. */
export function trackedSpecs(paragraphs: readonly ParagraphInfo[], list: readonly AmendmentView[], view: NegotiationView): TrackedSpec[] {
  const shown = inlineAmendments(list, view);
  if (shown.length === 0) return [];
  const refs = amendmentRefs(paragraphs, list);
  const byId = new Map(paragraphs.filter((p) => p.id).map((p) => [p.id, p] as const));
  const out: TrackedSpec[] = [];
  for (const a of [...shown].sort(byCreation)) {
    const base = { amendmentId: a.id, delegation: a.author };
    if (a.kind === 'insert') {
      if (a.after === '' || byId.has(a.after)) out.push({ type: 'new-paragraph', afterId: a.after, kind: a.paragraphKind, ref: refs.get(a.id) ?? '', text: a.text, ...base });
      continue;
    }
    const target = byId.get(a.target);
    if (!target) continue;
    if (a.kind === 'delete') out.push({ type: 'delete-paragraph', paragraphId: target.id, ...base });
    else if (a.kind === 'move') {
      const anchor = a.after === '' ? 'the start' : byId.get(a.after)?.ref || '(removed paragraph)';
      out.push({ type: 'move', paragraphId: target.id, label: `move after ${anchor}`, ...base });
    } else {
      for (const o of locateOps(memoDiff(target.text, a.text))) {
        if (o.op === 'delete') out.push({ type: 'deletion', paragraphId: target.id, from: o.from, to: o.to, ...base });
        else if (o.op === 'insert') out.push({ type: 'insertion', paragraphId: target.id, at: o.from, text: o.text, ...base });
      }
    }
  }
  return out;
}

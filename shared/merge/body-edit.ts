/**
 * Edits on the Y body at the level the merge needs: find a block element by id, rewrite a block's text
 * in place (word-diff hunks as Y.XmlText deletes/inserts, so concurrent edits elsewhere in the paragraph
 * survive and footnote atoms are never deleted), snapshot and rebuild elements for undo.
 */
import * as Y from 'yjs';
import { ROOT } from '../resolution/ydoc.ts';
import { changeHunks, type Hunk } from './three-way.ts';

export const bodyOf = (doc: Y.Doc): Y.XmlFragment => doc.getXmlFragment(ROOT.body);

/** Index of the top-level block element with this id, or -1. */
export function indexOfBlock(doc: Y.Doc, id: string): number {
  if (!id) return -1;
  const kids = bodyOf(doc).toArray();
  return kids.findIndex((k) => k instanceof Y.XmlElement && k.nodeName !== 'footnote' && k.getAttribute('id') === id);
}

export function blockElement(doc: Y.Doc, id: string): Y.XmlElement | null {
  const i = indexOfBlock(doc, id);
  const el = i >= 0 ? bodyOf(doc).get(i) : null;
  return el instanceof Y.XmlElement ? el : null;
}

interface Seg { node: Y.XmlText | Y.XmlElement; start: number; len: number; atom: boolean }

function textOf(t: Y.XmlText): string {
  let out = '';
  for (const op of t.toDelta() as { insert?: unknown }[]) if (typeof op.insert === 'string') out += op.insert;
  return out;
}

/** Children of a block with their plain-text offsets (atoms have length 0). */
function segments(el: Y.XmlElement): Seg[] {
  const segs: Seg[] = [];
  let at = 0;
  for (const node of el.toArray()) {
    if (node instanceof Y.XmlText) {
      const len = textOf(node).length;
      segs.push({ node, start: at, len, atom: false });
      at += len;
    } else if (node instanceof Y.XmlElement) segs.push({ node, start: at, len: 0, atom: true });
  }
  return segs;
}

/** Plain text of a block element (footnote atoms left out), as readBlocksFromYDoc reads it. */
export function blockPlainText(el: Y.XmlElement): string {
  return segments(el).map((s) => (s.atom ? '' : textOf(s.node as Y.XmlText))).join('');
}

/** A footnote that sat inside a replaced span and now follows the replacement. */
export interface MovedFootnote {
  id: string;
  /** Offset in the old text. */
  from: number;
  /** Offset in the new text. */
  to: number;
}

/**
 * Footnotes strictly inside a replaced span, and where they end up: right after the replacement text.
 * `footnotes` are (id, offset) in the old text; hunks in old-text coordinates.
 */
export function movedFootnotes(footnotes: readonly { id: string; offset: number }[], hunks: readonly Hunk[]): MovedFootnote[] {
  const out: MovedFootnote[] = [];
  let shift = 0;
  for (const h of hunks) {
    for (const f of footnotes) if (f.offset > h.from && f.offset < h.to) out.push({ id: f.id, from: f.offset, to: h.from + shift + h.text.length });
    shift += h.text.length - (h.to - h.from);
  }
  return out;
}

/** Apply one hunk to a block. Atoms at `from` stay before the new text; atoms inside the span follow it. */
function applyHunk(el: Y.XmlElement, h: Hunk): void {
  const before = segments(el);
  const anchor = [...before].reverse().find((s) => s.atom && s.start <= h.from)?.node ?? null;
  for (const s of [...before].reverse()) {
    if (s.atom) continue;
    const a = Math.max(s.start, h.from);
    const b = Math.min(s.start + s.len, h.to);
    if (a < b) (s.node as Y.XmlText).delete(a - s.start, b - a);
  }
  if (h.text === '') return;
  let passed = anchor === null;
  let index = 0;
  for (const s of segments(el)) {
    if (s.atom) {
      if (s.node === anchor) passed = true;
      else if (passed) break; // an atom that was inside the span: the text goes before it
    } else if (passed && s.start <= h.from && h.from <= s.start + s.len) {
      (s.node as Y.XmlText).insert(h.from - s.start, h.text);
      return;
    }
    index++;
  }
  const t = new Y.XmlText();
  el.insert(index, [t]);
  t.insert(0, h.text);
}

/** Rewrite a block's text to `next` with minimal edits. Call inside a transaction. */
export function rewriteBlockText(el: Y.XmlElement, next: string): void {
  const hunks = changeHunks(blockPlainText(el), next);
  // Back to front, so the offsets of earlier hunks stay valid.
  for (const h of [...hunks].reverse()) applyHunk(el, h);
}

/** A block element as plain data (for undo). */
export interface ElementSnapshot {
  nodeName: string;
  attributes: Record<string, unknown>;
  /** Children in order: text runs and footnote atoms with their attributes. */
  content: Array<{ text: string } | { atom: string; attributes: Record<string, unknown> }>;
}

export function snapshotElement(el: Y.XmlElement): ElementSnapshot {
  return {
    nodeName: el.nodeName,
    attributes: { ...(el.getAttributes() as Record<string, unknown>) },
    content: el.toArray().flatMap((n): ElementSnapshot['content'] => {
      if (n instanceof Y.XmlText) return [{ text: textOf(n) }];
      if (n instanceof Y.XmlElement) return [{ atom: n.nodeName, attributes: { ...(n.getAttributes() as Record<string, unknown>) } }];
      return [];
    }),
  };
}

function setAttrs(el: Y.XmlElement, attributes: Record<string, unknown>): void {
  // y-tiptap stores node attrs with their JSON types (level is a number); Y's typing says string only.
  const target = el as unknown as { setAttribute: (key: string, value: unknown) => void };
  for (const [k, v] of Object.entries(attributes)) if (v !== undefined) target.setAttribute(k, v);
}

/** Fill an (integrated) element's children from a snapshot's content. */
export function fillElement(el: Y.XmlElement, content: ElementSnapshot['content']): void {
  if (el.length > 0) el.delete(0, el.length);
  content.forEach((c, i) => {
    if ('text' in c) {
      const t = new Y.XmlText();
      el.insert(i, [t]);
      if (c.text) t.insert(0, c.text);
    } else {
      const a = new Y.XmlElement(c.atom);
      el.insert(i, [a]);
      setAttrs(a, c.attributes);
    }
  });
}

/** Insert a new element built from a snapshot at `index` of the body. Call inside a transaction. */
export function insertSnapshot(doc: Y.Doc, index: number, snap: ElementSnapshot): Y.XmlElement {
  const el = new Y.XmlElement(snap.nodeName);
  bodyOf(doc).insert(index, [el]);
  setAttrs(el, snap.attributes);
  fillElement(el, snap.content);
  return el;
}

/** Level attribute of a block (0 if absent or odd). */
export function levelOf(el: Y.XmlElement): number {
  const v = el.getAttribute('level') as unknown;
  return typeof v === 'number' && Number.isFinite(v) ? v : 0;
}

/** The block and its sub-paragraphs: following blocks of the same type with a deeper level. */
export function blockSpan(doc: Y.Doc, index: number): number {
  const kids = bodyOf(doc).toArray();
  const head = kids[index];
  if (!(head instanceof Y.XmlElement)) return 1;
  let n = 1;
  while (index + n < kids.length) {
    const k = kids[index + n];
    if (!(k instanceof Y.XmlElement) || k.nodeName !== head.nodeName || levelOf(k) <= levelOf(head)) break;
    n++;
  }
  return n;
}

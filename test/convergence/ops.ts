/**
 * Random model operations applied directly on the Y types in the tiptap encoding (what the
 * Collaboration binding would write): blocks are Y.XmlElements named after the node type with
 * attributes id/level/labelStyle, text in Y.XmlText, footnote markers as Y.XmlElement('footnote').
 */
import * as Y from 'yjs';
import { MASTHEAD_FIELDS } from '../../shared/resolution/types.ts';
import type { Rng } from './network.ts';

const KINDS = ['preambular', 'operative'] as const;
const WORDS = ['Recalling', 'Decides', 'also', 'the', 'report', 'States', 'Calls upon', 'é', '—', ' ', ',', 'ﬁ', '😀'];

export type OpName =
  | 'insertParagraph' | 'typeText' | 'deleteText' | 'split' | 'join' | 'move' | 'changeLevel' | 'changeKind'
  | 'insertFootnote' | 'setMeta' | 'sponsor';

export const OP_NAMES: readonly OpName[] = [
  'insertParagraph', 'typeText', 'typeText', 'typeText', 'deleteText', 'split', 'join', 'move', 'changeLevel', 'changeKind',
  'insertFootnote', 'setMeta', 'sponsor',
];

/** Blocks of the body (top-level XmlElements). */
function blocks(doc: Y.Doc): Y.XmlElement[] {
  return doc.getXmlFragment('body').toArray().filter((c): c is Y.XmlElement => c instanceof Y.XmlElement);
}

function textOf(t: Y.XmlText): string {
  return (t.toDelta() as { insert?: unknown }[]).map((d) => (typeof d.insert === 'string' ? d.insert : '')).join('');
}

/** Deep copy of a block child (Y types cannot be moved, only re-created). */
function cloneChild(c: Y.XmlElement | Y.XmlText | Y.XmlHook): Y.XmlElement | Y.XmlText {
  if (c instanceof Y.XmlText) return new Y.XmlText(textOf(c));
  const el = c as Y.XmlElement;
  const copy = new Y.XmlElement(el.nodeName);
  for (const [k, v] of Object.entries(el.getAttributes())) copy.setAttribute(k, v as string);
  copy.insert(0, el.toArray().map(cloneChild));
  return copy;
}

/** Copy of a block, optionally renamed or with other children; reads only the (integrated) source. */
function cloneBlock(el: Y.XmlElement, nodeName = el.nodeName, children = el.toArray().map(cloneChild)): Y.XmlElement {
  const attrs = el.getAttributes() as Record<string, unknown>;
  const copy = new Y.XmlElement(nodeName);
  for (const [k, v] of Object.entries(attrs)) if (k !== 'labelStyle' || nodeName === 'operative') copy.setAttribute(k, v as string);
  if (nodeName === 'operative' && attrs.labelStyle === undefined) copy.setAttribute('labelStyle', 'un');
  if ((nodeName === 'operative' || nodeName === 'preambular') && attrs.level === undefined) copy.setAttribute('level', 0 as unknown as string);
  copy.insert(0, children);
  return copy;
}

/**
 * Snap a UTF-16 offset out of the middle of a surrogate pair. Editors never put the cursor there; if a
 * client did (e.g. JS slicing), Yjs would keep the lone surrogate in its own memory but send U+FFFD to
 * peers, so in-memory texts would differ although the encoded states agree (seen with seed 1 before this rule).
 */
function snapOffset(text: string, at: number): number {
  const code = text.charCodeAt(at);
  return at > 0 && at < text.length && code >= 0xdc00 && code <= 0xdfff ? at - 1 : at;
}

function randomText(rng: Rng): string {
  let s = '';
  for (let i = 0, n = 1 + rng.int(3); i < n; i++) s += rng.pick(WORDS);
  return s;
}

/** A new block element of a kind, as y-tiptap would create it. */
export function newBlock(kind: string, id: string, level: number, text: string): Y.XmlElement {
  const el = new Y.XmlElement(kind);
  el.setAttribute('id', id);
  if (kind === 'preambular' || kind === 'operative') el.setAttribute('level', level as unknown as string);
  if (kind === 'operative') el.setAttribute('labelStyle', 'un');
  if (text) el.insert(0, [new Y.XmlText(text)]);
  return el;
}

/** Texts of a block with their child index, so ops can pick a place to act. */
function texts(el: Y.XmlElement): { t: Y.XmlText; index: number }[] {
  return el.toArray().flatMap((c, index) => (c instanceof Y.XmlText ? [{ t: c, index }] : []));
}

/** Apply one random operation `name` to `doc` (in its own transaction). Returns false if it did not apply. */
export function applyOp(doc: Y.Doc, name: OpName, rng: Rng, makeId: () => string, options: { snapSurrogates?: boolean } = {}): boolean {
  const safeOffset = options.snapSurrogates === false ? (_t: string, at: number): number => at : snapOffset;
  const body = doc.getXmlFragment('body');
  const list = blocks(doc);
  const bi = list.length > 0 ? rng.int(list.length) : -1;
  const block = bi >= 0 ? list[bi] : null;
  let applied = true;
  doc.transact(() => {
    switch (name) {
      case 'insertParagraph': {
        body.insert(rng.int(body.length + 1), [newBlock(rng.pick(KINDS), makeId(), rng.int(2), randomText(rng))]);
        break;
      }
      case 'typeText': {
        if (!block) { applied = false; break; }
        const ts = texts(block);
        if (ts.length === 0) block.insert(block.length, [new Y.XmlText(randomText(rng))]);
        else {
          const { t } = rng.pick(ts);
          t.insert(safeOffset(textOf(t), rng.int(t.length + 1)), randomText(rng));
        }
        break;
      }
      case 'deleteText': {
        const ts = block ? texts(block).filter((x) => x.t.length > 0) : [];
        if (ts.length === 0) { applied = false; break; }
        const { t } = rng.pick(ts);
        const text = textOf(t);
        const at = safeOffset(text, rng.int(t.length));
        const end = safeOffset(text, at + 1 + rng.int(Math.min(5, t.length - at)));
        if (end > at) t.delete(at, end - at);
        else applied = false;
        break;
      }
      case 'split': {
        // ProseMirror's split: the new block copies the node's attributes (id included); the id rule fixes it later.
        const ts = block ? texts(block) : [];
        if (!block || ts.length === 0) { applied = false; break; }
        const { t, index } = rng.pick(ts);
        const at = safeOffset(textOf(t), rng.int(t.length + 1));
        const tail = textOf(t).slice(at);
        const rest = block.toArray().slice(index + 1).map(cloneChild);
        const copy = cloneBlock(block, block.nodeName, [...(tail ? [new Y.XmlText(tail)] : []), ...rest]);
        if (t.length > at) t.delete(at, t.length - at);
        if (block.length > index + 1) block.delete(index + 1, block.length - index - 1);
        body.insert(bi + 1, [copy]);
        break;
      }
      case 'join': {
        if (!block || bi + 1 >= list.length) { applied = false; break; }
        const next = list[bi + 1];
        block.insert(block.length, next.toArray().map(cloneChild));
        body.delete(bi + 1, 1);
        break;
      }
      case 'move': {
        if (!block || list.length < 2) { applied = false; break; }
        const copy = cloneBlock(block);
        body.delete(bi, 1);
        body.insert(rng.int(body.length + 1), [copy]);
        break;
      }
      case 'changeLevel': {
        if (!block || !(block.nodeName === 'preambular' || block.nodeName === 'operative')) { applied = false; break; }
        block.setAttribute('level', rng.int(4) as unknown as string);
        break;
      }
      case 'changeKind': {
        // A node type change is a new element in Yjs (y-prosemirror replaces the element too).
        if (!block) { applied = false; break; }
        const kind = block.nodeName === 'operative' ? 'preambular' : 'operative';
        const copy = cloneBlock(block, kind);
        body.delete(bi, 1);
        body.insert(bi, [copy]);
        break;
      }
      case 'insertFootnote': {
        const ts = block ? texts(block) : [];
        if (!block) { applied = false; break; }
        const fn = new Y.XmlElement('footnote');
        fn.setAttribute('id', makeId());
        fn.setAttribute('text', randomText(rng));
        if (ts.length === 0) { block.insert(block.length, [fn]); break; }
        // Inside a text: split the Y.XmlText around the marker, as the binding does.
        const { t, index } = rng.pick(ts);
        const at = safeOffset(textOf(t), rng.int(t.length + 1));
        const tail = textOf(t).slice(at);
        if (tail) t.delete(at, t.length - at);
        block.insert(index + 1, tail ? [fn, new Y.XmlText(tail)] : [fn]);
        break;
      }
      case 'setMeta': {
        const field = rng.chance(0.2) ? 'kind' : rng.pick(MASTHEAD_FIELDS);
        doc.getMap('meta').set(field, field === 'kind' ? rng.pick(['draft-resolution', 'resolution']) : randomText(rng));
        break;
      }
      case 'sponsor': {
        const sponsors = doc.getMap('sponsors');
        const name = rng.pick(['France', 'Chad', 'Peru', 'Japan', 'Kenya']);
        if (sponsors.has(name) && rng.chance(0.4)) sponsors.delete(name);
        else sponsors.set(name, { order: rng.int(10), kind: rng.pick(['main', 'co', 'additional']), at: '2026-01-01T00:00:00.000Z' });
        break;
      }
    }
  });
  return applied;
}

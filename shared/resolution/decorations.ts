/**
 * Derived presentation of the body, computed live from the text (nothing here is stored):
 * - node decorations on every block: `data-label` ("5.", "(a)", "1.1"), `data-ref` ("OP5 (a)"),
 *   `data-depth`, `data-punct` (expected final punctuation) — the client CSS renders labels via ::before;
 * - inline decoration `class="ph-opener"` over the italic opener / operative verb of top-level paragraphs;
 * - node decorations on footnote markers: `data-number`.
 * Works without a DOM (DecorationSet only), so it is testable with a bare EditorState.
 */
import { Extension } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { numberBlocks, punctuationHint, type BlockNumber, type NumberingBlock } from './numbering.ts';
import { openerRange } from './openers.ts';

/** What the decorations know about one top-level block. */
export interface BlockView {
  /** Position before the block node. */
  pos: number;
  node: PMNode;
  numbering: BlockNumber;
  /** Expected final punctuation (',', ';', ':', '.' or ''). */
  punct: string;
  /** Italic opener range as document positions [from, to), or null. */
  opener: [number, number] | null;
}

/** Spec attached to every decoration (tests and the client can inspect it). */
export type DecorationSpec =
  | { kind: 'block'; attrs: Record<string, string> }
  | { kind: 'opener' }
  | { kind: 'footnote'; id: string; number: number };

/** Memo of opener ranges per (type, text): typing in one paragraph does not re-scan the others. */
const openerMemo = new Map<string, [number, number] | null>();

function cachedOpener(kind: 'preambular' | 'operative', text: string): [number, number] | null {
  const key = `${kind}\u0000${text.slice(0, 160)}`;
  if (openerMemo.has(key)) return openerMemo.get(key) ?? null;
  const range = openerRange(kind, text.slice(0, 160));
  if (openerMemo.size > 5000) openerMemo.clear();
  openerMemo.set(key, range);
  return range;
}

/** Map a character offset in a block's text to a document position (footnote atoms take one position, no text). */
export function textOffsetToPos(block: PMNode, blockPos: number, offset: number): number {
  let chars = 0;
  let pos = blockPos + 1;
  for (let i = 0; i < block.childCount; i++) {
    const child = block.child(i);
    if (child.isText) {
      const len = child.text?.length ?? 0;
      if (chars + len >= offset) return pos + (offset - chars);
      chars += len;
    }
    pos += child.nodeSize;
  }
  return pos;
}

/** Plain text of a block without footnote markers. */
export function blockText(block: PMNode): string {
  let text = '';
  block.forEach((child) => { if (child.isText) text += child.text ?? ''; });
  return text;
}

/**
 * Numbering, punctuation and opener of every top-level block, in document order. With `only`, openers
 * are computed for those block indexes alone (the others get `opener: null`).
 */
export function describeBlocks(doc: PMNode, only?: ReadonlySet<number>): BlockView[] {
  const entries: { pos: number; node: PMNode }[] = [];
  const info: NumberingBlock[] = [];
  doc.forEach((node, offset) => {
    entries.push({ pos: offset, node });
    info.push({ type: node.type.name, level: node.attrs.level, labelStyle: node.attrs.labelStyle });
  });
  const numbers = numberBlocks(info);
  return entries.map(({ pos, node }, i) => {
    const numbering = numbers[i];
    let opener: [number, number] | null = null;
    if (numbering.kind !== null && numbering.depth === 0 && (!only || only.has(i))) {
      const range = cachedOpener(numbering.kind, blockText(node));
      if (range) opener = [textOffsetToPos(node, pos, range[0]), textOffsetToPos(node, pos, range[1])];
    }
    return { pos, node, numbering, punct: punctuationHint(info, numbers, i), opener };
  });
}

/** Decorations of one block; its footnote markers are numbered from `firstFootnote`. Returns them and the next number. */
function blockDecorations(view: BlockView, firstFootnote: number): { decorations: Decoration[]; nextFootnote: number } {
  const { pos, node, numbering } = view;
  const decorations: Decoration[] = [];
  const attrs: Record<string, string> = {};
  if (numbering.label) attrs['data-label'] = numbering.label;
  if (numbering.ref) attrs['data-ref'] = numbering.ref;
  if (numbering.kind !== null) attrs['data-depth'] = String(numbering.depth);
  if (view.punct) attrs['data-punct'] = view.punct;
  if (Object.keys(attrs).length > 0) {
    decorations.push(Decoration.node(pos, pos + node.nodeSize, attrs, { kind: 'block', attrs } satisfies DecorationSpec));
  }
  if (view.opener && view.opener[1] > view.opener[0]) {
    decorations.push(Decoration.inline(view.opener[0], view.opener[1], { class: 'ph-opener' }, { kind: 'opener' } satisfies DecorationSpec));
  }
  let number = firstFootnote;
  node.descendants((child, offset) => {
    if (child.type.name === 'footnote') {
      const at = pos + 1 + offset;
      const id = typeof child.attrs.id === 'string' ? child.attrs.id : '';
      decorations.push(Decoration.node(at, at + child.nodeSize, { 'data-number': String(number) },
        { kind: 'footnote', id, number } satisfies DecorationSpec));
      number += 1;
    }
    return true;
  });
  return { decorations, nextFootnote: number };
}

/** All decorations of a document. */
export function computeDecorations(doc: PMNode): DecorationSet {
  const decorations: Decoration[] = [];
  let footnote = 1;
  for (const view of describeBlocks(doc)) {
    const out = blockDecorations(view, footnote);
    decorations.push(...out.decorations);
    footnote = out.nextFootnote;
  }
  return DecorationSet.create(doc, decorations);
}

function countFootnotes(node: PMNode): number {
  let n = 0;
  node.descendants((child) => { if (child.type.name === 'footnote') n++; return true; });
  return n;
}

/** Blocks whose change cannot alter numbering elsewhere: same count, types, levels, label styles, footnote counts. */
function changedBlocksOnly(before: PMNode, after: PMNode): number[] | null {
  if (before.childCount !== after.childCount) return null;
  const changed: number[] = [];
  for (let i = 0; i < after.childCount; i++) {
    const a = before.child(i);
    const b = after.child(i);
    if (a === b) continue;
    if (a.type !== b.type || a.attrs.level !== b.attrs.level || a.attrs.labelStyle !== b.attrs.labelStyle) return null;
    if (countFootnotes(a) !== countFootnotes(b)) return null;
    changed.push(i);
  }
  return changed;
}

/**
 * Update decorations after a change. Typing inside paragraphs (the common case) leaves numbering
 * alone, so only the touched blocks are redecorated and the rest are mapped; anything structural
 * (blocks added/removed, kind/level changes, footnotes added/removed) recomputes everything.
 */
export function updateDecorations(old: DecorationSet, tr: Transaction, before: PMNode): DecorationSet {
  if (!tr.docChanged) return old;
  const after = tr.doc;
  const changed = changedBlocksOnly(before, after);
  if (changed === null || changed.length > 8) return computeDecorations(after);
  if (changed.length === 0) return old.map(tr.mapping, after);
  const views = describeBlocks(after, new Set(changed));
  let set = old.map(tr.mapping, after);
  for (const i of changed) {
    const view = views[i];
    const end = view.pos + view.node.nodeSize;
    const stale = set.find(view.pos, end).filter((d) => d.from >= view.pos && d.to <= end);
    // Footnote numbers of this block are unchanged (same count, nothing else moved): reuse the first.
    const numbers = stale.map((d) => d.spec as DecorationSpec).flatMap((spec) => (spec.kind === 'footnote' ? [spec.number] : []));
    const first = numbers.length > 0 ? Math.min(...numbers) : 1;
    set = set.remove(stale).add(after, blockDecorations(view, first).decorations);
  }
  return set;
}

export const decorationsPluginKey = new PluginKey<DecorationSet>('resolutionDecorations');

/**
 * The plugin. Numbers depend on every block before, so structural changes rebuild all decorations
 * (≤ ~200 blocks: cheap); text edits redecorate only the touched blocks; opener scans are memoised.
 */
export function decorationsPlugin(): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key: decorationsPluginKey,
    state: {
      init: (_config, state) => computeDecorations(state.doc),
      apply: (tr, old, oldState) => updateDecorations(old, tr, oldState.doc),
    },
    props: {
      decorations(state) {
        return decorationsPluginKey.getState(state) ?? DecorationSet.empty;
      },
    },
  });
}

/** tiptap extension wrapping {@link decorationsPlugin}. */
export const ResolutionDecorations = Extension.create({
  name: 'resolutionDecorations',
  addProseMirrorPlugins() {
    return [decorationsPlugin()];
  },
});

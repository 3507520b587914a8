/**
 * Keeps block and footnote ids present and unique. Splits, pastes and concurrent moves
 * (delete + re-insert a copy on two clients) can leave two nodes with the same id; the FIRST
 * in document order keeps it and later ones get fresh ids. Missing ids are filled in.
 *
 * Every client runs the same rule on the same document, so they agree on which node keeps the
 * id; if two clients both reassign a later duplicate, the Y attribute write is last-writer-wins
 * and still yields a unique id.
 */
import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state';
import type { Node as PMNode } from '@tiptap/pm/model';
import { newId } from './ids.ts';

/** One id fix: the node at `index` (in the list given to {@link findIdFixes}) gets `id`. */
export interface IdFix {
  index: number;
  id: string;
}

/**
 * Which entries need a new id: those without one (null, undefined, '') and every repeat of an
 * id already seen earlier in the list. Fresh ids never collide with existing or other fresh ids.
 */
export function findIdFixes(items: readonly { id?: unknown }[], makeId: (index: number) => string = () => newId()): IdFix[] {
  const taken = new Set<string>();
  for (const item of items) if (typeof item.id === 'string' && item.id !== '') taken.add(item.id);
  const seen = new Set<string>();
  const fixes: IdFix[] = [];
  items.forEach((item, index) => {
    const id = typeof item.id === 'string' ? item.id : '';
    if (id !== '' && !seen.has(id)) {
      seen.add(id);
      return;
    }
    let fresh = makeId(index);
    while (taken.has(fresh)) fresh = makeId(index);
    taken.add(fresh);
    seen.add(fresh);
    fixes.push({ index, id: fresh });
  });
  return fixes;
}

/** Node types whose `id` attribute the plugin maintains. */
export const ID_NODE_TYPES: ReadonlySet<string> = new Set(['title', 'organ', 'preambular', 'operative', 'closing', 'footnote']);

/** Positions and ids of every id-carrying node, in document order. */
export function collectIdNodes(doc: PMNode): { pos: number; id: unknown; node: PMNode }[] {
  const out: { pos: number; id: unknown; node: PMNode }[] = [];
  doc.descendants((node, pos) => {
    if (ID_NODE_TYPES.has(node.type.name)) out.push({ pos, id: node.attrs.id, node });
    return !node.isLeaf;
  });
  return out;
}

/** Id prefix per node type: footnotes "f", blocks "p" (see ids.ts). */
export function idPrefix(typeName: string): string {
  return typeName === 'footnote' ? 'f' : 'p';
}

/** A transaction fixing missing/duplicate ids in `state`, or null when all ids are fine. */
export function idFixTransaction(state: EditorState, makeId: (prefix: string) => string = newId): Transaction | null {
  const nodes = collectIdNodes(state.doc);
  const fixes = findIdFixes(nodes, (index) => makeId(idPrefix(nodes[index].node.type.name)));
  if (fixes.length === 0) return null;
  const tr = state.tr;
  // Attribute changes do not move positions, so the collected positions stay valid.
  for (const fix of fixes) tr.setNodeAttribute(nodes[fix.index].pos, 'id', fix.id);
  tr.setMeta('addToHistory', false);
  tr.setMeta(idsPluginKey, true);
  return tr;
}

export const idsPluginKey = new PluginKey('resolutionIds');

/** Options of the ids plugin. */
export interface IdsPluginOptions {
  /** Id generator, given the prefix ("p" blocks, "f" footnotes); tests pass a deterministic one. */
  newId?: (prefix: string) => string;
}

/** The ProseMirror plugin: after any document change, fix missing and duplicate ids. */
export function idsPlugin(options: IdsPluginOptions = {}): Plugin {
  const makeId = options.newId ?? newId;
  return new Plugin({
    key: idsPluginKey,
    appendTransaction(transactions, _old, state) {
      if (!transactions.some((tr) => tr.docChanged)) return null;
      return idFixTransaction(state, makeId);
    },
  });
}

/** tiptap extension wrapping {@link idsPlugin}. */
export const ResolutionIds = Extension.create<IdsPluginOptions>({
  name: 'resolutionIds',
  addOptions: () => ({}),
  addProseMirrorPlugins() {
    return [idsPlugin(this.options)];
  },
});

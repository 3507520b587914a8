/**
 * Paragraph statuses in the editor: bracketed paragraphs show their text in [square brackets],
 * agreed (and agreed ad ref) ones carry a lock marker and refuse local edits. The lock is a
 * `filterTransaction` over the statuses (shaped by rules.isLocked): a local transaction whose steps
 * touch a locked paragraph never applies. Remote changes (y-sync) always pass: the server is the
 * judge of those, and refusing them would split this replica from everyone else's.
 */
import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import type { Node as PMNode } from '@tiptap/pm/model';
import type { ParagraphStatus } from '../../shared/negotiation/layout.ts';
import { isLocked } from '../../shared/permissions/rules.ts';
import type { ExternalStore } from '../collab/stores.ts';

export type Statuses = ReadonlyMap<string, ParagraphStatus>;

interface PluginState {
  statuses: Statuses;
  decorations: DecorationSet;
}

export const paragraphStateKey = new PluginKey<PluginState>('phParagraphState');

/** y-sync's plugin key string (@tiptap/y-tiptap): its transactions carry Yjs changes into the editor. */
const Y_SYNC_META = 'y-sync$';

const idOf = (node: PMNode): string => (typeof node.attrs.id === 'string' ? node.attrs.id : '');

/** Ids of the top-level blocks a range of `doc` touches (an insertion touches the block it lands inside). */
function blocksInRange(doc: PMNode, from: number, to: number, out: Set<string>): void {
  doc.forEach((node, pos) => {
    const end = pos + node.nodeSize;
    const touches = from === to ? pos < from && from < end : from < end && to > pos;
    if (touches) {
      const id = idOf(node);
      if (id) out.add(id);
    }
  });
}

/** Ids of the top-level blocks the steps of a transaction change (text, attributes, splits, deletions). */
export function touchedBlockIds(tr: Transaction): Set<string> {
  const out = new Set<string>();
  tr.steps.forEach((step, i) => {
    const before = tr.docs[i];
    // AttrStep and friends change a node in place and map no range: they name their position instead.
    const pos = (step as unknown as { pos?: unknown }).pos;
    if (typeof pos === 'number') {
      blocksInRange(before, pos, pos + 1, out);
      return;
    }
    step.getMap().forEach((oldStart, oldEnd) => blocksInRange(before, oldStart, oldEnd, out));
  });
  return out;
}

/** Whether the lock refuses a transaction: a local document change touching a locked paragraph. */
export function refusesTransaction(tr: Transaction, statuses: Statuses): boolean {
  if (!tr.docChanged) return false;
  const ySync = tr.getMeta(Y_SYNC_META) as { isChangeOrigin?: boolean } | undefined;
  if (ySync?.isChangeOrigin) return false;
  let anyLocked = false;
  for (const s of statuses.values()) if (isLocked(s)) anyLocked = true;
  if (!anyLocked) return false;
  for (const id of touchedBlockIds(tr)) if (isLocked(statuses.get(id))) return true;
  return false;
}

function marker(className: string, data: string): HTMLElement {
  const el = document.createElement('span');
  el.className = className;
  el.setAttribute('contenteditable', 'false');
  el.setAttribute('aria-hidden', 'true');
  // Drawn by CSS from the attribute, so paragraph textContent stays exactly the text.
  el.setAttribute('data-mark', data);
  return el;
}

/** Status decorations: a class and `data-status` on the block, brackets or a lock marker inside it. */
export function statusDecorations(doc: PMNode, statuses: Statuses): DecorationSet {
  if (statuses.size === 0) return DecorationSet.empty;
  const decorations: Decoration[] = [];
  doc.forEach((node, pos) => {
    const status = statuses.get(idOf(node));
    if (!status || status === 'pending') return;
    const end = pos + node.nodeSize;
    decorations.push(Decoration.node(pos, end, { class: `ph-status-${status}`, 'data-status': status }));
    if (status === 'bracketed') {
      decorations.push(Decoration.widget(pos + 1, () => marker('ph-bracket', '['), { side: -1, key: 'bracket-open' }));
      decorations.push(Decoration.widget(end - 1, () => marker('ph-bracket', ']'), { side: 1, key: 'bracket-close' }));
    } else if (isLocked(status)) {
      const label = status === 'agreed' ? 'Agreed' : 'Agreed ad ref';
      decorations.push(Decoration.widget(end - 1, () => {
        const el = marker('ph-lock', label);
        el.title = `${label}: locked`;
        return el;
      }, { side: 1, key: `lock-${status}` }));
    }
  });
  return DecorationSet.create(doc, decorations);
}

/** Same statuses by value (the store rebuilds the map whenever any negotiation key changes). */
export function sameStatuses(a: Statuses, b: Statuses): boolean {
  if (a.size !== b.size) return false;
  for (const [k, v] of a) if (b.get(k) !== v) return false;
  return true;
}

/** The plugin; `initial` gives the statuses known when the editor starts. */
export function paragraphStatePlugin(initial: () => Statuses): Plugin<PluginState> {
  return new Plugin<PluginState>({
    key: paragraphStateKey,
    state: {
      init: (_config, state: EditorState) => {
        const statuses = initial();
        return { statuses, decorations: statusDecorations(state.doc, statuses) };
      },
      apply(tr, value, _old, state) {
        const next = tr.getMeta(paragraphStateKey) as Statuses | undefined;
        if (next) return { statuses: next, decorations: statusDecorations(state.doc, next) };
        if (!tr.docChanged) return value;
        return { statuses: value.statuses, decorations: statusDecorations(state.doc, value.statuses) };
      },
    },
    props: {
      decorations: (state) => paragraphStateKey.getState(state)?.decorations ?? DecorationSet.empty,
    },
    filterTransaction(tr, state) {
      const statuses = paragraphStateKey.getState(state)?.statuses;
      return !statuses || !refusesTransaction(tr, statuses);
    },
  });
}

export interface ParagraphStateOptions {
  /** Live statuses (the session's negotiation store projects them). Null: no statuses, nothing locked. */
  store: ExternalStore<{ statuses: Statuses }> | null;
}

/** The extension: follows the store and feeds each new statuses map to the plugin. */
export const ParagraphState = Extension.create<ParagraphStateOptions, { unsubscribe: (() => void) | null }>({
  name: 'phParagraphState',
  addOptions() {
    return { store: null };
  },
  addStorage() {
    return { unsubscribe: null };
  },
  addProseMirrorPlugins() {
    const store = this.options.store;
    return [paragraphStatePlugin(() => store?.getSnapshot().statuses ?? new Map())];
  },
  onCreate() {
    const store = this.options.store;
    if (!store) return;
    let last = store.getSnapshot().statuses;
    this.storage.unsubscribe = store.subscribe(() => {
      const next = store.getSnapshot().statuses;
      if (sameStatuses(next, last) || this.editor.isDestroyed) return;
      last = next;
      this.editor.view.dispatch(this.editor.state.tr.setMeta(paragraphStateKey, next));
    });
  },
  onDestroy() {
    this.storage.unsubscribe?.();
    this.storage.unsubscribe = null;
  },
});

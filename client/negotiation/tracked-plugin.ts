/**
 * The ProseMirror plugin behind the TrackedChanges extension (tracked-changes.ts), without the stylesheet
 * so node code (tests, benchmarks) can import it.
 *
 * Inline tracked changes: proposed amendments drawn over the body as a read-only overlay (decorations
 * only — the document is never touched). Wording amendments show the word diff of the paragraph's current
 * text against the proposed text: deletions struck through, insertions as widgets; new paragraphs as a
 * block widget after their anchor ("OP5 bis [Brazil]"); deletions strike the whole paragraph; moves get a
 * tag. Everything is coloured per delegation and tagged with its name. Inserted words are drawn by CSS
 * from `data-text` (like remote caret names), so a paragraph's textContent stays exactly its text.
 */
import type { Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view';
import type * as Y from 'yjs';
import { NEGOTIATION_ROOT } from '../../shared/negotiation/layout.ts';
import { describeParagraphs, inlineAmendments, sameView, trackedSpecs, type NegotiationView, type TrackedSpec } from './model.ts';
import { readAmendments, type Amendment } from '../../shared/negotiation/actions.ts';
import type { ViewStore } from './view-store.ts';
import { blockText, textOffsetToPos } from '../../shared/resolution/decorations.ts';
import { colorForName } from '../../shared/identity/color.ts';

export interface TrackedChangesOptions {
  /** The draft's Y.Doc (amendments are read from it); null until the session exists. */
  getDoc: () => Y.Doc | null;
  /** Initial view; default: the view store's current view. */
  view: NegotiationView | null;
  /** The store the overlay follows (the panel's selector writes it); default the page-wide store; null: fixed view. */
  viewStore: ViewStore | null;
}

/** Attached to every decoration of the overlay (tests and tooling read it). */
export interface TrackedDecorationSpec {
  tracked: TrackedSpec;
  /** 'tag': the delegation's name label; 'change': the change itself. */
  role: 'change' | 'tag';
  key?: string;
}

interface TrackedState {
  view: NegotiationView;
  /** Amendments as last read from the Y.Doc; re-read on init and on a refresh (the view's observer sends one per change). */
  amendments: Amendment[];
  specs: TrackedSpec[];
  set: DecorationSet;
}

/** Transaction meta: switch view, or recompute because the amendments changed. */
export type TrackedMeta = { view: NegotiationView } | { refresh: true };

export const trackedChangesKey = new PluginKey<TrackedState>('trackedChanges');

function el(tag: string, className: string, attrs: Record<string, string>, text?: string): HTMLElement {
  const node = document.createElement(tag);
  node.className = className;
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  node.contentEditable = 'false';
  return node;
}

const colorStyle = (delegation: string): string => `--ph-tc: ${colorForName(delegation)}`;

/** Build the decorations of a document for the given specs. */
export function buildDecorations(doc: PMNode, specs: readonly TrackedSpec[]): DecorationSet {
  return DecorationSet.create(doc, decorationList(doc, specs));
}

function decorationList(doc: PMNode, specs: readonly TrackedSpec[]): Decoration[] {
  const where = new Map<string, { pos: number; node: PMNode }>();
  let firstOfKind: Record<string, number> = {};
  doc.forEach((node, pos) => {
    const id = typeof node.attrs.id === 'string' ? node.attrs.id : '';
    if (id && !where.has(id)) where.set(id, { pos, node });
    if (!(node.type.name in firstOfKind)) firstOfKind = { ...firstOfKind, [node.type.name]: pos };
  });
  const decorations: Decoration[] = [];
  const tagged = new Set<string>();
  const tag = (pos: number, text: string, delegation: string, s: TrackedSpec, side: number): void => {
    const key = `tag:${s.amendmentId}:${text}`;
    decorations.push(Decoration.widget(pos, () => el('span', 'ph-tc-tag', { 'data-tag': text, 'data-delegation': delegation, style: colorStyle(delegation), title: text }),
      { side, key, ignoreSelection: true, tracked: s, role: 'tag' } satisfies TrackedDecorationSpec & { side: number; ignoreSelection: boolean }));
  };
  for (const s of specs) {
    const color = colorStyle(s.delegation);
    const common = { 'data-delegation': s.delegation, 'data-amendment': s.amendmentId, style: color };
    if (s.type === 'new-paragraph') {
      const anchor = s.afterId ? where.get(s.afterId) : undefined;
      const pos = anchor ? anchor.pos + anchor.node.nodeSize : (firstOfKind[s.kind] ?? doc.content.size);
      const key = `new:${s.amendmentId}:${s.ref}:${s.text}`;
      decorations.push(Decoration.widget(pos, () => {
        const box = el('div', 'ph-tc-new', { ...common, 'data-ref': s.ref, title: `${s.delegation} proposes a new paragraph ${s.ref}` });
        box.append(el('span', 'ph-tc-tag', { 'data-tag': `${s.ref} [${s.delegation}]`, style: color }), el('span', 'ph-tc-new-text', {}, s.text));
        return box;
      }, { side: 1, key, ignoreSelection: true, tracked: s, role: 'change' }));
      continue;
    }
    const at = where.get(s.paragraphId);
    if (!at) continue;
    const { pos, node } = at;
    if (s.type === 'deletion') {
      const from = textOffsetToPos(node, pos, s.from);
      const to = textOffsetToPos(node, pos, s.to);
      if (to > from) decorations.push(Decoration.inline(from, to, { class: 'ph-tc-del', title: `${s.delegation}: delete`, ...common }, { tracked: s, role: 'change' }));
    } else if (s.type === 'insertion') {
      const p = textOffsetToPos(node, pos, s.at);
      const key = `ins:${s.amendmentId}:${s.at}:${s.text}`;
      decorations.push(Decoration.widget(p, () => el('span', 'ph-tc-ins', { ...common, 'data-text': s.text, title: `${s.delegation}: insert “${s.text}”` }),
        { side: -1, key, ignoreSelection: true, tracked: s, role: 'change' }));
    } else {
      const kindClass = s.type === 'delete-paragraph' ? 'ph-tc-delpara' : 'ph-tc-move';
      decorations.push(Decoration.node(pos, pos + node.nodeSize, { class: kindClass, ...common }, { tracked: s, role: 'change' }));
      tag(pos + 1, s.type === 'delete-paragraph' ? `delete [${s.delegation}]` : `${s.label} [${s.delegation}]`, s.delegation, s, -1);
      continue;
    }
    // One name tag per wording amendment, at the end of its paragraph.
    if (!tagged.has(s.amendmentId)) {
      tagged.add(s.amendmentId);
      tag(pos + node.nodeSize - 1, s.delegation, s.delegation, s, 1);
    }
  }
  return decorations;
}

/** Specs of the current document and amendments under `view`. */
export function computeTrackedSpecs(doc: PMNode, ydoc: Y.Doc | null, view: NegotiationView): TrackedSpec[] {
  return specsFor(doc, ydoc ? readAmendments(ydoc) : [], view);
}

function specsFor(doc: PMNode, amendments: readonly Amendment[], view: NegotiationView): TrackedSpec[] {
  if (view === 'clean' || !amendments.some((a) => a.status === 'proposed')) return [];
  const blocks: { type: string; id: string; level: unknown; labelStyle: unknown; text: string }[] = [];
  doc.forEach((node) => {
    blocks.push({ type: node.type.name, id: typeof node.attrs.id === 'string' ? node.attrs.id : '', level: node.attrs.level, labelStyle: node.attrs.labelStyle, text: blockText(node) });
  });
  return trackedSpecs(describeParagraphs(blocks), amendments, view);
}

function compute(doc: PMNode, amendments: Amendment[], view: NegotiationView): TrackedState {
  const specs = specsFor(doc, amendments, view);
  return { view, amendments, specs, set: specs.length === 0 ? DecorationSet.empty : buildDecorations(doc, specs) };
}

/**
 * For an edit that keeps every block's type and attributes (so every ref stays the same): the ids of the
 * changed paragraphs that a shown amendment is about — only their decorations need rebuilding, the rest
 * are mapped (typing in an unamended paragraph costs almost nothing). Null for a structural change.
 */
function amendedEdits(amendments: readonly Amendment[], view: NegotiationView, before: PMNode, after: PMNode): Set<string> | null {
  if (before.childCount !== after.childCount) return null;
  const involved = new Set<string>();
  // Every shown amendment counts, even one whose diff is empty now: an edit can make its diff appear.
  for (const a of inlineAmendments(amendments, view)) involved.add(a.kind === 'insert' ? a.after : a.target);
  const hit = new Set<string>();
  for (let i = 0; i < after.childCount; i++) {
    const a = before.child(i);
    const b = after.child(i);
    if (a === b) continue;
    if (a.type !== b.type || a.attrs.id !== b.attrs.id || a.attrs.level !== b.attrs.level || a.attrs.labelStyle !== b.attrs.labelStyle) return null;
    const id = String(a.attrs.id);
    if (involved.has(id)) hit.add(id);
  }
  return hit;
}

/** Rebuild only the decorations inside the given paragraphs (new-paragraph widgets sit between blocks and are only mapped). */
function patch(old: TrackedState, tr: Transaction, ids: ReadonlySet<string>): TrackedState {
  const mapped = old.set.map(tr.mapping, tr.doc);
  if (ids.size === 0) return { ...old, set: mapped };
  const specs = specsFor(tr.doc, old.amendments, old.view);
  const inside = (t: TrackedSpec): boolean => t.type !== 'new-paragraph' && ids.has(t.paragraphId);
  const stale = mapped.find(undefined, undefined, (spec) => {
    const t = (spec as Partial<TrackedDecorationSpec>).tracked;
    return t !== undefined && inside(t);
  });
  const set = mapped.remove(stale).add(tr.doc, decorationList(tr.doc, specs.filter(inside)));
  return { ...old, specs, set };
}

/** The ProseMirror plugin (the extension wraps it). Works on a bare EditorState: the DOM is only touched by widgets when drawn. */
export function trackedChangesPlugin(options: TrackedChangesOptions): Plugin<TrackedState> {
  const store = options.viewStore;
  const initialView = (): NegotiationView => options.view ?? store?.get() ?? 'all';
  const read = (): Amendment[] => {
    const ydoc = options.getDoc();
    return ydoc ? readAmendments(ydoc) : [];
  };
  return new Plugin<TrackedState>({
    key: trackedChangesKey,
    state: {
      init: (_config, state: EditorState) => compute(state.doc, read(), initialView()),
      apply(tr: Transaction, old: TrackedState): TrackedState {
        const meta = tr.getMeta(trackedChangesKey) as TrackedMeta | undefined;
        const view = meta && 'view' in meta ? meta.view : old.view;
        if (!meta && !tr.docChanged) return old;
        if (meta && 'view' in meta && sameView(meta.view, old.view) && !tr.docChanged) return old;
        // Typing in the body changes the diffs but not the amendments: reuse them unless told they changed.
        const amendments = meta && 'refresh' in meta ? read() : old.amendments;
        if (!meta) {
          const ids = amendedEdits(old.amendments, old.view, tr.before, tr.doc);
          if (ids) return patch(old, tr, ids);
        }
        return compute(tr.doc, amendments, view);
      },
    },
    props: {
      decorations: (state) => trackedChangesKey.getState(state)?.set ?? DecorationSet.empty,
    },
    view(editorView: EditorView) {
      let ydoc: Y.Doc | null = null;
      let pending = false;
      let destroyed = false;
      const dispatch = (meta: TrackedMeta): void => {
        if (destroyed) return;
        editorView.dispatch(editorView.state.tr.setMeta(trackedChangesKey, meta).setMeta('addToHistory', false));
      };
      // Coalesce bursts (a remote update touching many amendments) into one recompute, outside any Yjs observer.
      const refresh = (): void => {
        if (pending) return;
        pending = true;
        queueMicrotask(() => {
          pending = false;
          dispatch({ refresh: true });
        });
      };
      const attach = (): void => {
        if (ydoc) return;
        ydoc = options.getDoc();
        if (!ydoc) return;
        ydoc.getMap(NEGOTIATION_ROOT.amendments).observeDeep(refresh);
        ydoc.getMap(NEGOTIATION_ROOT.positions).observeDeep(refresh);
        refresh();
      };
      attach();
      const unsubscribe = store?.subscribe(() => dispatch({ view: store.get() })) ?? (() => undefined);
      return {
        update: attach,
        destroy() {
          destroyed = true;
          unsubscribe();
          ydoc?.getMap(NEGOTIATION_ROOT.amendments).unobserveDeep(refresh);
          ydoc?.getMap(NEGOTIATION_ROOT.positions).unobserveDeep(refresh);
        },
      };
    },
  });
}

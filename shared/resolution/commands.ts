/**
 * Editing commands for the resolution body. The logic lives in DOM-free functions over a
 * Transaction (`(tr, apply) => boolean`, with apply=false meaning "could it run?"), wrapped as tiptap
 * commands with a keymap by {@link ResolutionCommands} and as ProseMirror commands by {@link pmCommand}.
 */
import { Extension, type Editor } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { TextSelection, type Command, type Transaction } from '@tiptap/pm/state';
import { newId } from './ids.ts';
import { MAX_LEVEL, type ParagraphKind } from './schema.ts';

/** A DOM-free edit: inspects `tr.doc`/`tr.selection`; changes `tr` only when `apply` is true. */
export type TrCommand = (tr: Transaction, apply: boolean) => boolean;

/** Wrap a {@link TrCommand} as a plain ProseMirror command (used by tests and non-tiptap callers). */
export function pmCommand(cmd: TrCommand): Command {
  return (state, dispatch) => {
    const tr = state.tr;
    const ok = cmd(tr, dispatch !== undefined);
    if (ok && dispatch) dispatch(tr.scrollIntoView());
    return ok;
  };
}

const isParagraph = (node: PMNode): boolean => node.type.name === 'preambular' || node.type.name === 'operative';

/** Top-level blocks touched by the selection, with their positions. */
function selectedBlocks(tr: Transaction): { pos: number; node: PMNode }[] {
  const { from, to } = tr.selection;
  const out: { pos: number; node: PMNode }[] = [];
  tr.doc.forEach((node, pos) => {
    if (pos + node.nodeSize > from && pos <= to) out.push({ pos, node });
  });
  // An empty selection sitting exactly between blocks (gap cursor) touches nothing.
  return out;
}

/** Change the level of the selected PP/OP blocks by `delta`, within 0..MAX_LEVEL. */
export function changeLevel(delta: number): TrCommand {
  return (tr, apply) => {
    let changed = false;
    for (const { pos, node } of selectedBlocks(tr)) {
      if (!isParagraph(node)) continue;
      const level = Number(node.attrs.level) || 0;
      const next = Math.max(0, Math.min(MAX_LEVEL, level + delta));
      if (next === level) continue;
      changed = true;
      if (apply) tr.setNodeAttribute(pos, 'level', next);
    }
    return changed;
  };
}

/** Turn the selected blocks into preambular or operative paragraphs (keeping id and level). */
export function setParagraphKind(kind: ParagraphKind): TrCommand {
  return (tr, apply) => {
    const type = tr.doc.type.schema.nodes[kind];
    let changed = false;
    for (const { pos, node } of selectedBlocks(tr)) {
      if (node.type === type) continue;
      changed = true;
      if (!apply) continue;
      const attrs: Record<string, unknown> = { id: node.attrs.id, level: isParagraph(node) ? node.attrs.level : 0 };
      if (kind === 'operative') attrs.labelStyle = 'un';
      tr.setNodeMarkup(pos, type, attrs);
    }
    return changed;
  };
}

/**
 * Enter: split the paragraph into a new one of the same kind and level; the first half keeps the id,
 * the second gets a fresh one. On an empty sub-paragraph, outdent instead (like lists). At the end of
 * the title or organ line, the new block is a preambular paragraph.
 */
export function splitParagraph(makeId: () => string = () => newId()): TrCommand {
  return (tr, apply) => {
    const { $from, empty } = tr.selection;
    if ($from.depth !== 1) return false;
    const block = $from.parent;
    const blockPos = $from.before(1);
    if (empty && isParagraph(block) && block.content.size === 0 && Number(block.attrs.level) > 0) {
      if (apply) tr.setNodeAttribute(blockPos, 'level', Number(block.attrs.level) - 1);
      return true;
    }
    if (!apply) return true;
    if (!empty) tr.deleteSelection();
    const pos = tr.selection.from;
    const $pos = tr.doc.resolve(pos);
    if ($pos.depth !== 1) return false;
    const current = $pos.parent;
    const atEnd = $pos.parentOffset === current.content.size;
    const schema = tr.doc.type.schema;
    const headLine = current.type.name === 'title' || current.type.name === 'organ';
    const type = headLine && atEnd ? schema.nodes.preambular : current.type;
    const attrs: Record<string, unknown> = type === current.type ? { ...current.attrs, id: makeId() } : { id: makeId(), level: 0 };
    tr.split(pos, 1, [{ type, attrs }]);
    tr.setSelection(TextSelection.create(tr.doc, pos + 2));
    return true;
  };
}

/** Backspace at the start of a sub-paragraph outdents it instead of joining. */
export function outdentAtStart(): TrCommand {
  return (tr, apply) => {
    const { $from, empty } = tr.selection;
    if (!empty || $from.depth !== 1 || $from.parentOffset !== 0) return false;
    const block = $from.parent;
    if (!isParagraph(block) || !(Number(block.attrs.level) > 0)) return false;
    if (apply) tr.setNodeAttribute($from.before(1), 'level', Number(block.attrs.level) - 1);
    return true;
  };
}

/** Insert a footnote marker with `text` at the cursor (replacing any selection). */
export function insertFootnote(text: string, makeId: () => string = () => newId('f')): TrCommand {
  return (tr, apply) => {
    const { $from } = tr.selection;
    if ($from.depth < 1) return false;
    const type = tr.doc.type.schema.nodes.footnote;
    if (!$from.parent.type.contentMatch.matchType(type) && !$from.parent.canReplaceWith($from.index(), $from.index(), type)) return false;
    if (apply) tr.replaceSelectionWith(type.create({ id: makeId(), text }), false);
    return true;
  };
}

/** Positions of footnote markers with the given id. */
function findFootnotes(doc: PMNode, id: string): number[] {
  const found: number[] = [];
  doc.descendants((node, pos) => {
    if (node.type.name === 'footnote' && node.attrs.id === id) found.push(pos);
    return !node.isLeaf;
  });
  return found;
}

/** Change the text of footnote `id`. False when no such footnote exists. */
export function updateFootnote(id: string, text: string): TrCommand {
  return (tr, apply) => {
    const found = findFootnotes(tr.doc, id);
    if (found.length === 0) return false;
    if (apply) for (const pos of found) tr.setNodeAttribute(pos, 'text', text);
    return true;
  };
}

/** Delete footnote `id`. False when no such footnote exists. */
export function removeFootnote(id: string): TrCommand {
  return (tr, apply) => {
    const found = findFootnotes(tr.doc, id);
    if (found.length === 0) return false;
    if (apply) for (const pos of found.reverse()) tr.delete(pos, pos + 1);
    return true;
  };
}

/** Options of {@link ResolutionCommands}. */
export interface ResolutionCommandsOptions {
  /** Called on Mod-Alt-f so the UI can prompt for the text, then call `editor.commands.insertFootnote(text)`. */
  onRequestFootnote: ((editor: Editor) => void) | null;
  /** Id generator for new paragraphs and footnotes. */
  newId: ((prefix: string) => string) | null;
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    resolution: {
      /** Turn the selected blocks into preambular or operative paragraphs. */
      setParagraphKind: (kind: ParagraphKind) => ReturnType;
      /** Increase the sub-paragraph level of the selected paragraphs (max 3). */
      indentParagraph: () => ReturnType;
      /** Decrease the sub-paragraph level of the selected paragraphs (min 0). */
      outdentParagraph: () => ReturnType;
      /** Split the current paragraph into one of the same kind and level (Enter). */
      splitResolutionParagraph: () => ReturnType;
      /** Insert a footnote marker at the cursor. */
      insertFootnote: (text: string) => ReturnType;
      /** Change a footnote's text. */
      updateFootnote: (id: string, text: string) => ReturnType;
      /** Delete a footnote marker. */
      removeFootnote: (id: string) => ReturnType;
    };
  }
}

/** tiptap extension: the commands above plus Enter, Tab, Shift-Tab, Backspace, Mod-Alt-p/o/f. */
export const ResolutionCommands = Extension.create<ResolutionCommandsOptions>({
  name: 'resolutionCommands',
  // Above tiptap's core keymap (100) so Enter/Backspace reach these handlers first.
  priority: 200,
  addOptions: () => ({ onRequestFootnote: null, newId: null }),
  addCommands() {
    const ids = (prefix: string) => (): string => (this.options.newId ? this.options.newId(prefix) : newId(prefix));
    const wrap = (cmd: TrCommand) => () => ({ tr, dispatch }: { tr: Transaction; dispatch?: unknown }) => cmd(tr, dispatch !== undefined);
    return {
      setParagraphKind: (kind: ParagraphKind) => ({ tr, dispatch }) => setParagraphKind(kind)(tr, dispatch !== undefined),
      indentParagraph: wrap(changeLevel(1)),
      outdentParagraph: wrap(changeLevel(-1)),
      splitResolutionParagraph: () => ({ tr, dispatch }) => splitParagraph(ids('p'))(tr, dispatch !== undefined),
      insertFootnote: (text: string) => ({ tr, dispatch }) => insertFootnote(text, ids('f'))(tr, dispatch !== undefined),
      updateFootnote: (id: string, text: string) => ({ tr, dispatch }) => updateFootnote(id, text)(tr, dispatch !== undefined),
      removeFootnote: (id: string) => ({ tr, dispatch }) => removeFootnote(id)(tr, dispatch !== undefined),
    };
  },
  addKeyboardShortcuts() {
    const inParagraph = (): boolean => {
      const { $from } = this.editor.state.selection;
      return $from.depth >= 1 && isParagraph($from.node(1));
    };
    return {
      Enter: () => this.editor.commands.splitResolutionParagraph(),
      // Tab never leaves the editor from inside a paragraph, even when the level cannot change.
      Tab: () => this.editor.commands.indentParagraph() || inParagraph(),
      'Shift-Tab': () => this.editor.commands.outdentParagraph() || inParagraph(),
      Backspace: () => this.editor.commands.command(({ tr, dispatch }) => outdentAtStart()(tr, dispatch !== undefined)),
      'Mod-Alt-p': () => this.editor.commands.setParagraphKind('preambular'),
      'Mod-Alt-o': () => this.editor.commands.setParagraphKind('operative'),
      'Mod-Alt-f': () => {
        if (!this.options.onRequestFootnote) return false;
        this.options.onRequestFootnote(this.editor);
        return true;
      },
    };
  },
});

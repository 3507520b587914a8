/**
 * Editor chrome decorations that belong to the client, not the document model:
 * - class `ph-current` on the block holding the cursor, so CSS shows its reference
 *   ("PP3", "OP5") in the margin while it has focus, not only on hover;
 * - class `ph-empty` + `data-placeholder` on empty blocks ("Title", "Operative paragraph"),
 *   so a fresh draft shows what goes where.
 * Also Escape leaves the editor: Tab indents inside it, so keyboard users need another way out.
 */
import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';

export const chromeKey = new PluginKey('phChrome');

/** Placeholder text per block type (level > 0 reads "Sub-paragraph"). */
export function placeholderFor(type: string, level: number): string {
  switch (type) {
    case 'title': return 'Title of the draft resolution';
    case 'organ': return 'The General Assembly,';
    case 'preambular': return level > 0 ? 'Preambular sub-paragraph' : 'Preambular paragraph (e.g. Recalling …,)';
    case 'operative': return level > 0 ? 'Sub-paragraph' : 'Operative paragraph (e.g. Decides …;)';
    case 'closing': return 'Closing line';
    default: return '';
  }
}

/** The chrome decorations of a state (exported for tests). */
export function chromeDecorations(state: EditorState): DecorationSet {
  const decorations: Decoration[] = [];
  const { $head } = state.selection;
  const current = $head.depth >= 1 ? $head.before(1) : -1;
  state.doc.forEach((node, pos) => {
    const attrs: Record<string, string> = {};
    if (pos === current) attrs.class = 'ph-current';
    if (node.childCount === 0) {
      const text = placeholderFor(node.type.name, Number(node.attrs.level ?? 0));
      if (text) {
        attrs.class = attrs.class ? `${attrs.class} ph-empty` : 'ph-empty';
        attrs['data-placeholder'] = text;
      }
    }
    if (Object.keys(attrs).length > 0) decorations.push(Decoration.node(pos, pos + node.nodeSize, attrs, { attrs }));
  });
  return DecorationSet.create(state.doc, decorations);
}

export const EditorChrome = Extension.create({
  name: 'phEditorChrome',
  addProseMirrorPlugins() {
    return [new Plugin({ key: chromeKey, props: { decorations: chromeDecorations } })];
  },
  addKeyboardShortcuts() {
    return { Escape: () => this.editor.commands.blur() };
  },
});

/** Paragraph kind, levels, footnotes and undo/redo, plus a visible list of shortcuts. */
import { useEditorState, type Editor } from '@tiptap/react';

interface ToolbarState {
  kind: string;
  canPreambular: boolean;
  canOperative: boolean;
  canIndent: boolean;
  canOutdent: boolean;
  canFootnote: boolean;
  canUndo: boolean;
  canRedo: boolean;
}

function readToolbarState(editor: Editor): ToolbarState {
  const { $from } = editor.state.selection;
  const can = editor.can();
  return {
    kind: $from.depth >= 1 ? $from.node(1).type.name : '',
    canPreambular: can.setParagraphKind('preambular'),
    canOperative: can.setParagraphKind('operative'),
    canIndent: can.indentParagraph(),
    canOutdent: can.outdentParagraph(),
    canFootnote: can.insertFootnote(''),
    canUndo: can.undo(),
    canRedo: can.redo(),
  };
}

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
const MOD = isMac ? '⌘' : 'Ctrl';
const ALT = isMac ? '⌥' : 'Alt';

export function Toolbar({ editor, onFootnote, readOnly }: { editor: Editor; onFootnote: () => void; readOnly: boolean }) {
  const s = useEditorState({ editor, selector: ({ editor: e }) => readToolbarState(e) });
  const off = readOnly;
  return (
    <>
      <div className="ph-toolbar" role="toolbar" aria-label="Formatting" data-testid="toolbar">
        <button
          type="button" className="ph-button" data-testid="kind-preambular" aria-pressed={s.kind === 'preambular'}
          disabled={off || (!s.canPreambular && s.kind !== 'preambular')}
          title={`Make preambular paragraph (${MOD}+${ALT}+P)`}
          onClick={() => editor.chain().focus().setParagraphKind('preambular').run()}
        >
          Preambular
        </button>
        <button
          type="button" className="ph-button" data-testid="kind-operative" aria-pressed={s.kind === 'operative'}
          disabled={off || (!s.canOperative && s.kind !== 'operative')}
          title={`Make operative paragraph (${MOD}+${ALT}+O)`}
          onClick={() => editor.chain().focus().setParagraphKind('operative').run()}
        >
          Operative
        </button>
        <span className="ph-sep" aria-hidden="true" />
        <button
          type="button" className="ph-button" data-testid="outdent" disabled={off || !s.canOutdent}
          aria-label="Outdent (less deep sub-paragraph)" title="Outdent (Shift+Tab)"
          onClick={() => editor.chain().focus().outdentParagraph().run()}
        >
          ⇤ Outdent
        </button>
        <button
          type="button" className="ph-button" data-testid="indent" disabled={off || !s.canIndent}
          aria-label="Indent (make sub-paragraph)" title="Indent (Tab)"
          onClick={() => editor.chain().focus().indentParagraph().run()}
        >
          Indent ⇥
        </button>
        <span className="ph-sep" aria-hidden="true" />
        <button
          type="button" className="ph-button" data-testid="insert-footnote" disabled={off || !s.canFootnote}
          title={`Insert footnote (${MOD}+${ALT}+F)`} onClick={onFootnote}
        >
          Footnote…
        </button>
        <span className="ph-sep" aria-hidden="true" />
        <button
          type="button" className="ph-button" data-testid="undo" disabled={off || !s.canUndo}
          aria-label="Undo" title={`Undo (${MOD}+Z)`} onClick={() => editor.chain().focus().undo().run()}
        >
          ↶ Undo
        </button>
        <button
          type="button" className="ph-button" data-testid="redo" disabled={off || !s.canRedo}
          aria-label="Redo" title={`Redo (${MOD}+Shift+Z)`} onClick={() => editor.chain().focus().redo().run()}
        >
          ↷ Redo
        </button>
      </div>
      <p className="ph-hints" data-testid="shortcut-hints">
        <kbd>Enter</kbd> new paragraph of the same kind · <kbd>Tab</kbd> sub-paragraph · <kbd>Shift</kbd>+<kbd>Tab</kbd> back
        a level · <kbd>{MOD}</kbd>+<kbd>{ALT}</kbd>+<kbd>P</kbd>/<kbd>O</kbd> preambular/operative ·{' '}
        <kbd>{MOD}</kbd>+<kbd>{ALT}</kbd>+<kbd>F</kbd> footnote · <kbd>{MOD}</kbd>+<kbd>Z</kbd> undo · <kbd>Esc</kbd> leave the text. Numbers and italics are automatic.
      </p>
    </>
  );
}

/** Footnotes at the foot of the page, numbered from the markers in the body; click to edit. */
import { useEditorState, type Editor } from '@tiptap/react';
import { collectFootnotes, sameFootnotes, type FootnoteItem } from './footnotes.ts';

export function FootnoteList({ editor, onEdit, readOnly }: { editor: Editor; onEdit: (item: FootnoteItem) => void; readOnly: boolean }) {
  const items = useEditorState({
    editor,
    selector: ({ editor: e }) => collectFootnotes(e.state.doc),
    equalityFn: sameFootnotes,
  });
  if (items.length === 0) return null;
  return (
    <aside className="ph-footnotes" aria-label="Footnotes" data-testid="footnotes">
      <ol>
        {items.map((f) => (
          <li key={`${f.id}@${f.pos}`} className="ph-footnote" data-testid="footnote-item" data-footnote-id={f.id} data-number={f.number}>
            <span className="ph-footnote-num" aria-hidden="true">{f.number}</span>
            <button
              type="button" className={`ph-footnote-text${f.text ? '' : ' ph-empty-note'}`} disabled={readOnly}
              aria-label={`Edit footnote ${f.number}: ${f.text || 'empty'}`} onClick={() => onEdit(f)}
            >
              {f.text || 'Empty footnote — click to write it'}
            </button>
          </li>
        ))}
      </ol>
    </aside>
  );
}

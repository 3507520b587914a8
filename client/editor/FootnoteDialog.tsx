/** In-page dialog for a footnote's text (insert or edit); no window.prompt, so tests can drive it. */
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';

export type FootnoteDialogState =
  | { mode: 'insert' }
  | { mode: 'edit'; id: string; number: number; text: string };

export interface FootnoteDialogProps {
  state: FootnoteDialogState;
  onSave: (text: string) => void;
  onDelete?: () => void;
  onCancel: () => void;
}

export function FootnoteDialog({ state, onSave, onDelete, onCancel }: FootnoteDialogProps) {
  const [text, setText] = useState(state.mode === 'edit' ? state.text : '');
  const [error, setError] = useState<string | null>(null);
  const area = useRef<HTMLTextAreaElement>(null);
  useEffect(() => area.current?.focus(), []);
  const title = state.mode === 'edit' ? `Footnote ${state.number}` : 'New footnote';
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const clean = text.trim();
    if (!clean) {
      setError('A footnote needs some text.');
      return;
    }
    onSave(clean);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      onCancel();
    }
  };
  return (
    <div className="ph-modal-backdrop" onKeyDown={onKeyDown}>
      <form className="ph-modal" role="dialog" aria-modal="true" aria-labelledby="fn-dialog-title" onSubmit={submit} data-testid="footnote-dialog">
        <h2 id="fn-dialog-title">{title}</h2>
        <label htmlFor="fn-text" className="ph-label">Footnote text</label>
        <textarea
          id="fn-text" ref={area} className="ph-textarea" rows={4} data-testid="footnote-text"
          value={text} onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            // Ctrl/Cmd+Enter saves, like a chat box; plain Enter stays a newline.
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) submit(e);
          }}
        />
        {error && <p role="alert" className="ph-error">{error}</p>}
        <div className="ph-row">
          <button type="submit" className="ph-button ph-primary" data-testid="footnote-save">
            {state.mode === 'edit' ? 'Save footnote' : 'Insert footnote'}
          </button>
          <button type="button" className="ph-button" onClick={onCancel}>Cancel</button>
          {state.mode === 'edit' && onDelete && (
            <button type="button" className="ph-button ph-danger" data-testid="footnote-delete" onClick={onDelete}>
              Delete footnote
            </button>
          )}
        </div>
      </form>
    </div>
  );
}

/**
 * A plain textarea bound live to an amendment's Y.Text: local typing is written through
 * actions.editAmendmentText (only the changed middle, so a co-author's concurrent edits survive), remote
 * edits update the textarea and keep the caret where it was (mapped through the Yjs delta).
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type * as Y from 'yjs';
import { amendmentText, editAmendmentText } from '../../shared/negotiation/actions.ts';
import { mapIndexThroughDelta, type TextDeltaOp } from './text-binding.ts';

export interface AmendmentTextEditorProps {
  doc: Y.Doc;
  amendmentId: string;
  /** Accessible label ("Proposed wording for OP1"). */
  label: string;
  disabled?: boolean;
  autoFocus?: boolean;
}

export function AmendmentTextEditor({ doc, amendmentId, label, disabled = false, autoFocus = false }: AmendmentTextEditorProps) {
  const ytext = amendmentText(doc, amendmentId);
  const [value, setValue] = useState(() => ytext?.toString() ?? '');
  const area = useRef<HTMLTextAreaElement>(null);
  const restore = useRef<[number, number] | null>(null);

  useEffect(() => {
    if (!ytext) return;
    setValue(ytext.toString());
    const observer = (event: Y.YTextEvent): void => {
      const el = area.current;
      if (!event.transaction.local && el && document.activeElement === el) {
        const delta = event.delta as TextDeltaOp[];
        restore.current = [mapIndexThroughDelta(el.selectionStart, delta, -1), mapIndexThroughDelta(el.selectionEnd, delta, 1)];
      }
      setValue(ytext.toString());
    };
    ytext.observe(observer);
    return () => ytext.unobserve(observer);
  }, [ytext]);

  useLayoutEffect(() => {
    const sel = restore.current;
    restore.current = null;
    if (sel && area.current) area.current.setSelectionRange(sel[0], Math.max(sel[0], sel[1]));
  }, [value]);

  if (!ytext) return <p className="ph-error">This amendment has no editable text.</p>;
  return (
    <textarea
      ref={area} className="ph-textarea" data-testid="amendment-text" aria-label={label} rows={4}
      value={value} disabled={disabled} autoFocus={autoFocus}
      onChange={(e) => {
        setValue(e.target.value);
        editAmendmentText(doc, amendmentId, e.target.value);
      }}
    />
  );
}

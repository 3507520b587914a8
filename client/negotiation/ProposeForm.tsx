/**
 * Proposing an amendment: new wording for a paragraph (the author then edits a copy of its text, live),
 * a new paragraph after another one, deleting a paragraph, or moving one after another. Offered only when
 * rules.canProposeAmendment allows it for the chosen paragraph.
 */
import { useState } from 'react';
import type * as Y from 'yjs';
import { proposeAmendment, readStatus } from '../../shared/negotiation/actions.ts';
import type { Actor, AmendmentKind, Phase } from '../../shared/negotiation/layout.ts';
import { canProposeAmendment } from '../../shared/permissions/rules.ts';
import type { ParagraphInfo } from './model.ts';
import { describeRefusal } from './refusals.ts';

export interface ProposeFormProps {
  doc: Y.Doc;
  actor: Actor;
  phase: Phase;
  /** PP/OP paragraphs with ids, in document order. */
  paragraphs: readonly ParagraphInfo[];
  /** Preselected paragraph (e.g. the one with the cursor). */
  initialTarget?: string;
  onCreated: (id: string) => void;
  onCancel: () => void;
}

const KIND_LABEL: Readonly<Record<AmendmentKind, string>> = {
  wording: 'New wording', insert: 'New paragraph after', delete: 'Delete paragraph', move: 'Move paragraph',
};

export function ProposeForm({ doc, actor, phase, paragraphs, initialTarget, onCreated, onCancel }: ProposeFormProps) {
  const [kind, setKind] = useState<AmendmentKind>('wording');
  const [target, setTarget] = useState(initialTarget && paragraphs.some((p) => p.id === initialTarget) ? initialTarget : paragraphs[0]?.id ?? '');
  const [after, setAfter] = useState('');
  const [paragraphKind, setParagraphKind] = useState<'preambular' | 'operative'>('operative');
  const [level, setLevel] = useState(0);
  const [rationale, setRationale] = useState('');
  const chosen = paragraphs.find((p) => p.id === target);
  const verdict = canProposeAmendment(actor, { phase, targetStatus: kind === 'insert' || !target ? undefined : readStatus(doc, target) });
  const missing = kind !== 'insert' && !chosen ? 'Choose a paragraph.' : '';

  const submit = (): void => {
    if (!verdict.ok || missing || !actor.delegation) return;
    const text = chosen?.text ?? '';
    const id = kind === 'insert'
      ? proposeAmendment(doc, { author: actor.delegation, kind, after: target, paragraphKind, level, rationale, text: '' })
      : proposeAmendment(doc, {
        author: actor.delegation, kind, target, after: kind === 'move' ? after : '', baseText: text, rationale,
        text: kind === 'wording' ? text : '',
      });
    onCreated(id);
  };

  return (
    <form className="ph-neg-form" data-testid="propose-form" onSubmit={(e) => { e.preventDefault(); submit(); }}>
      <label htmlFor="ph-propose-kind">Amendment</label>
      <select id="ph-propose-kind" data-testid="propose-kind" value={kind} onChange={(e) => setKind(e.target.value as AmendmentKind)}>
        {(Object.keys(KIND_LABEL) as AmendmentKind[]).map((k) => <option key={k} value={k}>{KIND_LABEL[k]}</option>)}
      </select>
      <label htmlFor="ph-propose-target">{kind === 'insert' ? 'After' : 'Paragraph'}</label>
      <select
        id="ph-propose-target" data-testid="propose-target" value={target}
        onChange={(e) => {
          setTarget(e.target.value);
          const p = paragraphs.find((x) => x.id === e.target.value);
          if (p?.kind) setParagraphKind(p.kind);
          setLevel(p ? Math.max(0, p.depth) : 0);
        }}
      >
        {kind === 'insert' && <option value="">At the start of its section</option>}
        {paragraphs.map((p) => <option key={p.id} value={p.id}>{p.ref} — {p.text.slice(0, 60)}</option>)}
      </select>
      {kind === 'insert' && (
        <>
          <label htmlFor="ph-propose-pkind">New paragraph is</label>
          <select id="ph-propose-pkind" data-testid="propose-paragraph-kind" value={paragraphKind}
            onChange={(e) => setParagraphKind(e.target.value === 'preambular' ? 'preambular' : 'operative')}>
            <option value="preambular">Preambular</option>
            <option value="operative">Operative</option>
          </select>
          <label htmlFor="ph-propose-level">Level</label>
          <select id="ph-propose-level" data-testid="propose-level" value={level} onChange={(e) => setLevel(Number(e.target.value))}>
            <option value={0}>Paragraph</option>
            <option value={1}>Sub-paragraph (a)</option>
            <option value={2}>Sub-paragraph (i)</option>
            <option value={3}>Sub-paragraph a.</option>
          </select>
        </>
      )}
      {kind === 'move' && (
        <>
          <label htmlFor="ph-propose-after">Move after</label>
          <select id="ph-propose-after" data-testid="propose-after" value={after} onChange={(e) => setAfter(e.target.value)}>
            <option value="">The start of its section</option>
            {paragraphs.filter((p) => p.id !== target).map((p) => <option key={p.id} value={p.id}>{p.ref} — {p.text.slice(0, 60)}</option>)}
          </select>
        </>
      )}
      <label htmlFor="ph-propose-rationale">Rationale (optional)</label>
      <textarea id="ph-propose-rationale" data-testid="propose-rationale" rows={2} value={rationale} onChange={(e) => setRationale(e.target.value)} />
      {kind === 'wording' && <p className="ph-muted">You will edit a copy of the paragraph; others see your changes as you type.</p>}
      {kind === 'insert' && <p className="ph-muted">You will type the new paragraph's text next.</p>}
      {!verdict.ok && <p className="ph-neg-refused" data-testid="propose-refused">{describeRefusal(verdict.reason)}</p>}
      {verdict.ok && missing && <p className="ph-neg-refused">{missing}</p>}
      <div className="ph-neg-actions">
        <button type="submit" className="ph-button ph-primary" data-testid="propose-submit" disabled={!verdict.ok || Boolean(missing)}>Propose</button>
        <button type="button" className="ph-button" onClick={onCancel}>Cancel</button>
      </div>
    </form>
  );
}

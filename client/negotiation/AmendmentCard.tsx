/**
 * One amendment in the panel: author, co-signers, status, timestamps, rationale, the proposed text as a
 * word diff against the paragraph's current text, the actions the rules allow the current actor (edit and
 * withdraw for the author, co-sign for other delegations, accept / reject / reopen for the chair), and the
 * actor's position on it. Accept asks the server to merge (merge-api.ts); a conflict, computed locally
 * (merge.ts), opens a per-hunk resolution view whose choices go to the server. Rebase is a server call too.
 */
import { useState } from 'react';
import type * as Y from 'yjs';
import type { Conflict, Resolution } from '../../shared/merge/three-way.ts';
import {
  cosignAmendment, readStatus, setAmendmentPlacement, setAmendmentRationale, setAmendmentStatus, uncosignAmendment, withdrawAmendment,
} from '../../shared/negotiation/actions.ts';
import type { Actor, AmendmentStatus, Phase } from '../../shared/negotiation/layout.ts';
import { canCosignAmendment, canEditAmendment, canSetAmendmentStatus } from '../../shared/permissions/rules.ts';
import { AmendmentTextEditor } from './AmendmentTextEditor.tsx';
import { DiffView } from './DiffView.tsx';
import { STATUS_LABEL, type AmendmentView, type ParagraphInfo } from './model.ts';
import type { ApiResult, DraftRequestContext } from '../api.ts';
import { describeServerError, previewConflicts } from './merge.ts';
import { acceptOnServer, rebaseOnServer } from './merge-api.ts';
import { PositionControl } from './PositionControl.tsx';
import { colorForName } from '../../shared/identity/color.ts';

export interface AmendmentCardProps {
  doc: Y.Doc;
  actor: Actor;
  phase: Phase;
  amendment: AmendmentView;
  /** "OP1", "OP1 bis". */
  refLabel: string;
  /** Current text of the target paragraph ('' for a new paragraph). */
  paragraphText: string;
  paragraphs: readonly ParagraphInfo[];
  editing: boolean;
  onToggleEdit: () => void;
  /** Out of date against its paragraph (staleAmendments): shown as "to be rebased". */
  stale?: boolean;
  /** Selected for "Accept selected" (chair); undefined = no checkbox. */
  selected?: boolean;
  onSelect?: (selected: boolean) => void;
  /** Where the merge routes are (absent in static renders: the server actions then say so). */
  server?: { ctx: DraftRequestContext; draftId: string };
  /** Called after the server merged this amendment (the panel refreshes its undo list). */
  onAccepted?: () => void;
}

type Choice = 'ours' | 'theirs' | 'edit';

/** The chair's conflict view: one row per conflict hunk with base / current / amendment text and a choice. */
function ConflictView({ conflicts, onApply, onCancel }: { conflicts: Conflict[]; onApply: (r: Resolution[]) => void; onCancel: () => void }) {
  const [choices, setChoices] = useState<Choice[]>(() => conflicts.map(() => 'ours'));
  const [texts, setTexts] = useState<string[]>(() => conflicts.map((c) => c.theirs));
  const set = (k: number, c: Choice): void => setChoices((cs) => cs.map((x, i) => (i === k ? c : x)));
  return (
    <div className="ph-neg-conflicts" data-testid="merge-conflicts">
      <p><strong>Conflicts with the current text.</strong> Choose for each:</p>
      {conflicts.map((c, k) => (
        <div key={k} className="ph-neg-conflict" data-testid="merge-conflict" data-choice={choices[k]}>
          <div>Base: <q data-testid="conflict-base">{c.base}</q></div>
          <div>Current text: <q data-testid="conflict-current">{c.ours}</q></div>
          <div>Amendment: <q data-testid="conflict-amendment">{c.theirs}</q></div>
          <button type="button" className="ph-button" data-testid="conflict-keep" aria-pressed={choices[k] === 'ours'} onClick={() => set(k, 'ours')}>Keep current</button>
          <button type="button" className="ph-button" data-testid="conflict-take" aria-pressed={choices[k] === 'theirs'} onClick={() => set(k, 'theirs')}>Take amendment</button>
          <input className="ph-input" data-testid="conflict-edit" aria-label={`Own wording for conflict ${k + 1}`} value={texts[k]}
            onChange={(e) => { const v = e.target.value; setTexts((ts) => ts.map((t, i) => (i === k ? v : t))); set(k, 'edit'); }} />
        </div>
      ))}
      <button type="button" className="ph-button ph-primary" data-testid="conflict-apply"
        onClick={() => onApply(choices.map((c, k) => (c === 'edit' ? { text: texts[k] } : c)))}>Apply</button>
      <button type="button" className="ph-button" data-testid="conflict-cancel" onClick={onCancel}>Cancel</button>
    </div>
  );
}

function when(iso: string): string {
  const t = Date.parse(iso);
  return Number.isFinite(t) ? new Date(t).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }) : iso;
}

const KIND_LABEL = { wording: 'new wording', insert: 'new paragraph', delete: 'deletion', move: 'move' } as const;

export function AmendmentCard({ doc, actor, phase, amendment: a, refLabel, paragraphText, paragraphs, editing, onToggleEdit, stale = false, selected, onSelect, onAccepted,
  server,
}: AmendmentCardProps) {
  const [conflicts, setConflicts] = useState<Conflict[] | null>(null);
  const [mergeError, setMergeError] = useState('');
  const [busy, setBusy] = useState(false);
  /** The author's hand-settled wording after a conflicting rebase; null when not asked for. */
  const [rebaseText, setRebaseText] = useState<string | null>(null);
  const targetStatus = a.kind === 'insert' ? undefined : readStatus(doc, a.target);
  const state = { author: a.author, status: a.status };
  const canEdit = canEditAmendment(actor, { amendment: state, phase, targetStatus }).ok;
  const can = (to: AmendmentStatus): boolean => canSetAmendmentStatus(actor, { amendment: state, to, phase }).ok;
  const own = actor.delegation ?? '';
  const canCosign = own !== '' && canCosignAmendment(actor, { delegation: own, amendment: state, phase }).ok;
  const cosigned = a.cosigners.includes(own);
  const anchor = a.after === '' ? 'the start of its section' : paragraphs.find((p) => p.id === a.after)?.ref ?? 'a removed paragraph';
  const isEditing = editing && canEdit;
  /** Runs one server call, showing its error; `done` gets the value on success. */
  const call = async <T,>(run: (s: NonNullable<typeof server>) => Promise<ApiResult<T>>, done: (v: T) => void, failed?: (code: string) => boolean): Promise<void> => {
    if (!server) { setMergeError('Not connected to the server.'); return; }
    setBusy(true);
    const res = await run(server);
    setBusy(false);
    if (res.ok) { setMergeError(''); done(res.value); return; }
    if (failed?.(res.error.code)) return;
    setMergeError(describeServerError(res.error));
  };
  const merged = (): void => { setConflicts(null); onAccepted?.(); };
  /** A conflict (seen here, or by the server on newer text) opens the conflict view instead of a request. */
  const showConflicts = (): boolean => {
    const found = previewConflicts(doc, a.id);
    if (found) { setConflicts(found); setMergeError(''); }
    return found !== null;
  };
  const accept = (): void => {
    if (showConflicts()) return;
    void call((s) => acceptOnServer(s.ctx, s.draftId, a.id), merged, (code) => code === 'conflict' && showConflicts());
  };
  const rebase = (text?: string): void => {
    void call((s) => rebaseOnServer(s.ctx, s.draftId, a.id, text), () => setRebaseText(null), (code) => {
      if (code !== 'conflict') return false;
      setRebaseText((cur) => cur ?? a.text);
      setMergeError('Your wording and the current text change the same words: write the settled wording below.');
      return true;
    });
  };

  return (
    <article
      className="ph-neg-amendment" data-testid="amendment" data-amendment-id={a.id} data-author={a.author} data-kind={a.kind}
      data-status={a.status} style={{ ['--ph-tc' as string]: colorForName(a.author) }} aria-label={`${a.author}: ${KIND_LABEL[a.kind]} for ${refLabel}`}
    >
      <div className="ph-neg-meta">
        {selected !== undefined && (
          <input type="checkbox" data-testid="amendment-select" aria-label={`Select ${a.author}'s amendment to ${refLabel}`} checked={selected}
            onChange={(e) => onSelect?.(e.target.checked)} />
        )}
        <strong data-testid="amendment-author" style={{ color: colorForName(a.author) }}>{a.author}</strong>
        <span>{KIND_LABEL[a.kind]}</span>
        <span className="ph-neg-status" data-testid="amendment-status">{STATUS_LABEL[a.status]}</span>
        <time dateTime={a.createdAt}>proposed {when(a.createdAt)}</time>
        {a.updatedAt && a.updatedAt !== a.createdAt && <time dateTime={a.updatedAt}>updated {when(a.updatedAt)}</time>}
      </div>
      {stale && a.status === 'proposed' && (
        <div className="ph-neg-refused" data-testid="amendment-stale">
          Out of date — to be rebased (the paragraph changed since it was proposed).{' '}
          {canEdit && a.kind === 'wording' && <button type="button" className="ph-button" data-testid="amendment-rebase" disabled={busy} onClick={() => rebase()}>Rebase</button>}
        </div>
      )}
      {a.cosigners.length > 0 && <div className="ph-neg-meta" data-testid="amendment-cosigners">Co-signed by {a.cosigners.join(', ')}</div>}

      {(a.kind === 'wording' || a.kind === 'insert') && isEditing && (
        <AmendmentTextEditor doc={doc} amendmentId={a.id} label={`Proposed wording for ${refLabel}`} autoFocus />
      )}
      {a.kind === 'wording' && <DiffView before={paragraphText} after={a.text} />}
      {a.kind === 'insert' && <DiffView before="" after={a.text} />}
      {a.kind === 'delete' && <DiffView before={paragraphText} after="" />}
      {a.kind === 'move' && !isEditing && <p className="ph-neg-diff">Move {refLabel} after {anchor}.</p>}
      {a.kind === 'move' && isEditing && (
        <label>Move after{' '}
          <select data-testid="amendment-after" value={a.after} onChange={(e) => setAmendmentPlacement(doc, a.id, { after: e.target.value })}>
            <option value="">The start of its section</option>
            {paragraphs.filter((p) => p.id !== a.target).map((p) => <option key={p.id} value={p.id}>{p.ref}</option>)}
          </select>
        </label>
      )}

      {isEditing ? (
        <label className="ph-neg-meta" style={{ display: 'block' }}>Rationale
          <textarea className="ph-textarea" data-testid="amendment-rationale" rows={2} value={a.rationale}
            onChange={(e) => setAmendmentRationale(doc, a.id, e.target.value)} />
        </label>
      ) : a.rationale && <p data-testid="amendment-rationale-text"><em>Rationale:</em> {a.rationale}</p>}

      <div className="ph-neg-actions">
        {canEdit && <button type="button" className="ph-button" data-testid="amendment-edit" aria-pressed={isEditing} onClick={onToggleEdit}>{isEditing ? 'Done' : 'Edit'}</button>}
        {can('withdrawn') && <button type="button" className="ph-button" data-testid="amendment-withdraw" onClick={() => withdrawAmendment(doc, a.id)}>Withdraw</button>}
        {canCosign && (cosigned
          ? <button type="button" className="ph-button" data-testid="amendment-uncosign" onClick={() => uncosignAmendment(doc, a.id, own)}>Withdraw co-signature</button>
          : <button type="button" className="ph-button" data-testid="amendment-cosign" onClick={() => cosignAmendment(doc, a.id, own)}>Co-sign</button>)}
        {can('accepted') && <button type="button" className="ph-button ph-primary" data-testid="amendment-accept" disabled={busy} onClick={accept}>Accept</button>}
        {can('rejected') && <button type="button" className="ph-button ph-danger" data-testid="amendment-reject" onClick={() => setAmendmentStatus(doc, a.id, 'rejected')}>{stale ? 'Close' : 'Reject'}</button>}
        {can('proposed') && <button type="button" className="ph-button" data-testid="amendment-reopen" onClick={() => setAmendmentStatus(doc, a.id, 'proposed')}>Reopen</button>}
      </div>
      {mergeError && <p className="ph-neg-refused" role="alert" data-testid="merge-error">{mergeError}</p>}
      {rebaseText !== null && a.status === 'proposed' && canEdit && (
        <div className="ph-neg-conflicts" data-testid="rebase-by-hand">
          <textarea className="ph-textarea" data-testid="rebase-text" rows={3} aria-label="Settled wording" value={rebaseText}
            onChange={(e) => setRebaseText(e.target.value)} />
          <button type="button" className="ph-button ph-primary" data-testid="rebase-apply" disabled={busy} onClick={() => rebase(rebaseText)}>Rebase with this wording</button>
          <button type="button" className="ph-button" data-testid="rebase-cancel" onClick={() => { setRebaseText(null); setMergeError(''); }}>Cancel</button>
        </div>
      )}
      {conflicts && a.status === 'proposed' && can('accepted') && (
        <ConflictView conflicts={conflicts} onCancel={() => setConflicts(null)}
          onApply={(r) => void call((s) => acceptOnServer(s.ctx, s.draftId, a.id, r), merged, (code) => { if (code === 'stale-plan') showConflicts(); return false; })} />
      )}
      {a.status === 'proposed' && <PositionControl doc={doc} actor={actor} target={a.id} label={`${a.author}'s amendment to ${refLabel}`} />}
    </article>
  );
}

/**
 * One amendment in the panel: author, co-signers, status, timestamps, rationale, the proposed text as a
 * word diff against the paragraph's current text, the actions the rules allow the current actor (edit and
 * withdraw for the author, co-sign for other delegations, accept / reject / reopen for the chair), and the
 * actor's position on it.
 */
import type * as Y from 'yjs';
import {
  cosignAmendment, readStatus, setAmendmentPlacement, setAmendmentRationale, setAmendmentStatus, uncosignAmendment, withdrawAmendment,
} from '../../shared/negotiation/actions.ts';
import type { Actor, AmendmentStatus, Phase } from '../../shared/negotiation/layout.ts';
import { canCosignAmendment, canEditAmendment, canSetAmendmentStatus } from '../../shared/permissions/rules.ts';
import { AmendmentTextEditor } from './AmendmentTextEditor.tsx';
import { DiffView } from './DiffView.tsx';
import { delegationColor, STATUS_LABEL, type AmendmentView, type ParagraphInfo } from './model.ts';
import { PositionControl } from './PositionControl.tsx';

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
}

function when(iso: string): string {
  const t = Date.parse(iso);
  return Number.isFinite(t) ? new Date(t).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }) : iso;
}

const KIND_LABEL = { wording: 'new wording', insert: 'new paragraph', delete: 'deletion', move: 'move' } as const;

export function AmendmentCard({ doc, actor, phase, amendment: a, refLabel, paragraphText, paragraphs, editing, onToggleEdit }: AmendmentCardProps) {
  const targetStatus = a.kind === 'insert' ? undefined : readStatus(doc, a.target);
  const state = { author: a.author, status: a.status };
  const canEdit = canEditAmendment(actor, { amendment: state, phase, targetStatus }).ok;
  const can = (to: AmendmentStatus): boolean => canSetAmendmentStatus(actor, { amendment: state, to, phase }).ok;
  const own = actor.delegation ?? '';
  const canCosign = own !== '' && canCosignAmendment(actor, { delegation: own, amendment: state, phase }).ok;
  const cosigned = a.cosigners.includes(own);
  const anchor = a.after === '' ? 'the start of its section' : paragraphs.find((p) => p.id === a.after)?.ref ?? 'a removed paragraph';
  const isEditing = editing && canEdit;

  return (
    <article
      className="ph-neg-amendment" data-testid="amendment" data-amendment-id={a.id} data-author={a.author} data-kind={a.kind}
      data-status={a.status} style={{ ['--ph-tc' as string]: delegationColor(a.author) }} aria-label={`${a.author}: ${KIND_LABEL[a.kind]} for ${refLabel}`}
    >
      <div className="ph-neg-meta">
        <strong data-testid="amendment-author" style={{ color: delegationColor(a.author) }}>{a.author}</strong>
        <span>{KIND_LABEL[a.kind]}</span>
        <span className="ph-neg-status" data-testid="amendment-status">{STATUS_LABEL[a.status]}</span>
        <time dateTime={a.createdAt}>proposed {when(a.createdAt)}</time>
        {a.updatedAt && a.updatedAt !== a.createdAt && <time dateTime={a.updatedAt}>updated {when(a.updatedAt)}</time>}
      </div>
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
        {can('accepted') && <button type="button" className="ph-button ph-primary" data-testid="amendment-accept" onClick={() => setAmendmentStatus(doc, a.id, 'accepted')}>Accept</button>}
        {can('rejected') && <button type="button" className="ph-button ph-danger" data-testid="amendment-reject" onClick={() => setAmendmentStatus(doc, a.id, 'rejected')}>Reject</button>}
        {can('proposed') && <button type="button" className="ph-button" data-testid="amendment-reopen" onClick={() => setAmendmentStatus(doc, a.id, 'proposed')}>Reopen</button>}
      </div>
      {a.status === 'proposed' && <PositionControl doc={doc} actor={actor} target={a.id} label={`${a.author}'s amendment to ${refLabel}`} />}
    </article>
  );
}

/**
 * The chair's dashboard (issue 4 §5), live from the Y.Doc: pending amendments grouped by paragraph with
 * their position counts, paragraphs by status, the delegations silent on a chosen paragraph, and quick
 * actions — accept / reject through the server's merge routes (client/negotiation/merge-api.ts), bracket /
 * agree ad ref / back to pending through the shared negotiation actions. Buttons appear only when
 * shared/permissions/rules.ts allows them. Shown to the chair and the secretariat.
 * Test hooks: `chair-dashboard`, `dash-group` (data-label), `dash-amendment` (data-amendment-id), `dash-counts`
 * (data-support…), `dash-accept|reject`, `dash-status` (data-status, data-count), `dash-paragraph`,
 * `dash-set-status` (data-to), `dash-silent-delegation` (data-delegation), `dash-message`.
 */
import { useEffect, useMemo, useState } from 'react';
import { setParagraphStatus } from '../../shared/negotiation/actions.ts';
import type { ParagraphStatus } from '../../shared/negotiation/layout.ts';
import { api, browserDraftContext } from '../api.ts';
import type { SideViewProps } from '../app/side-view.ts';
import { useDocSnapshot } from '../negotiation/hooks.ts';
import { acceptOnServer, rejectOnServer } from '../negotiation/merge-api.ts';
import {
  amendmentActions, COUNTED_STANCES, decisionError, draftDelegations, invitedDelegations, numberedParagraphs, PARAGRAPH_STATUS_LABEL,
  pendingGroups, readDashboardInput, silentDelegations, statusActions, statusBuckets, type PendingAmendment,
} from './model.ts';
import './dashboard.css';

const KIND_WORDS: Readonly<Record<PendingAmendment['kind'], string>> = {
  wording: 'new wording', insert: 'new paragraph', delete: 'deletion', move: 'move',
};
const STANCE_WORDS: Readonly<Record<(typeof COUNTED_STANCES)[number], string>> = {
  support: 'support', 'can-accept': 'can accept', oppose: 'oppose', reservation: 'reservation',
};

type Message = { kind: 'info' | 'error'; text: string };

export function ChairDashboard({ draftId, doc, actor, phase, currentParagraphId, disabled }: SideViewProps) {
  const input = useDocSnapshot(doc, readDashboardInput);
  const [invited, setInvited] = useState<readonly string[]>([]);
  const [chosen, setChosen] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const allowed = actor.role === 'chair' || actor.role === 'secretariat';

  useEffect(() => {
    if (!allowed) return undefined;
    let live = true;
    // The chair and the secretariat may list invitations: invited delegations count as silent until they speak.
    void api.listInvitations(draftId).then((res) => {
      if (live && res.ok) setInvited(invitedDelegations(res.value));
    });
    return () => {
      live = false;
    };
  }, [draftId, allowed]);

  const groups = useMemo(() => pendingGroups(input), [input]);
  const buckets = useMemo(() => statusBuckets(input.paragraphs, input.statuses), [input]);
  const numbered = useMemo(() => numberedParagraphs(input.paragraphs), [input]);
  const delegations = useMemo(() => draftDelegations(input, invited), [input, invited]);

  if (!allowed) return <p className="ph-muted" data-testid="chair-dashboard-denied">The dashboard is for the chair and the secretariat.</p>;

  const pick = (id: string | undefined): string => (id && numbered.some((p) => p.id === id) ? id : '');
  const selectedId = pick(chosen) || pick(currentParagraphId) || numbered[0]?.id || '';
  const selected = numbered.find((p) => p.id === selectedId);
  const selectedStatus: ParagraphStatus = input.statuses.get(selectedId) ?? 'pending';
  const silent = selected ? silentDelegations(selected.id, delegations, input.positions) : [];
  const pendingCount = groups.reduce((n, g) => n + g.amendments.length, 0);

  const decide = async (a: PendingAmendment, how: 'accept' | 'reject') => {
    setBusy(a.id);
    setMessage(null);
    const res = how === 'accept'
      ? await acceptOnServer(browserDraftContext, draftId, a.id)
      : await rejectOnServer(browserDraftContext, draftId, a.id);
    setBusy(null);
    setMessage(res.ok
      ? { kind: 'info', text: `${a.author}'s amendment to ${a.ref} ${how === 'accept' ? 'accepted' : 'rejected'}.` }
      : { kind: 'error', text: decisionError(res.error, a.ref) });
  };

  const setStatus = (paragraphId: string, to: ParagraphStatus, ref: string) => {
    setParagraphStatus(doc, paragraphId, to, actor.participant);
    setMessage({ kind: 'info', text: `${ref} is now ${PARAGRAPH_STATUS_LABEL[to].toLowerCase()}.` });
  };

  return (
    <section className="ph-dash" data-testid="chair-dashboard" aria-label="Chair's dashboard">
      <h2>Dashboard</h2>
      {message && (
        <p className={message.kind === 'error' ? 'ph-error' : 'ph-dash-info'} role={message.kind === 'error' ? 'alert' : 'status'}
          data-testid="dash-message" data-kind={message.kind}>
          {message.text}
        </p>
      )}

      <section className="ph-dash-section" data-testid="dash-pending" aria-label="Pending amendments">
        <h3>Pending amendments <span className="ph-dash-count">{pendingCount}</span></h3>
        {groups.length === 0 && <p className="ph-muted" data-testid="dash-no-pending">No amendment is waiting for a decision.</p>}
        {groups.map((g) => (
          <div key={g.key} className="ph-dash-group" data-testid="dash-group" data-label={g.label} data-paragraph-id={g.paragraphId}>
            <h4>
              {g.paragraphId ? (
                <button type="button" className="ph-link-button" title="Show this paragraph below" onClick={() => setChosen(g.paragraphId)}>{g.label}</button>
              ) : g.label}
            </h4>
            <ul className="ph-dash-list">
              {g.amendments.map((a) => {
                const can = amendmentActions(actor, phase, { author: a.author, status: 'proposed', kind: a.kind },
                  a.targetId ? input.statuses.get(a.targetId) : undefined);
                return (
                  <li key={a.id} className="ph-dash-amendment" data-testid="dash-amendment" data-amendment-id={a.id} data-author={a.author}>
                    <div className="ph-dash-line">
                      <strong>{a.ref}</strong> · {KIND_WORDS[a.kind]} by <span className="ph-dash-author">{a.author}</span>
                      {a.cosigners.length > 0 && <span className="ph-muted" data-testid="dash-cosigners">, co-signed by {a.cosigners.join(', ')}</span>}
                    </div>
                    {a.text && <div className="ph-dash-text" title={a.text}>{a.text}</div>}
                    <div className="ph-dash-counts" data-testid="dash-counts" data-support={a.counts.support} data-can-accept={a.counts['can-accept']}
                      data-oppose={a.counts.oppose} data-reservation={a.counts.reservation}>
                      {COUNTED_STANCES.map((s) => (
                        <span key={s} className={`ph-dash-stance ph-dash-${s}${a.counts[s] === 0 ? ' ph-dash-zero' : ''}`}>
                          {a.counts[s]} {STANCE_WORDS[s]}
                        </span>
                      ))}
                    </div>
                    {(can.accept || can.reject) && (
                      <div className="ph-dash-buttons">
                        {can.accept && (
                          <button type="button" className="ph-button ph-small" data-testid="dash-accept" disabled={disabled || busy !== null}
                            onClick={() => void decide(a, 'accept')}>
                            {busy === a.id ? 'Working…' : 'Accept'}
                          </button>
                        )}
                        {can.reject && (
                          <button type="button" className="ph-button ph-small" data-testid="dash-reject" disabled={disabled || busy !== null}
                            onClick={() => void decide(a, 'reject')}>
                            Reject
                          </button>
                        )}
                      </div>
                    )}
                  </li>
                );
              })}
            </ul>
          </div>
        ))}
      </section>

      <section className="ph-dash-section" data-testid="dash-statuses" aria-label="Paragraphs by status">
        <h3>Paragraphs by status</h3>
        <div className="ph-dash-buckets">
          {buckets.map((b) => (
            <div key={b.status} className={`ph-dash-bucket ph-dash-bucket-${b.status}`} data-testid="dash-status" data-status={b.status} data-count={b.count}>
              <div className="ph-dash-bucket-head"><span>{b.label}</span> <span className="ph-dash-count">{b.count}</span></div>
              <div className="ph-dash-refs">
                {b.paragraphs.map((p) => (
                  <button key={p.id} type="button" className="ph-dash-ref" data-testid="dash-status-paragraph" data-paragraph-id={p.id}
                    aria-pressed={p.id === selectedId} onClick={() => setChosen(p.id)}>
                    {p.ref}
                  </button>
                ))}
              </div>
            </div>
          ))}
        </div>
      </section>

      <section className="ph-dash-section" data-testid="dash-paragraph-panel" aria-label="One paragraph">
        <h3>Paragraph</h3>
        {numbered.length === 0 ? <p className="ph-muted">The draft has no numbered paragraph yet.</p> : (
          <>
            <label className="ph-dash-pick">Paragraph{' '}
              <select data-testid="dash-paragraph" value={selectedId} onChange={(e) => setChosen(e.target.value)}>
                {numbered.map((p) => <option key={p.id} value={p.id}>{p.ref}</option>)}
              </select>
            </label>{' '}
            <span className="ph-dash-current" data-testid="dash-paragraph-status" data-status={selectedStatus}>{PARAGRAPH_STATUS_LABEL[selectedStatus]}</span>
            {selected?.text && <p className="ph-dash-text" title={selected.text}>{selected.text}</p>}
            <div className="ph-dash-buttons">
              {selected && statusActions(actor, phase, selectedStatus).map((s) => (
                <button key={s.to} type="button" className="ph-button ph-small" data-testid="dash-set-status" data-to={s.to} disabled={disabled}
                  onClick={() => setStatus(selected.id, s.to, selected.ref)}>
                  {s.label}
                </button>
              ))}
            </div>
            <h4>No position yet <span className="ph-dash-count" data-testid="dash-silent-count">{silent.length}</span></h4>
            {silent.length === 0 ? (
              <p className="ph-muted" data-testid="dash-none-silent">Every delegation of the draft has recorded a position.</p>
            ) : (
              <ul className="ph-dash-silent" data-testid="dash-silent">
                {silent.map((d) => <li key={d} data-testid="dash-silent-delegation" data-delegation={d}>{d}</li>)}
              </ul>
            )}
          </>
        )}
      </section>
    </section>
  );
}

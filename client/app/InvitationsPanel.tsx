/**
 * Invitations (secretariat and chair): invite a participant with a role, hand over the personal
 * link (shown once: the server keeps only a hash of the token), list and revoke invitations.
 * Delegation roles pick a name from the delegation directory; other roles take free text.
 */
import { useCallback, useEffect, useMemo, useState, type FormEvent } from 'react';
import type { Actor, Role } from '../../shared/negotiation/layout.ts';
import { listDirectory } from '../../shared/directory/directory.ts';
import { api, type InvitationSummary } from '../api.ts';
import { ROLE_WORDS, checkParticipant, invitableRoles, isDelegationRole } from './access.ts';

export interface InvitationsPanelProps {
  draftId: string;
  actor: Actor;
  onClose: () => void;
}

type Issued = { participant: string; role: Role; link: string };

export function InvitationsPanel({ draftId, actor, onClose }: InvitationsPanelProps) {
  const roles = invitableRoles(actor);
  const [role, setRole] = useState<Role>(roles.includes('delegation') ? 'delegation' : roles[0]);
  const [participant, setParticipant] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [issued, setIssued] = useState<Issued | null>(null);
  const [copied, setCopied] = useState(false);
  const [list, setList] = useState<InvitationSummary[] | null>(null);
  const [listError, setListError] = useState<string | null>(null);
  const names = useMemo(() => listDirectory().map((e) => e.name), []);

  const refresh = useCallback(async () => {
    const res = await api.listInvitations(draftId);
    if (res.ok) {
      setList(res.value);
      setListError(null);
    } else setListError(res.error.message);
  }, [draftId]);
  useEffect(() => {
    void refresh();
  }, [refresh]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const checked = checkParticipant(role, participant);
    if (!checked.ok) {
      setError(checked.error);
      return;
    }
    setBusy(true);
    const res = await api.createInvitation(draftId, { participant: checked.participant, role });
    setBusy(false);
    if (!res.ok) {
      setError(res.error.message);
      return;
    }
    setIssued({ participant: checked.participant, role, link: res.value.link });
    setCopied(false);
    setParticipant('');
    void refresh();
  };

  const copy = async () => {
    if (!issued) return;
    try {
      await navigator.clipboard.writeText(issued.link);
      setCopied(true);
    } catch {
      setError('The link could not be copied automatically: select it and copy it by hand.');
    }
  };

  const revoke = async (inv: InvitationSummary) => {
    const res = await api.revokeInvitation(draftId, inv.id);
    if (!res.ok) setListError(res.error.message);
    void refresh();
  };

  const delegationRole = isDelegationRole(role);
  return (
    <aside className="ph-panel" aria-labelledby="invitations-title" data-testid="invitations-panel">
      <div className="ph-panel-head">
        <h2 id="invitations-title">Invitations</h2>
        <button type="button" className="ph-button" onClick={onClose} data-testid="close-invitations">Close</button>
      </div>
      <form onSubmit={(e) => void submit(e)}>
        <label htmlFor="invite-role" className="ph-label">Role</label>
        <select id="invite-role" className="ph-input" data-testid="invite-role" value={role}
          onChange={(e) => setRole(e.target.value as Role)}>
          {roles.map((r) => <option key={r} value={r}>{ROLE_WORDS[r]}</option>)}
        </select>
        <label htmlFor="invite-participant" className="ph-label">{delegationRole ? 'Delegation' : 'Participant'}</label>
        <input
          id="invite-participant" className="ph-input" data-testid="invite-participant" value={participant}
          onChange={(e) => setParticipant(e.target.value)} list={delegationRole ? 'directory-names' : undefined}
          placeholder={delegationRole ? 'e.g. Brazil' : role === 'chair' ? 'e.g. Chair (Ambassador Tan)' : 'Name'}
          autoComplete="off"
        />
        {delegationRole && (
          <datalist id="directory-names">{names.map((n) => <option key={n} value={n} />)}</datalist>
        )}
        {error && <p role="alert" className="ph-error" data-testid="invite-error">{error}</p>}
        <div className="ph-row">
          <button type="submit" className="ph-button ph-primary" data-testid="invite-submit" disabled={busy}>Create invitation</button>
        </div>
      </form>
      {issued && (
        <div className="ph-issued" data-testid="invite-issued">
          <p>Personal link for <strong>{issued.participant}</strong> ({ROLE_WORDS[issued.role].toLowerCase()}). Hand it over privately; it is shown only now.</p>
          <input className="ph-input" readOnly value={issued.link} data-testid="invite-link" onFocus={(e) => e.target.select()} aria-label="Invitation link" />
          <div className="ph-row">
            <button type="button" className="ph-button" data-testid="copy-invite-link" onClick={() => void copy()}>
              {copied ? 'Copied' : 'Copy link'}
            </button>
          </div>
        </div>
      )}
      <h3 className="ph-panel-sub">Issued</h3>
      {listError && <p role="alert" className="ph-error">{listError}</p>}
      {list === null && !listError && <p className="ph-muted">Loading…</p>}
      {list && list.length === 0 && <p className="ph-muted">No invitations yet.</p>}
      {list && list.length > 0 && (
        <ul className="ph-invitation-list">
          {list.map((inv) => (
            <li key={inv.id} data-testid="invitation-item" data-invitation-id={inv.id} data-revoked={inv.revokedAt ? 'true' : 'false'}
              className={inv.revokedAt ? 'ph-revoked' : undefined}>
              <span className="ph-inv-name">{inv.participant}</span>
              <span className="ph-inv-role">{ROLE_WORDS[inv.role]}</span>
              {inv.revokedAt ? (
                <span className="ph-muted">revoked</span>
              ) : invitableRoles(actor).includes(inv.role) ? (
                <button type="button" className="ph-button ph-small" data-testid="revoke-invitation" onClick={() => void revoke(inv)}
                  aria-label={`Revoke the invitation of ${inv.participant}`}>
                  Revoke
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </aside>
  );
}

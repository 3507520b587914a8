/** Shown for a draft this browser holds no token for: paste the personal invitation link. */
import { useState, type FormEvent } from 'react';
import { navigate, routeHref } from './route.ts';
import { browserStorage, parseInviteLink, saveToken } from './tokens.ts';

export interface InvitationNeededProps {
  draftId: string;
  /** Why the page asks: no token yet, or the one held stopped working. */
  reason?: 'missing' | 'invalid' | 'revoked';
  onToken: (token: string) => void;
}

export function InvitationNeeded({ draftId, reason = 'missing', onToken }: InvitationNeededProps) {
  const [link, setLink] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const invite = parseInviteLink(link);
    if (!invite) {
      setError('That is not an invitation link. It looks like https://…/#/d/<draft>?token=…');
      return;
    }
    saveToken(browserStorage(), invite.draftId, invite.token);
    if (invite.draftId === draftId) onToken(invite.token);
    else navigate({ page: 'draft', id: invite.draftId });
  };
  return (
    <div className="ph-page ph-invite-needed" data-testid="invitation-needed">
      <div className="ph-status-message">
        {reason === 'revoked' && <p role="alert" className="ph-error" data-testid="revoked-message">Your access to this draft was revoked.</p>}
        {reason === 'invalid' && <p role="alert" className="ph-error">The invitation link this browser held is not valid any more.</p>}
        <h1 className="ph-invite-title">You need an invitation link for this draft</h1>
        <p>Ask the secretariat or the chair for your personal link, then open it or paste it here.</p>
        <form onSubmit={submit} className="ph-invite-form">
          <label htmlFor="invite-link" className="ph-label">Invitation link</label>
          <input
            id="invite-link" className="ph-input" data-testid="invite-link-input" value={link}
            onChange={(e) => setLink(e.target.value)} placeholder="https://…/#/d/…?token=…"
          />
          {error && <p role="alert" className="ph-error" data-testid="invite-link-error">{error}</p>}
          <div className="ph-row">
            <button type="submit" className="ph-button ph-primary" data-testid="invite-link-submit">Open the draft</button>
            <a href={routeHref({ page: 'list' })}>Back to the drafts</a>
          </div>
        </form>
      </div>
    </div>
  );
}

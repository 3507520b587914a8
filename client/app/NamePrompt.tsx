/** Asks for a display name once (kept in localStorage) until identities come from the server. */
import { useState, type FormEvent } from 'react';
import { saveIdentity, type Identity } from '../collab/identity.ts';

function browserStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export interface NamePromptProps {
  onDone: (identity: Identity) => void;
  /** Offered only when there is already a name to fall back to. */
  onCancel?: () => void;
  initial?: string;
}

export function NamePrompt({ onDone, onCancel, initial = '' }: NamePromptProps) {
  const [name, setName] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const res = saveIdentity(browserStorage(), name);
    if (res.ok) onDone(res.identity);
    else setError(res.error);
  };
  return (
    <div className="ph-modal-backdrop">
      <form className="ph-modal" role="dialog" aria-modal="true" aria-labelledby="name-prompt-title" onSubmit={submit} data-testid="name-prompt">
        <h2 id="name-prompt-title">Your name</h2>
        <p className="ph-muted">Shown to the others editing this draft, next to your cursor.</p>
        <label htmlFor="name-input" className="ph-label">Name</label>
        <input
          id="name-input" className="ph-input" data-testid="name-input" autoFocus
          value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. Delegate of Chile"
        />
        {error && <p role="alert" className="ph-error">{error}</p>}
        <div className="ph-row">
          <button type="submit" className="ph-button ph-primary" data-testid="name-submit">
            {onCancel ? 'Change name' : 'Join the draft'}
          </button>
          {onCancel && <button type="button" className="ph-button" onClick={onCancel}>Cancel</button>}
        </div>
      </form>
    </div>
  );
}

/** localStorage, or null where it is unavailable. */
export { browserStorage };

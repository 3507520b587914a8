/**
 * The draft list: the drafts this browser holds invitation tokens for (with its role in each), plus the
 * server's list when the server lists drafts openly; create, import (paste or .txt upload) and delete
 * (secretariat). Creating a draft stores the creator's secretariat token. A server with a creation key
 * (401 `create-key-required` on create / list) gets a small form for it; the key is kept in this browser.
 */
import { useCallback, useEffect, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { api, type ApiError, type CreatedDraft, type DraftSummary } from '../api.ts';
import { displayTitle, formatTimestamp } from './format.ts';
import { navigate, routeHref } from './route.ts';
import { sessionStore, stashImportWarnings } from './import-notes.ts';
import { browserStorage, loadTokens, parseInviteLink, removeToken, saveToken } from './tokens.ts';
import { mergeDraftLists, type DraftRow } from './draft-list.ts';
import { ROLE_WORDS } from './access.ts';
import { forgetCreateKey, keyPromptFor, loadCreateKey, needsCreateKey, saveCreateKey } from './create-key.ts';

/** The server list: loaded, or why not (a server with a create key does not list drafts openly). */
type ListState = { status: 'loading' } | { status: 'ready'; drafts: DraftSummary[] } | { status: 'error'; error: ApiError };

function keepToken(created: CreatedDraft): void {
  if (!created.token) return;
  saveToken(browserStorage(), created.id, created.token, {
    role: created.role ?? 'secretariat', participant: created.participant ?? 'Secretariat', delegation: null,
    title: [created.symbol, created.title].filter(Boolean).join(' — '),
  });
}

/** Largest text file read in the browser; the server applies its own limit too. */
const MAX_FILE_BYTES = 5 * 1024 * 1024;

function readFileAsText(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '');
    reader.onerror = () => reject(reader.error ?? new Error('the file could not be read'));
    reader.readAsText(file);
  });
}

export function DraftListPage() {
  const [list, setList] = useState<ListState>({ status: 'loading' });
  const [busy, setBusy] = useState(false);
  const [importText, setImportText] = useState('');
  const [importError, setImportError] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [tokens, setTokens] = useState(() => loadTokens(browserStorage()));
  const [pasted, setPasted] = useState('');
  const [pasteError, setPasteError] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  /** Shown when the server wants a creation key; `error` is the server's word on a refused key. */
  const [keyPrompt, setKeyPrompt] = useState<{ error: string | null } | null>(null);
  const [keyStored, setKeyStored] = useState(() => loadCreateKey(browserStorage()) !== null);
  const [keyInput, setKeyInput] = useState('');

  /** After a failed create / import / list: true if it was the creation key (the key form takes over). */
  const promptForKey = useCallback((error: ApiError, keySent: boolean): boolean => {
    const prompt = keyPromptFor(error, keySent);
    if (!prompt.show) return false;
    if (prompt.forget) {
      forgetCreateKey(browserStorage()); // a refused key would only be refused again
      setKeyStored(false);
    }
    setKeyPrompt({ error: prompt.error });
    return true;
  }, []);

  const refresh = useCallback(async () => {
    setTokens(loadTokens(browserStorage()));
    const keySent = loadCreateKey(browserStorage()) !== null;
    const res = await api.listDrafts();
    setList(res.ok ? { status: 'ready', drafts: res.value } : { status: 'error', error: res.error });
    if (res.ok) setKeyPrompt(null);
    else promptForKey(res.error, keySent);
  }, [promptForKey]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const create = async () => {
    setBusy(true);
    setActionError(null);
    const keySent = loadCreateKey(browserStorage()) !== null;
    const res = await api.createEmptyDraft();
    setBusy(false);
    if (res.ok) {
      keepToken(res.value);
      navigate({ page: 'draft', id: res.value.id });
    } else if (!promptForKey(res.error, keySent)) setActionError(res.error.message);
  };

  const submitKey = async (e: FormEvent) => {
    e.preventDefault();
    if (!keyInput.trim()) {
      setKeyPrompt({ error: 'Enter the creation key first.' });
      return;
    }
    if (!saveCreateKey(browserStorage(), keyInput)) {
      setKeyPrompt({ error: 'This browser could not store the key (its storage is unavailable).' });
      return;
    }
    setKeyStored(true);
    setKeyInput('');
    setKeyPrompt({ error: null });
    setBusy(true);
    await refresh(); // the list call checks the key: accepted → the form goes, refused → the server's message
    setBusy(false);
  };

  const forgetKey = async () => {
    forgetCreateKey(browserStorage());
    setKeyStored(false);
    await refresh();
  };

  const importString = async (text: string) => {
    setImportError(null);
    if (!text.trim()) {
      setImportError('Paste the text of a resolution first (or choose a .txt file).');
      return;
    }
    setBusy(true);
    const keySent = loadCreateKey(browserStorage()) !== null;
    const res = await api.importDraft(text);
    setBusy(false);
    if (res.ok) {
      keepToken(res.value);
      stashImportWarnings(sessionStore(), res.value.id, res.value.warnings);
      navigate({ page: 'draft', id: res.value.id });
    }
    else if (promptForKey(res.error, keySent)) setImportError('Enter this server\'s creation key above, then import again.');
    else setImportError(res.error.message);
  };

  const onImportSubmit = (e: FormEvent) => {
    e.preventDefault();
    void importString(importText);
  };

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = ''; // so choosing the same file again fires change again
    if (!file) return;
    setImportError(null);
    if (file.size > MAX_FILE_BYTES) {
      setImportError(`"${file.name}" is too large to import (${Math.round(file.size / 1024)} KB; the limit is ${MAX_FILE_BYTES / 1024 / 1024} MB).`);
      return;
    }
    let text: string;
    try {
      text = await readFileAsText(file);
    } catch (err) {
      setImportError(`"${file.name}" could not be read: ${err instanceof Error ? err.message : String(err)}`);
      return;
    }
    // Keep the text visible, so a refused import can be corrected and retried.
    setImportText(text);
    await importString(text);
  };

  const remove = async (id: string) => {
    setConfirming(null);
    setActionError(null);
    const res = await api.deleteDraft(id);
    if (res.ok || res.error.status === 404) removeToken(browserStorage(), id);
    if (!res.ok) setActionError(res.error.message);
    await refresh();
  };

  const openPasted = (e: FormEvent) => {
    e.preventDefault();
    const invite = parseInviteLink(pasted);
    if (!invite) {
      setPasteError('That is not an invitation link. It looks like https://…/#/d/<draft>?token=…');
      return;
    }
    saveToken(browserStorage(), invite.draftId, invite.token);
    navigate({ page: 'draft', id: invite.draftId });
  };

  const server = list.status === 'ready' ? list.drafts : null;
  const rows: DraftRow[] = mergeDraftLists(tokens, server);

  return (
    <div className="ph-app">
      <header className="ph-topbar">
        <a className="ph-brand" href={routeHref({ page: 'list' })}>Penholder</a>
        <span className="ph-topbar-sub">Draft resolutions</span>
      </header>
      <main className="ph-shell ph-list-page">
        <section aria-labelledby="drafts-heading" className="ph-card">
          <div className="ph-card-head">
            <h1 id="drafts-heading">Drafts</h1>
            <button type="button" className="ph-button ph-primary" data-testid="create-draft" onClick={() => void create()} disabled={busy}>
              New empty draft
            </button>
          </div>
          {actionError && <p role="alert" className="ph-error" data-testid="action-error">{actionError}</p>}
          {list.status === 'loading' && <p className="ph-muted">Loading drafts…</p>}
          {list.status === 'error' && list.error.status !== 401 && (
            <p role="alert" className="ph-error" data-testid="list-error">
              The server's list of drafts could not be loaded: {list.error.message}{' '}
              <button type="button" className="ph-link-button" onClick={() => void refresh()}>Try again</button>
            </p>
          )}
          {keyPrompt && (
            <form className="ph-create-key" data-testid="create-key-form" onSubmit={(e) => void submitKey(e)}>
              <p className="ph-muted">This server needs a creation key to create and list drafts. Ask its administrator.</p>
              <label htmlFor="create-key" className="ph-label">Creation key</label>
              <div className="ph-row ph-row-tight">
                <input id="create-key" type="password" autoComplete="off" className="ph-input ph-grow" data-testid="create-key-input"
                  value={keyInput} onChange={(e) => setKeyInput(e.target.value)} />
                <button type="submit" className="ph-button ph-primary" data-testid="create-key-submit" disabled={busy}>Use key</button>
              </div>
              {keyPrompt.error && <p role="alert" className="ph-error" data-testid="create-key-error">{keyPrompt.error}</p>}
            </form>
          )}
          {keyStored && !keyPrompt && (
            <p className="ph-muted" data-testid="create-key-stored">
              Using this server's creation key.{' '}
              <button type="button" className="ph-link-button" data-testid="forget-create-key" onClick={() => void forgetKey()}>Forget key</button>
            </p>
          )}
          {list.status === 'error' && list.error.status === 401 && !needsCreateKey(list.error) && (
            <p className="ph-muted" data-testid="list-closed">This server does not list its drafts: below are the drafts you were invited to.</p>
          )}
          {list.status !== 'loading' && !keyPrompt && rows.length === 0 && (
            <p className="ph-muted" data-testid="no-drafts">No drafts yet. Create an empty one, import a text below, or open an invitation link.</p>
          )}
          {rows.length > 0 && (
            <ul className="ph-draft-list" data-testid="draft-list">
              {rows.map((d) => (
                <li key={d.id} className="ph-draft-item" data-testid="draft-item" data-draft-id={d.id} data-role={d.role ?? ''}>
                  <a className="ph-draft-open" data-testid="open-draft" href={routeHref({ page: 'draft', id: d.id })}>
                    <span className="ph-draft-title">{displayTitle(d.title)}</span>
                    <span className="ph-draft-symbol">{d.symbol || (d.hasToken ? '' : 'no symbol')}</span>
                  </a>
                  <span className="ph-draft-role" data-testid="draft-role">
                    {d.role ? ROLE_WORDS[d.role] : d.hasToken ? 'Invited' : 'No invitation'}
                  </span>
                  {d.updatedAt && (
                    <span className="ph-draft-updated">
                      Updated <time dateTime={d.updatedAt}>{formatTimestamp(d.updatedAt)}</time>
                    </span>
                  )}
                  {d.role === 'secretariat' && (confirming === d.id ? (
                    <span className="ph-confirm" role="group" aria-label={`Confirm deleting ${displayTitle(d.title)}`}>
                      <button type="button" className="ph-button ph-danger" data-testid="confirm-delete" onClick={() => void remove(d.id)}>
                        Delete for everyone
                      </button>
                      <button type="button" className="ph-button" data-testid="cancel-delete" onClick={() => setConfirming(null)}>
                        Cancel
                      </button>
                    </span>
                  ) : (
                    <button
                      type="button" className="ph-button" data-testid="delete-draft"
                      aria-label={`Delete ${displayTitle(d.title)}`} onClick={() => setConfirming(d.id)}
                    >
                      Delete
                    </button>
                  ))}
                </li>
              ))}
            </ul>
          )}
          <form className="ph-paste-invite" onSubmit={openPasted}>
            <label htmlFor="paste-invite" className="ph-label">Open an invitation link</label>
            <div className="ph-row ph-row-tight">
              <input id="paste-invite" className="ph-input ph-grow" data-testid="invite-link-input" value={pasted}
                onChange={(e) => setPasted(e.target.value)} placeholder="https://…/#/d/…?token=…" />
              <button type="submit" className="ph-button" data-testid="invite-link-submit">Open</button>
            </div>
            {pasteError && <p role="alert" className="ph-error">{pasteError}</p>}
          </form>
        </section>

        <section aria-labelledby="import-heading" className="ph-card">
          <h2 id="import-heading">Import a text</h2>
          <p className="ph-muted">
            Paste a draft or adopted resolution (plain text, e.g. from a UN PDF) or upload a <code>.txt</code> file.
          </p>
          <form onSubmit={onImportSubmit}>
            <label htmlFor="import-text" className="ph-label">Resolution text</label>
            <textarea
              id="import-text" data-testid="import-text" className="ph-textarea" rows={10}
              value={importText} onChange={(e) => setImportText(e.target.value)}
              placeholder={'General Assembly\n…\nThe General Assembly,\n\nRecalling …'}
            />
            {importError && <p role="alert" className="ph-error" data-testid="import-error">{importError}</p>}
            <div className="ph-row">
              <button type="submit" className="ph-button ph-primary" data-testid="import-submit" disabled={busy}>
                Import text
              </button>
              <button type="button" className="ph-button" data-testid="import-file-button" disabled={busy}
                onClick={() => fileInput.current?.click()}>
                Upload .txt file…
              </button>
              <input
                ref={fileInput} type="file" accept=".txt,text/plain" className="ph-visually-hidden"
                data-testid="import-file" aria-label="Text file to import" onChange={(e) => void onFile(e)}
              />
            </div>
          </form>
        </section>
      </main>
    </div>
  );
}

/**
 * The Export drawer: the L-document as Word, Akoma Ntoso XML, a print view, plain text, and the
 * compilation text (Word or HTML), of the live text or of an issued revision. Files are fetched with
 * the bearer token in the Authorization header and saved from a Blob; the print view and the
 * compilation HTML open in a new tab. The secretariat also edits the masthead here.
 */
import { useCallback, useEffect, useState } from 'react';
import { browserDraftContext, type DraftRequestContext } from '../api.ts';
import type { SideViewProps } from '../app/side-view.ts';
import { fetchExport, listRevisionChoices, type ExportRequest, type RevisionChoice } from './api.ts';
import { MastheadForm } from './MastheadForm.tsx';
import './export.css';

/** The buttons, in order: what each fetches and whether it is saved or opened in a tab. */
const ACTIONS: ReadonlyArray<{ key: string; label: string; hint: string; req: Omit<ExportRequest, 'revision'>; open?: boolean }> = [
  { key: 'docx', label: 'Word (DOCX)', hint: 'The L-document as a Word file', req: { format: 'docx' } },
  { key: 'akn', label: 'Akoma Ntoso XML', hint: 'AKN 3.0 (AKN4UN), for document systems', req: { format: 'akn' } },
  { key: 'html', label: 'Print view', hint: 'Opens in a new tab: print it or save it as PDF from the browser', req: { format: 'html' }, open: true },
  { key: 'txt', label: 'Plain text', hint: 'In the style of the UN texts', req: { format: 'txt' } },
  { key: 'compilation-docx', label: 'Compilation (Word)', hint: 'Every pending proposal inline, with who made it', req: { format: 'compilation', as: 'docx' } },
  { key: 'compilation-html', label: 'Compilation (HTML)', hint: 'The same, opened in a new tab', req: { format: 'compilation', as: 'html' }, open: true },
];

/** Saves a Blob under `fileName` through a temporary link (the browser's download). */
function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // The download has started by now; keep the URL a little for slow browsers.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function ExportPanel({ draftId, doc, actor, phase, disabled, context = browserDraftContext }: SideViewProps & { context?: DraftRequestContext }) {
  const [revisions, setRevisions] = useState<RevisionChoice[]>([]);
  const [revisionError, setRevisionError] = useState('');
  const [revision, setRevision] = useState('live');
  const [busy, setBusy] = useState('');
  const [error, setError] = useState('');
  const [done, setDone] = useState('');

  const loadRevisions = useCallback(async () => {
    const res = await listRevisionChoices(context, draftId);
    if (res.ok) {
      setRevisions(res.value);
      setRevisionError('');
    } else setRevisionError(`The revisions could not be listed: ${res.error.message}`);
  }, [context, draftId]);
  useEffect(() => { void loadRevisions(); }, [loadRevisions]);

  const run = async (action: (typeof ACTIONS)[number]) => {
    setError('');
    setDone('');
    setBusy(action.key);
    // Opened now, inside the click, so the browser does not treat it as an unrequested pop-up.
    const tab = action.open ? window.open('about:blank', '_blank') : null;
    const res = await fetchExport(context, draftId, { ...action.req, revision });
    setBusy('');
    if (!res.ok) {
      tab?.close();
      setError(`${action.label}: ${res.error.message}`);
      return;
    }
    if (action.open) {
      const url = URL.createObjectURL(res.value.blob);
      if (tab) tab.location.href = url;
      else window.open(url, '_blank');
      setTimeout(() => URL.revokeObjectURL(url), 120_000);
      setDone(`${action.label} opened in a new tab.`);
    } else {
      saveBlob(res.value.blob, res.value.fileName);
      setDone(`Saved ${res.value.fileName}.`);
    }
  };

  const chosen = revisions.find((r) => r.id === revision);
  return (
    <section className="ph-export" data-testid="export-panel" aria-label="Export">
      <h2>Export</h2>
      <label className="ph-label" htmlFor="ph-export-revision">Which text</label>
      <div className="ph-row ph-row-tight">
        <select id="ph-export-revision" data-testid="export-revision" value={revision} onChange={(e) => setRevision(e.target.value)}
          onFocus={() => void loadRevisions()}>
          <option value="live">Live text (as it stands now)</option>
          {revisions.map((r) => <option key={r.id} value={r.id}>{r.label}</option>)}
        </select>
      </div>
      {chosen && /^rev\.\s*\d+$/i.test(chosen.label) && (
        <p className="ph-muted ph-small-text" data-testid="export-rev-note">
          {chosen.label} carries “/{chosen.label.replace(/\s+/g, '')}” on the symbol and reads “revised draft resolution”.
        </p>
      )}
      {revisionError && <p className="ph-error" role="alert">{revisionError}</p>}
      <ul className="ph-export-actions">
        {ACTIONS.map((a) => (
          <li key={a.key}>
            <button type="button" className="ph-button ph-small" data-testid={`export-${a.key}`} disabled={busy !== ''}
              onClick={() => void run(a)}>
              {busy === a.key ? 'Preparing…' : a.label}
            </button>
            <span className="ph-muted ph-small-text">{a.hint}</span>
          </li>
        ))}
      </ul>
      {error && <p className="ph-error" role="alert" data-testid="export-error">{error}</p>}
      {done && <p className="ph-muted" role="status" data-testid="export-done">{done}</p>}
      {actor.role === 'secretariat'
        ? <MastheadForm doc={doc} actor={actor} phase={phase} disabled={disabled} />
        : <p className="ph-muted ph-small-text">The secretariat sets the symbol and the masthead.</p>}
    </section>
  );
}

/**
 * The record (issue 4 §4): who did what and when, newest first, filtered on the server by delegation
 * (the actor's), paragraph (its own rows and its amendments') and kind of action; the chain check; and
 * the filtered log exported as CSV or JSON. Refreshes a moment after the document changes, or on demand.
 * Test hooks: `record-panel`, `record-filter-delegation|paragraph|kind`, `record-row` (data-seq,
 * data-kind, data-delegation), `record-verify` → `record-verify-result` (data-ok), `record-export-csv|json`.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type * as Y from 'yjs';
import { readAmendments } from '../../shared/negotiation/read.ts';
import { readBlocksFromYDoc, readSponsors } from '../../shared/resolution/ydoc.ts';
import { browserDraftContext } from '../api.ts';
import type { SideViewProps } from '../app/side-view.ts';
import { useDocSnapshot } from '../negotiation/hooks.ts';
import { describeParagraphs } from '../negotiation/model.ts';
import { exportLog, fetchLog, verifyRecord, type VerifyInfo } from './api.ts';
import {
  countLine, delegationOptions, exportFileName, isFiltered, KIND_OPTIONS, logRows, NO_LOG_FILTERS, paragraphOptions, refContext,
  type LogEntry, type LogFilters, type LogFormat,
} from './model.ts';
import './record.css';

/** Quiet time after the last document change before the log is fetched again (the server writes its rows as it applies updates). */
export const REFRESH_DEBOUNCE_MS = 800;
/** Longest a stream of changes delays the refresh. */
export const REFRESH_MAX_WAIT_MS = 5_000;

function readNames(doc: Y.Doc) {
  const paragraphs = describeParagraphs(readBlocksFromYDoc(doc));
  const amendments = readAmendments(doc);
  const known = new Set<string>(readSponsors(doc).map((s) => s.name));
  for (const a of amendments) known.add(a.author);
  return { refs: refContext(paragraphs, amendments), options: paragraphOptions(paragraphs), known };
}

type VerifyState = { state: 'idle' } | { state: 'running' } | { state: 'done'; result: VerifyInfo } | { state: 'failed'; message: string };

/** Hands a Blob to the browser as a file download. */
function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // The download has started by now; the URL is only needed for that.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

export function RecordPanel({ draftId, doc }: SideViewProps) {
  const names = useDocSnapshot(doc, readNames);
  const [filters, setFilters] = useState<LogFilters>(NO_LOG_FILTERS);
  const [entries, setEntries] = useState<LogEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [seen, setSeen] = useState<readonly string[]>([]);
  const [tick, setTick] = useState(0);
  const [verify, setVerify] = useState<VerifyState>({ state: 'idle' });
  const [exporting, setExporting] = useState<LogFormat | null>(null);
  const [exportError, setExportError] = useState<string | null>(null);
  const request = useRef(0);

  useEffect(() => {
    const n = ++request.current;
    setLoading(true);
    void fetchLog(browserDraftContext, draftId, filters).then((res) => {
      // A slower answer to an older filter must not overwrite a newer one.
      if (n !== request.current) return;
      setLoading(false);
      if (!res.ok) {
        setError(res.error.message);
        return;
      }
      setError(null);
      setEntries(res.value);
      // Delegations seen once stay offered, so narrowing the filter does not empty its own list.
      setSeen((prev) => delegationOptions(res.value, prev));
    });
  }, [draftId, filters, tick]);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let since = 0;
    const onUpdate = (): void => {
      clearTimeout(timer);
      const now = Date.now();
      if (since === 0) since = now;
      // Steady typing would postpone a plain debounce for ever: refresh at least every REFRESH_MAX_WAIT_MS.
      const wait = Math.max(0, Math.min(REFRESH_DEBOUNCE_MS, since + REFRESH_MAX_WAIT_MS - now));
      timer = setTimeout(() => {
        since = 0;
        setTick((t) => t + 1);
      }, wait);
    };
    doc.on('update', onUpdate);
    return () => {
      clearTimeout(timer);
      doc.off('update', onUpdate);
    };
  }, [doc]);

  const rows = useMemo(() => (entries ? logRows(entries, names.refs) : []), [entries, names.refs]);
  const delegations = useMemo(() => delegationOptions([], [...seen, ...names.known]), [seen, names.known]);
  const filtered = isFiltered(filters);
  const set = (patch: Partial<LogFilters>) => setFilters((f) => ({ ...f, ...patch }));

  const runVerify = async () => {
    setVerify({ state: 'running' });
    const res = await verifyRecord(browserDraftContext, draftId);
    setVerify(res.ok ? { state: 'done', result: res.value } : { state: 'failed', message: res.error.message });
  };

  const runExport = async (format: LogFormat) => {
    setExporting(format);
    setExportError(null);
    const res = await exportLog(browserDraftContext, draftId, filters, format);
    setExporting(null);
    if (!res.ok) {
      setExportError(`The export failed: ${res.error.message}`);
      return;
    }
    saveBlob(res.value, exportFileName(draftId, format, filtered));
  };

  return (
    <section className="ph-record" data-testid="record-panel" aria-label="Record">
      <h2>Record</h2>
      <p className="ph-muted ph-record-intro">Every action on this draft, as the server recorded it. Newest first.</p>
      <div className="ph-record-filters">
        <label>Delegation
          <select data-testid="record-filter-delegation" value={filters.delegation} onChange={(e) => set({ delegation: e.target.value })}>
            <option value="">All</option>
            {delegations.map((d) => <option key={d} value={d}>{d}</option>)}
          </select>
        </label>
        <label>Paragraph
          <select data-testid="record-filter-paragraph" value={filters.paragraph} onChange={(e) => set({ paragraph: e.target.value })}>
            <option value="">All</option>
            {filters.paragraph && !names.options.some((o) => o.value === filters.paragraph) && (
              <option value={filters.paragraph}>(removed paragraph)</option>
            )}
            {names.options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
          </select>
        </label>
        <label>Action
          <select data-testid="record-filter-kind" value={filters.kind} onChange={(e) => set({ kind: e.target.value })}>
            <option value="">All</option>
            {KIND_OPTIONS.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
          </select>
        </label>
        {filtered && (
          <button type="button" className="ph-link-button" data-testid="record-clear-filters" onClick={() => setFilters(NO_LOG_FILTERS)}>Clear filters</button>
        )}
      </div>
      <div className="ph-record-actions">
        <button type="button" className="ph-button ph-small" data-testid="record-refresh" disabled={loading} onClick={() => setTick((t) => t + 1)}>
          {loading ? 'Loading…' : 'Refresh'}
        </button>
        <button type="button" className="ph-button ph-small" data-testid="record-verify" disabled={verify.state === 'running'} onClick={() => void runVerify()}>
          {verify.state === 'running' ? 'Verifying…' : 'Verify'}
        </button>
        <button type="button" className="ph-button ph-small" data-testid="record-export-csv" disabled={exporting !== null} onClick={() => void runExport('csv')}>
          Export CSV
        </button>
        <button type="button" className="ph-button ph-small" data-testid="record-export-json" disabled={exporting !== null} onClick={() => void runExport('json')}>
          Export JSON
        </button>
      </div>
      <VerifyLine verify={verify} />
      {exportError && <p className="ph-error" role="alert" data-testid="record-export-error">{exportError}</p>}
      {error && <p className="ph-error" role="alert" data-testid="record-error">The record could not be read: {error}</p>}
      {entries && (
        <p className="ph-muted ph-record-count" data-testid="record-count" data-count={rows.length}>
          {countLine(rows.length, filtered)}{filtered ? ' (exports take the same filters)' : ''}
        </p>
      )}
      {rows.length > 0 && (
        <table className="ph-record-table" data-testid="record-table">
          <colgroup><col className="ph-record-col-time" /><col className="ph-record-col-who" /><col /></colgroup>
          <thead>
            <tr><th>When</th><th>Who</th><th>What</th></tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.seq} data-testid="record-row" data-seq={r.seq} data-kind={r.kind} data-delegation={r.delegation}>
                <td className="ph-record-time"><time dateTime={r.at} title={`Entry ${r.seq} · ${r.at}`}>{r.time}</time></td>
                <td>{r.actor}</td>
                <td>
                  <span className="ph-record-kind">{r.kindLabel}</span>
                  {r.target && <> · <span className="ph-record-target" data-testid="record-target">{r.target}</span></>}
                  {r.summary && <div className="ph-record-detail">{r.summary}</div>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function VerifyLine({ verify }: { verify: VerifyState }) {
  if (verify.state === 'idle' || verify.state === 'running') return null;
  if (verify.state === 'failed') {
    return <p className="ph-error" role="alert" data-testid="record-verify-result" data-ok="unknown">The check could not run: {verify.message}</p>;
  }
  const { result } = verify;
  if (result.ok) {
    return (
      <p className="ph-record-verify ph-record-ok" role="status" data-testid="record-verify-result" data-ok="true">
        The record is intact: {result.count} entr{result.count === 1 ? 'y' : 'ies'}, each chained to the one before.
      </p>
    );
  }
  return (
    <p className="ph-record-verify ph-record-broken" role="alert" data-testid="record-verify-result" data-ok="false" data-seq={result.firstBad?.seq}>
      The record is broken{result.firstBad ? ` at entry ${result.firstBad.seq}: ${result.firstBad.message}` : ''}.
    </p>
  );
}

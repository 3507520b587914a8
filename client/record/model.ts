/**
 * The record view's model (pure, tested in node): the log rows as the panel shows them (newest first,
 * the actor with their delegation or role, the kind in plain words, the target as "OP5" or an amendment
 * reference, a one-line summary of the detail), the filter options and the query string the server's
 * `GET /log` understands (server/audit/routes.ts: kind, delegation = the actor's delegation, paragraph).
 */
import type { Amendment } from '../../shared/negotiation/read.ts';
import { formatTimestamp } from '../app/format.ts';
import { amendmentRefs, type ParagraphInfo } from '../negotiation/model.ts';

/** The actor of a row, as the server recorded it from the token. */
export interface LogActor {
  participant: string;
  role: string;
  delegation: string | null;
}

/** One row of `GET /api/drafts/:id/log` (the hash fields are not needed by the view). */
export interface LogEntry {
  seq: number;
  at: string;
  actor: LogActor | null;
  kind: string;
  target: string;
  detail: unknown;
}

/** The panel's filters; '' = any. */
export interface LogFilters {
  /** The actor's delegation. */
  delegation: string;
  /** A paragraph id: its own rows and those of the amendments drafted against it. */
  paragraph: string;
  kind: string;
}

export const NO_LOG_FILTERS: LogFilters = Object.freeze({ delegation: '', paragraph: '', kind: '' });

export type LogFormat = 'json' | 'csv';

/** "?kind=position&delegation=Kenya&format=csv" ('' when there is nothing to say). Empty filters are left out. */
export function logQuery(filters: LogFilters, format?: LogFormat): string {
  const params = new URLSearchParams();
  if (filters.kind) params.set('kind', filters.kind);
  if (filters.delegation) params.set('delegation', filters.delegation);
  if (filters.paragraph) params.set('paragraph', filters.paragraph);
  if (format) params.set('format', format);
  const q = params.toString();
  return q ? `?${q}` : '';
}

/** Every kind the server records (server/audit/chain.ts EVENT_KIND), in plain words, in the order the filter lists them. */
export const KIND_LABEL: Readonly<Record<string, string>> = {
  'amendment-proposed': 'Amendment proposed',
  'amendment-edited': 'Amendment edited',
  'amendment-cosigned': 'Amendment co-signed',
  'amendment-cosign-withdrawn': 'Co-signature withdrawn',
  'amendment-withdrawn': 'Amendment withdrawn',
  'amendment-accepted': 'Amendment accepted',
  'amendment-rejected': 'Amendment rejected',
  'amendment-status': 'Amendment reopened',
  'amendment-merged': 'Amendment merged into the text',
  'merge-undone': 'Merge undone',
  'amendment-removed': 'Amendment removed',
  position: 'Position recorded',
  sponsor: 'Draft sponsorship',
  'paragraph-sponsor': 'Paragraph sponsorship',
  'paragraph-status': 'Paragraph status',
  phase: 'Phase changed',
  control: 'Room setting changed',
  'revision-issued': 'Revision issued',
  'export-made': 'Export made',
  'access-granted': 'Access granted',
  'access-revoked': 'Access revoked',
  'update-refused': 'Update refused',
  'draft-created': 'Draft created',
  'draft-deleted': 'Draft deleted',
};

/** The kind in plain words; an unknown kind reads as its name with spaces ("new-thing" → "New thing"). */
export function kindLabel(kind: string): string {
  const known = KIND_LABEL[kind];
  if (known) return known;
  const words = kind.replace(/[-_]+/g, ' ').trim();
  return words ? words[0].toUpperCase() + words.slice(1) : '(unknown)';
}

/** Options of the "kind of action" filter. */
export const KIND_OPTIONS: ReadonlyArray<{ value: string; label: string }> = Object.keys(KIND_LABEL).map((value) => ({ value, label: KIND_LABEL[value] }));

/** What the view knows from the live document to name targets. */
export interface RefContext {
  /** Paragraph id → "PP3", "OP5 (a)". */
  paragraphs: ReadonlyMap<string, string>;
  /** Amendment id → its reference ("OP5", "OP5 bis") and author. */
  amendments: ReadonlyMap<string, { ref: string; author: string; kind: string }>;
}

export const EMPTY_REFS: RefContext = { paragraphs: new Map(), amendments: new Map() };

/** The names the live document gives: paragraph references and amendment references ("OP3 bis"), as the amendments panel says them. */
export function refContext(paragraphs: readonly ParagraphInfo[], amendments: readonly Amendment[]): RefContext {
  const refs = amendmentRefs(paragraphs, amendments);
  return {
    paragraphs: new Map(paragraphs.filter((p) => p.id && p.ref).map((p) => [p.id, p.ref] as const)),
    amendments: new Map(amendments.map((a) => [a.id, { ref: refs.get(a.id) ?? '', author: a.author, kind: a.kind }] as const)),
  };
}

/** One line of the panel. */
export interface LogRow {
  seq: number;
  at: string;
  /** Display time ("23 Nov 2026, 09:12"). */
  time: string;
  /** "Brazil (delegation)", "Chair (chair)", "server". */
  actor: string;
  /** The actor's delegation, '' for none. */
  delegation: string;
  kind: string;
  kindLabel: string;
  /** "OP5", "Amendment OP5 bis (Kenya)", "Draft". */
  target: string;
  /** One-line summary of the detail ('' when there is nothing to add). */
  summary: string;
}

const rec = (v: unknown): Record<string, unknown> => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
const text = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : '');
const words = (v: string): string => v.replace(/-/g, ' ');
const clip = (s: string, n = 80): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** "Brazil (delegation)", "Kenya delegate (Kenya, penholder)", "server" for rows without an actor. */
export function describeLogActor(actor: LogActor | null): string {
  if (!actor) return 'server';
  const d = actor.delegation && actor.delegation !== actor.participant ? `${actor.delegation}, ` : '';
  return `${actor.participant} (${d}${actor.role})`;
}

function paragraphRef(id: string, refs: RefContext): string {
  return refs.paragraphs.get(id) || (id ? `paragraph ${id}` : '');
}

function amendmentRef(id: string, refs: RefContext): string {
  const a = refs.amendments.get(id);
  return a ? `Amendment ${a.ref}${a.author ? ` (${a.author})` : ''}` : `Amendment ${id}`;
}

/** The target of a row in words. */
export function targetLabel(e: LogEntry, refs: RefContext): string {
  const d = rec(e.detail);
  if (e.kind.startsWith('amendment-') && e.kind !== 'amendment-merged') return amendmentRef(e.target, refs);
  if (e.kind === 'access-granted' || e.kind === 'access-revoked') {
    return text(d.participant) ? `Invitation of ${text(d.participant)}` : `Invitation ${e.target}`;
  }
  if (e.kind === 'revision-issued') return text(d.label) ? `Revision ${text(d.label)}` : `Revision ${e.target}`;
  if (e.kind === 'sponsor') return e.target;
  if (e.target === 'draft') return 'Draft';
  if (refs.paragraphs.has(e.target)) return paragraphRef(e.target, refs);
  if (refs.amendments.has(e.target)) return amendmentRef(e.target, refs);
  return e.target;
}

const STANCE_WORDS: Readonly<Record<string, string>> = {
  support: 'support', 'can-accept': 'can accept', oppose: 'oppose', reservation: 'reservation', none: 'no position',
};
const stanceWords = (v: unknown): string => STANCE_WORDS[text(v)] ?? (text(v) || '?');
const statusWords = (v: unknown): string => (text(v) === 'agreed-ad-ref' ? 'agreed ad ref' : words(text(v)) || 'pending');

function positionSummary(d: Record<string, unknown>): string {
  const who = text(d.delegation);
  if (d.removed === true) return `${who}: position removed`;
  const prev = rec(d.previous);
  const was = d.change === 'changed' && text(prev.stance) ? ` (was ${stanceWords(prev.stance)})` : '';
  const note = text(d.note) ? ` — “${clip(text(d.note), 60)}”` : '';
  return `${who}: ${stanceWords(d.stance)}${was}${note}`;
}

/** One line summarising the detail of a row ('' when the kind and target say it all). */
export function summarise(e: LogEntry, refs: RefContext): string {
  const d = rec(e.detail);
  switch (e.kind) {
    case 'position':
      return positionSummary(d);
    case 'paragraph-status': {
      if (d.removed === true) return 'status cleared (pending)';
      const prev = rec(d.previous);
      return `${statusWords(d.status)}${text(prev.status) ? ` (was ${statusWords(prev.status)})` : ''}`;
    }
    case 'paragraph-sponsor':
      return `${text(d.delegation)} ${text(d.change) || 'joined'}${text(d.role) ? ` as ${text(d.role) === 'co' ? 'co-sponsor' : text(d.role)}` : ''}`;
    case 'sponsor':
      return `${text(d.change) || 'joined'}${text(d.kind) ? ` (${text(d.kind)} sponsor)` : ''}`;
    case 'phase':
      return `${words(text(d.previous)) || 'drafting'} → ${words(text(d.value))}`;
    case 'control':
      return `${text(d.key)}: ${clip(text(d.value) || JSON.stringify(d.value ?? null))}`;
    case 'amendment-proposed': {
      const on = text(d.target) ? ` on ${paragraphRef(text(d.target), refs)}` : '';
      return `${text(d.kind) || 'amendment'}${on}${text(d.author) ? ` by ${text(d.author)}` : ''}${d.replaced === true ? ' (replaced)' : ''}`;
    }
    case 'amendment-edited':
      return Array.isArray(d.fields) ? `changed ${d.fields.map(text).filter(Boolean).join(', ')}` : '';
    case 'amendment-cosigned':
    case 'amendment-cosign-withdrawn':
      return text(d.delegation);
    case 'amendment-withdrawn':
    case 'amendment-accepted':
    case 'amendment-rejected':
    case 'amendment-status':
      return text(d.previous) ? `${words(text(d.previous))} → ${words(text(d.status))}` : words(text(d.status));
    case 'amendment-merged': {
      const cos = Array.isArray(d.cosigners) ? d.cosigners.map(text).filter(Boolean) : [];
      const ref = refs.amendments.get(text(d.amendmentId))?.ref;
      const by = text(d.acceptedBy) ? ` (accepted by ${text(d.acceptedBy)})` : '';
      return `${text(d.author) ? `${text(d.author)}'s ` : ''}${text(d.kind) || 'amendment'} amendment${ref ? ` ${ref}` : ''}${cos.length ? `, co-signed by ${cos.join(', ')}` : ''}${by}`;
    }
    case 'merge-undone':
      return text(d.amendmentId) ? amendmentRef(text(d.amendmentId), refs) : '';
    case 'access-granted':
    case 'access-revoked':
      return [text(d.role), text(d.delegation)].filter(Boolean).join(', ');
    case 'revision-issued':
      return [text(d.symbol), text(d.title)].filter(Boolean).map((s) => clip(s, 60)).join(' — ');
    case 'update-refused':
      return clip([text(d.reason), text(d.detail)].filter(Boolean).join(': '), 120);
    case 'draft-created':
      return [text(d.symbol), clip(text(d.title), 60)].filter(Boolean).join(' — ') + (d.imported === true ? ' (imported)' : '');
    default: {
      if (e.detail === null || e.detail === undefined) return '';
      return clip(JSON.stringify(e.detail) ?? '', 120);
    }
  }
}

/** The rows of the panel, newest first. */
export function logRows(entries: readonly LogEntry[], refs: RefContext, locale?: string): LogRow[] {
  return [...entries].sort((a, b) => b.seq - a.seq).map((e) => ({
    seq: e.seq, at: e.at, time: formatTimestamp(e.at, locale), actor: describeLogActor(e.actor), delegation: e.actor?.delegation ?? '',
    kind: e.kind, kindLabel: kindLabel(e.kind), target: targetLabel(e, refs), summary: summarise(e, refs),
  }));
}

/** Delegation filter options: every delegation seen acting in `entries` plus `known` ones, sorted, unique. */
export function delegationOptions(entries: readonly LogEntry[], known: Iterable<string> = []): string[] {
  const out = new Set<string>();
  for (const e of entries) if (e.actor?.delegation) out.add(e.actor.delegation);
  for (const d of known) if (d) out.add(d);
  return [...out].sort((a, b) => a.localeCompare(b));
}

/** Paragraph filter options in document order: numbered blocks only, labelled with their reference. */
export function paragraphOptions(paragraphs: ReadonlyArray<{ id: string; ref: string; text: string }>): Array<{ value: string; label: string }> {
  return paragraphs.filter((p) => p.id && p.ref).map((p) => ({ value: p.id, label: `${p.ref}${p.text ? ` — ${clip(p.text, 40)}` : ''}` }));
}

/** "Showing 12 entries" / "No entries match these filters." */
export function countLine(n: number, filtered: boolean): string {
  if (n === 0) return filtered ? 'No entries match these filters.' : 'Nothing recorded yet.';
  return `${n} entr${n === 1 ? 'y' : 'ies'}${filtered ? ' match' : ''}`;
}

/** True when some filter is set. */
export const isFiltered = (f: LogFilters): boolean => Boolean(f.delegation || f.paragraph || f.kind);

/** Download file name: "penholder-log-<draft>[-filtered].csv". */
export function exportFileName(draftId: string, format: LogFormat, filtered: boolean): string {
  return `penholder-log-${draftId.replace(/[^A-Za-z0-9_-]/g, '')}${filtered ? '-filtered' : ''}.${format}`;
}

/**
 * GET /api/drafts/:id/log (any token of the draft): the record, filtered by kind, by the actor's
 * delegation, by target and by paragraph (the paragraph's own rows and those of the amendments drafted
 * against it), as JSON or CSV. GET /api/drafts/:id/log/verify: the chain check.
 */
import { Hono } from 'hono';
import { requireToken } from '../auth/http.ts';
import type { AccessStore, StoredEvent } from '../auth/store.ts';
import { ApiError } from '../http/errors.ts';
import { EVENT_KIND } from './chain.ts';
import { aboutParagraph, amendmentsOfParagraph } from './paragraph.ts';
import { verifyLog } from './verify.ts';

/** Rows of the log answer (at most; the chain itself is unbounded). */
export const LOG_LIMIT = 10_000;

/** Rows read when the paragraph filter runs in memory (the whole log of a draft). */
const ALL_ROWS = 1_000_000;

export const CSV_COLUMNS = ['seq', 'at', 'participant', 'role', 'delegation', 'kind', 'target', 'detail', 'prevHash', 'hash'] as const;

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, a quote, CR or LF; quotes doubled. A field
 * starting with = + - @ or a tab gets a leading apostrophe so a spreadsheet shows it as text instead of
 * running it as a formula (participant names are free text).
 */
export function csvField(v: string): string {
  const safe = /^[=+\-@\t]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The rows as CSV with a header line, CRLF line ends; detail is JSON. */
export function toCsv(rows: readonly StoredEvent[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const e of rows) {
    lines.push([String(e.seq), e.at, e.actor?.participant ?? '', e.actor?.role ?? '', e.actor?.delegation ?? '', e.kind, e.target,
      JSON.stringify(e.detail ?? null), e.prevHash, e.hash].map(csvField).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

const opt = (v: string | undefined): string | undefined => (v === undefined || v === '' ? undefined : v);

export function logRoutes(access: AccessStore): Hono {
  const app = new Hono();

  app.get('/:id/log', async (c) => {
    const id = c.req.param('id');
    await requireToken(c, access, id);
    const format = c.req.query('format') ?? 'json';
    if (format !== 'json' && format !== 'csv') throw new ApiError(400, 'bad-format', 'format must be json or csv');
    const filter = { kind: opt(c.req.query('kind')), delegation: opt(c.req.query('delegation')), target: opt(c.req.query('target')) };
    const paragraph = opt(c.req.query('paragraph'));
    let events: StoredEvent[];
    if (paragraph === undefined) {
      events = await access.listEvents(id, { ...filter, limit: LOG_LIMIT });
    } else {
      // The amendments of the paragraph come from rows the other filters may exclude: read them apart.
      const [proposed, merged] = await Promise.all([
        access.listEvents(id, { kind: EVENT_KIND.amendmentProposed, limit: ALL_ROWS }),
        access.listEvents(id, { kind: EVENT_KIND.amendmentMerged, target: paragraph, limit: ALL_ROWS }),
      ]);
      const amendments = amendmentsOfParagraph(paragraph, [...proposed, ...merged]);
      events = aboutParagraph(await access.listEvents(id, { ...filter, limit: ALL_ROWS }), paragraph, amendments).slice(0, LOG_LIMIT);
    }
    if (format === 'csv') {
      c.header('content-type', 'text/csv; charset=utf-8');
      c.header('content-disposition', `attachment; filename="penholder-log-${id.replace(/[^A-Za-z0-9_-]/g, '')}.csv"`);
      return c.body(toCsv(events));
    }
    return c.json({ events: events.map(({ draftId: _d, ...e }) => e) });
  });

  app.get('/:id/log/verify', async (c) => {
    const id = c.req.param('id');
    await requireToken(c, access, id);
    const result = verifyLog(await access.listChain(id), (await access.logHead(id)) ?? undefined);
    return c.json(result);
  });

  return app;
}

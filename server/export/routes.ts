/**
 * GET /api/drafts/:id/export?format=docx|akn|html|txt|compilation[&as=docx|html|txt][&revision=<id or label>]
 * The L-document (or the compilation text) of the live draft or of an issued revision, as a file
 * download. Any token of the draft may export (observers too: they may read the text anyway);
 * every export is recorded ('export-made') with who made it, the format and the revision.
 */
import { Hono } from 'hono';
import { exportFileName, parseCompilationAs, parseExportFormat, renderExport } from '../../shared/export/index.ts';
import type { ExportDocument } from '../../shared/export/document.ts';
import type { RoomRegistry } from '../core/rooms.ts';
import type { DocStore } from '../core/storage.ts';
import { requireToken } from '../auth/http.ts';
import type { AccessStore } from '../auth/store.ts';
import { EVENT_KIND } from '../audit/chain.ts';
import { actorOf, recordEvent } from '../audit/record.ts';
import { ApiError } from '../http/errors.ts';
import { findRevision, withLiveDoc } from '../revisions/sides.ts';
import type { RevisionStore } from '../revisions/store.ts';
import { exportDocumentOf, withStateDoc } from './document-of.ts';

export interface ExportRoutesDeps {
  store: DocStore;
  rooms: RoomRegistry;
  access: AccessStore;
  /** Without it, only the live text can be exported (`revision` answers 404). */
  revisions?: RevisionStore;
}

export function exportRoutes(deps: ExportRoutesDeps): Hono {
  const { access, revisions } = deps;
  const app = new Hono();

  app.get('/:id/export', async (c) => {
    const id = c.req.param('id');
    const me = await requireToken(c, access, id);
    const format = parseExportFormat(c.req.query('format'));
    if (!format.ok) throw new ApiError(400, 'bad-format', format.message);
    const asParam = c.req.query('as');
    if (asParam !== undefined && format.value !== 'compilation') {
      throw new ApiError(400, 'bad-format', `"as" applies to format=compilation only (got format=${format.value})`);
    }
    const as = parseCompilationAs(asParam);
    if (!as.ok) throw new ApiError(400, 'bad-format', as.message);
    const revisionRef = c.req.query('revision')?.trim();

    let doc: ExportDocument;
    let revision: { id: string; label: string } | null = null;
    if (revisionRef && revisionRef !== 'live') {
      if (!revisions) throw new ApiError(404, 'revision-not-found', `no revision "${revisionRef}" of draft ${id}`);
      if (!(await deps.store.getDraftMeta(id))) throw new ApiError(404, 'draft-not-found', `no draft with id ${id}`);
      const rev = await findRevision(revisions, id, revisionRef);
      revision = { id: rev.id, label: rev.label };
      doc = withStateDoc(rev.state, (d) => exportDocumentOf(d, { format: format.value, revisionLabel: rev.label }));
    } else {
      doc = await withLiveDoc(deps, id, (d) => exportDocumentOf(d, { format: format.value }));
    }

    const rendered = await renderExport(doc, format.value, { as: as.value });
    const fileName = exportFileName(doc, format.value, as.value);
    await recordEvent(access, id, actorOf(me), EVENT_KIND.exportMade, revision?.id ?? 'live', {
      format: format.value, ...(format.value === 'compilation' ? { as: as.value } : {}),
      revision: revision?.label ?? null, symbol: doc.masthead.symbol, fileName,
    });
    const headers = {
      'content-type': rendered.contentType,
      'content-disposition': `attachment; filename="${fileName}"`,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    };
    // Copied into a plain ArrayBuffer-backed array, the body type Hono accepts.
    return typeof rendered.bytes === 'string' ? c.body(rendered.bytes, 200, headers) : c.body(new Uint8Array(rendered.bytes), 200, headers);
  });

  return app;
}

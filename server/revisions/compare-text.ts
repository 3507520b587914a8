/**
 * `POST /api/drafts/:id/compare`: the draft (its live text or one of its revisions) against another
 * resolution text the user pastes or uploads, e.g. this year's draft against last year's resolution.
 * Body `{"from": "<revision id|label|live>", "text": "<resolution text>", "textSide": "old"|"new"}`;
 * the text is the old side unless `textSide` says "new". The text goes through the importer and a
 * text that is not a resolution is a 422 carrying the importer's reason. Nothing is stored; any
 * token of the draft may compare.
 */
import { Hono } from 'hono';
import { compareResolutions } from '../../shared/compare/align.ts';
import { importResolution } from '../../shared/import/index.ts';
import type { ResolutionJSON } from '../../shared/resolution/types.ts';
import type { RoomRegistry } from '../core/rooms.ts';
import type { DocStore } from '../core/storage.ts';
import { requireToken } from '../auth/http.ts';
import type { AccessStore } from '../auth/store.ts';
import { ApiError } from '../http/errors.ts';
import { limitBody, parseJsonObject } from '../http/body.ts';
import { snapshotOf } from './snapshot.ts';
import { findRevision, withLiveDoc } from './sides.ts';
import type { RevisionStore } from './store.ts';

export interface CompareTextDeps {
  store: DocStore;
  rooms: RoomRegistry;
  access: AccessStore;
  revisions: RevisionStore;
  /** Largest accepted body; default 4 MiB (as POST /api/compare, which carries two texts). */
  maxBodyBytes?: number;
}

const SHAPE = '{"from": "<revision id|label|live>", "text": "<resolution text>", "textSide": "old"|"new"}';

/** The parsed request; every malformed body is a 4xx with the reason. */
export interface CompareTextRequest {
  from: string;
  text: string;
  textSide: 'old' | 'new';
}

export function parseCompareTextBody(raw: string, contentType: string): CompareTextRequest {
  const type = contentType.split(';')[0].trim().toLowerCase();
  if (type !== 'application/json') throw new ApiError(415, 'unsupported-media-type', `send application/json: ${SHAPE}`);
  const body = parseJsonObject(raw, SHAPE);
  const from = body.from === undefined ? 'live' : body.from;
  if (typeof from !== 'string' || from.trim() === '') throw new ApiError(400, 'bad-body', '"from" must be a revision id, a revision label or "live"');
  if (typeof body.text !== 'string') throw new ApiError(400, 'bad-body', '"text" must be a string (a resolution text)');
  if (body.text.trim() === '') throw new ApiError(400, 'bad-body', '"text" is empty: paste or upload a resolution text');
  const side = body.textSide ?? 'old';
  if (side !== 'old' && side !== 'new') throw new ApiError(400, 'bad-body', '"textSide" must be "old" or "new"');
  return { from: from.trim(), text: body.text, textSide: side };
}

export function compareTextRoute(deps: CompareTextDeps): Hono {
  const app = new Hono();
  app.post('/:id/compare', limitBody(deps.maxBodyBytes ?? 4 * 1024 * 1024), async (c) => {
    const id = c.req.param('id');
    await requireToken(c, deps.access, id);
    const req = parseCompareTextBody(await c.req.text(), c.req.header('content-type') ?? '');
    const imported = importResolution(req.text);
    if (!imported.ok) throw new ApiError(422, imported.code, `the text was not imported: ${imported.message}`);
    const draft: ResolutionJSON = req.from.toLowerCase() === 'live'
      ? await withLiveDoc(deps, id, (doc) => snapshotOf(doc).resolution)
      : (await findRevision(deps.revisions, id, req.from)).snapshot.resolution;
    const [oldDoc, newDoc] = req.textSide === 'old' ? [imported.resolution, draft] : [draft, imported.resolution];
    return c.json(compareResolutions(oldDoc, newDoc));
  });
  return app;
}

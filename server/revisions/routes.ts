/**
 * /api/drafts/:id/revisions (issue, timeline), /revisions/:revId (read-only snapshot) and
 * /compare?from=&to= (paragraph comparison between revisions and/or the live text); POST /compare
 * (the draft against a pasted text) is in compare-text.ts.
 * Issuing is for the chair and the secretariat; reading for any token of the draft.
 */
import { Hono } from 'hono';
import type { Context } from 'hono';
import * as Y from 'yjs';
import { compareResolutions } from '../../shared/compare/align.ts';
import { canIssueRevision } from '../../shared/permissions/rules.ts';
import type { ResolutionJSON } from '../../shared/resolution/types.ts';
import type { RoomRegistry } from '../core/rooms.ts';
import type { DocStore } from '../core/storage.ts';
import { requireToken } from '../auth/http.ts';
import type { AccessStore } from '../auth/store.ts';
import { EVENT_KIND } from '../audit/chain.ts';
import { actorOf, recordEvent } from '../audit/record.ts';
import { ApiError } from '../http/errors.ts';
import { parseJsonObject } from '../http/body.ts';
import { snapshotOf, type RevisionSnapshot } from './snapshot.ts';
import { findRevision, withLiveDoc } from './sides.ts';
import { compareTextRoute } from './compare-text.ts';
import { checkLabel, DuplicateLabelError, newRevisionId, nextRevLabel, type RevisionStore, type StoredRevision } from './store.ts';

export interface RevisionRoutesDeps {
  store: DocStore;
  rooms: RoomRegistry;
  access: AccessStore;
  revisions: RevisionStore;
}

/** Reads `{}`, `{"label": "..."}` or an empty body; the label stays undefined when not given. */
async function readLabel(c: Context): Promise<string | undefined> {
  const raw = await c.req.text();
  if (raw.trim().length === 0) return undefined;
  if (raw.length > 4096) throw new ApiError(413, 'too-large', 'request body exceeds 4 KiB');
  const label = parseJsonObject(raw, '{} or {"label": "Rev.2"}').label;
  if (label === undefined || label === null) return undefined;
  const checked = checkLabel(label);
  if (!checked.ok) throw new ApiError(400, 'bad-label', checked.message);
  return checked.label;
}

const metaView = (r: StoredRevision) => ({ id: r.id, label: r.label, seq: r.seq, issuedBy: r.issuedBy, at: r.at });

export function revisionRoutes(deps: RevisionRoutesDeps): Hono {
  const { access, revisions, store } = deps;
  const app = new Hono();

  app.post('/:id/revisions', async (c) => {
    const id = c.req.param('id');
    const me = await requireToken(c, access, id);
    // The same predicate decides whether the client offers the button.
    const allowed = canIssueRevision(actorOf(me));
    if (!allowed.ok) throw new ApiError(403, 'forbidden', `only the chair or the secretariat may issue a revision (you are ${me.role}; ${allowed.reason})`);
    if (!(await store.getDraftMeta(id))) throw new ApiError(404, 'draft-not-found', `no draft with id ${id}`);
    const wanted = await readLabel(c);
    const label = wanted ?? nextRevLabel((await revisions.listRevisions(id)).map((r) => r.label));
    // State and snapshot come from the same doc in the same turn, so they describe the same moment.
    const { state, snapshot } = await withLiveDoc(deps, id, (doc) => ({ state: Y.encodeStateAsUpdate(doc), snapshot: snapshotOf(doc) }));
    let stored: StoredRevision;
    try {
      stored = await revisions.addRevision({ id: newRevisionId(), draftId: id, label, issuedBy: actorOf(me), at: new Date().toISOString(), state, snapshot });
    } catch (e) {
      if (e instanceof DuplicateLabelError) throw new ApiError(409, 'duplicate-label', `draft ${id} already has a revision labelled "${label}"`);
      throw e;
    }
    await recordEvent(access, id, actorOf(me), EVENT_KIND.revisionIssued, stored.id,
      { label: stored.label, seq: stored.seq, title: snapshot.resolution.title, symbol: snapshot.resolution.symbol });
    return c.json(metaView(stored), 201);
  });

  app.get('/:id/revisions', async (c) => {
    const id = c.req.param('id');
    await requireToken(c, access, id);
    const list = await revisions.listRevisions(id);
    return c.json({ revisions: list.map(({ draftId: _d, ...r }) => r) });
  });

  app.get('/:id/revisions/:revId', async (c) => {
    const id = c.req.param('id');
    await requireToken(c, access, id);
    const rev = await findRevision(revisions, id, c.req.param('revId'));
    const body: ReturnType<typeof metaView> & RevisionSnapshot & { draftId: string } = { ...metaView(rev), draftId: id, ...rev.snapshot };
    return c.json(body);
  });

  app.get('/:id/compare', async (c) => {
    const id = c.req.param('id');
    await requireToken(c, access, id);
    const from = c.req.query('from');
    const to = c.req.query('to');
    if (!from || !to) throw new ApiError(400, 'bad-query', 'give ?from=<revision id|label|live>&to=<revision id|label|live>');
    const side = async (ref: string): Promise<ResolutionJSON> =>
      ref === 'live' ? withLiveDoc(deps, id, snapshotOf).then((s) => s.resolution) : (await findRevision(revisions, id, ref)).snapshot.resolution;
    return c.json(compareResolutions(await side(from), await side(to)));
  });

  app.route('/', compareTextRoute(deps));
  return app;
}

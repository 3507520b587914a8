/**
 * REST routes for drafts: create (empty or imported; answers the creator's secretariat token), list,
 * read (structured JSON, any token of the draft), delete (secretariat token).
 */
import { randomBytes } from 'node:crypto';
import { Hono } from 'hono';
import * as Y from 'yjs';
import { importResolution } from '../../shared/import/index.ts';
import { emptyResolution, readResolutionFromYDoc, writeResolutionToYDoc } from '../../shared/resolution/ydoc.ts';
import type { ResolutionJSON } from '../../shared/resolution/types.ts';
import { CLOSE } from '../core/close-codes.ts';
import { loadDoc, type RoomRegistry } from '../core/rooms.ts';
import type { DocStore } from '../core/storage.ts';
import { requireCreateKey, requireToken } from '../auth/http.ts';
import { issueInvitation, originOf } from '../auth/routes.ts';
import type { AccessStore } from '../auth/store.ts';
import { EVENT_KIND } from '../audit/chain.ts';
import { actorOf, recordEvent } from '../audit/record.ts';
import { ApiError } from './errors.ts';
import { limitBody, parseJsonObject } from './body.ts';

export interface DraftRoutesDeps {
  store: DocStore;
  rooms: RoomRegistry;
  access: AccessStore;
  /** When set, creating and listing drafts need `Authorization: Bearer <createKey>`. */
  createKey?: string;
  /** Public origin for invitation links; default: the request's origin. */
  publicUrl?: string;
  /** Largest accepted request body. Default 2 MiB. */
  maxBodyBytes?: number;
}

/** 12 url-safe characters (72 random bits). */
export const newDraftId = (): string => randomBytes(9).toString('base64url');

type Source = { kind: 'empty' } | { kind: 'text'; text: string };

/** Works out what the client sent: nothing / {} → empty draft; text/plain or {"text"} → import. */
async function readSource(req: Request): Promise<Source> {
  const raw = await req.text();
  if (raw.length === 0) return { kind: 'empty' };
  const type = (req.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
  if (type === 'text/plain') return { kind: 'text', text: raw };
  if (type !== 'application/json') {
    throw new ApiError(415, 'unsupported-media-type', 'send text/plain (a resolution text) or application/json ({} or {"text": "..."})');
  }
  const text = parseJsonObject(raw, '{} or {"text": "..."}').text;
  if (text === undefined) return { kind: 'empty' };
  if (typeof text !== 'string') throw new ApiError(400, 'bad-body', '"text" must be a string');
  return { kind: 'text', text };
}

export function draftRoutes(deps: DraftRoutesDeps): Hono {
  const { store, rooms, access } = deps;
  const app = new Hono();
  const maxBytes = deps.maxBodyBytes ?? 2 * 1024 * 1024;

  app.post(
    '/',
    limitBody(maxBytes),
    async (c) => {
      requireCreateKey(c, deps.createKey);
      const source = await readSource(c.req.raw);
      let resolution: ResolutionJSON;
      let warnings: string[] = [];
      if (source.kind === 'empty') {
        resolution = emptyResolution();
      } else {
        const result = importResolution(source.text);
        if (!result.ok) throw new ApiError(422, result.code, result.message);
        resolution = result.resolution;
        warnings = result.warnings;
      }
      const doc = new Y.Doc();
      writeResolutionToYDoc(doc, resolution);
      const update = Y.encodeStateAsUpdate(doc);
      doc.destroy();
      const meta = await store.createDraft(
        { id: newDraftId(), title: resolution.title, symbol: resolution.symbol, kind: resolution.kind },
        update,
      );
      const creator = { participant: 'Secretariat', role: 'secretariat', delegation: null } as const;
      await recordEvent(access, meta.id, actorOf(creator), EVENT_KIND.draftCreated, 'draft',
        { title: meta.title, symbol: meta.symbol, kind: meta.kind, imported: source.kind === 'text' });
      let issued;
      try {
        issued = await issueInvitation(access, meta.id, creator, null, originOf(c, deps.publicUrl), actorOf(creator));
      } catch (e) {
        await store.deleteDraft(meta.id);
        await recordEvent(access, meta.id, null, EVENT_KIND.draftDeleted, 'draft', { reason: 'creator invitation failed' });
        throw e;
      }
      return c.json({ ...meta, warnings, token: issued.token, link: issued.link, invitationId: issued.id,
        participant: issued.participant, role: issued.role }, 201);
    },
  );

  app.get('/', async (c) => {
    requireCreateKey(c, deps.createKey);
    const drafts = await store.listDrafts();
    return c.json({ drafts });
  });

  app.get('/:id', async (c) => {
    const id = c.req.param('id');
    await requireToken(c, access, id);
    const live = rooms.peek(id);
    if (live) return c.json({ ...readResolutionFromYDoc(live.doc), id });
    if (!(await store.getDraftMeta(id))) throw new ApiError(404, 'draft-not-found', `no draft with id ${id}`);
    const { doc } = await loadDoc(store, id);
    try {
      return c.json({ ...readResolutionFromYDoc(doc), id });
    } finally {
      doc.destroy();
    }
  });

  app.delete('/:id', async (c) => {
    const id = c.req.param('id');
    const me = await requireToken(c, access, id, ['secretariat']);
    // Delete first so a reconnecting client finds nothing to load, then close open sessions.
    const existed = await store.deleteDraft(id);
    await rooms.evict(id, CLOSE.draftDeleted);
    if (!existed) throw new ApiError(404, 'draft-not-found', `no draft with id ${id}`);
    await recordEvent(access, id, actorOf(me), EVENT_KIND.draftDeleted, 'draft', {});
    return c.body(null, 204);
  });

  return app;
}

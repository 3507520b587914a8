/**
 * The chair's merges, made by the server (mounted under /api/drafts):
 *   POST /:id/amendments/:aid/accept  {choices?}   accept one (409 'conflict' lists the conflicts to settle)
 *   POST /:id/amendments/accept       {ids}        accept several in order, stopping at the first failure
 *   POST /:id/amendments/:aid/reject                reject one
 *   POST /:id/amendments/:aid/rebase  {text?}      the author moves its amendment onto the current text
 *   GET  /:id/merges                                recent merges, newest first, and which can be undone
 *   POST /:id/merges/undo             {seq?}        undo the newest standing merge
 *   GET  /:id/paragraphs/:pid/history               a paragraph's history, oldest first
 * Every write goes through Room.serverWrite (stored, then applied and broadcast to every client, with
 * history rows naming the chair); merges and undos are recorded in the hash-chained log with their undo
 * record (server/merges/log.ts), so undo survives restarts. One merge operation per draft at a time.
 */
import { Hono, type Context } from 'hono';
import type * as Y from 'yjs';
import type { AcceptOutcome } from '../../shared/merge/accept.ts';
import type { MergeInfo } from '../../shared/merge/merge-info.ts';
import type { Conflict, Resolution } from '../../shared/merge/three-way.ts';
import type { Actor } from '../../shared/negotiation/layout.ts';
import { EVENT_KIND } from '../audit/chain.ts';
import { actorOf, recordEvent } from '../audit/record.ts';
import { requireToken } from '../auth/http.ts';
import type { AccessStore } from '../auth/store.ts';
import type { RoomRegistry } from '../core/rooms.ts';
import type { Room } from '../core/room.ts';
import { RoomClosingError, SerialQueue, type ServerWriteResult } from '../core/server-write.ts';
import { limitBody, parseJsonObject } from '../http/body.ts';
import { ApiError } from '../http/errors.ts';
import { infoOf, mergeList, readMerges, type MergedDetail } from './log.ts';
import { paragraphHistory } from './paragraph-history.ts';
import { acceptFailure, acceptWrite, conflictMessage, rebaseFailure, rebaseWrite, rejectWrite, undoWrite } from './writes.ts';

export interface MergeRoutesDeps {
  rooms: RoomRegistry;
  access: AccessStore;
}

const MAX_BODY = 256 * 1024;

/** An optional JSON object body ('' = {}). */
async function optionalBody(c: Context, shape: string): Promise<Record<string, unknown>> {
  const raw = await c.req.text();
  return raw.trim() === '' ? {} : parseJsonObject(raw, shape);
}

function parseChoices(v: unknown): Resolution[] | undefined {
  if (v === undefined || v === null) return undefined;
  const bad = (): never => { throw new ApiError(400, 'bad-body', 'choices must be an array of "ours", "theirs" or {"text": "..."}, one per conflict'); };
  if (!Array.isArray(v)) return bad();
  return v.map((x): Resolution => {
    if (x === 'ours' || x === 'theirs') return x;
    if (typeof x === 'object' && x !== null && typeof (x as { text?: unknown }).text === 'string') return { text: (x as { text: string }).text };
    return bad();
  });
}

const conflictResponse = (c: Context, message: string, conflicts: Conflict[]) =>
  c.json({ error: { code: 'conflict', message, conflicts } }, 409);

/** One job per key at a time; a key's queue is dropped once idle. */
class KeyedLock {
  private readonly queues = new Map<string, { queue: SerialQueue; users: number }>();
  async run<T>(key: string, job: () => Promise<T>): Promise<T> {
    const entry = this.queues.get(key) ?? { queue: new SerialQueue(), users: 0 };
    this.queues.set(key, entry);
    entry.users += 1;
    try {
      return await entry.queue.run(job);
    } finally {
      entry.users -= 1;
      if (entry.users === 0) this.queues.delete(key);
    }
  }
}

export function mergeRoutes(deps: MergeRoutesDeps): Hono {
  const { rooms, access } = deps;
  const app = new Hono();
  const lock = new KeyedLock();

  async function room(id: string): Promise<Room> {
    const r = await rooms.acquire(id);
    if (!r) throw new ApiError(404, 'draft-not-found', `no draft with id ${id}`);
    return r;
  }

  /** A server write on the draft's room (once more if the room was just being unloaded). */
  async function write<T>(id: string, actor: Actor, build: (doc: Y.Doc) => T): Promise<ServerWriteResult<T>> {
    try {
      return await (await room(id)).serverWrite(actor, build);
    } catch (e) {
      if (e instanceof RoomClosingError) return (await room(id)).serverWrite(actor, build);
      throw e;
    }
  }

  /** Accepts one amendment and records the merge with its undo record. */
  async function acceptOne(id: string, actor: Actor, aid: string, choices: Resolution[] | undefined)
    : Promise<{ ok: true; merge: MergeInfo; recorded: boolean } | Extract<AcceptOutcome, { ok: false }>> {
    const { value, seq } = await write(id, actor, (doc) => acceptWrite(doc, actor, aid, choices));
    if (!value.ok) return value;
    if (seq === null) throw new Error(`accepting ${aid} changed nothing`);
    const { history, undo, mergedText } = value;
    const detail: MergedDetail = {
      seq, amendmentId: aid, paragraphId: undo.paragraphId, kind: history.kind, author: history.author, cosigners: history.cosigners,
      acceptedBy: history.acceptedBy, at: history.at, mergedText, undo,
    };
    const recorded = await recordEvent(access, id, actor, EVENT_KIND.amendmentMerged, undo.paragraphId, detail);
    return { ok: true, merge: infoOf(detail), recorded };
  }

  app.post('/:id/amendments/accept', limitBody(MAX_BODY), async (c) => {
    const id = c.req.param('id');
    const actor = actorOf(await requireToken(c, access, id));
    const ids = (await optionalBody(c, '{"ids": ["amendment id", ...]}')).ids;
    if (!Array.isArray(ids) || ids.length === 0 || !ids.every((x): x is string => typeof x === 'string' && x !== '')) {
      throw new ApiError(400, 'bad-body', 'give {"ids": ["amendment id", ...]}: the amendments to accept, in order');
    }
    return lock.run(id, async () => {
      const accepted: MergeInfo[] = [];
      for (const aid of ids) {
        let out: Awaited<ReturnType<typeof acceptOne>>;
        try {
          out = await acceptOne(id, actor, aid, undefined);
        } catch (e) {
          if (!(e instanceof ApiError)) throw e;
          if (accepted.length === 0 && e.status === 403) throw e;
          return c.json({ accepted, stopped: { id: aid, code: e.code, message: e.message } });
        }
        if (!out.ok) {
          const stopped = out.error === 'conflict'
            ? { id: aid, code: 'conflict', message: 'The amendment conflicts with the current text: accept it alone to settle each conflict.', conflicts: out.conflicts }
            : (({ code, message }) => ({ id: aid, code, message }))(acceptFailure(out.error));
          return c.json({ accepted, stopped });
        }
        accepted.push(out.merge);
      }
      return c.json({ accepted, stopped: null });
    });
  });

  app.post('/:id/amendments/:aid/accept', limitBody(MAX_BODY), async (c) => {
    const id = c.req.param('id');
    const aid = c.req.param('aid');
    const actor = actorOf(await requireToken(c, access, id));
    const choices = parseChoices((await optionalBody(c, '{} or {"choices": ["ours" | "theirs" | {"text": "..."}]}')).choices);
    return lock.run(id, async () => {
      const out = await acceptOne(id, actor, aid, choices);
      if (out.ok) return c.json({ merge: out.merge, ...(out.recorded ? {} : { warning: 'the merge could not be recorded: it cannot be undone' }) });
      if (out.error === 'conflict') {
        return conflictResponse(c, 'The amendment conflicts with the current text: send {"choices": [...]} with one choice per conflict.', out.conflicts);
      }
      throw acceptFailure(out.error);
    });
  });

  app.post('/:id/amendments/:aid/reject', async (c) => {
    const id = c.req.param('id');
    const aid = c.req.param('aid');
    const actor = actorOf(await requireToken(c, access, id));
    const { seq } = await lock.run(id, () => write(id, actor, (doc) => rejectWrite(doc, actor, aid)));
    return c.json({ amendmentId: aid, status: 'rejected', seq });
  });

  app.post('/:id/amendments/:aid/rebase', limitBody(MAX_BODY), async (c) => {
    const id = c.req.param('id');
    const aid = c.req.param('aid');
    const actor = actorOf(await requireToken(c, access, id));
    const text = (await optionalBody(c, '{} or {"text": "the settled wording"}')).text;
    if (text !== undefined && typeof text !== 'string') throw new ApiError(400, 'bad-body', 'text must be a string');
    const { value, seq } = await lock.run(id, () => write(id, actor, (doc) => rebaseWrite(doc, actor, aid, text)));
    if (value.ok) return c.json({ amendmentId: aid, text: value.text, baseText: value.baseText, seq });
    if (value.error === 'conflict') return conflictResponse(c, conflictMessage, value.conflicts);
    throw rebaseFailure(value.error);
  });

  app.get('/:id/merges', async (c) => {
    const id = c.req.param('id');
    await requireToken(c, access, id);
    const r = await room(id);
    return c.json({ merges: mergeList(r.doc, await readMerges(access, id)) });
  });

  app.post('/:id/merges/undo', async (c) => {
    const id = c.req.param('id');
    const actor = actorOf(await requireToken(c, access, id));
    const wanted = (await optionalBody(c, '{} or {"seq": 12}')).seq;
    if (wanted !== undefined && !(typeof wanted === 'number' && Number.isInteger(wanted))) throw new ApiError(400, 'bad-body', 'seq must be an integer');
    return lock.run(id, async () => {
      const merges = await readMerges(access, id);
      const standing = merges.filter((m) => m.undoneAt === null);
      const head = standing.at(-1)?.merge;
      if (wanted !== undefined && wanted !== head?.seq) {
        const named = merges.find((m) => m.merge.seq === wanted);
        if (!named) throw new ApiError(404, 'merge-not-found', `no merge with seq ${wanted}`);
        if (named.undoneAt !== null) throw new ApiError(409, 'already-undone', `merge ${wanted} was undone at ${named.undoneAt}`);
        throw new ApiError(409, 'not-newest', `merge ${wanted} is not the newest: undo merge ${String(head?.seq)} (amendment ${head?.amendmentId ?? '?'}) first — `
          + 'undoing out of order would also take back the text of the later merges');
      }
      if (!head) throw new ApiError(409, 'nothing-to-undo', 'there is no merge to undo');
      const { seq } = await write(id, actor, (doc) => undoWrite(doc, actor, head));
      await recordEvent(access, id, actor, EVENT_KIND.mergeUndone, head.paragraphId,
        { seq: head.seq, undoSeq: seq, amendmentId: head.amendmentId, kind: head.kind });
      return c.json({ undone: infoOf(head), seq });
    });
  });

  app.get('/:id/paragraphs/:pid/history', async (c) => {
    const id = c.req.param('id');
    const pid = c.req.param('pid');
    await requireToken(c, access, id);
    const r = await room(id);
    const history = paragraphHistory(r.doc, pid, await access.listEvents(id, { limit: 1_000_000 }));
    return c.json({ paragraphId: pid, history });
  });

  return app;
}

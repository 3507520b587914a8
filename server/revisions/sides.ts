/**
 * The two things a comparison or a snapshot reads: the live document of a draft and a stored revision
 * (by id or label). Shared by the revision routes and the compare-with-a-text route.
 */
import * as Y from 'yjs';
import { loadDoc, type RoomRegistry } from '../core/rooms.ts';
import type { DocStore } from '../core/storage.ts';
import { ApiError } from '../http/errors.ts';
import type { RevisionStore, StoredRevision } from './store.ts';

/** The document as it is now: the live room's doc, else the stored one. 404 for unknown drafts. */
export async function withLiveDoc<T>(deps: { store: DocStore; rooms: RoomRegistry }, id: string, read: (doc: Y.Doc) => T): Promise<T> {
  const live = deps.rooms.peek(id);
  if (live) return read(live.doc);
  if (!(await deps.store.getDraftMeta(id))) throw new ApiError(404, 'draft-not-found', `no draft with id ${id}`);
  const { doc } = await loadDoc(deps.store, id);
  try {
    return read(doc);
  } finally {
    doc.destroy();
  }
}

/** A revision by id, else by label; 404 with the reference otherwise. */
export async function findRevision(revisions: RevisionStore, draftId: string, ref: string): Promise<StoredRevision> {
  const rev = (await revisions.getRevision(draftId, ref)) ?? (await revisions.getRevisionByLabel(draftId, ref));
  if (!rev) throw new ApiError(404, 'revision-not-found', `no revision "${ref}" of draft ${draftId}`);
  return rev;
}

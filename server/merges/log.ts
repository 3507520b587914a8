/**
 * The chair's merges, kept in the record (server/audit): each acceptance the server carries out is one
 * 'amendment-merged' row whose detail holds what the merge did and its UndoRecord; each undo is one
 * 'merge-undone' row naming the merge's seq. The record is durable and hash-chained, so the undo list
 * survives restarts and cannot be altered unseen. Merges are undone newest first only: an older merge's
 * undo record describes the text before later merges and would silently take them back too.
 */
import * as Y from 'yjs';
import type { UndoRecord } from '../../shared/merge/apply-amendment.ts';
import { isMergeKind, type MergeEntry, type MergeInfo } from '../../shared/merge/merge-info.ts';
import type { AmendmentKind } from '../../shared/negotiation/layout.ts';
import { readAmendment } from '../../shared/negotiation/read.ts';
import { readBlocksFromYDoc } from '../../shared/resolution/ydoc.ts';
import { EVENT_KIND } from '../audit/chain.ts';
import type { AccessStore, StoredEvent } from '../auth/store.ts';

/** The detail of an 'amendment-merged' row. */
export interface MergedDetail extends MergeInfo {
  /** The paragraph's text right after the merge ('' for a deletion). */
  mergedText: string;
  undo: UndoRecord;
}

/** How many merges `GET /merges` lists. */
export const MERGE_LIST_LIMIT = 20;
/** Far above any real draft's record: the store lists oldest first, and we want everything. */
const ALL_ROWS = 1_000_000;

/** The merge described by a record row, or null for a row that is not one (or is malformed). */
export function mergedDetail(e: StoredEvent): MergedDetail | null {
  const d = e.detail as Partial<MergedDetail> | null;
  if (e.kind !== EVENT_KIND.amendmentMerged || !d || typeof d.seq !== 'number' || typeof d.amendmentId !== 'string') return null;
  if (!isMergeKind(String(d.kind)) || typeof d.undo !== 'object' || d.undo === null) return null;
  return {
    seq: d.seq, amendmentId: d.amendmentId, paragraphId: String(d.paragraphId ?? e.target), kind: d.kind as AmendmentKind,
    author: String(d.author ?? ''), cosigners: Array.isArray(d.cosigners) ? d.cosigners.map(String) : [],
    acceptedBy: String(d.acceptedBy ?? ''), at: String(d.at ?? e.at), mergedText: String(d.mergedText ?? ''), undo: d.undo,
  };
}

export const infoOf = (d: MergeInfo): MergeInfo => ({
  seq: d.seq, amendmentId: d.amendmentId, paragraphId: d.paragraphId, kind: d.kind, author: d.author,
  cosigners: d.cosigners, acceptedBy: d.acceptedBy, at: d.at,
});

/** Every merge of the draft, oldest first, with the time each was undone (null if it stands). */
export async function readMerges(access: AccessStore, draftId: string): Promise<Array<{ merge: MergedDetail; undoneAt: string | null }>> {
  const [merged, undone] = await Promise.all([
    access.listEvents(draftId, { kind: EVENT_KIND.amendmentMerged, limit: ALL_ROWS }),
    access.listEvents(draftId, { kind: EVENT_KIND.mergeUndone, limit: ALL_ROWS }),
  ]);
  const undoneAt = new Map<number, string>();
  for (const e of undone) {
    const seq = (e.detail as { seq?: unknown } | null)?.seq;
    if (typeof seq === 'number') undoneAt.set(seq, e.at);
  }
  return merged.map(mergedDetail).filter((m): m is MergedDetail => m !== null)
    .map((merge) => ({ merge, undoneAt: undoneAt.get(merge.seq) ?? null }));
}

/**
 * Why the document no longer allows taking `m` back, or null if it does: the amendment must still be
 * accepted and the paragraph must still read as the merge left it (else an undo would overwrite later work).
 */
export function undoBlocker(doc: Y.Doc, m: MergedDetail): string | null {
  const a = readAmendment(doc, m.amendmentId);
  if (!a) return 'the amendment no longer exists';
  if (a.status !== 'accepted') return `the amendment is now ${a.status}`;
  const block = readBlocksFromYDoc(doc).find((b) => b.id === m.paragraphId && b.id !== '');
  if (m.kind === 'delete') return block ? 'the deleted paragraph is back in the text' : null;
  if (!block) return 'the paragraph is gone';
  if (m.kind === 'wording' && block.text !== m.mergedText) return 'the paragraph was edited after the merge';
  return null;
}

/** The latest merges, newest first, each saying whether it can be undone now (only the newest standing one can). */
export function mergeList(doc: Y.Doc, merges: Array<{ merge: MergedDetail; undoneAt: string | null }>, limit = MERGE_LIST_LIMIT): MergeEntry[] {
  const newest = [...merges].reverse();
  const head = newest.find((m) => m.undoneAt === null);
  return newest.slice(0, limit).map(({ merge, undoneAt }) => {
    let reason: string | null = null;
    if (undoneAt === null) reason = merge === head?.merge ? undoBlocker(doc, merge) : 'undo the newer merges first';
    return { ...infoOf(merge), undoneAt, undoable: undoneAt === null && reason === null, reason };
  });
}

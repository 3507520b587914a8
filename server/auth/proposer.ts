/**
 * Who proposed a paragraph is recorded by the server, not claimed by a client: when a delegation's
 * accepted update adds top-level paragraphs, the room writes `${paragraphId}|${delegation}` =
 * {role: 'proposer', at} for each of them as a server-origin update (issue 3).
 */
import * as Y from 'yjs';
import { joinParagraph, readParagraphSponsors } from '../../shared/negotiation/actions.ts';
import { NEGOTIATION_ROOT, paragraphSponsorKey } from '../../shared/negotiation/layout.ts';
import type { Effect } from '../../shared/permissions/inspect.ts';

/**
 * Ids of the top-level paragraphs an update adds. A paragraph deleted and re-created under the same
 * id in one update (y-prosemirror replaces a node whose type changes) is not new.
 */
export function newParagraphIds(effects: readonly Effect[]): string[] {
  const inserted = new Set<string>();
  const deleted = new Set<string>();
  for (const e of effects) {
    if (e.root !== 'body' || e.paragraphId === '') continue;
    if (e.change === 'insert') inserted.add(e.paragraphId);
    else if (e.change === 'delete') deleted.add(e.paragraphId);
  }
  return [...inserted].filter((id) => !deleted.has(id));
}

/**
 * The update recording `delegation` as proposer of each of `paragraphIds` that has no proposer yet
 * (and no entry of that delegation), built without touching `doc`; null when there is nothing to write.
 */
export function proposerUpdate(doc: Y.Doc, paragraphIds: readonly string[], delegation: string, now = new Date().toISOString()): Uint8Array | null {
  const proposed = new Set(readParagraphSponsors(doc).filter((r) => r.entry.role === 'proposer').map((r) => r.paragraphId));
  const entries = doc.getMap<unknown>(NEGOTIATION_ROOT.paragraphSponsors);
  const todo = paragraphIds.filter((id) => !proposed.has(id) && !entries.has(paragraphSponsorKey(id, delegation)));
  if (todo.length === 0) return null;
  // Absent keys are written with no origin, so the update depends on nothing in `doc`: a fresh client
  // (clock 0) builds it on an empty scratch doc instead of copying the draft.
  const scratch = new Y.Doc();
  while (doc.store.clients.has(scratch.clientID)) scratch.clientID = Math.floor(Math.random() * 0x100000000);
  scratch.transact(() => {
    for (const id of todo) joinParagraph(scratch, id, delegation, 'proposer', { now: () => now });
  });
  const update = Y.encodeStateAsUpdate(scratch);
  scratch.destroy();
  return update;
}

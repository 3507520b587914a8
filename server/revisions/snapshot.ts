/** The derived JSON of a revision: text, sponsors and the negotiation layer, read from one Y.Doc. */
import * as Y from 'yjs';
import {
  readAmendments, readParagraphSponsors, readPhase, readPositions, readStatuses, readTabledAt,
} from '../../shared/negotiation/read.ts';
import type { RevisionSnapshot } from '../../shared/revisions/snapshot.ts';
import { readResolutionFromYDoc } from '../../shared/resolution/ydoc.ts';

export type { RevisionSnapshot };

/** Reads the snapshot of `doc` (never throws: the readers are tolerant). */
export function snapshotOf(doc: Y.Doc): RevisionSnapshot {
  return {
    resolution: readResolutionFromYDoc(doc),
    phase: readPhase(doc),
    tabledAt: readTabledAt(doc),
    amendments: readAmendments(doc),
    positions: readPositions(doc),
    paragraphSponsors: readParagraphSponsors(doc),
    statuses: Object.fromEntries(readStatuses(doc)),
  };
}

/** The derived JSON of a revision: text, sponsors and the negotiation layer, read from one Y.Doc. */
import * as Y from 'yjs';
import type { StatusEntry, Phase } from '../../shared/negotiation/layout.ts';
import {
  readAmendments, readParagraphSponsors, readPhase, readPositions, readStatuses, readTabledAt,
  type Amendment, type ParagraphSponsorRecord, type PositionRecord,
} from '../../shared/negotiation/read.ts';
import type { ResolutionJSON } from '../../shared/resolution/types.ts';
import { readResolutionFromYDoc } from '../../shared/resolution/ydoc.ts';

/** Everything a read-only view of a revision needs; `resolution` carries the text and draft-level sponsors. */
export interface RevisionSnapshot {
  resolution: ResolutionJSON;
  phase: Phase;
  /** ISO time the draft was tabled, '' if it was not. */
  tabledAt: string;
  amendments: Amendment[];
  positions: PositionRecord[];
  paragraphSponsors: ParagraphSponsorRecord[];
  /** Paragraph id → status entry (absent = pending). */
  statuses: Record<string, StatusEntry>;
}

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

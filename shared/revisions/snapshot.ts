/**
 * The revision snapshot contract: what the server derives from a room's Y.Doc when a revision is
 * issued (server/revisions/snapshot.ts), stores, and sends as `GET /revisions/:revId`, and what the
 * client's read-only revision view parses (client/revisions/api.ts). One declaration so the two sides
 * cannot drift apart.
 */
import type { Phase, StatusEntry } from '../negotiation/layout.ts';
import type { Amendment, ParagraphSponsorRecord, PositionRecord } from '../negotiation/read.ts';
import type { ResolutionJSON } from '../resolution/types.ts';

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

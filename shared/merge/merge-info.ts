/**
 * The merge contract of the chair's merge routes (server/merges): what the server reports about a
 * merge, a row of the merge list and a line of a paragraph's history. Declared once so the server that
 * writes these bodies and the client that parses them (client/negotiation/merge-api.ts) agree.
 */
import { AMENDMENT_KINDS, type AmendmentKind } from '../negotiation/layout.ts';

/** One accepted amendment as the API reports it. `seq` is the stored document update that made it (undo takes it). */
export interface MergeInfo {
  seq: number;
  amendmentId: string;
  paragraphId: string;
  kind: AmendmentKind;
  author: string;
  cosigners: string[];
  acceptedBy: string;
  at: string;
}

/** A row of `GET /merges` (newest first). */
export interface MergeEntry extends MergeInfo {
  /** ISO time it was undone, or null. */
  undoneAt: string | null;
  /** True for the one merge that can be taken back now (the newest not yet undone). */
  undoable: boolean;
  /** Why it cannot be undone (when not undoable and not undone). */
  reason: string | null;
}

/** One line of a paragraph's history (`GET /paragraphs/:pid/history`), oldest first. */
export interface ParagraphHistoryEntry {
  at: string;
  kind: string;
  /** Participant name of whoever acted, null if unknown. */
  actor: string | null;
  amendmentId: string | null;
  amendmentKind: string | null;
  author: string | null;
  cosigners: string[];
  acceptedBy: string | null;
  /** One-line human summary written by the server. */
  summary: string;
}

/** True if `v` names an amendment kind a merge can have. */
export function isMergeKind(v: unknown): v is AmendmentKind {
  return typeof v === 'string' && (AMENDMENT_KINDS as readonly string[]).includes(v);
}

/**
 * Durable storage of drafts as an append-only log of Yjs updates plus occasional snapshots.
 * Async on purpose so a PostgreSQL (or any networked) store can implement the same contract;
 * the SQLite store resolves after its transaction has been fsynced.
 */
import type { ResolutionKind } from '../../shared/resolution/types.ts';

/** The row the draft list shows; kept in step with the document (debounced) by the room. */
export interface DraftMeta {
  id: string;
  title: string;
  symbol: string;
  kind: ResolutionKind;
  /** ISO timestamps. */
  createdAt: string;
  updatedAt: string;
}

export interface NewDraft {
  id: string;
  title: string;
  symbol: string;
  kind: ResolutionKind;
}

/** One stored update; `seq` increases with every append and is what `compact` cuts at. */
export interface StoredUpdate {
  seq: number;
  data: Uint8Array;
}

/** Raised (as a rejected promise) when a draft id is unknown to the store. */
export class DraftNotFoundError extends Error {
  constructor(readonly draftId: string) {
    super(`draft ${draftId} not found`);
    this.name = 'DraftNotFoundError';
  }
}

export interface DocStore {
  /** Creates the draft and stores `initialUpdate` as its first log entry, atomically. Rejects if the id exists. */
  createDraft(draft: NewDraft, initialUpdate: Uint8Array): Promise<DraftMeta>;
  /** Most recently updated first. */
  listDrafts(): Promise<DraftMeta[]>;
  getDraftMeta(id: string): Promise<DraftMeta | null>;
  /** Updates list fields (title, symbol, kind); does not touch `updatedAt`. No-op for unknown ids. */
  updateDraftMeta(id: string, patch: Partial<Pick<DraftMeta, 'title' | 'symbol' | 'kind'>>): Promise<void>;
  /** Removes the draft and its log. Resolves false if it did not exist. */
  deleteDraft(id: string): Promise<boolean>;
  /**
   * Appends one update durably and resolves with its seq only once it would survive a crash.
   * Bumps `updatedAt`. Rejects with DraftNotFoundError for unknown (e.g. just deleted) drafts.
   */
  appendUpdate(id: string, update: Uint8Array): Promise<number>;
  /** The log in seq order (a snapshot row, if any, comes first). Empty for unknown ids. */
  loadUpdates(id: string): Promise<StoredUpdate[]>;
  /** Replaces every entry with seq <= upToSeq by `merged`, in one transaction. */
  compact(id: string, merged: Uint8Array, upToSeq: number): Promise<void>;
  /** Flushes pending work and releases resources. */
  close(): Promise<void>;
}

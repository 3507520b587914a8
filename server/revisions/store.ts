/**
 * Revisions (issue 4): immutable snapshots of a draft issued by the chair or the secretariat.
 * A revision holds the full Yjs state of the room at issue time plus the derived JSON, and is
 * never updated (the SQLite table refuses UPDATE with a trigger). Deleting a draft deletes its
 * revisions; the record keeps the `revision-issued` events.
 */
import { randomBytes } from 'node:crypto';
import type { Actor } from '../../shared/negotiation/layout.ts';
import type { RevisionSnapshot } from './snapshot.ts';

/** The timeline row (no state, no JSON). */
export interface RevisionMeta {
  id: string;
  draftId: string;
  /** 1, 2, 3… per draft, in issue order. */
  seq: number;
  label: string;
  issuedBy: Actor;
  /** ISO time of issue. */
  at: string;
}

/** A stored revision: the meta row, the Yjs state (Y.encodeStateAsUpdate) and the derived snapshot. */
export interface StoredRevision extends RevisionMeta {
  state: Uint8Array;
  snapshot: RevisionSnapshot;
}

/** What the caller supplies; `seq` is assigned by the store. */
export type NewRevision = Omit<StoredRevision, 'seq'>;

/** Raised (as a rejected promise) when a draft already has a revision with that label (case-insensitive). */
export class DuplicateLabelError extends Error {
  constructor(readonly label: string) {
    super(`a revision labelled "${label}" already exists`);
    this.name = 'DuplicateLabelError';
  }
}

export interface RevisionStore {
  /** Stores the revision with the next seq of its draft, atomically. Rejects with DuplicateLabelError. */
  addRevision(rev: NewRevision): Promise<StoredRevision>;
  /** Timeline of a draft, oldest first. */
  listRevisions(draftId: string): Promise<RevisionMeta[]>;
  /** By revision id; null if unknown or of another draft. */
  getRevision(draftId: string, id: string): Promise<StoredRevision | null>;
  /** By label (case-insensitive); null if none. */
  getRevisionByLabel(draftId: string, label: string): Promise<StoredRevision | null>;
  /** Removes a deleted draft's revisions. */
  deleteDraftRevisions(draftId: string): Promise<void>;
}

/** `rev_` + 12 base64url characters (72 random bits). */
export const newRevisionId = (): string => `rev_${randomBytes(9).toString('base64url')}`;

/** Revision ids as issued by newRevisionId. */
export const REVISION_ID = /^rev_[A-Za-z0-9_-]{12}$/;

// The label rules live in shared/ so the client's form suggests and checks exactly what is accepted here.
export { checkLabel, nextRevLabel, type LabelCheck } from '../../shared/revisions/labels.ts';

const copy = (r: StoredRevision): StoredRevision => ({ ...r, issuedBy: { ...r.issuedBy }, state: r.state.slice(),
  snapshot: structuredClone(r.snapshot) });
const metaOf = ({ state: _s, snapshot: _j, ...meta }: StoredRevision): RevisionMeta => ({ ...meta, issuedBy: { ...meta.issuedBy } });

/** In-memory RevisionStore (tests); copies in and out so stored revisions cannot be mutated. */
export class MemoryRevisions implements RevisionStore {
  private readonly byDraft = new Map<string, StoredRevision[]>();

  async addRevision(rev: NewRevision): Promise<StoredRevision> {
    const list = this.byDraft.get(rev.draftId) ?? [];
    if (list.some((r) => r.label.toLowerCase() === rev.label.toLowerCase())) throw new DuplicateLabelError(rev.label);
    const stored = copy({ ...rev, seq: list.length + 1 });
    list.push(stored);
    this.byDraft.set(rev.draftId, list);
    return copy(stored);
  }

  async listRevisions(draftId: string): Promise<RevisionMeta[]> {
    return (this.byDraft.get(draftId) ?? []).map(metaOf);
  }

  async getRevision(draftId: string, id: string): Promise<StoredRevision | null> {
    const r = (this.byDraft.get(draftId) ?? []).find((x) => x.id === id);
    return r ? copy(r) : null;
  }

  async getRevisionByLabel(draftId: string, label: string): Promise<StoredRevision | null> {
    const r = (this.byDraft.get(draftId) ?? []).find((x) => x.label.toLowerCase() === label.trim().toLowerCase());
    return r ? copy(r) : null;
  }

  async deleteDraftRevisions(draftId: string): Promise<void> {
    this.byDraft.delete(draftId);
  }
}

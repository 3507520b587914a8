/**
 * Storage contract for identities and history: invitations (hashed tokens bound to one draft, one
 * participant and one role) and the server-side event log. The SQLite store and the memory store
 * both implement it beside their DocStore.
 */
import type { Actor, Role } from '../../shared/negotiation/layout.ts';
import { GENESIS_HASH, hashEntry, jsonValue } from '../audit/chain.ts';
import type { ChainedRow, VerifyExpect } from '../audit/verify.ts';

/** One invitation as stored. The token itself is never stored, only its sha256. */
export interface Invitation {
  /** Public id (url-safe), usable to revoke without knowing the token. */
  id: string;
  draftId: string;
  participant: string;
  role: Role;
  /** The delegation spoken for (penholder and delegation roles), else null. */
  delegation: string | null;
  createdAt: string;
  /** Participant name of whoever issued it; null for the creator's own invitation. */
  createdBy: string | null;
  revokedAt: string | null;
}

export interface NewInvitation {
  id: string;
  draftId: string;
  participant: string;
  role: Role;
  delegation: string | null;
  createdBy: string | null;
  /** Hex sha256 of the token. */
  tokenHash: string;
}

/** One row of the server-side history (position changes, statuses, sponsorship...). */
export interface HistoryEvent {
  draftId: string;
  /** ISO time the server applied the change. */
  at: string;
  /** Who sent the update; null when the session had no identity (enforcement-free tests). */
  actor: Actor | null;
  kind: string;
  /** What the event is about: a paragraph id, an amendment id, a delegation, 'draft'. */
  target: string;
  detail: unknown;
}

/** A stored row of the record (server/audit/chain.ts): per-draft seq from 1, hash-chained. */
export interface StoredEvent extends HistoryEvent {
  /** Per draft: 1, 2, 3… in append order. */
  seq: number;
  /** Hash of the previous row of the draft (GENESIS_HASH for the first). */
  prevHash: string;
  /** sha256 over the canonical encoding of this row's fields and prevHash. */
  hash: string;
}

export interface EventFilter {
  kind?: string;
  target?: string;
  /** Only rows whose actor speaks for this delegation. */
  delegation?: string;
  /** At most this many rows, oldest first. Default 1000. */
  limit?: number;
}

export interface AccessStore {
  /** Stores an invitation; rejects if the id or token hash exists. */
  createInvitation(inv: NewInvitation): Promise<Invitation>;
  /** The invitation a token (given by its hash) stands for, revoked or not; null if unknown. */
  findByTokenHash(tokenHash: string): Promise<Invitation | null>;
  getInvitation(draftId: string, id: string): Promise<Invitation | null>;
  /** Every invitation of a draft, oldest first, revoked ones included. */
  listInvitations(draftId: string): Promise<Invitation[]>;
  /** Marks an invitation revoked; false if unknown or already revoked. */
  revokeInvitation(draftId: string, id: string): Promise<boolean>;
  appendEvents(events: readonly HistoryEvent[]): Promise<void>;
  listEvents(draftId: string, filter?: EventFilter): Promise<StoredEvent[]>;
  /** Every row of a draft's record, in seq order, unfiltered (for verification). */
  listChain(draftId: string): Promise<ChainedRow[]>;
  /** The stored head anchor (row count and last hash), null when the draft has no rows. */
  logHead(draftId: string): Promise<VerifyExpect | null>;
  /** Ids of every draft with a record (deleted drafts included). */
  logDrafts(): Promise<string[]>;
  /**
   * Drops the invitations of a deleted draft. The record stays (it ends with 'draft-deleted'):
   * it is the audit trail and is only reachable by the operator (CLI) once the tokens are gone.
   */
  deleteDraftAccess(draftId: string): Promise<void>;
}

/** Chains `e` after `prev` (null: first row of its draft). Used by both stores. */
export function chainEvent(e: HistoryEvent, prev: { seq: number; hash: string } | null): StoredEvent {
  const row = { draftId: e.draftId, at: e.at, actor: e.actor ? (jsonValue(e.actor) as Actor) : null, kind: e.kind, target: e.target,
    detail: jsonValue(e.detail), seq: (prev?.seq ?? 0) + 1, prevHash: prev?.hash ?? GENESIS_HASH };
  return { ...row, hash: hashEntry(row) };
}

/** The filter applied in memory (the memory store; the SQLite store filters delegation after the query). */
export function matchesFilter(e: StoredEvent, filter: EventFilter): boolean {
  return (filter.kind === undefined || e.kind === filter.kind) && (filter.target === undefined || e.target === filter.target)
    && (filter.delegation === undefined || e.actor?.delegation === filter.delegation);
}

/** In-memory AccessStore (tests and the memory DocStore). */
export class MemoryAccess implements AccessStore {
  private readonly invitations = new Map<string, Invitation & { tokenHash: string }>();
  private readonly events: StoredEvent[] = [];

  async createInvitation(inv: NewInvitation): Promise<Invitation> {
    if (this.invitations.has(inv.id)) throw new Error(`invitation ${inv.id} exists`);
    for (const i of this.invitations.values()) if (i.tokenHash === inv.tokenHash) throw new Error('token hash collision');
    const row = { ...inv, createdAt: new Date().toISOString(), revokedAt: null };
    this.invitations.set(inv.id, row);
    return strip(row);
  }

  async findByTokenHash(tokenHash: string): Promise<Invitation | null> {
    for (const i of this.invitations.values()) if (i.tokenHash === tokenHash) return strip(i);
    return null;
  }

  async getInvitation(draftId: string, id: string): Promise<Invitation | null> {
    const i = this.invitations.get(id);
    return i && i.draftId === draftId ? strip(i) : null;
  }

  async listInvitations(draftId: string): Promise<Invitation[]> {
    return [...this.invitations.values()].filter((i) => i.draftId === draftId).map(strip);
  }

  async revokeInvitation(draftId: string, id: string): Promise<boolean> {
    const i = this.invitations.get(id);
    if (!i || i.draftId !== draftId || i.revokedAt !== null) return false;
    i.revokedAt = new Date().toISOString();
    return true;
  }

  async appendEvents(events: readonly HistoryEvent[]): Promise<void> {
    for (const e of events) {
      let prev: StoredEvent | null = null;
      for (let k = this.events.length - 1; k >= 0 && !prev; k--) if (this.events[k].draftId === e.draftId) prev = this.events[k];
      this.events.push(chainEvent(e, prev));
    }
  }

  async listEvents(draftId: string, filter: EventFilter = {}): Promise<StoredEvent[]> {
    return this.events
      .filter((e) => e.draftId === draftId && matchesFilter(e, filter))
      .slice(0, filter.limit ?? 1000)
      .map((e) => ({ ...e }));
  }

  async listChain(draftId: string): Promise<ChainedRow[]> {
    return this.events.filter((e) => e.draftId === draftId).map((e) => ({ ...e }));
  }

  async logHead(draftId: string): Promise<VerifyExpect | null> {
    const rows = this.events.filter((e) => e.draftId === draftId);
    const last = rows.at(-1);
    return last ? { count: rows.length, headHash: last.hash } : null;
  }

  async logDrafts(): Promise<string[]> {
    return [...new Set(this.events.map((e) => e.draftId))];
  }

  async deleteDraftAccess(draftId: string): Promise<void> {
    for (const [id, i] of this.invitations) if (i.draftId === draftId) this.invitations.delete(id);
  }
}

function strip(i: Invitation & { tokenHash: string }): Invitation {
  const { tokenHash: _hash, ...rest } = i;
  return { ...rest };
}

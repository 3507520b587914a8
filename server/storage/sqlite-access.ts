/**
 * AccessStore on the SQLite store's database: tables `invitations` (token sha256, never the token)
 * and `events` (server-side history). Shares the connection, hence WAL + synchronous=FULL.
 */
import type Database from 'better-sqlite3';
import type { Actor, Role } from '../../shared/negotiation/layout.ts';
import type { AccessStore, EventFilter, HistoryEvent, Invitation, NewInvitation, StoredEvent } from '../auth/store.ts';

export const ACCESS_SCHEMA = `
CREATE TABLE IF NOT EXISTS invitations (
  id TEXT PRIMARY KEY,
  draft_id TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  participant TEXT NOT NULL,
  role TEXT NOT NULL,
  delegation TEXT,
  created_by TEXT,
  created_at TEXT NOT NULL,
  revoked_at TEXT
);
CREATE INDEX IF NOT EXISTS invitations_by_draft ON invitations (draft_id);
CREATE TABLE IF NOT EXISTS events (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  draft_id TEXT NOT NULL,
  at TEXT NOT NULL,
  actor TEXT,
  kind TEXT NOT NULL,
  target TEXT NOT NULL,
  detail TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS events_by_draft ON events (draft_id, kind, seq);
`;

interface InvitationRow {
  id: string;
  draft_id: string;
  participant: string;
  role: string;
  delegation: string | null;
  created_by: string | null;
  created_at: string;
  revoked_at: string | null;
}

interface EventRow {
  seq: number;
  draft_id: string;
  at: string;
  actor: string | null;
  kind: string;
  target: string;
  detail: string;
}

const toInvitation = (r: InvitationRow): Invitation => ({
  id: r.id, draftId: r.draft_id, participant: r.participant, role: r.role as Role, delegation: r.delegation,
  createdBy: r.created_by, createdAt: r.created_at, revokedAt: r.revoked_at,
});

const COLS = 'id, draft_id, participant, role, delegation, created_by, created_at, revoked_at';

export class SqliteAccess implements AccessStore {
  private readonly stmt;

  constructor(private readonly db: Database.Database) {
    db.exec(ACCESS_SCHEMA);
    this.stmt = {
      insert: db.prepare(`INSERT INTO invitations (id, draft_id, token_hash, participant, role, delegation, created_by, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)`),
      byHash: db.prepare(`SELECT ${COLS} FROM invitations WHERE token_hash = ?`),
      byId: db.prepare(`SELECT ${COLS} FROM invitations WHERE draft_id = ? AND id = ?`),
      list: db.prepare(`SELECT ${COLS} FROM invitations WHERE draft_id = ? ORDER BY created_at, rowid`),
      revoke: db.prepare('UPDATE invitations SET revoked_at = ? WHERE draft_id = ? AND id = ? AND revoked_at IS NULL'),
      insertEvent: db.prepare('INSERT INTO events (draft_id, at, actor, kind, target, detail) VALUES (?, ?, ?, ?, ?, ?)'),
      deleteInvitations: db.prepare('DELETE FROM invitations WHERE draft_id = ?'),
      deleteEvents: db.prepare('DELETE FROM events WHERE draft_id = ?'),
    };
  }

  async createInvitation(inv: NewInvitation): Promise<Invitation> {
    const createdAt = new Date().toISOString();
    this.stmt.insert.run(inv.id, inv.draftId, inv.tokenHash, inv.participant, inv.role, inv.delegation, inv.createdBy, createdAt);
    return { id: inv.id, draftId: inv.draftId, participant: inv.participant, role: inv.role, delegation: inv.delegation,
      createdBy: inv.createdBy, createdAt, revokedAt: null };
  }

  async findByTokenHash(tokenHash: string): Promise<Invitation | null> {
    const r = this.stmt.byHash.get(tokenHash) as InvitationRow | undefined;
    return r ? toInvitation(r) : null;
  }

  async getInvitation(draftId: string, id: string): Promise<Invitation | null> {
    const r = this.stmt.byId.get(draftId, id) as InvitationRow | undefined;
    return r ? toInvitation(r) : null;
  }

  async listInvitations(draftId: string): Promise<Invitation[]> {
    return (this.stmt.list.all(draftId) as InvitationRow[]).map(toInvitation);
  }

  async revokeInvitation(draftId: string, id: string): Promise<boolean> {
    return this.stmt.revoke.run(new Date().toISOString(), draftId, id).changes > 0;
  }

  async appendEvents(events: readonly HistoryEvent[]): Promise<void> {
    if (events.length === 0) return;
    this.db.transaction(() => {
      for (const e of events) {
        this.stmt.insertEvent.run(e.draftId, e.at, e.actor ? JSON.stringify(e.actor) : null, e.kind, e.target, JSON.stringify(e.detail ?? null));
      }
    })();
  }

  async listEvents(draftId: string, filter: EventFilter = {}): Promise<StoredEvent[]> {
    const where = ['draft_id = ?'];
    const args: Array<string | number> = [draftId];
    if (filter.kind !== undefined) { where.push('kind = ?'); args.push(filter.kind); }
    if (filter.target !== undefined) { where.push('target = ?'); args.push(filter.target); }
    args.push(filter.limit ?? 1000);
    const rows = this.db.prepare(`SELECT * FROM events WHERE ${where.join(' AND ')} ORDER BY seq LIMIT ?`).all(...args) as EventRow[];
    return rows.map((r) => ({
      seq: r.seq, draftId: r.draft_id, at: r.at, actor: r.actor ? (JSON.parse(r.actor) as Actor) : null,
      kind: r.kind, target: r.target, detail: JSON.parse(r.detail) as unknown,
    }));
  }

  async deleteDraftAccess(draftId: string): Promise<void> {
    this.db.transaction(() => {
      this.stmt.deleteInvitations.run(draftId);
      this.stmt.deleteEvents.run(draftId);
    })();
  }
}

/**
 * AccessStore on the SQLite store's database: tables `invitations` (token sha256, never the token),
 * `events` (the record: hash-chained per draft, see server/audit/chain.ts) and `event_heads` (each
 * draft's last seq and hash, the anchor that makes a truncated tail visible). Shares the
 * connection, hence WAL + synchronous=FULL.
 */
import type Database from 'better-sqlite3';
import type { Actor, Role } from '../../shared/negotiation/layout.ts';
import type { ChainedRow, VerifyExpect } from '../audit/verify.ts';
import { chainEvent, type AccessStore, type EventFilter, type HistoryEvent, type Invitation, type NewInvitation, type StoredEvent } from '../auth/store.ts';

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
CREATE TABLE IF NOT EXISTS event_heads (
  draft_id TEXT PRIMARY KEY,
  seq INTEGER NOT NULL,
  hash TEXT NOT NULL
);
`;

/** Columns added by the record (issue 4); older databases get them on open. */
const CHAIN_COLUMNS: ReadonlyArray<[string, string]> = [['draft_seq', 'INTEGER'], ['prev_hash', 'TEXT'], ['hash', 'TEXT']];

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
  draft_seq: number;
  prev_hash: string;
  hash: string;
}

const toEvent = (r: EventRow): StoredEvent => ({
  seq: r.draft_seq, draftId: r.draft_id, at: r.at, actor: r.actor ? (JSON.parse(r.actor) as Actor) : null,
  kind: r.kind, target: r.target, detail: JSON.parse(r.detail) as unknown, prevHash: r.prev_hash, hash: r.hash,
});

const toInvitation = (r: InvitationRow): Invitation => ({
  id: r.id, draftId: r.draft_id, participant: r.participant, role: r.role as Role, delegation: r.delegation,
  createdBy: r.created_by, createdAt: r.created_at, revokedAt: r.revoked_at,
});

const COLS = 'id, draft_id, participant, role, delegation, created_by, created_at, revoked_at';

export class SqliteAccess implements AccessStore {
  private readonly stmt;

  constructor(private readonly db: Database.Database) {
    db.exec(ACCESS_SCHEMA);
    migrateChain(db);
    this.stmt = {
      insert: db.prepare(`INSERT INTO invitations (id, draft_id, token_hash, participant, role, delegation, created_by, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)`),
      byHash: db.prepare(`SELECT ${COLS} FROM invitations WHERE token_hash = ?`),
      byId: db.prepare(`SELECT ${COLS} FROM invitations WHERE draft_id = ? AND id = ?`),
      list: db.prepare(`SELECT ${COLS} FROM invitations WHERE draft_id = ? ORDER BY created_at, rowid`),
      revoke: db.prepare('UPDATE invitations SET revoked_at = ? WHERE draft_id = ? AND id = ? AND revoked_at IS NULL'),
      insertEvent: db.prepare(`INSERT INTO events (draft_id, at, actor, kind, target, detail, draft_seq, prev_hash, hash)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      lastEvent: db.prepare('SELECT draft_seq AS seq, hash FROM events WHERE draft_id = ? ORDER BY draft_seq DESC LIMIT 1'),
      setHead: db.prepare('INSERT INTO event_heads (draft_id, seq, hash) VALUES (?, ?, ?) ON CONFLICT (draft_id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash'),
      head: db.prepare('SELECT seq, hash FROM event_heads WHERE draft_id = ?'),
      chain: db.prepare('SELECT * FROM events WHERE draft_id = ? ORDER BY draft_seq, seq'),
      drafts: db.prepare('SELECT draft_id FROM events UNION SELECT draft_id FROM event_heads ORDER BY 1'),
      deleteInvitations: db.prepare('DELETE FROM invitations WHERE draft_id = ?'),
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
    // IMMEDIATE: the write lock is taken before the previous hash is read, so no other
    // connection can append between the read and the insert.
    this.db.transaction(() => {
      for (const e of events) {
        const prev = (this.stmt.lastEvent.get(e.draftId) as { seq: number; hash: string } | undefined) ?? null;
        const row = chainEvent(e, prev);
        this.stmt.insertEvent.run(row.draftId, row.at, row.actor ? JSON.stringify(row.actor) : null, row.kind, row.target,
          JSON.stringify(row.detail), row.seq, row.prevHash, row.hash);
        this.stmt.setHead.run(row.draftId, row.seq, row.hash);
      }
    }).immediate();
  }

  async listEvents(draftId: string, filter: EventFilter = {}): Promise<StoredEvent[]> {
    const where = ['draft_id = ?'];
    const args: Array<string | number> = [draftId];
    if (filter.kind !== undefined) { where.push('kind = ?'); args.push(filter.kind); }
    if (filter.target !== undefined) { where.push('target = ?'); args.push(filter.target); }
    if (filter.delegation !== undefined) { where.push("json_extract(actor, '$.delegation') = ?"); args.push(filter.delegation); }
    args.push(filter.limit ?? 1000);
    const rows = this.db.prepare(`SELECT * FROM events WHERE ${where.join(' AND ')} ORDER BY draft_seq LIMIT ?`).all(...args) as EventRow[];
    return rows.map(toEvent);
  }

  async listChain(draftId: string): Promise<ChainedRow[]> {
    return (this.stmt.chain.all(draftId) as EventRow[]).map(toEvent);
  }

  async logHead(draftId: string): Promise<VerifyExpect | null> {
    const h = this.stmt.head.get(draftId) as { seq: number; hash: string } | undefined;
    return h ? { count: h.seq, headHash: h.hash } : null;
  }

  async logDrafts(): Promise<string[]> {
    return (this.stmt.drafts.all() as Array<{ draft_id: string }>).map((r) => r.draft_id);
  }

  async deleteDraftAccess(draftId: string): Promise<void> {
    this.stmt.deleteInvitations.run(draftId);
  }
}

/**
 * Brings an older `events` table up to the record: adds the chain columns, then chains the rows
 * that have no hash yet, per draft in insertion (global seq) order, after the draft's last
 * chained row. Runs in one transaction; a no-op once every row is chained.
 */
export function migrateChain(db: Database.Database): void {
  const have = new Set((db.prepare('PRAGMA table_info(events)').all() as Array<{ name: string }>).map((c) => c.name));
  db.transaction(() => {
    for (const [name, type] of CHAIN_COLUMNS) if (!have.has(name)) db.exec(`ALTER TABLE events ADD COLUMN ${name} ${type}`);
    const unchained = db.prepare('SELECT * FROM events WHERE hash IS NULL ORDER BY seq').all() as Array<Omit<EventRow, 'draft_seq' | 'prev_hash' | 'hash'>>;
    const last = db.prepare('SELECT draft_seq AS seq, hash FROM events WHERE draft_id = ? AND hash IS NOT NULL ORDER BY draft_seq DESC LIMIT 1');
    const update = db.prepare('UPDATE events SET draft_seq = ?, prev_hash = ?, hash = ? WHERE seq = ?');
    const setHead = db.prepare('INSERT INTO event_heads (draft_id, seq, hash) VALUES (?, ?, ?) ON CONFLICT (draft_id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash');
    for (const r of unchained) {
      const prev = (last.get(r.draft_id) as { seq: number; hash: string } | undefined) ?? null;
      const row = chainEvent({ draftId: r.draft_id, at: r.at, actor: r.actor ? (JSON.parse(r.actor) as Actor) : null,
        kind: r.kind, target: r.target, detail: JSON.parse(r.detail) as unknown }, prev);
      update.run(row.seq, row.prevHash, row.hash, r.seq);
      setHead.run(row.draftId, row.seq, row.hash);
    }
  }).immediate();
  db.exec('CREATE UNIQUE INDEX IF NOT EXISTS events_chain ON events (draft_id, draft_seq)');
}

/**
 * RevisionStore on the SQLite store's database: table `revisions` (one row per issued revision,
 * state = Y.encodeStateAsUpdate, json = the derived snapshot). A trigger refuses UPDATE, so a
 * stored revision cannot change; rows go only with their draft.
 */
import type Database from 'better-sqlite3';
import type { Actor, Role } from '../../shared/negotiation/layout.ts';
import type { RevisionSnapshot } from '../revisions/snapshot.ts';
import { DuplicateLabelError, type NewRevision, type RevisionMeta, type RevisionStore, type StoredRevision } from '../revisions/store.ts';

export const REVISIONS_SCHEMA = `
CREATE TABLE IF NOT EXISTS revisions (
  id TEXT PRIMARY KEY,
  draft_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  label TEXT NOT NULL COLLATE NOCASE,
  issued_by TEXT NOT NULL,
  delegation TEXT,
  role TEXT NOT NULL,
  at TEXT NOT NULL,
  state BLOB NOT NULL,
  json TEXT NOT NULL,
  UNIQUE (draft_id, seq),
  UNIQUE (draft_id, label)
);
CREATE TRIGGER IF NOT EXISTS revisions_immutable BEFORE UPDATE ON revisions
BEGIN SELECT RAISE(ABORT, 'revisions are immutable'); END;
`;

interface MetaRow {
  id: string;
  draft_id: string;
  seq: number;
  label: string;
  issued_by: string;
  delegation: string | null;
  role: string;
  at: string;
}

interface FullRow extends MetaRow {
  state: Buffer;
  json: string;
}

const META_COLS = 'id, draft_id, seq, label, issued_by, delegation, role, at';

const toMeta = (r: MetaRow): RevisionMeta => ({
  id: r.id, draftId: r.draft_id, seq: r.seq, label: r.label, at: r.at,
  issuedBy: { participant: r.issued_by, role: r.role as Role, delegation: r.delegation } satisfies Actor,
});

const toFull = (r: FullRow): StoredRevision => ({
  ...toMeta(r),
  state: new Uint8Array(r.state.buffer.slice(r.state.byteOffset, r.state.byteOffset + r.state.byteLength)),
  snapshot: JSON.parse(r.json) as RevisionSnapshot,
});

export class SqliteRevisions implements RevisionStore {
  private readonly stmt;

  constructor(private readonly db: Database.Database) {
    db.exec(REVISIONS_SCHEMA);
    this.stmt = {
      insert: db.prepare(`INSERT INTO revisions (id, draft_id, seq, label, issued_by, delegation, role, at, state, json)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      nextSeq: db.prepare('SELECT COALESCE(MAX(seq), 0) + 1 AS n FROM revisions WHERE draft_id = ?'),
      byLabel: db.prepare('SELECT * FROM revisions WHERE draft_id = ? AND label = ?'),
      byId: db.prepare('SELECT * FROM revisions WHERE draft_id = ? AND id = ?'),
      list: db.prepare(`SELECT ${META_COLS} FROM revisions WHERE draft_id = ? ORDER BY seq`),
      deleteDraft: db.prepare('DELETE FROM revisions WHERE draft_id = ?'),
    };
  }

  async addRevision(rev: NewRevision): Promise<StoredRevision> {
    // IMMEDIATE: seq and the label check are read under the write lock that the insert uses.
    const seq = this.db.transaction(() => {
      if (this.stmt.byLabel.get(rev.draftId, rev.label)) throw new DuplicateLabelError(rev.label);
      const n = (this.stmt.nextSeq.get(rev.draftId) as { n: number }).n;
      this.stmt.insert.run(rev.id, rev.draftId, n, rev.label, rev.issuedBy.participant, rev.issuedBy.delegation,
        rev.issuedBy.role, rev.at, Buffer.from(rev.state), JSON.stringify(rev.snapshot));
      return n;
    }).immediate();
    return { ...rev, seq };
  }

  async listRevisions(draftId: string): Promise<RevisionMeta[]> {
    return (this.stmt.list.all(draftId) as MetaRow[]).map(toMeta);
  }

  async getRevision(draftId: string, id: string): Promise<StoredRevision | null> {
    const r = this.stmt.byId.get(draftId, id) as FullRow | undefined;
    return r ? toFull(r) : null;
  }

  async getRevisionByLabel(draftId: string, label: string): Promise<StoredRevision | null> {
    const r = this.stmt.byLabel.get(draftId, label.trim()) as FullRow | undefined;
    return r ? toFull(r) : null;
  }

  /** By revision id alone, whatever the draft (the CLI resolves bare revision ids with it). */
  async findRevisionById(id: string): Promise<StoredRevision | null> {
    const r = this.db.prepare('SELECT * FROM revisions WHERE id = ?').get(id) as FullRow | undefined;
    return r ? toFull(r) : null;
  }

  async deleteDraftRevisions(draftId: string): Promise<void> {
    this.stmt.deleteDraft.run(draftId);
  }
}

/**
 * DocStore on better-sqlite3. WAL + synchronous=FULL: a commit returns only after the WAL is
 * fsynced, so an acknowledged update survives SIGKILL and power loss. Appends that arrive in the
 * same event-loop turn share one transaction (group commit), so a burst costs one fsync.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { ResolutionKind } from '../../shared/resolution/types.ts';
import { DraftNotFoundError, type DocStore, type DraftMeta, type NewDraft, type StoredUpdate } from '../core/storage.ts';
import { SqliteAccess } from './sqlite-access.ts';
import { SqliteRevisions } from './sqlite-revisions.ts';

export interface SqliteStoreOptions {
  /** Share one transaction between appends of the same tick. Default true. */
  groupCommit?: boolean;
}

interface DraftRow {
  id: string;
  title: string;
  symbol: string;
  kind: string;
  created_at: string;
  updated_at: string;
}

interface PendingAppend {
  id: string;
  update: Uint8Array;
  resolve: (seq: number) => void;
  reject: (err: Error) => void;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS drafts (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL DEFAULT '',
  symbol TEXT NOT NULL DEFAULT '',
  kind TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS updates (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  draft_id TEXT NOT NULL,
  data BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS updates_by_draft ON updates (draft_id, seq);
`;

const toMeta = (r: DraftRow): DraftMeta => ({
  id: r.id, title: r.title, symbol: r.symbol, kind: r.kind as ResolutionKind, createdAt: r.created_at, updatedAt: r.updated_at,
});

const toBytes = (b: Buffer): Uint8Array => new Uint8Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));

export class SqliteStore implements DocStore {
  readonly db: Database.Database;
  /** Invitations and history, in the same database. */
  readonly access: SqliteAccess;
  /** Issued revisions (immutable snapshots), in the same database. */
  readonly revisions: SqliteRevisions;
  private readonly groupCommit: boolean;
  private queue: PendingAppend[] = [];
  private flushScheduled = false;
  private closed = false;
  private readonly stmt;

  /** `file` is the database path; its directory is created if missing. */
  constructor(file: string, options: SqliteStoreOptions = {}) {
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(SCHEMA);
    this.access = new SqliteAccess(this.db);
    this.revisions = new SqliteRevisions(this.db);
    this.groupCommit = options.groupCommit ?? true;
    this.stmt = {
      insertDraft: this.db.prepare('INSERT INTO drafts (id, title, symbol, kind, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)'),
      insertUpdate: this.db.prepare('INSERT INTO updates (draft_id, data) VALUES (?, ?)'),
      insertUpdateAt: this.db.prepare('INSERT INTO updates (seq, draft_id, data) VALUES (?, ?, ?)'),
      touch: this.db.prepare('UPDATE drafts SET updated_at = ? WHERE id = ?'),
      list: this.db.prepare('SELECT * FROM drafts ORDER BY updated_at DESC, id'),
      get: this.db.prepare('SELECT * FROM drafts WHERE id = ?'),
      deleteDraft: this.db.prepare('DELETE FROM drafts WHERE id = ?'),
      deleteLog: this.db.prepare('DELETE FROM updates WHERE draft_id = ?'),
      load: this.db.prepare('SELECT seq, data FROM updates WHERE draft_id = ? ORDER BY seq'),
      deleteUpTo: this.db.prepare('DELETE FROM updates WHERE draft_id = ? AND seq <= ?'),
      count: this.db.prepare('SELECT COUNT(*) AS n FROM updates WHERE draft_id = ?'),
    };
  }

  async createDraft(draft: NewDraft, initialUpdate: Uint8Array): Promise<DraftMeta> {
    const now = new Date().toISOString();
    this.db.transaction(() => {
      this.stmt.insertDraft.run(draft.id, draft.title, draft.symbol, draft.kind, now, now);
      this.stmt.insertUpdate.run(draft.id, Buffer.from(initialUpdate));
    })();
    return { ...draft, createdAt: now, updatedAt: now };
  }

  async listDrafts(): Promise<DraftMeta[]> {
    return (this.stmt.list.all() as DraftRow[]).map(toMeta);
  }

  async getDraftMeta(id: string): Promise<DraftMeta | null> {
    const row = this.stmt.get.get(id) as DraftRow | undefined;
    return row ? toMeta(row) : null;
  }

  async updateDraftMeta(id: string, patch: Partial<Pick<DraftMeta, 'title' | 'symbol' | 'kind'>>): Promise<void> {
    const cols = (['title', 'symbol', 'kind'] as const).filter((k) => patch[k] !== undefined);
    if (cols.length === 0) return;
    this.db.prepare(`UPDATE drafts SET ${cols.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`).run(...cols.map((c) => patch[c]), id);
  }

  async deleteDraft(id: string): Promise<boolean> {
    return this.db.transaction(() => {
      this.stmt.deleteLog.run(id);
      this.db.prepare('DELETE FROM invitations WHERE draft_id = ?').run(id);
      this.db.prepare('DELETE FROM revisions WHERE draft_id = ?').run(id);
      // The record (events) outlives the draft: it is the audit trail; 'draft-deleted' ends it.
      return this.stmt.deleteDraft.run(id).changes > 0;
    })();
  }

  appendUpdate(id: string, update: Uint8Array): Promise<number> {
    if (this.closed) return Promise.reject(new Error('store is closed'));
    return new Promise<number>((resolve, reject) => {
      this.queue.push({ id, update, resolve, reject });
      if (!this.groupCommit) {
        this.flush();
      } else if (!this.flushScheduled) {
        this.flushScheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  /** Commits every queued append in one transaction (one fsync), then settles their promises in order. */
  private flush(): void {
    this.flushScheduled = false;
    const batch = this.queue;
    this.queue = [];
    if (batch.length === 0) return;
    const outcomes: Array<number | Error> = [];
    try {
      const now = new Date().toISOString();
      this.db.transaction(() => {
        const known = new Set<string>();
        for (const p of batch) {
          if (!known.has(p.id)) {
            if (this.stmt.touch.run(now, p.id).changes === 0) {
              outcomes.push(new DraftNotFoundError(p.id));
              continue;
            }
            known.add(p.id);
          }
          outcomes.push(Number(this.stmt.insertUpdate.run(p.id, Buffer.from(p.update)).lastInsertRowid));
        }
      })();
    } catch (e) {
      const err = e instanceof Error ? e : new Error(String(e));
      for (const p of batch) p.reject(err);
      return;
    }
    batch.forEach((p, i) => {
      const o = outcomes[i];
      if (typeof o === 'number') p.resolve(o);
      else p.reject(o);
    });
  }

  async loadUpdates(id: string): Promise<StoredUpdate[]> {
    return (this.stmt.load.all(id) as Array<{ seq: number; data: Buffer }>).map((r) => ({ seq: r.seq, data: toBytes(r.data) }));
  }

  async compact(id: string, merged: Uint8Array, upToSeq: number): Promise<void> {
    this.db.transaction(() => {
      if (!this.stmt.get.get(id)) return;
      this.stmt.deleteUpTo.run(id, upToSeq);
      // Reusing the highest compacted seq keeps the snapshot ordered before every later update.
      this.stmt.insertUpdateAt.run(upToSeq, id, Buffer.from(merged));
    })();
  }

  /** Number of log rows for a draft (for tests and compaction heuristics). */
  countUpdates(id: string): number {
    return (this.stmt.count.get(id) as { n: number }).n;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.flush();
    this.closed = true;
    this.db.close();
  }
}

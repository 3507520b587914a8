/**
 * `penholder verify-log [--draft ID] [--data-dir DIR]`: checks the hash chain of the record of
 * every draft (or one) in DIR/penholder.db. Opens the database read-only so the evidence is never
 * touched (no migration: rows written before the record existed show as 'missing-hash' until the
 * server has opened the database once).
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Actor } from '../../shared/negotiation/layout.ts';
import { verifyLog, type ChainedRow, type VerifyExpect, type VerifyResult } from '../audit/verify.ts';
import { EXIT, type CliCommand } from './command.ts';

const USAGE = `Usage: penholder verify-log [--draft ID] [--data-dir DIR]

Verify the hash-chained record (the events log) of every draft, or of one.
  --draft ID       only this draft
  --data-dir DIR   directory of penholder.db (default: $DATA_DIR, else ./data)

Exit codes: 0 every log intact, 1 a log was altered, truncated or could not be read, 2 bad command line.
`;

interface Row {
  draft_id: string; at: string; actor: string | null; kind: string; target: string; detail: string;
  draft_seq: number | null; prev_hash: string | null; hash: string | null;
}

function parseArgs(args: readonly string[]): { draft?: string; dataDir: string } | string {
  let draft: string | undefined;
  let dataDir = process.env.DATA_DIR || './data';
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const value = args[i + 1];
    if ((a === '--draft' || a === '--data-dir') && (value === undefined || value.startsWith('--'))) return `${a} needs a value`;
    if (a === '--draft') draft = args[++i];
    else if (a === '--data-dir') dataDir = args[++i];
    else return `unknown argument "${a}"`;
  }
  return { draft, dataDir };
}

/** Reads one draft's rows and head from an open database (read-only use). */
export function readDraftLog(db: Database.Database, draftId: string): { rows: ChainedRow[]; head: VerifyExpect | null } {
  const cols = new Set((db.prepare('PRAGMA table_info(events)').all() as Array<{ name: string }>).map((c) => c.name));
  const chained = cols.has('hash');
  const raw = db.prepare(chained
    ? 'SELECT * FROM events WHERE draft_id = ? ORDER BY draft_seq, seq'
    : 'SELECT *, NULL AS draft_seq, NULL AS prev_hash, NULL AS hash FROM events WHERE draft_id = ? ORDER BY seq').all(draftId) as Row[];
  const rows = raw.map((r, i): ChainedRow => ({
    draftId: r.draft_id, seq: r.draft_seq ?? i + 1, at: r.at, actor: r.actor ? (JSON.parse(r.actor) as Actor) : null,
    kind: r.kind, target: r.target, detail: JSON.parse(r.detail) as unknown, prevHash: r.prev_hash ?? '', hash: r.hash ?? '',
  }));
  const hasHeads = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'event_heads'").get() !== undefined;
  const h = hasHeads ? (db.prepare('SELECT seq, hash FROM event_heads WHERE draft_id = ?').get(draftId) as { seq: number; hash: string } | undefined) : undefined;
  return { rows, head: h ? { count: h.seq, headHash: h.hash } : null };
}

/** Every draft id with a record in the database. */
export function logDraftIds(db: Database.Database): string[] {
  const hasHeads = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'event_heads'").get() !== undefined;
  const sql = hasHeads ? 'SELECT draft_id FROM events UNION SELECT draft_id FROM event_heads ORDER BY 1' : 'SELECT DISTINCT draft_id FROM events ORDER BY 1';
  return (db.prepare(sql).all() as Array<{ draft_id: string }>).map((r) => r.draft_id);
}

export const verifyLogCommand: CliCommand = {
  name: 'verify-log',
  summary: 'check the hash-chained record of every draft (or --draft ID) in the data directory',
  usage: USAGE,
  async run(args, io) {
    const parsed = parseArgs(args);
    if (typeof parsed === 'string') {
      io.stderr(`penholder verify-log: ${parsed}\n\n${USAGE}`);
      return EXIT.usage;
    }
    const file = path.join(parsed.dataDir, 'penholder.db');
    if (!fs.existsSync(file)) {
      io.stderr(`penholder verify-log: no database at ${file}\n`);
      return EXIT.refused;
    }
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      const hasEvents = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'events'").get() !== undefined;
      const ids = !hasEvents ? [] : parsed.draft !== undefined ? [parsed.draft] : logDraftIds(db);
      let bad = 0;
      let total = 0;
      for (const id of ids) {
        const { rows, head } = readDraftLog(db, id);
        const result: VerifyResult = rows.length === 0 && !head
          ? { ok: false, count: 0, firstBad: { seq: 1, problem: 'truncated', message: 'no log for this draft' } }
          : verifyLog(rows, head ?? undefined);
        total += result.count;
        if (result.ok) {
          io.stdout(`${id}: ok (${result.count} entries)\n`);
        } else {
          bad += 1;
          const f = result.firstBad;
          io.stdout(`${id}: NOT INTACT at seq ${f?.seq}: ${f?.problem}: ${f?.message}\n`);
        }
      }
      if (bad > 0) {
        io.stderr(`penholder verify-log: ${bad} of ${ids.length} draft log(s) are not intact\n`);
        return EXIT.refused;
      }
      io.stdout(`all ${ids.length} draft log(s) intact, ${total} entries\n`);
      return EXIT.ok;
    } finally {
      db.close();
    }
  },
};

/**
 * verifyLog: checks one draft's chained rows (pure; the CLI and GET …/log/verify call it).
 * Detects altered rows (hash mismatch), removed or reordered rows (seq gap, prev-hash mismatch)
 * and a truncated head (first seq not 1). A truncated tail is only visible against an anchor:
 * pass `expect` (the stored head: count and last hash).
 */
import { GENESIS_HASH, hashEntry, type ChainFields } from './chain.ts';

/** A row as read back: the hashed fields plus the stored hash. */
export interface ChainedRow extends ChainFields {
  hash: string;
}

export type VerifyProblem = 'seq-gap' | 'prev-hash-mismatch' | 'hash-mismatch' | 'missing-hash' | 'wrong-draft' | 'truncated';

export interface VerifyResult {
  ok: boolean;
  count: number;
  /** The first bad row (or, for 'truncated', the first seq missing at the end). */
  firstBad?: { seq: number; problem: VerifyProblem; message: string };
}

export interface VerifyExpect {
  /** Rows the head anchor says exist. */
  count: number;
  /** Hash of the last row per the anchor. */
  headHash: string;
}

/** Verifies rows of ONE draft in the order given (which should be storage order). */
export function verifyLog(rows: readonly ChainedRow[], expect?: VerifyExpect): VerifyResult {
  let prev = GENESIS_HASH;
  const draftId = rows[0]?.draftId;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    const bad = (problem: VerifyProblem, message: string): VerifyResult =>
      ({ ok: false, count: rows.length, firstBad: { seq: r.seq, problem, message } });
    if (r.draftId !== draftId) return bad('wrong-draft', `row ${r.seq} belongs to draft ${r.draftId}, not ${draftId}`);
    if (r.seq !== i + 1) {
      return bad('seq-gap', i === 0
        ? `the log starts at seq ${r.seq}, not 1: earlier rows were removed`
        : `seq ${r.seq} follows seq ${rows[i - 1].seq}: rows removed or reordered`);
    }
    if (!r.hash || !r.prevHash) return bad('missing-hash', `row ${r.seq} has no hash (written before the record existed: open the database with the server once to chain it)`);
    if (r.prevHash !== prev) return bad('prev-hash-mismatch', `row ${r.seq} does not chain from row ${r.seq - 1}`);
    if (hashEntry(r) !== r.hash) return bad('hash-mismatch', `row ${r.seq} was altered (its hash does not match its content)`);
    prev = r.hash;
  }
  if (expect && (expect.count !== rows.length || (rows.length > 0 && expect.headHash !== prev))) {
    const seq = Math.min(rows.length, expect.count) + 1;
    return { ok: false, count: rows.length,
      firstBad: { seq, problem: 'truncated', message: `the head records ${expect.count} rows ending in ${expect.headHash.slice(0, 12)}…, the log has ${rows.length}` } };
  }
  return { ok: true, count: rows.length };
}

/**
 * Seeded fuzz of amendment acceptance over a faulty network (network.ts): delegations propose and edit
 * amendments and insert words into paragraphs, while the chair accepts amendments in random order with
 * messages delayed, reordered, duplicated and dropped. After healing, all replicas must agree, every word
 * an accepted amendment carried must be in its paragraph, and no concurrent paragraph edit may be lost
 * (except in paragraphs the chair deleted or moved: a move re-creates the element, see shared/README.md).
 * Delegations also withdraw and co-sign amendments, and the chair rejects some. Here nothing serialises
 * a withdrawal against a concurrent acceptance (the status key is last-writer-wins); on the server the
 * gate does (a status leaves 'proposed' once), which test/server/merge-race.test.ts checks. So the
 * wording check below applies to the amendments that end up accepted.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  cosignAmendment, editAmendmentText, proposeAmendment, readAmendments, setAmendmentStatus, withdrawAmendment,
} from '../../shared/negotiation/actions.ts';
import type { AmendmentKind } from '../../shared/negotiation/layout.ts';
import { applyAcceptance, planAcceptance } from '../../shared/merge/apply-amendment.ts';
import { blockElement, rewriteBlockText } from '../../shared/merge/body-edit.ts';
import { sequentialIds } from '../../shared/resolution/ids.ts';
import { emptyResolution, readBlocksFromYDoc, readResolutionFromYDoc, writeResolutionToYDoc } from '../../shared/resolution/ydoc.ts';
import { Network, prng, type Rng } from './network.ts';

const words = (from: number, n: number): string => Array.from({ length: n }, (_, i) => `w${from + i}`).join(' ');

/** Insert `token` at a random word boundary of `text`. */
function insertWord(text: string, token: string, rng: Rng): string {
  const parts = text === '' ? [] : text.split(' ');
  parts.splice(rng.int(parts.length + 1), 0, token);
  return parts.join(' ');
}

/** Delete one base word (w…) from `text`, if any. */
function deleteBaseWord(text: string, rng: Rng): string {
  const parts = text.split(' ');
  const base = parts.map((p, i) => [p, i] as const).filter(([p]) => /^w\d+$/.test(p));
  if (base.length === 0) return text;
  parts.splice(base[rng.int(base.length)][1], 1);
  return parts.join(' ');
}

const tokensIn = (text: string): string[] => text.match(/[XB]\d+[XB]/g) ?? [];

/** `tokens`: the words the amendment itself added (not those it inherited from its base). */
interface Accepted { id: string; kind: AmendmentKind; paragraphId: string; tokens: string[] }

interface RunStats { accepted: number; proposed: number; conflicts: number; withdrawn: number; rejected: number; cosigned: number }

function run(seed: number, clients = 4, rounds = 60): RunStats {
  const rng = prng(seed);
  const origin = new Y.Doc();
  origin.clientID = 1;
  const res = emptyResolution();
  res.preamble = [{ id: 'pp1', text: words(0, 8), subparagraphs: [] }];
  res.operative = [0, 1, 2, 3].map((k) => ({ id: `op${k}`, number: k + 1, text: words(100 * (k + 1), 10), subparagraphs: [] }));
  res.footnotes = [{ number: 1, text: 'fn', paragraphId: 'op1', offset: 7 }];
  writeResolutionToYDoc(origin, res, { newId: sequentialIds('i'), now: '2026-01-01T00:00:00.000Z' });
  const start = Y.encodeStateAsUpdate(origin);
  const docs = Array.from({ length: clients }, (_, i) => {
    const d = new Y.Doc();
    d.clientID = 100 + i;
    Y.applyUpdate(d, start);
    return d;
  });
  const net = new Network(docs, rng, { drop: 0.05, duplicate: 0.05, maxDelay: 4 });
  const chair = docs[0];
  let counter = 0;
  const ids = sequentialIds(`s${seed}a`);
  const paraIds = sequentialIds(`s${seed}p`);
  const bodyTokens: Array<{ token: string; paragraphId: string }> = [];
  const accepted: Accepted[] = [];
  const removed = new Set<string>();
  const moved = new Set<string>();
  let proposed = 0;
  let conflicts = 0;
  let cosigned = 0;
  const now = (): string => `2026-01-01T00:${String(Math.floor(counter / 60) % 60).padStart(2, '0')}:${String(counter % 60).padStart(2, '0')}.000Z`;

  for (let round = 0; round < rounds; round++) {
    for (let c = 1; c < clients; c++) {
      const doc = docs[c];
      const blocks = readBlocksFromYDoc(doc).filter((b) => b.type === 'preambular' || b.type === 'operative');
      if (blocks.length === 0) continue;
      const target = blocks[rng.int(blocks.length)];
      const roll = rng.int(12);
      counter++;
      if (roll < 3) {
        let text = insertWord(target.text, `X${counter}X`, rng);
        if (rng.chance(0.4)) text = deleteBaseWord(text, rng);
        proposeAmendment(doc, { author: `D${c}`, kind: 'wording', target: target.id, baseText: target.text, text }, { newId: ids, now });
        proposed++;
      } else if (roll < 5) {
        const mine = readAmendments(doc).filter((a) => a.author === `D${c}` && a.status === 'proposed' && a.kind !== 'delete' && a.kind !== 'move');
        if (mine.length > 0) {
          const a = mine[rng.int(mine.length)];
          editAmendmentText(doc, a.id, rng.chance(0.7) ? insertWord(a.text, `X${counter}X`, rng) : deleteBaseWord(a.text, rng), { now });
        }
      } else if (roll < 8) {
        const el = blockElement(doc, target.id);
        const token = `B${counter}B`;
        if (el) {
          doc.transact(() => rewriteBlockText(el, insertWord(target.text, token, rng)));
          bodyTokens.push({ token, paragraphId: target.id });
        }
      } else if (roll < 9) {
        proposeAmendment(doc, { author: `D${c}`, kind: 'insert', after: target.id, paragraphKind: target.type === 'operative' ? 'operative' : 'preambular', text: `X${counter}X new words` }, { newId: ids, now });
        proposed++;
      } else if (roll === 10) {
        const mine = readAmendments(doc).filter((a) => a.author === `D${c}` && a.status === 'proposed');
        if (mine.length > 0) withdrawAmendment(doc, mine[rng.int(mine.length)].id, { now });
      } else if (roll === 11) {
        const others = readAmendments(doc).filter((a) => a.author !== `D${c}` && a.status === 'proposed');
        if (others.length > 0 && cosignAmendment(doc, others[rng.int(others.length)].id, `D${c}`, { now })) cosigned++;
      } else {
        const kind: AmendmentKind = rng.chance(0.5) ? 'move' : 'delete';
        const after = blocks[rng.int(blocks.length)].id;
        proposeAmendment(doc, { author: `D${c}`, kind, target: target.id, after: after === target.id ? '' : after, baseText: target.text }, { newId: ids, now });
        proposed++;
      }
    }
    if (rng.chance(0.1)) {
      const open = readAmendments(chair).filter((a) => a.status === 'proposed');
      if (open.length > 0) setAmendmentStatus(chair, open[rng.int(open.length)].id, 'rejected', { now });
    } else if (rng.chance(0.5)) {
      const open = readAmendments(chair).filter((a) => a.status === 'proposed');
      if (open.length > 0) {
        const a = open[rng.int(open.length)];
        const plan = planAcceptance(chair, a.id, { newId: paraIds });
        if (!plan.ok && plan.error === 'conflict') conflicts++;
        const r = applyAcceptance(chair, plan, { chair: 'Chair', now });
        if (r.ok && plan.ok) {
          accepted.push({ id: a.id, kind: a.kind, paragraphId: plan.paragraphId, tokens: tokensIn(a.text).filter((t) => !a.baseText.includes(t)) });
          if (a.kind === 'delete') removed.add(a.target);
          if (a.kind === 'move') moved.add(a.target);
        }
      }
    }
    net.step();
  }
  net.settle();

  const [first, ...rest] = docs;
  const json = readResolutionFromYDoc(first);
  const amendments = readAmendments(first);
  for (const d of rest) {
    expect(Y.encodeStateVector(d)).toEqual(Y.encodeStateVector(first));
    expect(readResolutionFromYDoc(d)).toEqual(json);
    expect(readAmendments(d)).toEqual(amendments);
  }
  const texts = new Map(readBlocksFromYDoc(first).map((b) => [b.id, b.text] as const));
  for (const a of accepted) {
    // A withdrawal made concurrently with the acceptance may win the status key (see the header).
    if (amendments.find((x) => x.id === a.id)?.status !== 'accepted') continue;
    if (a.kind !== 'wording' && a.kind !== 'insert') continue;
    if (removed.has(a.paragraphId)) continue;
    const text = texts.get(a.paragraphId);
    expect(text, `seed ${seed}: paragraph ${a.paragraphId} of ${a.id}`).toBeDefined();
    for (const t of a.tokens) expect(text, `seed ${seed}: ${t} of ${a.id}`).toContain(t);
  }
  for (const b of bodyTokens) {
    if (removed.has(b.paragraphId) || moved.has(b.paragraphId)) continue;
    expect(texts.get(b.paragraphId), `seed ${seed}: body edit ${b.token}`).toContain(b.token);
  }
  const count = (status: string): number => amendments.filter((a) => a.status === status).length;
  // Every amendment the chair accepted is still accepted unless its author withdrew it concurrently.
  for (const a of accepted) expect(['accepted', 'withdrawn']).toContain(amendments.find((x) => x.id === a.id)?.status);
  return { accepted: count('accepted'), proposed, conflicts, withdrawn: count('withdrawn'), rejected: count('rejected'), cosigned };
}

describe('amendment acceptance under a faulty network (seeded fuzz)', () => {
  it('converges and keeps accepted wording and concurrent edits over 24 seeds', () => {
    const total: RunStats = { accepted: 0, proposed: 0, conflicts: 0, withdrawn: 0, rejected: 0, cosigned: 0 };
    for (let seed = 1; seed <= 24; seed++) {
      const r = run(seed);
      for (const k of Object.keys(total) as (keyof RunStats)[]) total[k] += r[k];
    }
    // The fuzz must actually exercise every action, not pass vacuously.
    expect(total.accepted).toBeGreaterThan(100);
    expect(total.conflicts).toBeGreaterThan(0);
    expect(total.withdrawn).toBeGreaterThan(10);
    expect(total.rejected).toBeGreaterThan(10);
    expect(total.cosigned).toBeGreaterThan(10);
  });

  // Seed 19 once accepted an amendment whose base held a paragraph edit the chair had not received yet:
  // the words an amendment inherits from its base are not its own, and the check must not demand them.
  it('seed 19: inherited base words in flight', () => {
    expect(run(19).accepted).toBeGreaterThan(0);
  });
});

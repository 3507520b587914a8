/**
 * Seeded fuzz: random actors perform random legitimate and illegitimate operations on their replicas.
 * For every operation the intended permission is computed from rules.ts (independently of the gate) and
 * compared with the gate's verdict on the real update; only accepted updates reach the server and the
 * other replicas, and at the end every replica matches the server.
 */
import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { NEGOTIATION_ROOT, type Actor } from '../negotiation/layout.ts';
import { ROOT } from '../resolution/ydoc.ts';
import { CAST, planOp, rng, snapshot } from './fuzz-ops.ts';
import { checkUpdate } from './gate.ts';
import { capture, makeDoc, replica } from './testkit.ts';

function runSeed(seed: number, steps: number): { accepted: number; refused: number } {
  const rand = rng(seed);
  const server = makeDoc(4, 4);
  const replicas = new Map<Actor, Y.Doc>(CAST.map((a) => [a, replica(server)]));
  let n = 0;
  const nextId = () => `z${seed}_${++n}`;
  let accepted = 0;
  let refused = 0;
  for (let step = 0; step < steps; step++) {
    const actor = CAST[Math.floor(rand() * CAST.length)];
    const op = planOp(server, actor, rand, nextId);
    const local = replicas.get(actor) as Y.Doc;
    const update = capture(local, () => op.run(local));
    const verdict = checkUpdate(server, update, actor);
    const got = verdict.ok ? 'ok' : verdict.reason;
    const want = op.expected.ok ? 'ok' : op.expected.reason;
    expect(`seed ${seed} step ${step} ${actor.role} ${op.name}: ${got}`).toBe(`seed ${seed} step ${step} ${actor.role} ${op.name}: ${want}`);
    if (verdict.ok) {
      accepted++;
      Y.applyUpdate(server, update);
      for (const r of replicas.values()) Y.applyUpdate(r, update);
    } else {
      refused++;
      // The server refused: the client resyncs from the server's state.
      replicas.set(actor, replica(server));
    }
  }
  const want = snapshot(server);
  for (const [actor, r] of replicas) expect(`${actor.role}: ${snapshot(r)}`).toBe(`${actor.role}: ${want}`);
  const allowed = new Set<string>([...Object.values(ROOT), ...Object.values(NEGOTIATION_ROOT)]);
  for (const name of server.share.keys()) expect(allowed.has(name)).toBe(true);
  return { accepted, refused };
}

describe('gate fuzz', () => {
  for (let seed = 1; seed <= 24; seed++) {
    test(`seed ${seed}`, () => {
      const { accepted, refused } = runSeed(seed, 160);
      expect(accepted).toBeGreaterThan(10);
      expect(refused).toBeGreaterThan(10);
    });
  }
});

describe('fuzz regressions (seeds that once failed)', () => {
  // Deleting an amendment also deletes its fields and co-signer keys; these seeds got a field-level reason
  // ('no-delegation', 'not-your-delegation', 'amendment-field-immutable') instead of 'amendment-not-deletable'.
  for (const seed of [1, 3, 4, 5, 7, 8]) {
    test(`seed ${seed}: deleting an amendment is refused as amendment-not-deletable`, () => {
      runSeed(seed, 160);
    });
  }
});

/**
 * Seeded fuzz with stale replicas: each client receives the accepted updates late and in random batches, so
 * updates are built on old state and race each other. The intended verdict is no longer knowable from the
 * operation alone, so the oracle is the server state itself: after every accepted update, the difference it
 * made must be one the actor was allowed to make (checked with rules.ts against the state before). Refusals
 * must never be 'missing-dependencies' or 'malformed-update' (clients only build on what the server has),
 * and once everything is delivered every replica matches the server.
 */
import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import * as A from '../negotiation/actions.ts';
import { NEGOTIATION_ROOT, splitKey, type Actor } from '../negotiation/layout.ts';
import { ROOT } from '../resolution/ydoc.ts';
import { CAST, elements, planOp, rng, snapshot } from './fuzz-ops.ts';
import { checkUpdate } from './gate.ts';
import { canEditText, canSetPhase, isLocked } from './rules.ts';
import { capture, makeDoc, replica } from './testkit.ts';

interface State {
  phase: ReturnType<typeof A.readPhase>;
  body: string;
  paragraphs: Map<string, string>;
  locked: string[];
  maps: Record<string, Record<string, string>>;
  amendments: Map<string, A.Amendment>;
}

const MAPS = [ROOT.meta, ROOT.sponsors, NEGOTIATION_ROOT.control, NEGOTIATION_ROOT.paragraphSponsors, NEGOTIATION_ROOT.positions, NEGOTIATION_ROOT.status];

function stateOf(doc: Y.Doc): State {
  const maps: State['maps'] = {};
  for (const name of MAPS) {
    maps[name] = {};
    doc.getMap(name).forEach((v, k) => { maps[name][k] = JSON.stringify(v); });
  }
  return {
    phase: A.readPhase(doc),
    body: doc.getXmlFragment(ROOT.body).toString(),
    paragraphs: new Map(elements(doc).map((e) => [String(e.getAttribute('id')), e.toString()])),
    locked: [...A.readStatuses(doc)].filter(([, s]) => isLocked(s.status)).map(([id]) => id),
    maps,
    amendments: new Map(A.readAmendments(doc).map((a) => [a.id, a])),
  };
}

const changedKeys = (a: Record<string, string>, b: Record<string, string>): string[] =>
  [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => a[k] !== b[k]);

/** Every difference `actor` made between `b` (before) and `a` (after), as violations. */
function audit(actor: Actor, b: State, a: State): string[] {
  const bad: string[] = [];
  const own = (delegation: string | undefined) => actor.delegation !== null && delegation === actor.delegation;
  const open = b.phase !== 'closed';
  if (a.body !== b.body && !canEditText(actor, { phase: b.phase }).ok) bad.push('body changed');
  for (const id of b.locked) if (b.paragraphs.has(id) && a.paragraphs.get(id) !== b.paragraphs.get(id)) bad.push(`locked ${id} changed`);
  if (changedKeys(b.maps.meta, a.maps.meta).length && actor.role !== 'secretariat') bad.push('meta changed');
  for (const k of changedKeys(b.maps.sponsors, a.maps.sponsors)) if (actor.role !== 'secretariat' && !(open && own(k))) bad.push(`sponsor ${k}`);
  for (const root of [NEGOTIATION_ROOT.paragraphSponsors, NEGOTIATION_ROOT.positions]) {
    for (const k of changedKeys(b.maps[root], a.maps[root])) if (!(open && own(splitKey(k)?.[1]))) bad.push(`${root} ${k}`);
  }
  if (changedKeys(b.maps.status, a.maps.status).length && !(open && actor.role === 'chair')) bad.push('status changed');
  if (changedKeys(b.maps.control, a.maps.control).length && !canSetPhase(actor).ok) bad.push('control changed');
  for (const id of b.amendments.keys()) if (!a.amendments.has(id)) bad.push(`amendment ${id} removed`);
  for (const [id, after] of a.amendments) {
    const before = b.amendments.get(id);
    if (!before) {
      if (!(open && own(after.author) && after.status === 'proposed' && after.cosigners.length === 0)) bad.push(`amendment ${id} created`);
      continue;
    }
    for (const f of ['author', 'kind', 'target', 'baseText', 'createdAt'] as const) if (after[f] !== before[f]) bad.push(`${id}.${f}`);
    const wording = (['text', 'rationale', 'after', 'level', 'paragraphKind'] as const).some((f) => after[f] !== before[f]);
    if (wording && !(open && own(before.author) && before.status === 'proposed')) bad.push(`${id} edited`);
    if (after.status !== before.status) {
      const withdraw = after.status === 'withdrawn' && own(before.author) && before.status === 'proposed';
      if (!(open && (actor.role === 'chair' || withdraw))) bad.push(`${id} status`);
    }
    const cos = [...new Set([...before.cosigners, ...after.cosigners])].filter((d) => before.cosigners.includes(d) !== after.cosigners.includes(d));
    for (const d of cos) if (!(open && own(d) && d !== before.author && before.status === 'proposed')) bad.push(`${id} cosigner ${d}`);
  }
  return bad;
}

function runStaleSeed(seed: number, steps: number): { accepted: number; refused: number } {
  const rand = rng(seed);
  const server = makeDoc(4, 4);
  const replicas = new Map<Actor, { doc: Y.Doc; queue: Uint8Array[] }>(CAST.map((a) => [a, { doc: replica(server), queue: [] }]));
  let n = 0;
  const nextId = () => `s${seed}_${++n}`;
  let accepted = 0;
  let refused = 0;
  for (let step = 0; step < steps; step++) {
    const actor = CAST[Math.floor(rand() * CAST.length)];
    const me = replicas.get(actor) as { doc: Y.Doc; queue: Uint8Array[] };
    const deliver = Math.floor(rand() * (me.queue.length + 1));
    for (const u of me.queue.splice(0, deliver)) Y.applyUpdate(me.doc, u);
    const op = planOp(me.doc, actor, rand, nextId);
    const update = capture(me.doc, () => op.run(me.doc));
    const verdict = checkUpdate(server, update, actor);
    if (verdict.ok) {
      accepted++;
      const before = stateOf(server);
      Y.applyUpdate(server, update);
      expect(`seed ${seed} step ${step} ${actor.role} ${op.name}: ${audit(actor, before, stateOf(server)).join(', ')}`)
        .toBe(`seed ${seed} step ${step} ${actor.role} ${op.name}: `);
      for (const [other, r] of replicas) if (other !== actor) r.queue.push(update);
    } else {
      refused++;
      expect(['missing-dependencies', 'malformed-update']).not.toContain(verdict.reason);
      replicas.set(actor, { doc: replica(server), queue: [] });
    }
  }
  for (const r of replicas.values()) for (const u of r.queue.splice(0)) Y.applyUpdate(r.doc, u);
  const want = snapshot(server);
  for (const [actor, r] of replicas) expect(`${actor.role}: ${snapshot(r.doc)}`).toBe(`${actor.role}: ${want}`);
  return { accepted, refused };
}

describe('gate fuzz with stale replicas', () => {
  for (let seed = 101; seed <= 116; seed++) {
    test(`seed ${seed}`, () => {
      const { accepted, refused } = runStaleSeed(seed, 200);
      expect(accepted).toBeGreaterThan(10);
      expect(refused).toBeGreaterThan(10);
    });
  }
});

import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import { loadCorpusFixture } from '../fixtures/corpus-json.ts';
import { sequentialIds } from '../../shared/resolution/ids.ts';
import { resolutionSchema } from '../../shared/resolution/schema.ts';
import { emptyResolution, fixIdsInYDoc, readBlocksFromYDoc, readResolutionFromYDoc, writeResolutionToYDoc } from '../../shared/resolution/ydoc.ts';
import { Network, prng, type Faults } from './network.ts';
import { OP_NAMES, applyOp } from './ops.ts';

interface FuzzConfig {
  seed: number;
  clients: number;
  rounds: number;
  faults: Faults;
  /** Start from a corpus text instead of an empty draft. */
  corpus?: string;
  /** false: let ops cut surrogate pairs, as a careless client could (default true, as editors do). */
  snapSurrogates?: boolean;
}

/** Ids of all blocks and footnotes, in document order. */
function allIds(doc: Y.Doc): string[] {
  return readBlocksFromYDoc(doc).flatMap((b) => [b.id, ...b.footnotes.map((f) => f.id)]);
}

/**
 * Encoded state in canonical form. Two docs with the same content can hold their items split
 * differently (depending on how updates arrived), so re-integrate into a fresh doc before comparing.
 */
function canonicalState(doc: Y.Doc): Uint8Array {
  const fresh = new Y.Doc();
  Y.applyUpdate(fresh, Y.encodeStateAsUpdate(doc));
  return Y.encodeStateAsUpdate(fresh);
}

function expectConverged(docs: Y.Doc[], rawJSON = true): void {
  const [first, ...rest] = docs;
  const state = canonicalState(first);
  const snapshot = Y.encodeSnapshot(Y.snapshot(first));
  const json = { body: first.getXmlFragment('body').toJSON(), meta: first.getMap('meta').toJSON(), sponsors: first.getMap('sponsors').toJSON() };
  const res = readResolutionFromYDoc(first);
  for (const doc of rest) {
    expect(Y.encodeStateVector(doc)).toEqual(Y.encodeStateVector(first));
    expect(Y.encodeSnapshot(Y.snapshot(doc))).toEqual(snapshot);
    expect(canonicalState(doc)).toEqual(state);
    if (rawJSON) expect({ body: doc.getXmlFragment('body').toJSON(), meta: doc.getMap('meta').toJSON(), sponsors: doc.getMap('sponsors').toJSON() }).toEqual(json);
    expect(readResolutionFromYDoc(doc)).toEqual(res);
  }
}

/** Run one seeded fuzz session; returns the network stats for reporting. */
function fuzz(config: FuzzConfig): Network['stats'] & { ops: number; fixed: number } {
  const rng = prng(config.seed);
  // Fixed client ids: concurrent inserts are ordered by client id, so a seed must fix them too.
  const origin = new Y.Doc();
  origin.clientID = 1;
  const initial = config.corpus ? loadCorpusFixture(config.corpus) : emptyResolution();
  writeResolutionToYDoc(origin, initial, { newId: sequentialIds('i'), now: '2026-01-01T00:00:00.000Z' });
  const start = Y.encodeStateAsUpdate(origin);
  const docs = Array.from({ length: config.clients }, (_, i) => {
    const d = new Y.Doc();
    d.clientID = 100 + i;
    Y.applyUpdate(d, start);
    return d;
  });
  const net = new Network(docs, rng, config.faults);
  const ids = docs.map((_, i) => sequentialIds(`c${i}-`));
  let ops = 0;
  let fixed = 0;
  for (let round = 0; round < config.rounds; round++) {
    const c = rng.int(docs.length);
    for (let k = 0, n = 1 + rng.int(3); k < n; k++) if (applyOp(docs[c], rng.pick(OP_NAMES), rng, ids[c], { snapSurrogates: config.snapSurrogates })) ops++;
    // Editors run the id rule after every change they see; here a random client does now and then.
    if (rng.chance(0.15)) fixed += fixIdsInYDoc(docs[rng.int(docs.length)], ids[c]);
    net.step();
  }
  net.settle();
  const rawJSON = config.snapSurrogates !== false;
  expectConverged(docs, rawJSON);

  // After the id rule (on every client at once, as every editor would), ids are unique and docs still agree.
  docs.forEach((d, i) => { fixed += fixIdsInYDoc(d, ids[i]); });
  net.settle();
  expectConverged(docs, rawJSON);
  const finalIds = allIds(docs[0]);
  expect(finalIds.every((id) => id !== '')).toBe(true);
  expect(new Set(finalIds).size).toBe(finalIds.length);

  // The Collaboration binding accepts the converged body: every block and all text survive.
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(docs[0]));
  const pm = yXmlFragmentToProseMirrorRootNode(copy.getXmlFragment('body'), resolutionSchema);
  pm.check();
  const blocks = readBlocksFromYDoc(docs[0]);
  expect(pm.childCount).toBe(blocks.length);
  blocks.forEach((b, i) => {
    expect(pm.child(i).type.name).toBe(b.type);
    expect(pm.child(i).textContent).toBe(b.text);
  });
  return { ...net.stats, ops, fixed };
}

const NORMAL: Faults = { drop: 0.1, duplicate: 0.1, maxDelay: 4 };

describe('convergence under a faulty network (seeded fuzz)', () => {
  it('50 seeds, 3 clients, 100 rounds each', { timeout: 120_000 }, () => {
    let totals = { ops: 0, dropped: 0, duplicated: 0, fixed: 0 };
    for (let seed = 1; seed <= 50; seed++) {
      const s = fuzz({ seed, clients: 3, rounds: 100, faults: NORMAL });
      totals = { ops: totals.ops + s.ops, dropped: totals.dropped + s.dropped, duplicated: totals.duplicated + s.duplicated, fixed: totals.fixed + s.fixed };
    }
    // The faults and the id rule must actually have been exercised.
    expect(totals.ops).toBeGreaterThan(50 * 100);
    expect(totals.dropped).toBeGreaterThan(0);
    expect(totals.duplicated).toBeGreaterThan(0);
    expect(totals.fixed).toBeGreaterThan(0);
  });

  it('5 clients on a real resolution with a very lossy network', { timeout: 120_000 }, () => {
    for (let seed = 100; seed < 104; seed++) {
      const s = fuzz({ seed, clients: 5, rounds: 150, faults: { drop: 0.35, duplicate: 0.2, maxDelay: 10 }, corpus: 'A-RES-73-27.txt' });
      expect(s.resyncs).toBeGreaterThan(0);
    }
  });

  it('the same seed gives the same run', () => {
    const a = fuzz({ seed: 42, clients: 3, rounds: 60, faults: NORMAL });
    const b = fuzz({ seed: 42, clients: 3, rounds: 60, faults: NORMAL });
    expect(a).toEqual(b);
  });
});

describe('regressions', () => {
  // Seed 6 (3 clients, 120 rounds, ops free to cut surrogate pairs) split a paragraph inside an emoji: the
  // author's Y.XmlText kept a lone surrogate in memory while peers got U+FFFD, so readResolutionFromYDoc
  // differed between replicas although the encoded states agreed (seeds 7, 10, 17, 23.. too).
  // Fix: the reader maps lone surrogates to U+FFFD.
  it('seed 6: a split inside a surrogate pair reads the same on every replica', () => {
    fuzz({ seed: 6, clients: 3, rounds: 120, faults: NORMAL, snapSurrogates: false });
    fuzz({ seed: 7, clients: 3, rounds: 120, faults: NORMAL, snapSurrogates: false });
  });

  it('Yjs behaviour behind it: a lone surrogate stays local, peers get U+FFFD', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    const text = new Y.XmlText('\ude00tail');
    const el = new Y.XmlElement('preambular');
    el.insert(0, [text]);
    a.getXmlFragment('body').insert(0, [el]);
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect((a.getXmlFragment('body').get(0) as Y.XmlElement).toString()).toContain('\ude00');
    expect((b.getXmlFragment('body').get(0) as Y.XmlElement).toString()).toContain('\ufffd');
    expect(readResolutionFromYDoc(a)).toEqual(readResolutionFromYDoc(b));
    expect(readResolutionFromYDoc(a).preamble[0].text).toBe('\ufffdtail');
  });
});

describe('concurrent structure edits (targeted)', () => {
  function pair(): [Y.Doc, Y.Doc] {
    const a = new Y.Doc();
    const res = emptyResolution();
    res.operative[0].id = 'op1';
    res.operative[0].text = 'Decides to act';
    res.operative.push({ id: 'op2', number: 2, text: 'Requests a report', subparagraphs: [] });
    writeResolutionToYDoc(a, res, { newId: sequentialIds('i') });
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    return [a, b];
  }
  const sync = (a: Y.Doc, b: Y.Doc): void => {
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  };
  const moveToEnd = (d: Y.Doc, id: string): void => {
    const body = d.getXmlFragment('body');
    const i = body.toArray().findIndex((e) => e instanceof Y.XmlElement && e.getAttribute('id') === id);
    const el = body.get(i) as Y.XmlElement;
    const copy = new Y.XmlElement(el.nodeName);
    for (const [k, v] of Object.entries(el.getAttributes())) copy.setAttribute(k, v as string);
    copy.insert(0, [new Y.XmlText(el.toString().replace(/<[^>]*>/g, ''))]);
    d.transact(() => { body.delete(i, 1); body.insert(body.length, [copy]); });
  };

  it('a concurrent move of the same paragraph on two clients duplicates it; the id rule keeps the first', () => {
    const [a, b] = pair();
    moveToEnd(a, 'op1');
    moveToEnd(b, 'op1');
    sync(a, b);
    expect(readResolutionFromYDoc(a).operative.map((o) => o.id)).toEqual(['op2', 'op1', 'op1']);
    fixIdsInYDoc(a, () => 'fresh-a');
    fixIdsInYDoc(b, () => 'fresh-b');
    sync(a, b);
    expect(readResolutionFromYDoc(a)).toEqual(readResolutionFromYDoc(b));
    const ids = readResolutionFromYDoc(a).operative.map((o) => o.id);
    expect(ids.slice(0, 2)).toEqual(['op2', 'op1']);
    expect(['fresh-a', 'fresh-b']).toContain(ids[2]);
  });

  it('concurrent Enter in the same paragraph on two clients ends with unique ids after the rule', () => {
    const [a, b] = pair();
    for (const [d, name] of [[a, 'A'], [b, 'B']] as const) {
      const el = d.getXmlFragment('body').toArray().find((e) => e instanceof Y.XmlElement && e.getAttribute('id') === 'op1') as Y.XmlElement;
      const copy = new Y.XmlElement('operative');
      for (const [k, v] of Object.entries(el.getAttributes())) copy.setAttribute(k, v as string);
      copy.insert(0, [new Y.XmlText(`${name} tail`)]);
      d.getXmlFragment('body').insert(3, [copy]);
    }
    sync(a, b);
    fixIdsInYDoc(a, sequentialIds('a'));
    fixIdsInYDoc(b, sequentialIds('b'));
    sync(a, b);
    const ids = allIds(a);
    expect(new Set(ids).size).toBe(ids.length);
    expect(readResolutionFromYDoc(a)).toEqual(readResolutionFromYDoc(b));
    expect(readResolutionFromYDoc(a).operative[0].id).toBe('op1');
  });
});

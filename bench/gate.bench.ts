/**
 * Gate micro-benchmark: µs per `checkUpdate` on a 200-paragraph draft with a busy negotiation layer
 * (60 amendments, 400 positions, 40 statuses). Each scenario captures one real update from a replica and
 * checks it repeatedly against the server doc (never applied, so every check sees the same state).
 * Prints median / p95 / max µs. Run alone with `npx tsx bench/gate.bench.ts`; the lead wires
 * `runGateBench()` into `npm run bench`.
 */
import { fileURLToPath } from 'node:url';
import * as Y from 'yjs';
import * as A from '../shared/negotiation/actions.ts';
import type { Actor } from '../shared/negotiation/layout.ts';
import { checkUpdate } from '../shared/permissions/gate.ts';
import { inspectUpdate } from '../shared/permissions/inspect.ts';
import { ACTORS, capture, element, makeDoc, paragraph, replica, setAttr, textOf } from '../shared/permissions/testkit.ts';

const RUNS = 5000;
const WARMUP = 500;
const DELEGATIONS = Array.from({ length: 20 }, (_, i) => `State ${i + 1}`);

function busyRoom(): Y.Doc {
  const doc = makeDoc(100, 100);
  const at = { now: () => '2026-01-01T00:00:00.000Z' };
  A.setPhase(doc, 'negotiation');
  let n = 0;
  for (let i = 1; i <= 60; i++) {
    A.proposeAmendment(doc, { author: DELEGATIONS[(i - 1) % 20], kind: 'wording', target: `op${i}`, baseText: 'base', text: `Proposed wording ${i}` },
      { ...at, newId: () => `a${++n}` });
  }
  for (let i = 1; i <= 20; i++) for (const d of DELEGATIONS) A.recordPosition(doc, `op${i}`, d, 'support', '', at);
  for (let i = 1; i <= 40; i++) A.setParagraphStatus(doc, `pp${i}`, 'agreed', 'Chair', at);
  // History: some typing and deletions, so the struct store is not pristine.
  for (let i = 50; i < 100; i++) { textOf(doc, `op${i}`).insert(3, 'abc'); textOf(doc, `op${i}`).delete(0, 2); }
  return doc;
}

interface Scenario { name: string; actor: Actor; change: (d: Y.Doc) => void }

const delegate = (name: string): Actor => ({ participant: name, role: 'delegation', delegation: name });

const SCENARIOS: Scenario[] = [
  { name: 'keystroke in OP 70 (chair)', actor: ACTORS.chair, change: (d) => textOf(d, 'op70').insert(10, 'x') },
  {
    name: 'paragraph split (chair)', actor: ACTORS.chair, change: (d) => {
      const t = textOf(d, 'op71');
      const tail = t.toString().slice(12);
      t.delete(12, tail.length);
      const el = element('operative');
      const body = d.getXmlFragment('body');
      body.insert(body.toArray().indexOf(paragraph(d, 'op71')) + 1, [el]);
      el.setAttribute('id', 'split1');
      setAttr(el, 'level', 0);
      el.insert(0, [new Y.XmlText(tail)]);
    },
  },
  { name: 'amendment keystroke (author)', actor: delegate('State 6'), change: (d) => A.insertAmendmentText(d, 'a6', 5, 'x') },
  { name: 'position (own)', actor: delegate('State 3'), change: (d) => A.recordPosition(d, 'op3', 'State 3', 'oppose', 'Too strong') },
  { name: 'new amendment', actor: delegate('State 9'), change: (d) => { A.proposeAmendment(d, { author: 'State 9', kind: 'wording', target: 'op90', text: 'New' }); } },
  { name: 'refused: keystroke in agreed PP 5 (chair)', actor: ACTORS.chair, change: (d) => textOf(d, 'pp5').insert(3, 'x') },
];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
}

function time(fn: () => void): { median: number; p95: number; max: number } {
  for (let i = 0; i < WARMUP; i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = process.hrtime.bigint();
    fn();
    samples.push(Number(process.hrtime.bigint() - t0) / 1000);
  }
  samples.sort((a, b) => a - b);
  return { median: percentile(samples, 0.5), p95: percentile(samples, 0.95), max: samples[samples.length - 1] };
}

/** Run every scenario and print µs per check. Returns false if a scenario's verdict is not the expected one. */
export function runGateBench(): boolean {
  const server = busyRoom();
  const blocks = server.getXmlFragment('body').length;
  console.log(`gate: ${blocks} body blocks, ${RUNS} checks per scenario after ${WARMUP} warm-up (µs: median / p95 / max)`);
  let ok = true;
  for (const s of SCENARIOS) {
    const client = replica(server);
    const update = capture(client, () => s.change(client));
    const verdict = checkUpdate(server, update, s.actor);
    const expectOk = !s.name.startsWith('refused');
    if (verdict.ok !== expectOk) {
      ok = false;
      console.log(`  ${s.name}: unexpected verdict ${JSON.stringify(verdict)}`);
    }
    const gate = time(() => checkUpdate(server, update, s.actor));
    const inspect = time(() => inspectUpdate(server, update));
    const fmt = (r: { median: number; p95: number; max: number }) => `${r.median.toFixed(1)} / ${r.p95.toFixed(1)} / ${r.max.toFixed(0)}`;
    console.log(`  ${s.name.padEnd(42)} ${String(update.length).padStart(4)} B  checkUpdate ${fmt(gate)}   inspect only ${fmt(inspect)}`);
  }
  // Cost must not grow with the document: the same keystroke against drafts of 20, 200 and 2000 paragraphs.
  const sizes = [10, 100, 1000].map((half) => {
    const doc = makeDoc(half, half);
    A.setPhase(doc, 'negotiation');
    const client = replica(doc);
    const update = capture(client, () => textOf(client, `op${half}`).insert(5, 'x'));
    return `${2 * half} ¶ ${time(() => checkUpdate(doc, update, ACTORS.chair)).median.toFixed(1)}`;
  });
  console.log(`  keystroke by document size (median µs): ${sizes.join(', ')}`);
  return ok;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.exitCode = runGateBench() ? 0 : 1;
}

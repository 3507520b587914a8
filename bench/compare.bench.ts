/**
 * Comparison benchmark: `npx tsx bench/compare.bench.ts` (or import runCompareBench()). Times
 * compareResolutions on two 50-paragraph texts (15 preambular, 35 operative of 40–80 words) where
 * ~20% of the paragraphs differ (reworded, moved, inserted, deleted), and on the corpus pair
 * A/RES/76/19 → A/RES/78/16. Prints median / p95; the target is well under 100 ms.
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { compareResolutions, type Comparison } from '../shared/compare/align.ts';
import { importResolution } from '../shared/import/index.ts';
import { emptyMasthead, type ResolutionJSON } from '../shared/resolution/types.ts';
import { corpusText } from '../test/fixtures/corpus.ts';

const VOCAB = ('the General Assembly calls upon all States Members of United Nations to cooperate fully with Secretary-General ' +
  'in implementation present resolution and requests report on its sixtieth session including recommendations for further action ' +
  'regional organizations relevant stakeholders encourages strengthen capacity-building technical assistance developing countries ' +
  'information communications technologies security peace stability norms confidence-building measures dialogue').split(' ');

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

/** A word: half the time a common one, else one of 3000 rarer ones, so unrelated paragraphs share few words (as real ones do). */
const word = (next: () => number): string => (next() < 0.5 ? VOCAB[Math.floor(next() * VOCAB.length)] : `term${Math.floor(next() * 3000)}`);

function sentence(next: () => number): string {
  const n = 40 + Math.floor(next() * 41);
  return `${Array.from({ length: n }, () => word(next)).join(' ')};`;
}

function resolution(pre: string[], op: string[]): ResolutionJSON {
  return {
    ...emptyMasthead(), kind: 'draft-resolution', sponsors: [], title: 'Benchmark resolution', organ: 'The General Assembly,',
    preamble: pre.map((text, i) => ({ id: `pp${i}-${text.length}`, text, subparagraphs: [] })),
    operative: op.map((text, i) => ({ id: `op${i}-${text.length}`, number: i + 1, text, subparagraphs: [] })),
    footnotes: [], closing: '',
  };
}

/** Two texts of 50 paragraphs: the new one has 4 reworded, 2 moved, 2 inserted and 2 deleted paragraphs. */
function pair(): { a: ResolutionJSON; b: ResolutionJSON } {
  const next = rng(11);
  const pre = Array.from({ length: 15 }, () => sentence(next));
  const op = Array.from({ length: 35 }, () => sentence(next));
  const reword = (t: string): string => t.split(' ').map((w, i) => (i % 9 === 4 ? word(next) : w)).join(' ');
  const pre2 = [...pre];
  const op2 = [...op];
  pre2[3] = reword(pre2[3]);
  op2[5] = reword(op2[5]);
  op2[20] = reword(op2[20]);
  op2[30] = reword(op2[30]);
  const [movedPre] = pre2.splice(1, 1);
  pre2.splice(10, 0, movedPre);
  const [movedOp] = op2.splice(2, 1);
  op2.splice(25, 0, movedOp);
  pre2.splice(7, 1);
  op2.splice(15, 1);
  op2.splice(8, 0, sentence(next));
  pre2.splice(12, 0, sentence(next));
  return { a: resolution(pre, op), b: resolution(pre2, op2) };
}

function time(a: ResolutionJSON, b: ResolutionJSON, runs: number): { median: number; p95: number; result: Comparison } {
  let result = compareResolutions(a, b);
  for (let i = 0; i < 5; i++) result = compareResolutions(a, b); // warm-up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    result = compareResolutions(a, b);
    times.push(performance.now() - t0);
  }
  times.sort((x, y) => x - y);
  return { median: times[Math.floor(times.length / 2)], p95: times[Math.min(times.length - 1, Math.ceil(times.length * 0.95) - 1)], result };
}

const line = (name: string, r: { median: number; p95: number; result: Comparison }): string => {
  const s = r.result.summary;
  return `  ${name.padEnd(36)} ${r.median.toFixed(3).padStart(8)} ms / ${r.p95.toFixed(3).padStart(8)} ms  ` +
    `(${s.unchanged} unchanged, ${s.changed} changed, ${s.moved} moved, ${s.new} new, ${s.deleted} deleted)`;
};

/** Print compareResolutions timings (median / p95) for the synthetic pair and the corpus pair. */
export function runCompareBench(runs = 100): void {
  console.log(`compareResolutions (${runs} runs each, median / p95; target well under 100 ms):`);
  const { a, b } = pair();
  console.log(line('50 paragraphs, ~20% edited', time(a, b, runs)));
  const oldDoc = importResolution(corpusText('A-RES-76-19'));
  const newDoc = importResolution(corpusText('A-RES-78-16'));
  if (oldDoc.ok && newDoc.ok) console.log(line('A/RES/76/19 → A/RES/78/16', time(oldDoc.resolution, newDoc.resolution, runs)));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) runCompareBench();

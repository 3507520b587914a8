/**
 * Word-diff benchmark: `npx tsx bench/diff.bench.ts` (or import runDiffBench()). Prints the median and
 * worst time of diffWords on realistic amendment shapes; the target is < 5 ms for two 300-word paragraphs.
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import * as Y from 'yjs';
import { EditorState } from '@tiptap/pm/state';
import { Node as PMNode } from '@tiptap/pm/model';
import { diffWords } from '../shared/diff/word-diff.ts';
import { proposeAmendment } from '../shared/negotiation/actions.ts';
import { blocksToDocJSON, type BodyBlock } from '../shared/resolution/blocks.ts';
import { resolutionSchema } from '../shared/resolution/schema.ts';
import { trackedChangesKey, trackedChangesPlugin } from '../client/negotiation/tracked-plugin.ts';

const VOCAB = ('the General Assembly calls upon all States Members of United Nations to cooperate fully with Secretary-General ' +
  'in implementation present resolution and requests report on its sixtieth session including recommendations for further action ' +
  'regional organizations relevant stakeholders encourages strengthen capacity-building technical assistance developing countries').split(' ');

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

function paragraph(words: number, next: () => number): string[] {
  return Array.from({ length: words }, () => VOCAB[Math.floor(next() * VOCAB.length)]);
}

/** Change a share of the words (replace, delete, insert) and rejoin with punctuation. */
function mutate(words: readonly string[], share: number, next: () => number): string[] {
  const out: string[] = [];
  for (const w of words) {
    const r = next();
    if (r < share / 3) continue;
    if (r < (2 * share) / 3) out.push(VOCAB[Math.floor(next() * VOCAB.length)]);
    else if (r < share) out.push(w, VOCAB[Math.floor(next() * VOCAB.length)]);
    else out.push(w);
  }
  return out;
}

const join = (w: readonly string[]): string => w.join(' ').replace(/ (\w+) (\w+)$/, ' $1, $2;');

interface Case { name: string; a: string; b: string }

function cases(): Case[] {
  const next = rng(7);
  const base = paragraph(300, next);
  return [
    { name: '300 words, 1 word changed', a: join(base), b: join(base.map((w, i) => (i === 150 ? 'amended' : w))) },
    { name: '300 words, 10% changed', a: join(base), b: join(mutate(base, 0.1, next)) },
    { name: '300 words, 50% changed', a: join(base), b: join(mutate(base, 0.5, next)) },
    { name: '300 vs 300 unrelated words', a: join(base), b: join(paragraph(300, next)) },
    { name: '3000 words, 5% changed', a: join(paragraph(3000, rng(1))), b: join(mutate(paragraph(3000, rng(1)), 0.05, next)) },
  ];
}

function time(c: Case, runs: number): { median: number; worst: number; ops: number } {
  let ops = 0;
  for (let i = 0; i < 5; i++) ops = diffWords(c.a, c.b).length; // warm-up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    diffWords(c.a, c.b);
    times.push(performance.now() - t0);
  }
  times.sort((x, y) => x - y);
  return { median: times[Math.floor(times.length / 2)], worst: times[times.length - 1], ops };
}

const stats = (times: number[]): string => {
  const sorted = [...times].sort((x, y) => x - y);
  return `${sorted[Math.floor(sorted.length / 2)].toFixed(3).padStart(8)} ms / ${sorted[sorted.length - 1].toFixed(3).padStart(8)} ms`;
};

/**
 * The inline overlay on a 192-block draft with 60 proposed amendments (50 wordings changing ~10% of
 * 40-word paragraphs, 10 new paragraphs): first computation, and the recompute after one keystroke.
 */
function overlayBench(runs: number): void {
  const next = rng(3);
  const blocks: BodyBlock[] = Array.from({ length: 192 }, (_, i) => ({
    type: i < 40 ? 'preambular' : 'operative', id: `p${i}`, level: 0, labelStyle: 'un', text: join(paragraph(40, next)), footnotes: [],
  }));
  const ydoc = new Y.Doc();
  for (let i = 0; i < 50; i++) {
    const b = blocks[i * 3 + 10];
    proposeAmendment(ydoc, { author: `Delegation ${i % 7}`, kind: 'wording', target: b.id, baseText: b.text, text: join(mutate(b.text.split(' '), 0.1, next)) });
  }
  for (let i = 0; i < 10; i++) proposeAmendment(ydoc, { author: 'Brazil', kind: 'insert', after: `p${60 + i}`, text: join(paragraph(30, next)) });
  const doc = PMNode.fromJSON(resolutionSchema, blocksToDocJSON(blocks));
  const first: number[] = [];
  let state: EditorState | null = null;
  for (let i = 0; i < Math.max(5, runs / 5); i++) {
    const t0 = performance.now();
    state = EditorState.create({ schema: resolutionSchema, doc, plugins: [trackedChangesPlugin({ getDoc: () => ydoc, view: 'all', viewStore: null })] });
    first.push(performance.now() - t0);
  }
  if (!state) return;
  const count = trackedChangesKey.getState(state)?.set.find().length ?? 0;
  // Keystrokes in p0 (no amendment: decorations are mapped) and in p10 (amended: the overlay is recomputed).
  const keystrokes = (block: number): number[] => {
    const times: number[] = [];
    for (let i = 0; i < runs && state; i++) {
      let at = 1;
      for (let b = 0; b < block; b++) at += state.doc.child(b).nodeSize;
      const t0 = performance.now();
      state = state.apply(state.tr.insertText('x', at + 3));
      times.push(performance.now() - t0);
    }
    return times;
  };
  const plain = keystrokes(0);
  const amended = keystrokes(10);
  console.log(`tracked changes overlay (192 blocks, 60 proposals, ${count} decorations; median / worst):`);
  console.log(`  ${'first computation'.padEnd(30)} ${stats(first)}  (diffs memoised after the first run)`);
  console.log(`  ${'keystroke, unamended paragraph'.padEnd(30)} ${stats(plain)}`);
  console.log(`  ${'keystroke, amended paragraph'.padEnd(30)} ${stats(amended)}`);
}

/** Print diffWords timings for each case, then the inline overlay's. */
export function runDiffBench(runs = 50): void {
  console.log(`word diff (${runs} runs each, median / worst):`);
  for (const c of cases()) {
    const r = time(c, runs);
    console.log(`  ${c.name.padEnd(30)} ${r.median.toFixed(3).padStart(8)} ms / ${r.worst.toFixed(3).padStart(8)} ms  (${r.ops} ops)`);
  }
  overlayBench(runs);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) runDiffBench();

/**
 * Import benchmark: time `importResolution` on each corpus resolution, the non-paper (a refusal),
 * a synthetic 15 KB resolution, and pdftotext renderings (-layout and raw) of all of them.
 * Prints median / p95 / max milliseconds over RUNS runs after a warm-up. Target: well under
 * 50 ms for 15 KB. Run alone with `npx tsx bench/import.bench.ts`; `npm run bench` calls runImportBench().
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { importResolution } from '../shared/import/index.ts';
import { sequentialIds } from '../shared/resolution/ids.ts';
import { renderPdftotext } from '../test/fixtures/pdftotext.ts';

const RUNS = 100;
const WARMUP = 10;
const CORPUS = ['A-RES-78-16', 'A-C.1-78-L.11', 'A-RES-73-27', 'A-RES-76-19', 'non-paper-programme-of-action'];

function corpus(name: string): string {
  return readFileSync(new URL(`../test/fixtures/corpus/${name}.txt`, import.meta.url), 'utf8');
}

/** A plausible draft of about `bytes` bytes: masthead, preamble with markers, operative part with (a)/(i). */
export function syntheticResolution(bytes: number): string {
  const head = [
    'United Nations A/C.1/79/L.42', '', 'General Assembly', '', 'Distr.: Limited', '14 October 2024', '',
    'Original: English', '', 'Seventy-ninth session', '', 'First Committee', '', 'Agenda item 99 (c)', '',
    'General and complete disarmament', '',
    'Austria, Chile, Côte d’Ivoire, Türkiye and Trinidad and Tobago: draft resolution', '',
    'Responsible behaviour in outer space', '', 'The General Assembly,', '',
  ];
  const verbs = ['Recalling', 'Noting', 'Stressing', 'Welcoming', 'Reaffirming', 'Recognizing', 'Expressing concern'];
  const body: string[] = [];
  const notes: string[] = [];
  let size = head.join('\n').length;
  let i = 0;
  const sentence = 'the importance of transparency and confidence-building measures in the context of international security, including through the exchange of information on national policies and practices';
  while (size < bytes * 0.45) {
    const marker = i % 6 === 0 ? `${'¹²³⁴⁵⁶⁷⁸⁹'[notes.length % 9]}` : '';
    if (marker) notes.push(`${marker} See A/79/${100 + notes.length}.`);
    const line = `*${verbs[i % verbs.length]}* ${sentence}, and resolution 78/${20 + i},${marker} in particular paragraph ${i + 1} thereof,`;
    body.push(line, '');
    size += line.length + 1;
    i++;
  }
  let n = 1;
  while (size < bytes) {
    const subs = n % 3 === 0 ? ['(a) To strengthen cooperation;', '', '(i) At the regional level;', '', '(ii) At the global level;', '', '(b) To report on progress;', ''] : [];
    const line = `${n}. *Calls upon* all States to continue to consider ${sentence}${subs.length ? ':' : ';'}`;
    body.push(line, '', ...subs);
    size += line.length + subs.join('\n').length + 2;
    n++;
  }
  body.push(`${n}. *Decides* to include in the provisional agenda of its eightieth session the item entitled "General and complete disarmament".`);
  // Notes after the first operative paragraph, as a page bottom would place them.
  return [...head, ...body.slice(0, 6), ...notes.flatMap((note) => [note, '']), ...body.slice(6)].join('\n');
}

interface Row {
  name: string;
  kb: number;
  median: number;
  p95: number;
  max: number;
  outcome: string;
}

function measure(name: string, text: string): Row {
  const newId = sequentialIds();
  for (let i = 0; i < WARMUP; i++) importResolution(text, { newId });
  const times: number[] = [];
  let outcome = '';
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    const r = importResolution(text, { newId });
    times.push(performance.now() - t0);
    outcome = r.ok ? `${r.resolution.preamble.length} PP, ${r.resolution.operative.length} OP, ${r.resolution.footnotes.length} fn` : `refused: ${r.code}`;
  }
  times.sort((a, b) => a - b);
  const at = (p: number): number => times[Math.min(times.length - 1, Math.ceil(p * times.length) - 1)];
  return { name, kb: Buffer.byteLength(text) / 1024, median: at(0.5), p95: at(0.95), max: times[times.length - 1], outcome };
}

/** Runs the benchmark and prints a table. */
export async function runImportBench(): Promise<void> {
  const inputs: [string, string][] = [];
  const synthetic = syntheticResolution(15 * 1024);
  for (const name of CORPUS) inputs.push([name, corpus(name)]);
  inputs.push(['synthetic 15 KB', synthetic]);
  for (const [name, text] of [...inputs]) {
    const parsed = importResolution(text, { newId: sequentialIds() });
    if (!parsed.ok) continue;
    inputs.push([`${name} pdftotext -layout`, renderPdftotext(parsed.resolution, { layout: true })]);
    inputs.push([`${name} pdftotext raw`, renderPdftotext(parsed.resolution, { layout: false })]);
  }
  const rows = inputs.map(([name, text]) => measure(name, text));
  const header = ['input', 'KB', 'median ms', 'p95 ms', 'max ms', 'result'];
  const cells = rows.map((r) => [r.name, r.kb.toFixed(1), r.median.toFixed(2), r.p95.toFixed(2), r.max.toFixed(2), r.outcome]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: string[]): string => c.map((x, i) => (i > 0 && i < 5 ? x.padStart(widths[i]) : x.padEnd(widths[i]))).join(' | ').trimEnd();
  console.log(`importResolution: ${RUNS} runs per input after ${WARMUP} warm-up runs (target: 15 KB well under 50 ms)`);
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const c of cells) console.log(line(c));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await runImportBench();
}

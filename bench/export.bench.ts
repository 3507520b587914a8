/**
 * Export benchmark: `npx tsx bench/export.bench.ts` (or runExportBench() from `npm run bench`,
 * BENCH_ONLY=export). A synthetic draft of 100 paragraphs (30 PPs, 70 OPs, every fifth OP with
 * sub-paragraphs (a)/(b), a footnote on every eighth paragraph) carrying 200 pending amendments of
 * mixed kinds (wording, insert, delete, move; two or three on many paragraphs), positions and statuses.
 * Times each step from the Y.Doc to the finished file and prints median / p95; target: DOCX under 200 ms.
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import * as Y from 'yjs';
import { buildExportDocument } from '../shared/export/build.ts';
import { buildCompilation } from '../shared/export/compilation.ts';
import { exportInputFromYDoc } from '../shared/export/from-ydoc.ts';
import { renderExport } from '../shared/export/index.ts';
import { proposeAmendment, recordPosition, setParagraphStatus } from '../shared/negotiation/actions.ts';
import type { AmendmentKind, Stance } from '../shared/negotiation/layout.ts';
import { sequentialIds } from '../shared/resolution/ids.ts';
import { emptyMasthead, type Footnote, type ResolutionJSON, type SubParagraph } from '../shared/resolution/types.ts';
import { writeResolutionToYDoc } from '../shared/resolution/ydoc.ts';

const PP_VERBS = ['Recalling', 'Reaffirming', 'Noting with concern', 'Recognizing', 'Welcoming', 'Stressing', 'Bearing in mind'];
const OP_VERBS = ['Calls upon', 'Encourages', 'Requests', 'Urges', 'Invites', 'Decides', 'Emphasizes', 'Welcomes'];
const CLAUSE = 'the importance of transparency and confidence-building measures in the field of information and '
  + 'communications technologies in the context of international security, including through regional cooperation';
const DELEGATIONS = ['Argentina', 'Brazil', 'Canada', 'Egypt', 'France', 'India', 'Japan', 'Kenya', 'Mexico', 'Norway',
  'Pakistan', 'Singapore', 'South Africa', 'Switzerland', 'Türkiye'];

/** The 100-paragraph text: masthead, 30 PPs, 70 OPs (every fifth with two sub-paragraphs), footnotes. */
export function syntheticDraft(): ResolutionJSON {
  const pid = { pp: sequentialIds('pp'), op: sequentialIds('op'), sub: sequentialIds('sub') };
  const id = (kind: keyof typeof pid): string => pid[kind]();
  const footnotes: Footnote[] = [];
  const note = (paragraphId: string, text: string): void => {
    footnotes.push({ number: footnotes.length + 1, text: `See ${text}.`, paragraphId, offset: text.length });
  };
  const preamble = Array.from({ length: 30 }, (_, i) => {
    const text = `${PP_VERBS[i % PP_VERBS.length]} ${CLAUSE}, and its resolution 78/${10 + i} of ${4 + (i % 20)} December 2023,`;
    const own = id('pp');
    if (i % 8 === 0) note(own, text.slice(0, text.length - 1));
    return { id: own, text, subparagraphs: [] as SubParagraph[] };
  });
  const operative = Array.from({ length: 70 }, (_, i) => {
    const subs: SubParagraph[] = i % 5 === 2
      ? [
        { id: id('sub'), label: '(a)', text: 'To strengthen cooperation at the regional and subregional levels;', subparagraphs: [] },
        { id: id('sub'), label: '(b)', text: 'To report to the General Assembly on progress made;', subparagraphs: [] },
      ]
      : [];
    const text = `${OP_VERBS[i % OP_VERBS.length]} all Member States to continue to consider ${CLAUSE}${subs.length ? ':' : ';'}`;
    const own = id('op');
    if (i % 8 === 3) note(own, text.slice(0, 40));
    return { id: own, number: i + 1, text, subparagraphs: subs };
  });
  footnotes.sort((a, b) => a.number - b.number);
  return {
    ...emptyMasthead(),
    symbol: 'A/C.1/79/L.42', distribution: 'Limited', date: '14 October 2024', originalLanguage: 'English',
    session: 'Seventy-ninth session', organName: 'General Assembly', committee: 'First Committee', agendaItem: '99 (c)',
    agendaTitle: 'General and complete disarmament',
    kind: 'draft-resolution', sponsors: ['Brazil', 'Kenya', 'Norway', 'Singapore'],
    title: 'Responsible State behaviour in the use of information and communications technologies',
    organ: 'The General Assembly,', preamble, operative, footnotes, closing: '',
  };
}

/** The draft in a Y.Doc with 200 pending amendments (mixed kinds, several per paragraph), positions and statuses. */
export function syntheticNegotiation(count = 200): Y.Doc {
  const res = syntheticDraft();
  const doc = new Y.Doc();
  writeResolutionToYDoc(doc, res, { now: '2024-10-14T09:00:00.000Z' });
  const paras = [...res.preamble.map((p) => ({ ...p, kind: 'preambular' as const })), ...res.operative.map((p) => ({ ...p, kind: 'operative' as const }))];
  const opts = { now: () => '2024-10-20T10:00:00.000Z', newId: sequentialIds('a') };
  const kinds: AmendmentKind[] = ['wording', 'wording', 'insert', 'wording', 'delete', 'wording', 'move', 'insert', 'wording', 'delete'];
  for (let i = 0; i < count; i++) {
    const kind = kinds[i % kinds.length];
    // Two or three amendments land on the same paragraph: i → paragraph i*37 mod 100 spreads and repeats.
    const p = paras[(i * 37) % paras.length];
    const author = DELEGATIONS[i % DELEGATIONS.length];
    if (kind === 'insert') {
      proposeAmendment(doc, {
        author, kind, after: p.id, paragraphKind: p.kind, level: 0,
        text: `${p.kind === 'operative' ? 'Requests' : 'Noting'} the Secretary-General to submit a report on item ${i}, including recommendations;`,
        rationale: 'A new paragraph on reporting.',
      }, opts);
    } else if (kind === 'move') {
      proposeAmendment(doc, { author, kind, target: p.id, after: paras[(i * 11) % paras.length].id, baseText: p.text }, opts);
    } else if (kind === 'delete') {
      proposeAmendment(doc, { author, kind, target: p.id, baseText: p.text, rationale: 'Duplicates another paragraph.' }, opts);
    } else {
      const words = p.text.split(' ');
      words.splice(3, 2, 'strongly', `urges-${i}`);
      proposeAmendment(doc, { author, kind, target: p.id, baseText: p.text, text: `${words.join(' ')} as appropriate` }, opts);
    }
  }
  const stances: Stance[] = ['support', 'can-accept', 'oppose', 'reservation'];
  paras.forEach((p, i) => {
    for (let d = 0; d < 4; d++) recordPosition(doc, p.id, DELEGATIONS[(i + d) % DELEGATIONS.length], stances[(i + d) % stances.length], '', { now: () => '2024-10-21T10:00:00.000Z' });
    if (i % 9 === 0) setParagraphStatus(doc, p.id, i % 2 ? 'agreed' : 'bracketed', 'Chair');
  });
  return doc;
}

interface Timing { median: number; p95: number; size: number }

async function time(runs: number, step: () => Promise<number> | number): Promise<Timing> {
  let size = 0;
  for (let i = 0; i < Math.min(5, runs); i++) size = await step(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    size = await step();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)], p95: times[Math.min(times.length - 1, Math.ceil(times.length * 0.95) - 1)], size };
}

const sizeOf = (bytes: Uint8Array | string): number => (typeof bytes === 'string' ? Buffer.byteLength(bytes) : bytes.length);

/** Print export timings (median / p95) for the synthetic 100-paragraph draft with 200 pending amendments. */
export async function runExportBench(runs = 30): Promise<void> {
  const doc = syntheticNegotiation();
  const plain = buildExportDocument(exportInputFromYDoc(doc));
  const compiled = buildCompilation(doc);
  const blocks = plain.preamble.length + plain.operative.length;
  const proposals = [...compiled.preamble, ...compiled.operative]
    .reduce((n, b) => n + (b.negotiation?.proposals.length ?? 0) + (b.negotiation?.proposedBy ? 1 : 0), 0);
  console.log(`export of a ${blocks}-block draft (100 paragraphs + sub-paragraphs, ${plain.footnotes.length} footnotes) `
    + `with ${proposals} pending amendments shown (${runs} runs each, median / p95; target: DOCX under 200 ms):`);
  const steps: Array<[string, () => Promise<number> | number]> = [
    ['build (Y.Doc → ExportDocument)', () => buildExportDocument(exportInputFromYDoc(doc)).operative.length],
    ['docx', async () => sizeOf((await renderExport(plain, 'docx')).bytes)],
    ['akn', async () => sizeOf((await renderExport(plain, 'akn')).bytes)],
    ['html', async () => sizeOf((await renderExport(plain, 'html')).bytes)],
    ['txt', async () => sizeOf((await renderExport(plain, 'txt')).bytes)],
    ['compilation build (Y.Doc → document)', () => buildCompilation(doc).operative.length],
    ['compilation-docx (build + render)', async () => sizeOf((await renderExport(buildCompilation(doc), 'compilation', { as: 'docx' })).bytes)],
    ['compilation-html (build + render)', async () => sizeOf((await renderExport(buildCompilation(doc), 'compilation', { as: 'html' })).bytes)],
    ['docx, Y.Doc to file (build + render)', async () => sizeOf((await renderExport(buildExportDocument(exportInputFromYDoc(doc)), 'docx')).bytes)],
  ];
  for (const [name, step] of steps) {
    const t = await time(runs, step);
    const unit = name.startsWith('build') || name.startsWith('compilation build') ? `${t.size} OP blocks` : `${(t.size / 1024).toFixed(1)} KB`;
    console.log(`  ${name.padEnd(40)} ${t.median.toFixed(2).padStart(8)} ms / ${t.p95.toFixed(2).padStart(8)} ms  (${unit})`);
  }
  doc.destroy();
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await runExportBench();

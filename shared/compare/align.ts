/**
 * Comparison of two texts of a resolution: paragraphs (and flattened sub-paragraphs) of the old and
 * new text are aligned section by section and each pair gets a status. Pure and deterministic.
 *
 * Alignment, per section (title, preamble, operative):
 *  1. exact text matches (the i-th occurrence of a text in the old pairs with the i-th in the new);
 *     the longest increasing subsequence of those pairs is "in order" (unchanged), the rest "moved";
 *  2. among what is left, similar paragraphs (token Jaccard ≥ SIMILARITY_THRESHOLD) are paired,
 *     order-preserving pairs first (weighted LCS), then any remaining similar pair; these are "changed"
 *     and carry a word-level diff;
 *  3. what is still unpaired is "deleted" (old only) or "new" (new only).
 */
import { diffWords, tokenize, type DiffOp } from '../diff/word-diff.ts';
import type { ResolutionJSON, SubParagraph } from '../resolution/types.ts';

export type CompareStatus = 'unchanged' | 'changed' | 'new' | 'deleted' | 'moved';
export const COMPARE_STATUSES: readonly CompareStatus[] = ['unchanged', 'changed', 'new', 'deleted', 'moved'];

/** Where a unit sits. `title` is an addition to the sections of the brief: the title is compared too. */
export type CompareSection = 'title' | 'preamble' | 'operative';

/** One paragraph or sub-paragraph of one side. */
export interface CompareUnit {
  section: CompareSection;
  /** 1-based preambular index, or the OP number; 0 for the title. Sub-paragraphs carry their parent's. */
  number: number;
  /** "PP3", "OP5", "OP3 (a)", "OP3 (a) (i)", "Title". */
  ref: string;
  id: string;
  text: string;
}

export interface ComparePair {
  status: CompareStatus;
  old?: CompareUnit;
  new?: CompareUnit;
  /** Word-level differences (old → new), for `changed` pairs only. */
  diff?: DiffOp[];
  /** Token similarity of a `changed` pair, 0..1 (rounded to 3 decimals). */
  similarity?: number;
  /** True for a `changed` pair that also left its relative order (moved and reworded). */
  reordered?: boolean;
}

export type CompareSummary = Record<CompareStatus, number> & { total: number };

export interface Comparison {
  old: { symbol: string; title: string };
  new: { symbol: string; title: string };
  /** Title first, then preamble, then operative; within a section in the new text's order, deletions where they stood. */
  pairs: ComparePair[];
  summary: CompareSummary;
}

/** Below this token similarity two paragraphs are a deletion and an insertion, not a change. */
export const SIMILARITY_THRESHOLD = 0.5;

function flattenSubs(out: CompareUnit[], section: CompareSection, number: number, prefix: string, subs: readonly SubParagraph[]): void {
  for (const s of subs) {
    const ref = `${prefix} ${s.label}`.trim();
    out.push({ section, number, ref, id: s.id, text: s.text });
    flattenSubs(out, section, number, ref, s.subparagraphs);
  }
}

/** The units of one section, in document order. */
export function sectionUnits(doc: ResolutionJSON, section: CompareSection): CompareUnit[] {
  const out: CompareUnit[] = [];
  if (section === 'title') {
    if (doc.title !== '') out.push({ section, number: 0, ref: 'Title', id: 'title', text: doc.title });
  } else if (section === 'preamble') {
    doc.preamble.forEach((p, i) => {
      out.push({ section, number: i + 1, ref: `PP${i + 1}`, id: p.id, text: p.text });
      flattenSubs(out, section, i + 1, `PP${i + 1}`, p.subparagraphs);
    });
  } else {
    doc.operative.forEach((p, i) => {
      const n = p.number > 0 ? p.number : i + 1;
      out.push({ section, number: n, ref: `OP${n}`, id: p.id, text: p.text });
      flattenSubs(out, section, n, `OP${n}`, p.subparagraphs);
    });
  }
  return out;
}

/** Lower-cased word tokens (punctuation and spacing ignored): what similarity is computed on. */
function wordSet(text: string): Set<string> {
  return new Set(tokenize(text.toLowerCase()).filter((t) => /[\p{L}\p{N}]/u.test(t)));
}

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let common = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const t of small) if (large.has(t)) common++;
  return common / (a.size + b.size - common);
}

/** Indices (into `seq`) of one longest strictly increasing subsequence; the earliest-ending one on ties. */
function lisIndices(seq: readonly number[]): number[] {
  const tails: number[] = [];
  const prev = new Array<number>(seq.length).fill(-1);
  for (let i = 0; i < seq.length; i++) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (seq[tails[mid]] < seq[i]) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[i] = tails[lo - 1];
    tails[lo] = i;
  }
  const out: number[] = [];
  for (let i = tails.length ? tails[tails.length - 1] : -1; i >= 0; i = prev[i]) out.push(i);
  return out.reverse();
}

interface Link { oldIndex: number; newIndex: number; status: CompareStatus; similarity?: number; reordered?: boolean }

/** Step 1: exact text matches, split into in-order (unchanged) and moved by LIS. */
function exactLinks(olds: readonly CompareUnit[], news: readonly CompareUnit[]): Link[] {
  const byText = new Map<string, number[]>();
  olds.forEach((u, i) => {
    const list = byText.get(u.text);
    if (list) list.push(i);
    else byText.set(u.text, [i]);
  });
  const used = new Map<string, number>();
  const pairs: Array<[number, number]> = [];
  news.forEach((u, j) => {
    const list = byText.get(u.text);
    const k = used.get(u.text) ?? 0;
    if (list && k < list.length) {
      pairs.push([list[k], j]);
      used.set(u.text, k + 1);
    }
  });
  pairs.sort((x, y) => x[0] - y[0]);
  const inOrder = new Set(lisIndices(pairs.map((p) => p[1])));
  return pairs.map(([oldIndex, newIndex], k) => ({ oldIndex, newIndex, status: inOrder.has(k) ? 'unchanged' : 'moved' }));
}

/** Similarity of every free old unit with every free new unit (0 below the threshold). */
function similarityTable(olds: readonly CompareUnit[], news: readonly CompareUnit[], freeOld: readonly number[], freeNew: readonly number[]): Map<number, Map<number, number>> {
  const nSets = freeNew.map((j) => [j, wordSet(news[j].text)] as const);
  const table = new Map<number, Map<number, number>>();
  for (const i of freeOld) {
    const a = wordSet(olds[i].text);
    const row = new Map<number, number>();
    for (const [j, b] of nSets) {
      const s = jaccard(a, b);
      if (s >= SIMILARITY_THRESHOLD) row.set(j, s);
    }
    table.set(i, row);
  }
  return table;
}

/** Order-preserving pairs within one gap between unchanged anchors: weighted LCS on similarity. */
function gapLinks(gapOld: readonly number[], gapNew: readonly number[], sim: Map<number, Map<number, number>>): Link[] {
  const n = gapOld.length;
  const m = gapNew.length;
  if (n === 0 || m === 0) return [];
  const score = (i: number, j: number): number => sim.get(gapOld[i])?.get(gapNew[j]) ?? 0;
  // best[i][j]: best total similarity aligning gapOld[i..] with gapNew[j..] in order.
  const best: Float64Array[] = Array.from({ length: n + 1 }, () => new Float64Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      const s = score(i, j);
      best[i][j] = Math.max(best[i + 1][j], best[i][j + 1], s > 0 ? s + best[i + 1][j + 1] : 0);
    }
  }
  const links: Link[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    const s = score(i, j);
    if (s > 0 && best[i][j] === s + best[i + 1][j + 1]) {
      links.push({ oldIndex: gapOld[i], newIndex: gapNew[j], status: 'changed', similarity: s });
      i++;
      j++;
    } else if (best[i][j] === best[i + 1][j]) i++;
    else j++;
  }
  return links;
}

/**
 * Step 2: similar pairs among the unmatched. The unchanged pairs cut both texts into gaps; inside each
 * gap pairs keep their order. Similar units left over across gaps are paired best-first (reworded and moved).
 */
function similarLinks(olds: readonly CompareUnit[], news: readonly CompareUnit[], exact: readonly Link[]): Link[] {
  const oDone = new Set(exact.map((l) => l.oldIndex));
  const nDone = new Set(exact.map((l) => l.newIndex));
  const freeOld = olds.map((_, i) => i).filter((i) => !oDone.has(i));
  const freeNew = news.map((_, j) => j).filter((j) => !nDone.has(j));
  if (freeOld.length === 0 || freeNew.length === 0) return [];
  const sim = similarityTable(olds, news, freeOld, freeNew);
  const anchors = exact.filter((l) => l.status === 'unchanged').sort((x, y) => x.oldIndex - y.oldIndex);
  const bounds = [{ oldIndex: -1, newIndex: -1 }, ...anchors, { oldIndex: olds.length, newIndex: news.length }];
  const links: Link[] = [];
  for (let k = 1; k < bounds.length; k++) {
    const [a, b] = [bounds[k - 1], bounds[k]];
    links.push(...gapLinks(
      freeOld.filter((i) => i > a.oldIndex && i < b.oldIndex),
      freeNew.filter((j) => j > a.newIndex && j < b.newIndex),
      sim,
    ));
  }
  const takenO = new Set(links.map((l) => l.oldIndex));
  const takenN = new Set(links.map((l) => l.newIndex));
  const rest: Array<[number, number, number]> = [];
  for (const i of freeOld) {
    if (takenO.has(i)) continue;
    for (const [j, s] of sim.get(i) ?? []) if (!takenN.has(j)) rest.push([s, i, j]);
  }
  rest.sort((x, y) => y[0] - x[0] || x[1] - y[1] || x[2] - y[2]);
  for (const [s, i, j] of rest) {
    if (takenO.has(i) || takenN.has(j)) continue;
    takenO.add(i);
    takenN.add(j);
    links.push({ oldIndex: i, newIndex: j, status: 'changed', similarity: s, reordered: true });
  }
  return links;
}

/** The title is one unit per side: any difference is a change, however large. */
function titleLinks(olds: readonly CompareUnit[], news: readonly CompareUnit[]): Link[] {
  if (olds.length === 0 || news.length === 0) return [];
  const same = olds[0].text === news[0].text;
  return [{ oldIndex: 0, newIndex: 0, status: same ? 'unchanged' : 'changed', similarity: same ? undefined : jaccard(wordSet(olds[0].text), wordSet(news[0].text)) }];
}

function toPair(link: Link, olds: readonly CompareUnit[], news: readonly CompareUnit[]): ComparePair {
  const o = olds[link.oldIndex];
  const n = news[link.newIndex];
  const pair: ComparePair = { status: link.status, old: o, new: n };
  if (link.status === 'changed') {
    pair.diff = diffWords(o.text, n.text);
    pair.similarity = Math.round((link.similarity ?? 0) * 1000) / 1000;
    if (link.reordered) pair.reordered = true;
  }
  return pair;
}

/** Aligns one section and lists its pairs in the new text's order, each deletion after its old predecessor. */
function compareSection(oldDoc: ResolutionJSON, newDoc: ResolutionJSON, section: CompareSection): ComparePair[] {
  const olds = sectionUnits(oldDoc, section);
  const news = sectionUnits(newDoc, section);
  const links = section === 'title' ? titleLinks(olds, news) : exactLinks(olds, news);
  if (section !== 'title') links.push(...similarLinks(olds, news, links));
  const byNew = new Map(links.map((l) => [l.newIndex, l]));
  const pairedOld = new Set(links.map((l) => l.oldIndex));
  const out: ComparePair[] = [];
  let nextOld = 0;
  const flushDeleted = (upTo: number): void => {
    for (; nextOld < upTo; nextOld++) if (!pairedOld.has(nextOld)) out.push({ status: 'deleted', old: olds[nextOld] });
  };
  news.forEach((u, j) => {
    const link = byNew.get(j);
    if (!link) {
      out.push({ status: 'new', new: u });
      return;
    }
    // Only in-order pairs advance through the old text; a moved paragraph is shown where it now stands.
    if (link.status !== 'moved' && !link.reordered) flushDeleted(link.oldIndex + 1);
    out.push(toPair(link, olds, news));
  });
  flushDeleted(olds.length);
  return out;
}

/** Counts per status. */
export function summarize(pairs: readonly ComparePair[]): CompareSummary {
  const summary: CompareSummary = { unchanged: 0, changed: 0, new: 0, deleted: 0, moved: 0, total: pairs.length };
  for (const p of pairs) summary[p.status]++;
  return summary;
}

/** Compare an old and a new text of a resolution. Pure, deterministic, never throws on valid ResolutionJSON. */
export function compareResolutions(oldDoc: ResolutionJSON, newDoc: ResolutionJSON): Comparison {
  const pairs = (['title', 'preamble', 'operative'] as const).flatMap((s) => compareSection(oldDoc, newDoc, s));
  return {
    old: { symbol: oldDoc.symbol, title: oldDoc.title },
    new: { symbol: newDoc.symbol, title: newDoc.title },
    pairs,
    summary: summarize(pairs),
  };
}

/**
 * The compilation text: the live draft with every pending amendment shown against its paragraph and
 * attributed, the chair's statuses and where the room stands on each paragraph — what the chair
 * circulates between meetings. Built as an ExportDocument with `compilation: true`, so every renderer
 * can print it. Rules (README.md):
 * - wording: a Proposal with ins/del runs (word diff of the current text → the amendment text); when it
 *   is the only pending wording amendment of the paragraph, the block's own inlines carry the runs too;
 * - insert: a new block after its anchor, "OP5 bis", "OP5 ter", … ("OP0 bis" at the start of a section;
 *   sub-paragraphs "(a bis)", and "(0 bis)" right after their paragraph), `proposedBy` set;
 * - delete / move: a Proposal of that kind (move: `moveAfter` = the ref it would follow);
 * - stale: the amendment was drafted against another text of the paragraph than the current one.
 */
import type * as Y from 'yjs';
import { diffWords } from '../diff/word-diff.ts';
import type { ParagraphStatus, Stance, StatusEntry } from '../negotiation/layout.ts';
import { readAmendments, readPositions, readStatuses, type Amendment, type PositionRecord } from '../negotiation/read.ts';
import { openerRange } from '../resolution/openers.ts';
import { buildExportDocument, textInlines } from './build.ts';
import type { BlockNegotiation, ExportBlock, ExportDocument, Inline, Proposal } from './document.ts';
import { exportInputFromYDoc, type FromYDocOptions } from './from-ydoc.ts';

/** The negotiation layer as the readers of shared/negotiation/read.ts give it (or a revision snapshot holds it). */
export interface NegotiationLayer {
  amendments: readonly Amendment[];
  statuses: ReadonlyMap<string, StatusEntry> | Readonly<Record<string, StatusEntry>>;
  positions: readonly PositionRecord[];
}

/** Latin multiplicative adverbs for inserted paragraphs: OP5 bis, ter, quater, … */
const LATIN = [
  'bis', 'ter', 'quater', 'quinquies', 'sexies', 'septies', 'octies', 'novies', 'decies', 'undecies', 'duodecies',
  'terdecies', 'quaterdecies', 'quindecies', 'sexdecies', 'septdecies', 'octodecies', 'novodecies', 'vicies',
];

/** The n-th (0-based) suffix: "bis", "ter", … then "(21)" past "vicies" — a clear, if unlatin, fallback. */
export function latinSuffix(n: number): string {
  return LATIN[n] ?? `(${n + 2})`;
}

type Marker = { offset: number; number: number };

/** Footnote markers of a block, read back from its inlines (offsets in its plain text). */
function markersOf(block: ExportBlock): Marker[] {
  const out: Marker[] = [];
  let at = 0;
  for (const run of block.inlines) {
    if (run.kind === 'footnote') out.push({ offset: at, number: run.number });
    else if (run.kind === 'text') at += run.text.length;
  }
  return out;
}

/**
 * `current` → `proposed` as runs: unchanged words as text (italic within [0, italicEnd)), removed words as
 * `del`, added words as `ins`, footnote markers of the current text where they stand.
 */
export function diffInlines(
  current: string, proposed: string, italicEnd: number, markers: readonly Marker[], by: string, amendmentId: string,
): Inline[] {
  const out: Inline[] = [];
  let at = 0;
  let m = 0;
  const flushMarkers = (upTo: number): void => {
    while (m < markers.length && markers[m].offset <= upTo) out.push({ kind: 'footnote', number: markers[m++].number });
  };
  for (const op of diffWords(current, proposed)) {
    if (op.op === 'insert') {
      flushMarkers(at);
      out.push({ kind: 'ins', text: op.text, by, amendmentId });
      continue;
    }
    const end = at + op.text.length;
    while (at < end) {
      flushMarkers(at);
      const nextMarker = m < markers.length ? markers[m].offset : Infinity;
      let cut = Math.min(end, nextMarker > at ? nextMarker : end);
      if (op.op === 'equal' && at < italicEnd && italicEnd < cut) cut = italicEnd;
      const text = current.slice(at, cut);
      if (op.op === 'equal') out.push({ kind: 'text', text, italic: at < italicEnd });
      else out.push({ kind: 'del', text, by, amendmentId });
      at = cut;
    }
  }
  flushMarkers(Infinity);
  return out;
}

function italicEndOf(block: ExportBlock, text: string): number {
  if (block.depth !== 0) return 0;
  return openerRange(block.kind, text)?.[1] ?? 0;
}

function statusOf(statuses: NegotiationLayer['statuses'], id: string): ParagraphStatus {
  const entry = statuses instanceof Map ? statuses.get(id) : (statuses as Readonly<Record<string, StatusEntry>>)[id];
  return entry?.status ?? 'pending';
}

type Stances = Exclude<Stance, 'none'>;

function positionsFor(positions: readonly PositionRecord[], targetId: string): Pick<BlockNegotiation, 'positions' | 'positionsBy'> {
  const by: Partial<Record<Stances, string[]>> = {};
  for (const p of positions) {
    if (p.targetId !== targetId || p.entry.stance === 'none') continue;
    (by[p.entry.stance] ??= []).push(p.delegation);
  }
  const counts: Partial<Record<Stances, number>> = {};
  for (const [stance, list] of Object.entries(by) as [Stances, string[]][]) {
    list.sort((a, b) => a.localeCompare(b, 'en'));
    counts[stance] = list.length;
  }
  return { positions: counts, positionsBy: by };
}

function proposalOf(a: Amendment, block: ExportBlock | null, refs: ReadonlyMap<string, string>): Proposal {
  const current = block?.text ?? '';
  const base = { amendmentId: a.id, kind: a.kind, by: a.author, cosigners: [...a.cosigners], rationale: a.rationale };
  if (a.kind === 'wording' && block) {
    return {
      ...base, moveAfter: '', stale: a.baseText !== current,
      inlines: diffInlines(current, a.text, italicEndOf(block, current), markersOf(block), a.author, a.id),
    };
  }
  return {
    ...base, inlines: [],
    moveAfter: a.kind === 'move' ? refs.get(a.after) ?? '' : '',
    // Delete and move carry no wording: out of date only if a recorded base text differs.
    stale: a.baseText !== '' && a.baseText !== current,
  };
}

const isDecimal = (label: string): boolean => /^\d+(\.\d+)+\.?$/.test(label);

/** "(a)" → "(a bis)", "a." → "a bis.", "5.1" → "5.1 bis". */
function suffixed(label: string, suffix: string): string {
  if (/^\(.*\)$/.test(label)) return `(${label.slice(1, -1)} ${suffix})`;
  if (isDecimal(label)) return `${label.replace(/\.$/, '')} ${suffix}`;
  if (label.endsWith('.')) return `${label.slice(0, -1)} ${suffix}.`;
  return `${label} ${suffix}`;
}

/**
 * Label and ref of a block inserted at `depth`: after `sibling` (the block of that depth it follows), or
 * right after `parent` before its first sub-paragraph ("(0 bis)"), or at the start of the part (number 0).
 */
function insertedName(depth: number, prefix: 'PP' | 'OP', number: number, suffix: string,
  sibling: ExportBlock | null, parent: ExportBlock | null): { label: string; ref: string } {
  if (depth === 0) return { label: prefix === 'OP' ? `${number} ${suffix}.` : '', ref: `${prefix}${number} ${suffix}` };
  if (sibling) {
    const label = suffixed(sibling.label, suffix);
    if (isDecimal(sibling.label)) return { label, ref: `${prefix}${label}` };
    return { label, ref: `${sibling.ref.slice(0, sibling.ref.length - sibling.label.length).trimEnd()} ${label}` };
  }
  if (parent && isDecimal(parent.label)) {
    const label = `${parent.label.replace(/\.$/, '')}.0 ${suffix}`;
    return { label, ref: `${prefix}${label}` };
  }
  const label = suffixed(depth <= 2 ? '(0)' : '0.', suffix);
  return { label, ref: `${parent?.ref ?? `${prefix}${number}`} ${label}` };
}

/** End (exclusive) of the subtree of blocks[i]: the following blocks deeper than it. */
function subtreeEnd(blocks: readonly ExportBlock[], i: number): number {
  let j = i + 1;
  while (j < blocks.length && blocks[j].depth > blocks[i].depth) j++;
  return j;
}

/** One section (preamble or operative part) with its pending inserts placed and named. */
function placeInserts(section: readonly ExportBlock[], kind: 'preambular' | 'operative', inserts: readonly Amendment[], positions: readonly PositionRecord[]):
  { slot: number; depth: number; block: ExportBlock }[] {
  const prefix = kind === 'operative' ? 'OP' : 'PP';
  const counters = new Map<string, number>();
  const placed: { slot: number; depth: number; block: ExportBlock }[] = [];
  for (const a of inserts) {
    let anchorAt = a.after === '' ? -1 : section.findIndex((b) => b.id === a.after);
    // An anchor that is gone (or in the other part) puts the new paragraph at the end of its part.
    if (anchorAt < 0 && a.after !== '') anchorAt = section.length - 1;
    const anchor = anchorAt >= 0 ? section[anchorAt] : null;
    const depth = anchor ? Math.min(Math.max(0, Math.floor(a.level)), anchor.depth + 1) : 0;
    let slot: number;
    let sibling: ExportBlock | null = null;
    if (!anchor) slot = 0;
    else if (depth === anchor.depth + 1) slot = anchorAt + 1;
    else {
      let s = anchorAt;
      while (s > 0 && section[s].depth > depth) s--;
      sibling = section[s];
      slot = subtreeEnd(section, s);
    }
    const number = anchor ? anchor.number : 0;
    const key = `${sibling?.id ?? anchor?.id ?? ''}|${depth}`;
    const n = counters.get(key) ?? 0;
    counters.set(key, n + 1);
    const name = insertedName(depth, prefix, number, latinSuffix(n), sibling, depth > 0 && !sibling ? anchor : null);
    const opener = depth === 0 ? openerRange(kind, a.text) : null;
    placed.push({
      slot, depth,
      block: {
        id: a.id, kind, depth, number, label: name.label, ref: name.ref, text: a.text,
        inlines: textInlines(a.text, opener ? opener[1] : 0, []),
        negotiation: {
          status: 'pending',
          proposedBy: { delegation: a.author, amendmentId: a.id, cosigners: [...a.cosigners] },
          proposals: [],
          ...positionsFor(positions, a.id),
        },
      },
    });
  }
  return placed;
}

function compileSection(section: readonly ExportBlock[], kind: 'preambular' | 'operative', layer: NegotiationLayer, pending: readonly Amendment[],
  refs: ReadonlyMap<string, string>): ExportBlock[] {
  const byTarget = new Map<string, Amendment[]>();
  for (const a of pending) {
    if (a.kind === 'insert') continue;
    const list = byTarget.get(a.target) ?? [];
    list.push(a);
    byTarget.set(a.target, list);
  }
  const compiled = section.map((block): ExportBlock => {
    const mine = byTarget.get(block.id) ?? [];
    const proposals = mine.map((a) => proposalOf(a, block, refs));
    const wordings = proposals.filter((p) => p.kind === 'wording');
    return {
      ...block,
      inlines: wordings.length === 1 ? wordings[0].inlines : block.inlines,
      negotiation: { status: statusOf(layer.statuses, block.id), proposedBy: null, proposals, ...positionsFor(layer.positions, block.id) },
    };
  });
  const inserts = placeInserts(section, kind, pending.filter((a) => a.kind === 'insert' && a.paragraphKind === kind), layer.positions);
  const out: ExportBlock[] = [];
  for (let slot = 0; slot <= compiled.length; slot++) {
    // Several inserts before the same block: deeper ones first (they close the paragraph above), then by creation.
    const here = inserts.filter((p) => p.slot === slot).sort((x, y) => y.depth - x.depth);
    out.push(...here.map((p) => p.block));
    if (slot < compiled.length) out.push(compiled[slot]);
  }
  return out;
}

/**
 * Turn an export document into the compilation: pending (status 'proposed') amendments shown against
 * their paragraphs, inserts as "bis" blocks, statuses and positions on every block. Pure.
 * Amendments are taken in the order given (readAmendments: oldest first), which orders bis, ter, ….
 */
export function compileNegotiation(base: ExportDocument, layer: NegotiationLayer): ExportDocument {
  const pending = layer.amendments.filter((a) => a.status === 'proposed');
  const refs = new Map<string, string>([...base.preamble, ...base.operative].map((b) => [b.id, b.ref]));
  return {
    ...base,
    preamble: compileSection(base.preamble, 'preambular', layer, pending, refs),
    operative: compileSection(base.operative, 'operative', layer, pending, refs),
    compilation: true,
  };
}

/** The compilation of the live draft in `doc` (text, sponsors, amendments, statuses, positions). */
export function buildCompilation(doc: Y.Doc, opts: FromYDocOptions = {}): ExportDocument {
  const base = buildExportDocument(exportInputFromYDoc(doc, opts));
  return compileNegotiation(base, { amendments: readAmendments(doc), statuses: readStatuses(doc), positions: readPositions(doc) });
}

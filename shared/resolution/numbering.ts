/**
 * Derived numbering of a resolution body: OP numbers, sub-paragraph labels, references,
 * footnote numbers and punctuation hints. Pure; the same rules serve the editor decorations
 * and the Y.Doc reader, so what users see is what exports get.
 */
import type { SubLabelStyle } from './types.ts';

/** What numbering needs to know about one block of the body, in document order. */
export interface NumberingBlock {
  /** Node type name: 'title' | 'organ' | 'preambular' | 'operative' | 'closing' (anything else is unnumbered). */
  type: string;
  /** Stored level (0 = paragraph, 1.. = sub-paragraph depth). Missing or junk counts as 0. */
  level?: unknown;
  /** Sub-paragraph label style of operative blocks; anything but 'decimal' is UN style. */
  labelStyle?: unknown;
}

/** The derived numbering of one block. */
export interface BlockNumber {
  /** 'preambular' | 'operative' for paragraphs and sub-paragraphs, null for other blocks. */
  kind: 'preambular' | 'operative' | null;
  /**
   * Effective depth: the stored level clamped so that a sub-paragraph never hangs deeper than
   * one below the previous block of the same kind (a level-2 block right after a level-0 one
   * counts as level 1; a sub-paragraph with no parent paragraph counts as a paragraph). -1 for other blocks.
   */
  depth: number;
  /** 1-based number of the paragraph (PP or OP) this block is or belongs to; 0 for other blocks. */
  number: number;
  /** Display label: "5." for OP 5, "(a)", "(i)", "a.", "i." or "5.1" for sub-paragraphs, '' for PPs and others. */
  label: string;
  /** Reference: "PP3", "OP5", "OP5 (a)", "OP5 (a) (i)", "OP5.1" (decimal), '' for other blocks. */
  ref: string;
  /** Counters from the paragraph down to this block: [5, 1, 2] is OP5 (a) (ii). Empty for other blocks. */
  path: number[];
}

/** Clamp a stored level to a non-negative integer (junk → 0). */
function storedLevel(value: unknown): number {
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number.parseInt(value, 10) : 0;
  return Number.isFinite(n) && n > 0 ? Math.floor(n) : 0;
}

/** Letters for sub-paragraphs: a..z, then aa, bb, .. zz, then aaa (UN practice doubles the letter). */
export function letterLabel(n: number): string {
  if (n < 1) return '';
  const letter = String.fromCharCode(97 + ((n - 1) % 26));
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}

const ROMAN: readonly [number, string][] = [
  [1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'],
  [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i'],
];

/** Lower-case roman numeral (1 → "i", 4 → "iv", 14 → "xiv"); '' for n < 1. */
export function romanLabel(n: number): string {
  let rest = Math.floor(n);
  let out = '';
  for (const [value, symbol] of ROMAN) {
    while (rest >= value) {
      out += symbol;
      rest -= value;
    }
  }
  return out;
}

/**
 * The UN label of the `n`-th sub-paragraph at `depth` (1-based): (a), then (i), then a., then i.
 * Deeper levels keep the "i." style.
 */
export function unSubLabel(depth: number, n: number): string {
  switch (depth) {
    case 1: return `(${letterLabel(n)})`;
    case 2: return `(${romanLabel(n)})`;
    case 3: return `${letterLabel(n)}.`;
    default: return `${romanLabel(n)}.`;
  }
}

/** Compute the numbering of every block, in document order. */
export function numberBlocks(blocks: readonly NumberingBlock[]): BlockNumber[] {
  const out: BlockNumber[] = [];
  const paragraphCount = { preambular: 0, operative: 0 };
  // path/labels of the previous block when it is a paragraph of the same kind
  let prev: { kind: 'preambular' | 'operative'; depth: number; path: number[]; labels: string[] } | null = null;
  for (const block of blocks) {
    if (block.type !== 'preambular' && block.type !== 'operative') {
      out.push({ kind: null, depth: -1, number: 0, label: '', ref: '', path: [] });
      prev = null;
      continue;
    }
    const kind = block.type;
    const sameKindBefore = prev !== null && prev.kind === kind;
    const maxDepth = sameKindBefore && prev ? prev.depth + 1 : 0;
    const depth = Math.min(storedLevel(block.level), maxDepth);
    let path: number[];
    let labels: string[];
    if (depth === 0) {
      paragraphCount[kind] += 1;
      path = [paragraphCount[kind]];
      labels = [];
    } else {
      // prev exists here (depth > 0 implies a same-kind predecessor)
      const base = prev as { path: number[]; labels: string[] };
      const counter = base.path.length > depth ? base.path[depth] + 1 : 1;
      path = [...base.path.slice(0, depth), counter];
      labels = base.labels.slice(0, depth - 1);
    }
    const number = path[0];
    const decimal = kind === 'operative' && block.labelStyle === 'decimal';
    let label: string;
    let ref: string;
    const prefix = kind === 'operative' ? 'OP' : 'PP';
    if (depth === 0) {
      label = kind === 'operative' ? `${number}.` : '';
      ref = `${prefix}${number}`;
    } else if (decimal) {
      label = path.join('.');
      ref = `${prefix}${label}`;
    } else {
      label = unSubLabel(depth, path[depth]);
      ref = [`${prefix}${number}`, ...labels, label].join(' ');
    }
    labels = depth === 0 ? [] : [...labels, label];
    out.push({ kind, depth, number, label, ref, path });
    prev = { kind, depth, path, labels };
  }
  return out;
}

/** Index of the last operative block (any depth), or -1: its text ends with "." rather than ";". */
export function lastOperativeIndex(blocks: readonly NumberingBlock[]): number {
  for (let i = blocks.length - 1; i >= 0; i--) if (blocks[i].type === 'operative') return i;
  return -1;
}

/** The punctuation a block's text conventionally ends with. */
export type Punctuation = ',' | ';' | ':' | '.' | '';

/**
 * Punctuation hint for block `index`: PPs end with ",", OPs with ";", the last operative
 * block with ".", and a paragraph introducing sub-paragraphs with ":". Other blocks: ''.
 */
export function punctuationHint(blocks: readonly NumberingBlock[], numbers: readonly BlockNumber[], index: number): Punctuation {
  const here = numbers[index];
  if (!here || here.kind === null) return '';
  const next = numbers[index + 1];
  if (next && next.kind === here.kind && next.depth > here.depth) return ':';
  if (here.kind === 'preambular') return ',';
  return index === lastOperativeIndex(blocks) ? '.' : ';';
}

/**
 * Footnote numbers by document order: ids in the order their markers appear → 1-based numbers.
 * A duplicated id keeps the number of its first appearance.
 */
export function numberFootnotes(idsInOrder: readonly string[]): Map<string, number> {
  const numbers = new Map<string, number>();
  idsInOrder.forEach((id, i) => {
    if (!numbers.has(id)) numbers.set(id, i + 1);
  });
  return numbers;
}

/** Whether a printed sub-paragraph label is decimal ("1.1", "1.1.2", "1.1."). */
export function isDecimalLabel(label: string): boolean {
  return /^\d+(\.\d+)+\.?$/.test(label.trim());
}

/** The label style implied by a printed label. */
export function labelStyleOf(label: string): SubLabelStyle {
  return isDecimalLabel(label) ? 'decimal' : 'un';
}

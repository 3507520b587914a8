/**
 * Paragraph labels: operative numbers ("1.", "- 1.", "1. *Welcomes*" or "1. Welcomes"),
 * UN sub-paragraph labels ((a), (i), a., i.) and decimal labels (1.1, 1.1.1), and the stack
 * that decides how deep each sub-paragraph sits ((a) then (i) nests; (h) then (i) does not).
 */

export type SubStyle = 'alpha' | 'roman' | 'alpha-dot' | 'roman-dot' | 'decimal';

export type Label =
  | { kind: 'op'; number: number; rest: string }
  | { kind: 'sub'; raw: string; paren: boolean; rest: string }
  | { kind: 'decimal'; parts: number[]; rest: string };

/** Read the label at the start of a line, if any. Bullet residue ("- ", "• ") is ignored. */
export function readLabel(line: string): Label | null {
  const t = line.replace(/^(?:[-•–]\s+)/, '');
  let m = /^(\d{1,3}(?:\.\d{1,3})+)\.?\s+(\S.*)$/.exec(t);
  if (m) return { kind: 'decimal', parts: m[1].split('.').map(Number), rest: m[2] };
  m = /^(\d{1,3})\.\s+(\S.*)$/.exec(t);
  if (m && /^[*_“"‘]*\p{Lu}/u.test(m[2])) return { kind: 'op', number: Number(m[1]), rest: m[2] };
  m = /^\(([a-z]{1,4})\)\s+(\S.*)$/.exec(t);
  if (m) return { kind: 'sub', raw: m[1], paren: true, rest: m[2] };
  m = /^([a-z]{1,2})\.\s+(\S.*)$/.exec(t);
  if (m) return { kind: 'sub', raw: m[1], paren: false, rest: m[2] };
  return null;
}

const ROMAN: ReadonlyArray<[number, string]> = [
  [1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'],
  [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i'],
];

export function toRoman(n: number): string {
  let out = '';
  for (const [v, s] of ROMAN) while (n >= v) { out += s; n -= v; }
  return out;
}

export function fromRoman(s: string): number {
  const map: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100, d: 500, m: 1000 };
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const v = map[s[i]] ?? NaN;
    const next = map[s[i + 1]] ?? 0;
    n += v < next ? -v : v;
  }
  return toRoman(n) === s ? n : NaN;
}

/** "a" → 1, "z" → 26, "aa" → 27 (UN style doubles the letter). */
function alphaValue(s: string): number {
  if (/^([a-z])\1*$/.test(s)) return (s.charCodeAt(0) - 96) + 26 * (s.length - 1);
  return NaN;
}

function successor(style: SubStyle, last: string, next: string): boolean {
  if (style === 'alpha' || style === 'alpha-dot') return alphaValue(next) === alphaValue(last) + 1;
  if (style === 'roman' || style === 'roman-dot') return fromRoman(next) === fromRoman(last) + 1;
  return false;
}

function stylesFor(label: { raw: string; paren: boolean }): SubStyle[] {
  const out: SubStyle[] = [];
  if (!Number.isNaN(alphaValue(label.raw))) out.push(label.paren ? 'alpha' : 'alpha-dot');
  if (!Number.isNaN(fromRoman(label.raw))) out.push(label.paren ? 'roman' : 'roman-dot');
  return out;
}

/** Display form of a label, as stored in SubParagraph.label. */
export function formatLabel(style: SubStyle, raw: string): string {
  if (style === 'alpha' || style === 'roman') return `(${raw})`;
  if (style === 'decimal') return raw;
  return `${raw}.`;
}

/** Deepest sub-paragraph level the schema carries. */
export const MAX_SUB_LEVEL = 3;

/** Tracks the open sub-paragraph levels under one paragraph. */
export class SubStack {
  private levels: { style: SubStyle; last: string }[] = [];

  reset(): void {
    this.levels = [];
  }

  get depth(): number {
    return this.levels.length;
  }

  /**
   * Place a UN-style label: returns its 1-based level and style, or null when the label cannot
   * start or continue any list here (then the line is ordinary text).
   */
  placeSub(label: { raw: string; paren: boolean }): { level: number; style: SubStyle; outOfOrder: boolean } | null {
    const styles = stylesFor(label);
    if (styles.length === 0) return null;
    for (let i = this.levels.length - 1; i >= 0; i--) {
      const lv = this.levels[i];
      if (styles.includes(lv.style) && successor(lv.style, lv.last, label.raw)) {
        this.levels.length = i + 1;
        lv.last = label.raw;
        return { level: i + 1, style: lv.style, outOfOrder: false };
      }
    }
    const first = styles.find((s) => ((s === 'alpha' || s === 'alpha-dot') && label.raw === 'a') || ((s === 'roman' || s === 'roman-dot') && label.raw === 'i'));
    // Dotted labels (a., i.) only occur below (a)/(i) levels; at the top they are more likely prose.
    // A style never nests inside itself, and the schema stops at MAX_SUB_LEVEL: a repeated "(a)"
    // restarts its own level (below) instead of opening a new one.
    const fresh = first !== undefined && !this.levels.some((lv) => lv.style === first) && this.levels.length < MAX_SUB_LEVEL;
    if (first && fresh && (label.paren || this.levels.length > 0)) {
      this.levels.push({ style: first, last: label.raw });
      return { level: this.levels.length, style: first, outOfOrder: false };
    }
    for (let i = this.levels.length - 1; i >= 0; i--) {
      const lv = this.levels[i];
      if (styles.includes(lv.style)) {
        this.levels.length = i + 1;
        lv.last = label.raw;
        return { level: i + 1, style: lv.style, outOfOrder: true };
      }
    }
    return null;
  }

  /** Place a decimal label "1.2.3" under operative paragraph `opNumber`. */
  placeDecimal(parts: number[], opNumber: number): { level: number } | null {
    if (parts[0] !== opNumber) return null;
    const level = parts.length - 1;
    if (level > this.levels.length + 1) return null;
    this.levels.length = Math.min(this.levels.length, level);
    while (this.levels.length < level) this.levels.push({ style: 'decimal', last: '' });
    return { level };
  }
}

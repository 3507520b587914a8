/**
 * Stage 3: turn body chunks into preambular and operative paragraphs with nested sub-paragraphs.
 * Works on raw text (markup and footnote markers still in place); cleaning happens afterwards,
 * so that marker offsets are measured on the final text.
 */
import { SOFT_BREAK } from './normalize.ts';
import type { Chunk } from './body.ts';
import { formatLabel, MAX_SUB_LEVEL, readLabel, SubStack, type Label } from './subparagraphs.ts';

/** A paragraph or sub-paragraph under construction. */
export interface RawNode {
  label: string;
  /** The wrapped lines of the paragraph; joined by LineJoiner.joinAll once the structure is known. */
  lines: string[];
  children: RawNode[];
}

export interface RawOperative extends RawNode {
  number: number;
}

export interface RawBody {
  preamble: RawNode[];
  operative: RawOperative[];
  warnings: string[];
}

/** Right-hand parts that make a real compound when a line ends in a hyphen ("confidence-" + "building"). */
const COMPOUND_RIGHT = new Set([
  'based', 'building', 'binding', 'bound', 'centred', 'centric', 'driven', 'ended', 'free', 'friendly', 'led',
  'level', 'like', 'long', 'making', 'oriented', 'related', 'scale', 'sensitive', 'specific', 'term', 'use',
  'wide', 'up', 'keeping', 'general', 'governmental', 'party', 'time', 'limited', 'sharing', 'owned', 'operated',
]);
const COMPOUND_LEFT = new Set([
  'non', 'self', 'co', 'multi', 'cross', 'well', 'anti', 'post', 'pre', 'ex', 'semi', 'counter', 'dual', 'state', 'ict',
  // ordinals and numbers: "seventy-" + "fourth"
  'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety',
]);

/** Joins hard-wrapped lines, deciding per line-end hyphen whether it is real or a hyphenation artefact. */
export class LineJoiner {
  constructor(private readonly vocabulary: ReadonlySet<string>) {}

  /**
   * How line `next` attaches to the line before it: with a space, or glued (dropping the last
   * character of `prev` when that is a hyphenation hyphen or soft hyphen). Only `prev`'s tail is
   * inspected, so joining a long paragraph stays linear.
   */
  glue(prev: string, next: string): { drop: number; sep: '' | ' ' } {
    if (prev.endsWith(SOFT_BREAK)) return { drop: 1, sep: '' };
    if (!prev.endsWith('-')) return { drop: 0, sep: ' ' };
    const hy = /(\p{L}+)-$/u.exec(prev.slice(-64));
    if (!hy) return { drop: 0, sep: ' ' };
    // "Secretary-" + "General": a capital after the hyphen is never hyphenation.
    if (/^\p{Lu}/u.test(next)) return { drop: 0, sep: '' };
    const nx = /^(\p{Ll}+)/u.exec(next);
    if (!nx) return { drop: 0, sep: '' };
    const left = hy[1];
    const right = nx[1];
    const v = this.vocabulary;
    const keep = v.has(`${left}-${right}`.toLowerCase())
      ? true
      : v.has(`${left}${right}`.toLowerCase())
        ? false
        : COMPOUND_RIGHT.has(right) || COMPOUND_LEFT.has(left.toLowerCase());
    return { drop: keep ? 0 : 1, sep: '' };
  }

  /** Join two pieces of text (convenience for short strings). */
  join(acc: string, next: string): string {
    if (acc === '') return next;
    const g = this.glue(acc, next);
    return acc.slice(0, acc.length - g.drop) + g.sep + next;
  }

  /** Join the wrapped lines of one paragraph. */
  joinAll(lines: readonly string[]): string {
    const out: string[] = [];
    for (let i = 0; i < lines.length; i++) {
      if (i === 0) { out.push(lines[0]); continue; }
      const g = this.glue(lines[i - 1], lines[i]);
      if (g.drop) out[out.length - 1] = out[out.length - 1].slice(0, -g.drop);
      if (g.sep) out.push(g.sep);
      out.push(lines[i]);
    }
    return out.join('');
  }
}

/** Words (hyphenated compounds whole) seen inside lines, for hyphen decisions. */
export function buildVocabulary(lines: readonly string[]): Set<string> {
  const v = new Set<string>();
  for (const l of lines) {
    for (const m of l.matchAll(/\p{L}+(?:-\p{L}+)*(?!-$)/gu)) v.add(m[0].toLowerCase());
  }
  return v;
}

const OPENERS = /^(?:\p{Lu}\p{Ll}+(?:ing|ed)|Mindful|Aware|Conscious|Convinced|Cognizant|Desirous|Determined|Deeply|Gravely|Fully|Further|Also|Alarmed|Concerned|Bearing|Guided|Having|Taking|Keeping|Acting|Noting|Seized|Reiterating|Emphasizing|Underlining|Stressing|Welcoming|Recognizing|Acknowledging|Reaffirming|Recalling|Affirming|Expressing|Considering)$/u;

/**
 * Openers that start a new preambular paragraph even without a blank line before them (pdftotext
 * output without paragraph spacing). Deliberately a closed list: "Beijing" ends in -ing too.
 */
const STRICT_OPENERS = /^(?:Recalling|Reaffirming|Noting|Taking|Bearing|Welcoming|Recognizing|Acknowledging|Stressing|Emphasizing|Underlining|Underscoring|Expressing|Considering|Mindful|Aware|Convinced|Concerned|Deeply|Gravely|Guided|Reiterating|Affirming|Highlighting|Commemorating|Confirming|Determined|Alarmed|Conscious|Cognizant|Desirous|Supporting|Calling|Encouraging|Acting)$/;

/** Does the raw text end a paragraph (closing punctuation, possibly followed by a marker or quote)? */
export function endsParagraph(raw: string): boolean {
  const t = raw.slice(-200).replace(/\*+$/, '').replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹]+$/, '').replace(/([,;:.])\d{1,2}$/, '$1').replace(/\[\^\d+\]$/, '');
  return /[,;:.!?]["”’)\]]*$/.test(t);
}

function firstWord(s: string): string {
  return (/^[*_“"‘]*(\p{L}+)/u.exec(s) ?? ['', ''])[1];
}

/** Build the paragraph tree from body chunks. */
export function buildParagraphs(chunks: readonly Chunk[]): RawBody {
  const preamble: RawNode[] = [];
  const operative: RawOperative[] = [];
  const warnings: string[] = [];
  const stack = new SubStack();
  /** Path of open nodes: [paragraph, level-1 sub, level-2 sub, …]; the last one receives text. */
  let path: RawNode[] = [];
  let nextOp = 1;

  const target = (): RawNode | null => path[path.length - 1] ?? null;
  const append = (line: string): void => {
    target()?.lines.push(line);
  };
  const lastLine = (n: RawNode): string => n.lines[n.lines.length - 1] ?? '';

  const tryLabel = (label: Label | null): RawNode | null => {
    if (!label) return null;
    if (label.kind === 'op') {
      const n = label.number;
      const fits = n === nextOp || (n > nextOp && n <= nextOp + 2) || (operative.length === 0 && n > 0 && n <= 3);
      if (!fits) return null;
      if (n !== nextOp) warnings.push(`Operative paragraph numbered ${n} where ${nextOp} was expected; numbers are re-derived.`);
      const op: RawOperative = { label: '', number: operative.length + 1, lines: [label.rest], children: [] };
      operative.push(op);
      nextOp = n + 1;
      stack.reset();
      path = [op];
      return op;
    }
    const para = path[0];
    if (!para) return null;
    let level: number;
    let text: string;
    let display: string;
    if (label.kind === 'decimal') {
      const opNumber = operative.length > 0 && para === operative[operative.length - 1] ? nextOp - 1 : -1;
      const placed = stack.placeDecimal(label.parts, opNumber);
      if (!placed) return null;
      level = placed.level;
      text = label.rest;
      display = label.parts.join('.');
    } else {
      const placed = stack.placeSub(label);
      if (!placed) return null;
      if (placed.outOfOrder) warnings.push(`Sub-paragraph label (${label.raw}) is out of order; labels are re-derived.`);
      level = placed.level;
      text = label.rest;
      display = formatLabel(placed.style, label.raw);
    }
    const depth = Math.min(level, MAX_SUB_LEVEL, path.length);
    const parent = path[depth - 1];
    const node: RawNode = { label: display, lines: [text], children: [] };
    parent.children.push(node);
    path = [...path.slice(0, depth), node];
    return node;
  };

  for (const chunk of chunks) {
    chunk.lines.forEach((line, i) => {
      const prev = target();
      const canStart = i === 0 || prev === null || endsParagraph(lastLine(prev));
      if (canStart && tryLabel(readLabel(line))) return;
      const opensPreamble = i > 0 && prev !== null && operative.length === 0 && path.length === 1 &&
        /,(?:[⁰¹²³⁴⁵⁶⁷⁸⁹]+|\d{1,2})?$/.test(lastLine(prev).slice(-8)) && STRICT_OPENERS.test(firstWord(line));
      if ((i > 0 && !opensPreamble) || prev === null) {
        if (prev === null) {
          const p: RawNode = { label: '', lines: [line], children: [] };
          preamble.push(p);
          path = [p];
          stack.reset();
        } else append(line);
        return;
      }
      // First line of a chunk with no label: a new preambular paragraph, or the continuation of
      // a paragraph split by a page break, footnote block or stray blank line.
      if (operative.length > 0) { append(line); return; }
      const open = !endsParagraph(lastLine(prev));
      const startsLower = /^[\p{Ll}\d([“"'‘]/u.test(line);
      const commaAcrossBreak = chunk.gap === 'hard' && /,\S*$/.test(lastLine(prev).slice(-40)) && !OPENERS.test(firstWord(line));
      if (open || startsLower || commaAcrossBreak) { append(line); return; }
      const p: RawNode = { label: '', lines: [line], children: [] };
      preamble.push(p);
      path = [p];
      stack.reset();
    });
  }
  return { preamble, operative, warnings };
}

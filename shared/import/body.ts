/**
 * Stage 2 for the body (everything after the organ line): drop page furniture, lift footnote
 * definitions out of the text flow, and cut the remaining lines into chunks. A chunk is a run of
 * text lines with no blank line inside; `gap` records what separated it from the previous chunk,
 * because a paragraph interrupted by a page break or a footnote block must be joined again.
 */
import { cleanInline, isArtefactLine, isRunningHeader } from './artefacts.ts';
import { isFootnoteRule, parseFootnoteStart } from './footnotes.ts';
import type { SourceLine } from './normalize.ts';

export interface Chunk {
  lines: string[];
  /** 'blank' = ordinary blank line(s); 'hard' = a page break, page furniture or a footnote block intervened. */
  gap: 'none' | 'blank' | 'hard';
}

export interface BodyScan {
  chunks: Chunk[];
  /** Footnote definitions by printed number, text cleaned. */
  definitions: Map<number, string>;
  /** True when any definition was printed with a plain number (pdftotext), so markers may be plain digits. */
  plainDefinitions: boolean;
  closing: string[];
  warnings: string[];
}

const MONTH_START = /^(?:January|February|March|April|May|June|July|August|September|October|November|December)\b/;

function nextNoteNumber(definitions: ReadonlyMap<number, string>, def: { number: number } | null): number {
  let max = def ? def.number : 0;
  for (const n of definitions.keys()) if (n > max) max = n;
  return max + 1;
}

/** "3 See A/75/816." where this page's text carries a marker 3 glued to a word, punctuation or a year. */
function startsUnruledNote(text: string, expected: number, pageText: readonly string[]): boolean {
  const m = /^(\d{1,2})\s+(\S.*)$/.exec(text);
  if (!m || Number(m[1]) !== expected || MONTH_START.test(m[2]) || !/^[\p{Lu}*“"]/u.test(m[2])) return false;
  const glued = new RegExp(`(?:[,;:.)"”’]|\\p{Ll}|(?:19|20)\\d\\d)${expected}(?=[\\s,;:.)]|$)`, 'u');
  return pageText.some((l) => glued.test(l));
}

const BARE_LABEL = /^(?:[-•]\s+)?(?:\d{1,3}(?:\.\d{1,3})*\.|\((?:[a-z]{1,4}|[ivxl]+)\)|[a-z]\.)$/;

const CLOSING_RE = /^\*?\d+(?:st|nd|rd|th) (?:plenary )?meeting\b/;

/** Scan body lines. `symbol` and `title` identify running headers. */
export function scanBody(lines: readonly SourceLine[], symbol: string, title: string): BodyScan {
  const chunks: Chunk[] = [];
  const definitions = new Map<number, string>();
  const warnings: string[] = [];
  const closing: string[] = [];
  let plainDefinitions = false;

  let gap: Chunk['gap'] = 'none';
  let current: Chunk | null = null;
  let inZone = false;
  let def: { number: number; text: string } | null = null;
  let blankInZone = false;
  let afterHeader = false;
  let inClosing = false;

  const endDef = (): void => {
    if (!def) return;
    const text = cleanInline(def.text);
    if (definitions.has(def.number)) warnings.push(`Footnote ${def.number} is defined twice; the first definition is kept.`);
    else definitions.set(def.number, text);
    def = null;
  };
  const hard = (): void => {
    current = null;
    gap = 'hard';
  };

  // Lines left before the page ends (page break or footer): notes without a rule sit right above it.
  const toPageEnd = new Array<number>(lines.length);
  for (let i = lines.length - 1, n = Number.POSITIVE_INFINITY; i >= 0; i--) {
    const l = lines[i];
    if (l.pageBreak || isArtefactLine(l.text, symbol)) n = 0;
    else if (l.text !== '') n++;
    toPageEnd[i] = n;
  }
  let pageText: string[] = [];
  let pendingLabel = '';
  let prevBlank = false;

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const wasBlank = prevBlank;
    prevBlank = line.text === '' && !line.pageBreak;
    if (line.pageBreak) {
      endDef();
      inZone = false;
      afterHeader = false;
      pageText = [];
      hard();
      continue;
    }
    const text = line.text;
    if (text === '') {
      if (current) { current = null; if (gap === 'none') gap = 'blank'; }
      if (inZone) blankInZone = true;
      if (def && !inZone) endDef();
      continue;
    }
    if (isArtefactLine(text, symbol) || isRunningHeader(text, symbol, title, afterHeader)) {
      afterHeader = true;
      endDef();
      inZone = false;
      hard();
      continue;
    }
    afterHeader = false;
    if (isFootnoteRule(text)) {
      endDef();
      inZone = true;
      blankInZone = false;
      hard();
      continue;
    }
    const start = parseFootnoteStart(text, inZone);
    if (start) {
      endDef();
      def = { number: start.number, text: start.text };
      if (inZone && !/^[⁰¹²³⁴⁵⁶⁷⁸⁹\[]/.test(text)) plainDefinitions = true;
      blankInZone = false;
      hard();
      continue;
    }
    if (def && inZone && !blankInZone) {
      def.text += ' ' + text;
      continue;
    }
    if (!inZone && wasBlank && toPageEnd[i] <= 8 && startsUnruledNote(text, nextNoteNumber(definitions, def), pageText)) {
      // pdftotext drops the rule when it is drawn rather than typed: a "1 See …" line after a gap
      // at the bottom of a page whose text carries a glued "1" marker is a note.
      endDef();
      const m = /^(\d{1,2})\s+(.*)$/.exec(text) ?? ['', '0', ''];
      def = { number: Number(m[1]), text: m[2] };
      inZone = true;
      blankInZone = false;
      plainDefinitions = true;
      hard();
      continue;
    }
    if (inZone) { endDef(); inZone = false; }
    if (def) endDef();
    if (inClosing || CLOSING_RE.test(text)) {
      inClosing = true;
      closing.push(cleanInline(text));
      continue;
    }
    // pdftotext without -layout often prints a hanging number ("1." / "(a)") on a line of its own.
    if (BARE_LABEL.test(text)) {
      pendingLabel = pendingLabel ? `${pendingLabel} ${text}` : text;
      continue;
    }
    const full = pendingLabel ? `${pendingLabel} ${text}` : text;
    if (!current || pendingLabel) {
      current = { lines: [], gap: current && pendingLabel ? 'none' : gap };
      chunks.push(current);
      gap = 'none';
    }
    pendingLabel = '';
    current.lines.push(full);
    pageText.push(full);
  }
  endDef();
  if (pendingLabel) warnings.push(`A paragraph label "${pendingLabel}" at the end of the text has no paragraph; it was dropped.`);
  return { chunks, definitions, plainDefinitions, closing, warnings };
}

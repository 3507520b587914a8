/**
 * Footnotes: recognising definition lines (the notes printed at the bottom of a page) and the
 * markers in paragraph text that point at them.
 *
 * Markers come as superscripts ("77/37,⁴"), markdown "[^4]", or — in pdftotext output where
 * superscripts become ordinary digits — digits glued to a word or punctuation ("77/37,4 including",
 * "Group3", "20133" for 2013³). Plain digits are only taken as markers when a definition with that
 * number exists and the number fits the running order (the next new note, or a repeat of an earlier one),
 * which keeps years, symbols and quantities intact.
 */

const SUPERSCRIPTS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** "¹²" → 12. */
export function superscriptValue(s: string): number {
  let n = 0;
  for (const ch of s) n = n * 10 + SUPERSCRIPTS.indexOf(ch);
  return n;
}

/** A definition line: number and (possibly empty, when the text follows on the next line) text. */
export interface FootnoteStart {
  number: number;
  text: string;
}

/**
 * Recognise the first line of a footnote definition. Superscript-led ("¹ See A/77/275.") and
 * markdown ("[^1]: …") lines are definitions anywhere; plain "1 See …" only inside a footnote zone
 * (after the "____" rule pdftotext prints above page notes).
 */
export function parseFootnoteStart(line: string, inZone: boolean): FootnoteStart | null {
  let m = /^([⁰¹²³⁴⁵⁶⁷⁸⁹]+)\s*(.*)$/.exec(line);
  if (m) return { number: superscriptValue(m[1]), text: m[2] };
  m = /^\[\^(\d{1,3})\]:\s*(.*)$/.exec(line);
  if (m) return { number: Number(m[1]), text: m[2] };
  if (inZone) {
    m = /^(\d{1,3})(?:\s+(\S.*))?$/.exec(line);
    if (m) return { number: Number(m[1]), text: m[2] ?? '' };
  }
  return null;
}

/** The rule pdftotext prints above the notes of a page. */
export function isFootnoteRule(line: string): boolean {
  return /^[_\u2014\u2015-]{8,}$/.test(line.trim());
}

/** A marker found in a paragraph: its printed number and where it stood in the cleaned text. */
export interface MarkerHit {
  printed: number;
  offset: number;
}

/** Running state of marker recognition across the document (markers are numbered in reading order). */
export interface MarkerState {
  /** Highest printed number seen so far. */
  maxSeen: number;
  /** Printed numbers that have a definition. */
  defined: ReadonlySet<number>;
  /** Whether plain-digit markers may occur (definitions came from pdftotext-style zones). */
  plainDigits: boolean;
}

const MARKER_RE = new RegExp(
  [
    `([${SUPERSCRIPTS}]+)`,
    String.raw`\[\^(\d{1,3})\]`,
    // digits glued after punctuation; after a full stop only when a lower-case word precedes (not "L.11")
    String.raw`(?<=[,;:)\]"”’]|[a-z)"”’]\.)(\d{1,2})(?=[\s,;:.)]|$)`,
    // digits glued to a word ("Group3"), but not to a short all-capitals code ("G77", "CO2")
    String.raw`(?<=\p{Ll}{2}|\p{Lu}\p{Ll})(\d{1,2})(?=[\s,;:.)]|$)`,
    // digits glued to a year ("20133" = 2013³)
    String.raw`(?<=(?:^|[\s(])(?:19|20)\d\d)(\d{1,2})(?=[\s,;:.)]|$)`,
  ].join('|'),
  'gu',
);

/**
 * Remove footnote markers from cleaned paragraph text and report where they stood.
 * Mutates `state.maxSeen`.
 */
export function extractMarkers(text: string, state: MarkerState): { text: string; hits: MarkerHit[] } {
  const hits: MarkerHit[] = [];
  let out = '';
  let last = 0;
  MARKER_RE.lastIndex = 0;
  for (let m = MARKER_RE.exec(text); m !== null; m = MARKER_RE.exec(text)) {
    let printed: number;
    if (m[1] !== undefined) printed = superscriptValue(m[1]);
    else if (m[2] !== undefined) printed = Number(m[2]);
    else {
      if (!state.plainDigits) continue;
      printed = Number(m[3] ?? m[4] ?? m[5]);
      const fits = state.defined.has(printed) && (printed === state.maxSeen + 1 || printed <= state.maxSeen);
      if (!fits) continue;
    }
    out += text.slice(last, m.index);
    const next = m.index + m[0].length;
    // "first ¹ and" → "first and": drop the space the marker leaves doubled.
    if (out.endsWith(' ') && (text[next] === ' ' || next >= text.length)) out = out.slice(0, -1);
    if (out.endsWith(' ') && /^[,;:.)]/.test(text.slice(next))) out = out.slice(0, -1);
    hits.push({ printed, offset: out.length });
    if (printed > state.maxSeen) state.maxSeen = printed;
    last = next;
  }
  out += text.slice(last);
  return { text: out, hits };
}

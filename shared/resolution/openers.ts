/**
 * The italic opener of a paragraph, derived from its text (never stored): the participle phrase of a
 * preambular paragraph ("Recalling", "Expressing concern also", "Bearing in mind") and the verb phrase
 * of an operative paragraph ("Welcomes", "Also welcomes", "Calls upon", "Takes note"). Pure.
 */
import {
  LEADING_ADVERBS, NOT_VERBS, OPERATIVE_HEADS, PREAMBULAR_HEADS, TRAILING_QUALIFIERS,
} from './openers-lexicon.ts';

/** A matched opener: the italic range is [0, end) of the paragraph text. */
export interface OpenerMatch {
  /** End offset (exclusive) of the italic part; never includes trailing spaces or punctuation. */
  end: number;
  /** The italic text, i.e. text.slice(0, end). */
  phrase: string;
  /** The head word (lower case), e.g. "welcomes". */
  head: string;
  /** True when the head is in the lexicon, false when the fallback rule recognised it. */
  known: boolean;
}

interface Word { lower: string; start: number; end: number }

/** The first words of a text, with offsets. Stops at the first punctuation, which always ends an opener ("Recalling, also"). */
function leadingWords(text: string, max = 14): Word[] {
  const words: Word[] = [];
  const re = /\s*([A-Za-z][A-Za-z'’-]*)/y;
  let m: RegExpExecArray | null;
  while (words.length < max && (m = re.exec(text)) !== null) {
    const start = m.index + m[0].length - m[1].length;
    words.push({ lower: m[1].toLowerCase().replace(/’/g, "'"), start, end: start + m[1].length });
  }
  return words;
}

/** If `phrase` (space-separated, lower case) matches words[at..], the index after it; else -1. */
function matchPhrase(words: readonly Word[], at: number, phrase: string): number {
  const parts = phrase.split(' ');
  for (let i = 0; i < parts.length; i++) {
    const w = words[at + i];
    if (!w || w.lower !== parts[i]) return -1;
  }
  return at + parts.length;
}

/** Longest phrase of `phrases` at words[at..]; returns the index after it, or `at` if none matched. */
function longest(words: readonly Word[], at: number, phrases: readonly string[]): number {
  let best = at;
  for (const p of phrases) {
    const next = matchPhrase(words, at, p);
    if (next > best) best = next;
  }
  return best;
}

type Lexicon = Readonly<Record<string, readonly string[]>>;

function matchOpener(text: string, lexicon: Lexicon, fallback: (head: Word, next: Word | undefined) => boolean): OpenerMatch | null {
  if (!/^\s*[A-Z]/.test(text)) return null;
  const words = leadingWords(text);
  if (words.length === 0) return null;
  let i = 0;
  // Leading adverbs ("Also", "Further", "Strongly", "Once again") — only if a head follows.
  for (;;) {
    const next = longest(words, i, LEADING_ADVERBS);
    if (next === i) break;
    i = next;
  }
  const headWord = words[i];
  if (!headWord) return null;
  const own = Object.prototype.hasOwnProperty.call(lexicon, headWord.lower) ? lexicon[headWord.lower] : undefined;
  const known = own !== undefined;
  if (!known && !fallback(headWord, words[i + 1])) {
    // The leading "adverb" was the head itself (e.g. a PP that starts with "Further" alone): no opener.
    return null;
  }
  i += 1;
  if (own && own.length > 0) i = longest(words, i, own);
  for (;;) {
    const next = longest(words, i, TRAILING_QUALIFIERS);
    if (next === i) break;
    i = next;
  }
  const end = words[i - 1].end;
  return { end, phrase: text.slice(0, end), head: headWord.lower, known };
}

const MODALS = new Set(['should', 'must', 'may', 'will', 'shall', 'would', 'can', 'could', 'have', 'are', 'were', 'and', 'of']);

/** The italic opener of a preambular paragraph, or null if the text does not start with one. */
export function preambularOpener(text: string): OpenerMatch | null {
  return matchOpener(text, PREAMBULAR_HEADS, (head) =>
    /^[A-Za-z][a-z]+ing$/.test(text.slice(head.start, head.end)) && !['during', 'nothing', 'something', 'everything'].includes(head.lower));
}

/** The italic verb phrase of an operative paragraph, or null if the text does not start with one. */
export function operativeVerb(text: string): OpenerMatch | null {
  return matchOpener(text, OPERATIVE_HEADS, (head, next) => {
    const word = text.slice(head.start, head.end);
    // Fallback (the text itself starts with a capital): a 3rd-person verb form ("Reconfirms"), not a plural noun followed by a modal ("States should").
    return /^[A-Za-z][a-z]+[^s]s$/.test(word) && !NOT_VERBS.has(head.lower) && !(next && MODALS.has(next.lower));
  });
}

/** The italic range [0, end) for a paragraph of the given kind, or null. */
export function openerRange(kind: 'preambular' | 'operative', text: string): [number, number] | null {
  const m = kind === 'preambular' ? preambularOpener(text) : operativeVerb(text);
  return m && m.end > 0 ? [0, m.end] : null;
}

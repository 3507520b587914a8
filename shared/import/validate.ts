/**
 * Stage 0: refuse inputs that cannot be a resolution text before spending any work on them.
 */

/** Largest accepted input, in UTF-8 bytes. A long resolution is ~100 KB; 2 MB leaves ample room. */
export const MAX_INPUT_BYTES = 2 * 1024 * 1024;

export type InputProblem =
  | { code: 'empty'; message: string }
  | { code: 'too-large'; message: string }
  | { code: 'binary'; message: string };

/** UTF-8 byte length without allocating an encoded copy. */
function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) { n += 4; i++; }
    else n += 3;
  }
  return n;
}

const LETTER = /\p{L}/u;

/** Returns a problem for empty, oversize or binary input, or null when the text is worth parsing. */
export function checkInput(text: unknown): InputProblem | null {
  if (typeof text !== 'string') {
    return { code: 'empty', message: 'No text was given to import (expected a string).' };
  }
  // Cheap bound first: every UTF-16 unit is at least one byte.
  if (text.length > MAX_INPUT_BYTES || (text.length * 3 > MAX_INPUT_BYTES && utf8Length(text) > MAX_INPUT_BYTES)) {
    const mb = (utf8Length(text) / (1024 * 1024)).toFixed(1);
    return {
      code: 'too-large',
      message: `The text is ${mb} MB; the importer accepts at most 2 MB. A resolution is far smaller — check that this is the right file.`,
    };
  }
  if (text.trim() === '') {
    return { code: 'empty', message: 'The text is empty: there is nothing to import.' };
  }
  if (text.includes('\u0000')) {
    return {
      code: 'binary',
      message: 'The input contains NUL bytes, so it is a binary file (for example a PDF or Word file), not text. Extract the text first, e.g. with pdftotext.',
    };
  }
  let control = 0;
  let letters = 0;
  let visible = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x0c || c === 0xa0) continue;
    if (c < 0x20 || c === 0xfffd || (c >= 0x7f && c < 0xa0)) { control++; continue; }
    visible++;
    // ASCII letters fast; beyond ASCII, letter-ness needs the Unicode property test.
    if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) letters++;
    else if (c >= 0xc0 && LETTER.test(text[i])) letters++;
  }
  if (control > 0 && control / Math.max(visible, 1) > 0.01) {
    return {
      code: 'binary',
      message: `The input does not look like text: ${control} control or undecodable characters. Is it a binary file or in the wrong encoding? Save it as UTF-8 text.`,
    };
  }
  if (visible > 0 && letters / visible < 0.4) {
    return {
      code: 'binary',
      message: `The input is mostly not words (only ${Math.round((100 * letters) / visible)}% letters): it looks like garbage or binary data, not a resolution text.`,
    };
  }
  return null;
}

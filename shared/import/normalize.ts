/**
 * Stage 1 of the importer: character clean-up and line splitting.
 * PDF extraction leaves NBSPs, ligatures, soft hyphens, CRLF and form feeds; we normalise
 * those here so later stages only ever see plain lines. Unicode letters, curly quotes and
 * dashes are kept as they are.
 */

/** One physical line of the input. `page` counts form feeds; blank lines have text ''. */
export interface SourceLine {
  text: string;
  /** Leading spaces before normalisation trimmed them (pdftotext -layout indentation). */
  indent: number;
  page: number;
  /** True for the synthetic line that stands for a form feed. */
  pageBreak: boolean;
}

const LIGATURES: Readonly<Record<string, string>> = {
  '\uFB00': 'ff', '\uFB01': 'fi', '\uFB02': 'fl', '\uFB03': 'ffi', '\uFB04': 'ffl', '\uFB05': 'st', '\uFB06': 'st',
};

/** Marks a line that ended in a soft hyphen: the word continues on the next line without a hyphen. */
export const SOFT_BREAK = '\u00AD';

/** Character-level clean-up of the whole text (before line splitting). */
export function normalizeChars(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/\t/g, '    ')
    .replace(/[\u00A0\u2000-\u200A\u202F\u205F\u3000]/g, ' ')
    .replace(/[\u200B-\u200D\u2060\uFEFF]/g, '')
    .replace(/[\uFB00-\uFB06]/g, (c) => LIGATURES[c] ?? c)
    // U+2010/U+2011 are the hyphens PDF extraction produces; the document means an ordinary hyphen.
    .replace(/[\u2010\u2011]/g, '-')
    // A soft hyphen only matters where it broke a line; elsewhere it is invisible noise.
    .replace(/\u00AD+(?=[ ]{0,40}\n)/g, SOFT_BREAK)
    .replace(/\u00AD(?![ ]{0,40}\n)/g, '')
    // Remaining C0 controls (except \n and \f) carry no text.
    .replace(/[\u0000-\u0008\u000B\u000E-\u001F\u007F]/g, '');
}

/** Split normalised text into lines, turning each form feed into a page-break line. */
export function splitLines(text: string): SourceLine[] {
  const out: SourceLine[] = [];
  let page = 1;
  for (const raw of text.split('\n')) {
    const parts = raw.split('\f');
    parts.forEach((part, i) => {
      if (i > 0) {
        page++;
        out.push({ text: '', indent: 0, page, pageBreak: true });
      }
      // trimEnd, not /\s+$/: that regex is quadratic on a long run of spaces.
      const trimmedEnd = part.trimEnd();
      const body = trimmedEnd.replace(/^ +/, '');
      if (i > 0 && body === '') return;
      out.push({ text: body, indent: trimmedEnd.length - body.length, page, pageBreak: false });
    });
  }
  return out;
}

/** Collapse runs of spaces inside a line (pdftotext -layout pads justified text). */
export function collapseSpaces(s: string): string {
  return s.replace(/ {2,}/g, ' ').trim();
}

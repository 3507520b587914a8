/**
 * Page furniture and conversion residue that must never reach paragraph text:
 * page numbers, job numbers, barcodes, running headers/footers, link residue and italics markup.
 */

/** A UN document symbol such as A/C.1/78/L.11, A/RES/78/16, S/2024/835 or S/RES/2719 (2023). */
export const SYMBOL_RE = /^(?:A|S|E|UNEP|ICCD|TD|CD|DP|HRC|A\/HRC)\/[A-Z0-9][A-Za-z0-9.\/-]*(?: \(\d{4}\))?$/;

const PAGE_TOKEN = /^(?:\d{1,3}\/\d{1,3}|-\d{1,3}-)$/;
const JOB_TOKEN = /^\d{2}-\d{5}(?:\(E\))?$/;
const BARCODE_TOKEN = /^\*\d{6,}\*$/;
const DATE6_TOKEN = /^\d{6}$/;

/** True when the whole line is page furniture: page number, job number, barcode, or a mix of them. */
export function isArtefactLine(line: string, symbol: string): boolean {
  const t = line.trim();
  if (t === '') return false;
  if (/^Page \d+(?: of \d+)?$/i.test(t)) return true;
  if (/^\d{1,3}$/.test(t)) return true;
  if (/^_{5,}$/.test(t)) return false;
  if (/^Please recycle\b/i.test(t)) return true;
  const tokens = t.split(/\s+/);
  let sawCore = false;
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i];
    if (PAGE_TOKEN.test(tok) || JOB_TOKEN.test(tok) || BARCODE_TOKEN.test(tok)) { sawCore = true; continue; }
    if (tok === '(E)' || DATE6_TOKEN.test(tok)) continue;
    if (symbol !== '' && tok === symbol) { sawCore = true; continue; }
    return false;
  }
  return sawCore;
}

/** Markdown-style link residue "[36/103](#)" → "36/103". */
export function stripLinks(s: string): string {
  // Bounded lengths keep this linear on text full of unmatched brackets.
  return s.replace(/\[([^\]\n]{0,300})\]\((?:#[^)\s]{0,300}|https?:\/\/[^)\s]{0,2000}|[^)\s]{0,300})\)/g, '$1');
}

/** Italics markup "*Welcomes*" → "Welcomes"; inline barcodes vanish; stray asterisks at word edges go too. */
export function stripMarkup(s: string): string {
  return s
    .replace(/\*\d{6,}\*/g, '')
    .replace(/\*{1,2}([^*\n]+?)\*{1,2}/g, '$1')
    .replace(/(^|\s)\*+(?=\S)/g, '$1')
    .replace(/(\S)\*+(?=\s|$)/g, '$1');
}

/** All inline residue removal used on paragraph, title and footnote text. */
export function cleanInline(s: string): string {
  return stripMarkup(stripLinks(s)).replace(/\s+/g, ' ').trim();
}

function normalizeForCompare(s: string): string {
  return cleanInline(s);
}

/**
 * A running header: the symbol alone, the symbol plus (a prefix of) the title, or the title
 * repeated on its own. `afterSymbol` says the previous line of this page was a symbol header,
 * which makes a bare title prefix a header too (pdftotext without -layout splits the two).
 */
export function isRunningHeader(line: string, symbol: string, title: string, afterSymbol: boolean): boolean {
  const t = line.trim();
  if (t === '') return false;
  if (SYMBOL_RE.test(t)) return true;
  const cells = t.split(/\s{3,}/);
  let rest = t;
  if (symbol !== '' && cells.length > 1 && (cells[0] === symbol || cells[cells.length - 1] === symbol)) {
    rest = (cells[0] === symbol ? cells.slice(1) : cells.slice(0, -1)).join(' ');
    if (rest === '') return true;
    return isTitleEcho(rest, title, true);
  }
  if (symbol !== '' && t.startsWith(symbol + ' ') && isTitleEcho(t.slice(symbol.length), title, true)) return true;
  if (symbol !== '' && t.endsWith(' ' + symbol) && isTitleEcho(t.slice(0, -symbol.length), title, true)) return true;
  return isTitleEcho(t, title, afterSymbol);
}

/**
 * Is `candidate` the title repeated as a header? Exact (case-sensitive) repeats always are; a
 * truncated prefix only when it ends in an ellipsis or sits next to a symbol header, because a
 * body line can easily start with the same words as the title.
 */
function isTitleEcho(candidate: string, title: string, nextToSymbol: boolean): boolean {
  if (title === '') return false;
  const c = normalizeForCompare(candidate);
  if (c === '') return false;
  if (c === title) return true;
  const stem = c.replace(/(?:…|\.\.\.)$/, '').trim();
  if (stem !== c && stem.length >= 15 && title.startsWith(stem)) return true;
  return nextToSymbol && c.length >= 20 && title.startsWith(c);
}

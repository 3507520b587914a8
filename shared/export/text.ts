/**
 * Plain-text export in the style of the corpus texts: masthead lines, sponsor line, title, organ line,
 * paragraphs one per line with blank lines between, footnote markers as superscript digits where they
 * stand, footnote definitions ("¹ See A/78/265.") in a block at the end, then nothing else. The layout
 * is the one the importer (shared/import) reads, so import(renderText(build(import(t)))) keeps the
 * structure of import(t). Pure.
 */
import type { ExportBlock, ExportDocument, Inline } from './document.ts';

const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** 12 → "¹²". */
export function superscript(n: number): string {
  return String(Math.max(0, Math.floor(n))).split('').map((d) => SUPERSCRIPT_DIGITS[Number(d)]).join('');
}

/** Line breaks inside a field would split it into two masthead lines: print them as spaces. */
const oneLine = (s: string): string => s.replace(/\s*[\r\n]+\s*/g, ' ').trim();

/**
 * Inline runs as plain text. Footnote markers print as superscripts; a marker right after another one
 * prints as "[^n]" (the importer reads both) so that "¹" + "²" is not read back as footnote 12.
 * `tag` renders compilation ins/del runs; plain exports leave them to the caller (text runs only).
 */
export function inlinesToText(inlines: readonly Inline[], tag: (run: Extract<Inline, { kind: 'ins' | 'del' }>) => string = (r) => (r.kind === 'ins' ? r.text : '')): string {
  let out = '';
  let prevMarker = false;
  for (const run of inlines) {
    if (run.kind === 'footnote') {
      out += prevMarker ? `[^${run.number}]` : superscript(run.number);
      prevMarker = true;
      continue;
    }
    out += run.kind === 'text' ? run.text : tag(run);
    prevMarker = false;
  }
  return out;
}

/** "78/16. " before the title of a General Assembly resolution (A/RES/78/16), as printed. */
function resolutionNumberPrefix(doc: ExportDocument): string {
  if (doc.kind !== 'resolution') return '';
  const m = /^A\/RES\/(\d{1,3})\/(\d{1,4})$/.exec(doc.baseSymbol);
  return m ? `${m[1]}/${m[2]}. ` : '';
}

/** The masthead, sponsor line and title as paragraphs (one item per paragraph). */
export function mastheadLines(doc: ExportDocument): string[] {
  const m = doc.masthead;
  const lines: string[] = [];
  const push = (s: string): void => {
    const t = oneLine(s);
    if (t) lines.push(t);
  };
  push(m.symbol ? `United Nations ${m.symbol}` : 'United Nations');
  push(m.organName);
  if (m.distribution) push(`Distr.: ${m.distribution}`);
  push(m.date);
  if (m.originalLanguage) push(`Original: ${m.originalLanguage}`);
  push(m.session);
  // Adopted texts name the committee in the "[on the report of the … Committee]" line instead.
  if (m.committee && !m.adoptionNote.includes(m.committee)) push(m.committee);
  if (m.agendaItem) {
    push(`Agenda item ${m.agendaItem}`);
    push(m.agendaTitle);
  }
  for (const note of m.adoptionNote.split('\n')) push(note);
  if (doc.sponsorLine) push(doc.sponsorLine);
  else if (doc.kind === 'draft-resolution' || doc.kind === 'draft-decision') {
    push(`${doc.revision >= 1 ? 'Revised draft' : 'Draft'} ${doc.kind === 'draft-decision' ? 'decision' : 'resolution'}`);
  }
  const unanchored = doc.footnotes.filter((f) => f.paragraphId === '').map((f) => superscript(f.number)).join('');
  if (doc.title) push(`${resolutionNumberPrefix(doc)}${doc.title}${unanchored}`);
  // Printed after the title: the importer keeps the title and sets this line aside with a warning.
  if (doc.additionalSponsors.length > 0) push(`Additional sponsors: ${doc.additionalSponsors.join(', ')}`);
  return lines;
}

function blockLine(block: ExportBlock, body: string): string {
  const text = oneLine(body);
  return block.label ? `${block.label} ${text}` : text;
}

/** The body paragraphs: organ line, PPs, OPs "1. …", sub-paragraphs "(a) …". */
export function bodyLines(doc: ExportDocument): string[] {
  const lines: string[] = [];
  if (doc.organ) lines.push(oneLine(doc.organ));
  for (const block of [...doc.preamble, ...doc.operative]) lines.push(blockLine(block, inlinesToText(block.inlines)));
  return lines;
}

/** Closing lines ("42nd plenary meeting", "4 December 2023") and footnote definitions. */
export function endLines(doc: ExportDocument): string[] {
  const lines: string[] = [];
  const closing = doc.closing.split('\n').map(oneLine).filter((l) => l !== '');
  if (closing.length > 0) lines.push(closing.join('\n'));
  const seen = new Set<number>();
  for (const fn of doc.footnotes) {
    if (seen.has(fn.number)) continue;
    seen.add(fn.number);
    lines.push(`${superscript(fn.number)} ${oneLine(fn.text)}`);
  }
  return lines;
}

/** The document as corpus-style plain text (UTF-8, "\n" line ends, one blank line between paragraphs). */
export function renderText(doc: ExportDocument): string {
  return `${[...mastheadLines(doc), ...bodyLines(doc), ...endLines(doc)].join('\n\n')}\n`;
}

export { renderCompilationText } from './compilation-text.ts';

/**
 * buildExportDocument: structured JSON (+ sponsors, revision) → the layout-ready ExportDocument every
 * renderer prints. All numbering decisions are taken here once — refs, labels, italic openers,
 * footnote numbers, the symbol with "/Rev.N", the alphabetical sponsor line — so the formats agree.
 * Pure; never throws on odd input (empty drafts, dangling footnotes, junk revision numbers).
 */
import { isDecimalLabel, unSubLabel } from '../resolution/numbering.ts';
import { openerRange } from '../resolution/openers.ts';
import type { Masthead, ResolutionJSON, SubParagraph } from '../resolution/types.ts';
import { MASTHEAD_FIELDS, emptyMasthead } from '../resolution/types.ts';
import { formatSponsorLine, sortSponsorNames } from '../sponsorship/sponsor-line.ts';
import type { ExportBlock, ExportDocument, ExportFootnote, ExportInput, Inline } from './document.ts';

/** "/Rev.N" at the end of a symbol (any case, optional space after the dot). */
const REV_SUFFIX = /\/Rev\.\s*(\d+)\s*$/i;

/** The symbol without a trailing "/Rev.N". */
export function baseSymbolOf(symbol: string): string {
  return symbol.trim().replace(REV_SUFFIX, '');
}

/** N of a trailing "/Rev.N" on a symbol, 0 without one. */
export function symbolRevision(symbol: string): number {
  const m = REV_SUFFIX.exec(symbol.trim());
  return m ? Number(m[1]) : 0;
}

/** The printed symbol of revision `revision` of `symbol`: an existing "/Rev.N" is replaced, never doubled. */
export function revisedSymbol(symbol: string, revision: number): string {
  const base = baseSymbolOf(symbol);
  return revision >= 1 && base !== '' ? `${base}/Rev.${revision}` : base;
}

function cleanRevision(value: number | undefined, symbol: string): number {
  // Without an explicit revision the symbol says which one this is (an imported ".../Rev.2").
  if (value === undefined) return symbolRevision(symbol);
  return Number.isFinite(value) && value > 0 ? Math.floor(value) : 0;
}

/** Footnote markers of one paragraph: (offset, number), by offset then number. */
type Markers = Map<string, { offset: number; number: number }[]>;

function markersByParagraph(res: ResolutionJSON): Markers {
  const out: Markers = new Map();
  for (const fn of res.footnotes) {
    if (!fn.paragraphId) continue;
    const list = out.get(fn.paragraphId) ?? [];
    list.push({ offset: fn.offset, number: fn.number });
    out.set(fn.paragraphId, list);
  }
  for (const list of out.values()) list.sort((a, b) => a.offset - b.offset || a.number - b.number);
  return out;
}

/**
 * A paragraph's text as runs: the italic range [0, italicEnd) and footnote markers at their offsets
 * (clamped into the text so a stale offset still prints the marker, at the end).
 */
export function textInlines(text: string, italicEnd: number, markers: readonly { offset: number; number: number }[]): Inline[] {
  const out: Inline[] = [];
  const pushText = (from: number, to: number): void => {
    if (to <= from) return;
    const cut = Math.min(Math.max(italicEnd, from), to);
    if (cut > from) out.push({ kind: 'text', text: text.slice(from, cut), italic: true });
    if (to > cut) out.push({ kind: 'text', text: text.slice(cut, to), italic: false });
  };
  let at = 0;
  for (const m of markers) {
    const offset = Math.min(Math.max(0, Math.floor(Number.isFinite(m.offset) ? m.offset : text.length)), text.length);
    pushText(at, offset);
    at = Math.max(at, offset);
    out.push({ kind: 'footnote', number: m.number });
  }
  pushText(at, text.length);
  return out;
}

/** Reference of a sub-paragraph: "OP5 (a) (i)" (UN style) or "OP1.1" (decimal labels). */
export function subRef(prefix: 'PP' | 'OP', number: number, labels: readonly string[]): string {
  const last = labels[labels.length - 1] ?? '';
  if (isDecimalLabel(last)) return `${prefix}${last.replace(/\.$/, '')}`;
  return [`${prefix}${number}`, ...labels].join(' ');
}

function blocksOf(
  kind: 'preambular' | 'operative',
  paragraphs: readonly { id: string; text: string; subparagraphs: SubParagraph[]; number?: number }[],
  markers: Markers,
): ExportBlock[] {
  const prefix = kind === 'operative' ? 'OP' : 'PP';
  const out: ExportBlock[] = [];
  paragraphs.forEach((p, index) => {
    const number = kind === 'operative' && typeof p.number === 'number' && p.number > 0 ? p.number : index + 1;
    const opener = openerRange(kind, p.text);
    out.push({
      id: p.id, kind, depth: 0, number,
      label: kind === 'operative' ? `${number}.` : '',
      ref: `${prefix}${number}`,
      text: p.text,
      inlines: textInlines(p.text, opener ? opener[1] : 0, markers.get(p.id) ?? []),
    });
    const walk = (subs: readonly SubParagraph[], depth: number, parents: readonly string[]): void => {
      subs.forEach((s, i) => {
        const label = s.label.trim() || unSubLabel(depth, i + 1);
        const labels = [...parents, label];
        out.push({
          id: s.id, kind, depth, number, label,
          ref: subRef(prefix, number, labels),
          text: s.text,
          // Openers are italic on paragraphs only: sub-paragraphs continue their paragraph's sentence.
          inlines: textInlines(s.text, 0, markers.get(s.id) ?? []),
        });
        walk(s.subparagraphs, depth + 1, labels);
      });
    };
    walk(p.subparagraphs, 1, []);
  });
  return out;
}

/**
 * The export document of a draft or adopted text. `input.revision` (or, when absent, a "/Rev.N" already
 * on the symbol) makes the symbol ".../Rev.N" and the line "revised draft resolution". Sponsors are
 * deduplicated and alphabetical; additional sponsors already on the line are not repeated below it.
 */
export function buildExportDocument(input: ExportInput): ExportDocument {
  const res = input.resolution;
  const masthead: Masthead = emptyMasthead();
  for (const field of MASTHEAD_FIELDS) masthead[field] = typeof res[field] === 'string' ? res[field] : '';
  const revision = cleanRevision(input.revision, masthead.symbol);
  const baseSymbol = baseSymbolOf(masthead.symbol);
  masthead.symbol = revisedSymbol(masthead.symbol, revision);

  const sponsors = sortSponsorNames(input.sponsors ?? res.sponsors ?? []);
  const onLine = new Set(sponsors.map((s) => s.toLocaleLowerCase('en')));
  const additionalSponsors = sortSponsorNames(input.additionalSponsors ?? [])
    .filter((s) => !onLine.has(s.toLocaleLowerCase('en')));

  const markers = markersByParagraph(res);
  const preamble = blocksOf('preambular', res.preamble ?? [], markers);
  const operative = blocksOf('operative', res.operative ?? [], markers);
  const blockIds = new Set([...preamble, ...operative].map((b) => b.id));
  const footnotes: ExportFootnote[] = [...(res.footnotes ?? [])]
    .sort((a, b) => a.number - b.number)
    .map((fn) => ({ number: fn.number, text: fn.text, paragraphId: blockIds.has(fn.paragraphId) ? fn.paragraphId : '' }));

  return {
    kind: res.kind,
    masthead,
    baseSymbol,
    revision,
    sponsorLine: formatSponsorLine(sponsors, res.kind, { revised: revision >= 1 }),
    sponsors,
    additionalSponsors,
    title: res.title ?? '',
    organ: res.organ ?? '',
    preamble,
    operative,
    footnotes,
    closing: res.closing ?? '',
    compilation: false,
  };
}

/** All blocks of a document in order (preamble then operative part). */
export function allBlocks(doc: ExportDocument): ExportBlock[] {
  return [...doc.preamble, ...doc.operative];
}

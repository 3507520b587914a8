/**
 * The sponsor line of an L-document: "Austria, Brazil and Chile: draft resolution".
 * Pure; used by the editor's masthead and by exporters so both print the same line.
 */
import type { ResolutionKind } from '../resolution/types.ts';

/** What the sponsor line calls each kind of text; adopted texts carry no sponsor line. */
const LINE_NOUN: Readonly<Record<ResolutionKind, string>> = {
  'draft-resolution': 'draft resolution',
  'draft-decision': 'draft decision',
  resolution: '',
  decision: '',
};

/**
 * Join names the UN way: "A", "A and B", "A, B and C" (no serial comma).
 * Blank names are skipped and surrounding whitespace is dropped.
 */
export function joinNames(names: readonly string[]): string {
  const clean = names.map((n) => n.trim()).filter((n) => n.length > 0);
  if (clean.length <= 1) return clean.join('');
  return `${clean.slice(0, -1).join(', ')} and ${clean[clean.length - 1]}`;
}

/**
 * The sponsor line for `names` (in printed order) and the document kind, e.g.
 * "A, B and C: draft resolution" ("revised draft resolution" with `revised`). Empty when there are no
 * names or the text is adopted (resolutions and decisions are not sponsored on their face).
 */
export function formatSponsorLine(names: readonly string[], kind: ResolutionKind, options: SponsorLineOptions = {}): string {
  const noun = LINE_NOUN[kind] ?? LINE_NOUN['draft-resolution'];
  const joined = joinNames(names);
  if (!joined || !noun) return '';
  return `${joined}: ${options.revised ? `revised ${noun}` : noun}`;
}

/** Options of {@link formatSponsorLine}. */
export interface SponsorLineOptions {
  /** A revision (symbol ".../Rev.N"): "revised draft resolution" / "revised draft decision". */
  revised?: boolean;
}

/** Collation of delegation names on sponsor lines: English, accents ignored ("Türkiye" sorts under T). */
const NAME_COLLATOR = new Intl.Collator('en', { sensitivity: 'base' });

/**
 * Names as the sponsor line prints them: trimmed, blanks and duplicates dropped (the first spelling
 * kept), in English alphabetical order.
 */
export function sortSponsorNames(names: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of names) {
    const name = raw.trim();
    const key = name.toLocaleLowerCase('en');
    if (!name || seen.has(key)) continue;
    seen.add(key);
    out.push(name);
  }
  return out.sort((a, b) => NAME_COLLATOR.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0));
}

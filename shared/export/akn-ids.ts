/**
 * Naming shared by the Akoma Ntoso exporter (akn.ts) and importer (akn-import.ts): the statement
 * names of each kind, stable eIds made from paragraph ids (reversible, so an import gets the ids
 * back), TLC eIds made from organisation names, FRBR URI pieces and UN dates. Pure.
 */
import type { ResolutionKind } from '../resolution/types.ts';

/** The Akoma Ntoso 3.0 namespace (OASIS LegalDocML, final). */
export const AKN_NS = 'http://docs.oasis-open.org/legaldocml/ns/akn/3.0';

/** AKN4UN statement names per kind. */
export const STATEMENT_NAME: Readonly<Record<ResolutionKind, string>> = {
  'draft-resolution': 'resolutionDraft',
  resolution: 'resolution',
  'draft-decision': 'decisionDraft',
  decision: 'decision',
};

/** The kind a statement name stands for, or null for names this project does not write. */
export function kindOfStatementName(name: string): ResolutionKind | null {
  for (const [kind, value] of Object.entries(STATEMENT_NAME) as [ResolutionKind, string][]) {
    if (value === name) return kind;
  }
  return null;
}

/** eId prefixes: the element a paragraph id is carried by. */
export type EidPrefix = 'recital' | 'item' | 'para' | 'point';

// Characters an id keeps as-is; everything else (including '_', the escape, and '.', the duplicate
// marker) becomes `_<hex code point>_`, so `decodeEid(encodeEid(x)) === x` for every string.
const KEEP = /[A-Za-z0-9-]/;

/** The NCName-safe, reversible form of a paragraph id. */
export function encodeIdPart(id: string): string {
  let out = '';
  for (const ch of id) out += KEEP.test(ch) ? ch : `_${(ch.codePointAt(0) ?? 0).toString(16)}_`;
  return out;
}

/** Inverse of {@link encodeIdPart}; null when `part` is not such an encoding. */
export function decodeIdPart(part: string): string | null {
  if (!/^(?:[A-Za-z0-9-]|_[0-9a-f]{1,6}_)*$/.test(part)) return null;
  try {
    return part.replace(/_([0-9a-f]{1,6})_/g, (_m, hex: string) => String.fromCodePoint(parseInt(hex, 16)));
  } catch {
    return null; // a code point above U+10FFFF
  }
}

/**
 * Gives each element an eId derived from its paragraph id (never from its position, so inserting a
 * paragraph leaves every other eId as it was), unique in the document even if ids repeat.
 */
export class EidAllocator {
  private readonly used = new Set<string>();

  /** `prefix_<encoded id>`, with ".2", ".3"… appended for a repeated id (never produced by encoding). */
  forParagraph(prefix: EidPrefix, id: string): string {
    return this.claim(`${prefix}_${encodeIdPart(id)}`);
  }

  /** A fixed or derived name, made unique the same way. */
  claim(base: string): string {
    let eid = base;
    for (let n = 2; this.used.has(eid); n++) eid = `${base}.${n}`;
    this.used.add(eid);
    return eid;
  }
}

/** The paragraph id carried by an eId written by {@link EidAllocator.forParagraph}, or null. */
export function paragraphIdOfEid(eid: string): string | null {
  const m = /^(?:recital|item|para|point)_([^.]*)(?:\.\d+)?$/.exec(eid);
  return m ? decodeIdPart(m[1]) : null;
}

/**
 * An NCName from a name: "Iran (Islamic Republic of)" → "iranIslamicRepublicOf", accents dropped
 * ("Côte d'Ivoire" → "coteDIvoire"); `fallback` when nothing usable is left or it starts with a digit.
 */
export function camelName(name: string, fallback: string): string {
  const words = name.normalize('NFD').replace(/[\u0300-\u036f'’]/g, '').split(/[^A-Za-z0-9]+/).filter((w) => w !== '');
  const joined = words
    .map((w, i) => (i === 0 ? w.charAt(0).toLowerCase() + w.slice(1) : w.charAt(0).toUpperCase() + w.slice(1)))
    .join('');
  if (joined === '') return fallback;
  return /^[0-9]/.test(joined) ? `${fallback}_${joined}` : joined;
}

/** A UN symbol as one URI path segment: "A/C.1/78/L.11/Rev.1" → "A-C.1-78-L.11-Rev.1". */
export function symbolSegment(symbol: string): string {
  const flat = symbol.trim().replace(/\s+/g, '_').replace(/\//g, '-');
  return flat === '' ? 'unnumbered' : encodeURIComponent(flat).replace(/%2E/gi, '.');
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** "12 October 2023" (or "October 12, 2023", or already ISO) → "2023-10-12"; null when not a real date. */
export function isoDate(text: string): string | null {
  const t = text.trim();
  let y: number;
  let m: number;
  let d: number;
  let match: RegExpExecArray | null;
  if ((match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t))) {
    [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  } else if ((match = /^(\d{1,2})\s+([A-Za-z]+)\s+(\d{4})$/.exec(t))) {
    [d, m, y] = [Number(match[1]), MONTHS.indexOf(match[2].toLowerCase()) + 1, Number(match[3])];
  } else if ((match = /^([A-Za-z]+)\s+(\d{1,2}),?\s+(\d{4})$/.exec(t))) {
    [m, d, y] = [MONTHS.indexOf(match[1].toLowerCase()) + 1, Number(match[2]), Number(match[3])];
  } else {
    return null;
  }
  if (m < 1 || y < 1) return null;
  const probe = new Date(Date.UTC(y, m - 1, d));
  if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== m - 1 || probe.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

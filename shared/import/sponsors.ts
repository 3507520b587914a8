/**
 * The sponsor line of a draft: "Austria, Brazil and Trinidad and Tobago: draft resolution".
 */
import type { ResolutionKind } from '../resolution/types.ts';

/** Delegation names that themselves contain " and ", so the final " and " of a list is ambiguous. */
const AND_NAMES = [
  'Antigua and Barbuda',
  'Bosnia and Herzegovina',
  'Saint Kitts and Nevis',
  'Saint Vincent and the Grenadines',
  'Sao Tome and Principe',
  'Trinidad and Tobago',
  'United Kingdom of Great Britain and Northern Ireland',
  'Turks and Caicos Islands',
  'Wallis and Futuna',
  'Heard Island and McDonald Islands',
];

export interface SponsorLine {
  sponsors: string[];
  kind: ResolutionKind;
  /** Whatever followed "draft resolution" on the same block (a title run together with it). */
  rest: string;
}

const SPONSOR_RE = /^(.+?)\s*:\s*(?:revised\s+)?draft (resolution|decision)\b\s*\**\s*(.*)$/is;

/** Parse a (joined) sponsor block, or null when the block is not a sponsor line. */
export function parseSponsorLine(block: string): SponsorLine | null {
  const m = SPONSOR_RE.exec(block.replace(/\s+/g, ' ').trim());
  if (!m) return null;
  const names = splitSponsorNames(m[1].replace(/\*+$/, ''));
  // A delegation name starts with a capital and is short; anything else means the "sponsor line"
  // began earlier in the block (e.g. an agenda title run into it without a blank line).
  if (names.length === 0 || !/^\p{Lu}/u.test(names[0]) || names[0].split(' ').length > 8) return null;
  return { sponsors: names, kind: m[2].toLowerCase() === 'decision' ? 'draft-decision' : 'draft-resolution', rest: m[3].trim() };
}

/** Split "A, B (x, y) and C" into names, honouring parentheses and names containing " and ". */
export function splitSponsorNames(list: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of list) {
    if (ch === '(') depth++;
    if (ch === ')') depth = Math.max(0, depth - 1);
    if (ch === ',' && depth === 0) {
      parts.push(cur.trim());
      cur = '';
      continue;
    }
    cur += ch;
  }
  parts.push(cur.trim());
  const last = parts.pop() ?? '';
  return [...parts, ...splitLastAnd(last)].filter((p) => p.length > 0);
}

function isWhole(name: string): boolean {
  return !/ and /.test(name) || AND_NAMES.includes(name);
}

/** The final item carries the list's " and ": find the split that leaves two whole names. */
function splitLastAnd(item: string): string[] {
  if (AND_NAMES.includes(item)) return [item];
  const positions: number[] = [];
  for (let i = item.indexOf(' and '); i >= 0; i = item.indexOf(' and ', i + 1)) positions.push(i);
  if (positions.length === 0) return [item];
  for (const p of positions) {
    const left = item.slice(0, p);
    const right = item.slice(p + 5);
    if (isWhole(left) && isWhole(right)) return [left, right];
  }
  const p = positions[positions.length - 1];
  return [item.slice(0, p), item.slice(p + 5)];
}

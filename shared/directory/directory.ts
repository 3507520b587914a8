/**
 * Delegation directory: the names that can appear as sponsors or speakers in a
 * draft (UN Member States, observer States, organizations, negotiating groups)
 * plus per-deployment custom entries. Pure: no I/O.
 *
 * Canonical names are the UN short names exactly as printed in UN documents;
 * lookups are forgiving (case, diacritics, curly quotes, common aliases) so a
 * typed "turkey" or "Cote d'Ivoire" resolves to the name the document must print.
 */
import { BUILT_IN_ENTRIES } from './data.ts';

/** What kind of delegation an entry is. `custom` = added by the deployment, not built in. */
export type DelegationKind = 'member-state' | 'observer-state' | 'organization' | 'group' | 'custom';

/** One delegation. `name` is canonical (what documents print); `aliases` only help lookup. */
export interface DirectoryEntry {
  name: string;
  kind: DelegationKind;
  aliases?: string[];
}

/** A custom entry as supplied by the caller: a bare name or a name with aliases. */
export interface CustomEntryInput {
  name: string;
  aliases?: string[];
}

/** Why a custom entry was refused. */
export type DirectoryIssueCode = 'not-a-string' | 'empty' | 'too-long' | 'control-character' | 'duplicate';

/** One refused custom name or alias; `index` is the position in the input array. */
export interface DirectoryIssue {
  index: number;
  /** The offending name or alias as given (stringified if it was not a string). */
  input: string;
  code: DirectoryIssueCode;
  message: string;
}

/** A queryable, immutable directory. */
export interface Directory {
  /** All entries (copies), built-ins first in UN order, then custom entries in input order. */
  list(kind?: DelegationKind): DirectoryEntry[];
  /** Resolve a typed name or alias to its entry, or `undefined` if unknown. */
  find(name: string): DirectoryEntry | undefined;
}

/**
 * Outcome of {@link createDirectory}. On failure nothing is built and every
 * problem is reported (not just the first), so the caller can fix them in one go.
 */
export type CreateDirectoryResult =
  | { ok: true; directory: Directory }
  | { ok: false; code: DirectoryIssueCode; message: string; issues: DirectoryIssue[] };

/** Longest accepted custom name or alias, in code points (after trimming). */
export const MAX_NAME_LENGTH = 120;

/**
 * The comparison key used for lookup and sorting: diacritics removed, lower
 * case, typographic apostrophes/dashes folded to ASCII, whitespace collapsed.
 * "Türkiye", "TURKIYE" and " turkiye " share one key.
 */
export function delegationKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[\u2018\u2019\u02BC\u0060\u00B4]/g, "'")
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

function copyEntry(e: DirectoryEntry): DirectoryEntry {
  return e.aliases ? { name: e.name, kind: e.kind, aliases: [...e.aliases] } : { name: e.name, kind: e.kind };
}

type Index = Map<string, DirectoryEntry>;

function indexEntries(entries: readonly DirectoryEntry[]): Index {
  const index: Index = new Map();
  for (const entry of entries) {
    for (const label of [entry.name, ...(entry.aliases ?? [])]) {
      const key = delegationKey(label);
      // Data is validated (built-ins by test, customs by createDirectory), so first wins only as a safety net.
      if (!index.has(key)) index.set(key, entry);
    }
  }
  return index;
}

function lookup(index: Index, name: string): DirectoryEntry | undefined {
  if (typeof name !== 'string') return undefined;
  const key = delegationKey(name);
  if (key === '') return undefined;
  // "the Netherlands", "The Gambia": people often type the article the UN name omits.
  const hit = index.get(key) ?? (key.startsWith('the ') ? index.get(key.slice(4)) : undefined);
  return hit ? copyEntry(hit) : undefined;
}

function makeDirectory(entries: readonly DirectoryEntry[]): Directory {
  const stored = entries.map(copyEntry);
  const index = indexEntries(stored);
  return {
    list: (kind) => stored.filter((e) => kind === undefined || e.kind === kind).map(copyEntry),
    find: (name) => lookup(index, name),
  };
}

const DEFAULT_DIRECTORY = makeDirectory(BUILT_IN_ENTRIES);

/** All built-in entries (193 Member States, observer States, organizations, groups), optionally of one kind. */
export function listDirectory(kind?: DelegationKind): DirectoryEntry[] {
  return DEFAULT_DIRECTORY.list(kind);
}

/**
 * Resolve a name against the built-in directory: exact canonical name, or any
 * case/diacritic/apostrophe variant of it or of a common alias ("Iran",
 * "Turkey", "UK", "G77"). Returns `undefined` for unknown or empty input.
 */
export function findDelegation(name: string): DirectoryEntry | undefined {
  return DEFAULT_DIRECTORY.find(name);
}

/** Trim, collapse inner spaces, and check one label; returns the clean label or an issue. */
function cleanLabel(raw: unknown, index: number, what: string): string | DirectoryIssue {
  if (typeof raw !== 'string') {
    return { index, input: String(raw), code: 'not-a-string', message: `${what} at position ${index} is not a string.` };
  }
  const trimmed = raw.trim();
  if (trimmed === '') {
    return { index, input: raw, code: 'empty', message: `${what} at position ${index} is empty.` };
  }
  // Tabs/newlines inside a name would print badly in a sponsor line; refuse rather than silently rewrite.
  if (/[\u0000-\u001F\u007F-\u009F\u2028\u2029]/.test(trimmed)) {
    return {
      index,
      input: raw,
      code: 'control-character',
      message: `${what} "${trimmed}" contains a line break or control character.`,
    };
  }
  const clean = trimmed.replace(/ {2,}/g, ' ');
  const length = [...clean].length;
  if (length > MAX_NAME_LENGTH) {
    return {
      index,
      input: raw,
      code: 'too-long',
      message: `${what} at position ${index} is ${length} characters long; the limit is ${MAX_NAME_LENGTH}.`,
    };
  }
  return clean;
}

/**
 * Build a directory made of the built-in entries plus `customEntries` (kind
 * `custom`). Names and aliases are trimmed; each must be non-empty, single-line,
 * at most {@link MAX_NAME_LENGTH} characters, and must not collide (by lookup
 * key, so case and diacritics do not count as different) with any built-in name
 * or alias, or with another custom entry. Never throws.
 */
export function createDirectory(customEntries: readonly (string | CustomEntryInput)[] = []): CreateDirectoryResult {
  if (!Array.isArray(customEntries)) {
    return {
      ok: false,
      code: 'not-a-string',
      message: 'Custom entries must be an array of names.',
      issues: [{ index: -1, input: String(customEntries), code: 'not-a-string', message: 'Custom entries must be an array of names.' }],
    };
  }
  const issues: DirectoryIssue[] = [];
  // key → human description of who already owns it, for the duplicate message.
  const taken = new Map<string, string>();
  for (const e of BUILT_IN_ENTRIES) {
    taken.set(delegationKey(e.name), `"${e.name}"`);
    for (const a of e.aliases ?? []) taken.set(delegationKey(a), `"${e.name}" (alias "${a}")`);
  }

  const custom: DirectoryEntry[] = [];
  customEntries.forEach((raw, index) => {
    const isObject = typeof raw === 'object' && raw !== null;
    const rawName: unknown = isObject ? (raw as { name?: unknown }).name : raw;
    const rawAliases: unknown = isObject ? (raw as { aliases?: unknown }).aliases : undefined;

    const name = cleanLabel(rawName, index, 'Custom delegation name');
    if (typeof name !== 'string') {
      issues.push(name);
      return;
    }
    const labels: string[] = [name];
    let ok = true;
    if (rawAliases !== undefined && !Array.isArray(rawAliases)) {
      issues.push({ index, input: String(rawAliases), code: 'not-a-string', message: `Aliases of "${name}" must be a list of strings.` });
      ok = false;
    }
    for (const rawAlias of Array.isArray(rawAliases) ? (rawAliases as unknown[]) : []) {
      const alias = cleanLabel(rawAlias, index, `Alias of "${name}"`);
      if (typeof alias !== 'string') {
        issues.push(alias);
        ok = false;
      } else if (!labels.some((l) => delegationKey(l) === delegationKey(alias))) {
        labels.push(alias); // an alias equal to its own name is harmless noise, so it is just dropped
      }
    }
    for (const label of labels) {
      const owner = taken.get(delegationKey(label));
      if (owner !== undefined) {
        issues.push({
          index,
          input: label,
          code: 'duplicate',
          message: `"${label}" is already in the directory as ${owner}.`,
        });
        ok = false;
      }
    }
    if (!ok) return;
    for (const label of labels) taken.set(delegationKey(label), `"${name}"`);
    const [, ...aliases] = labels;
    custom.push(aliases.length > 0 ? { name, kind: 'custom', aliases } : { name, kind: 'custom' });
  });

  if (issues.length > 0) {
    const first = issues[0];
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : '';
    return { ok: false, code: first.code, message: first.message + more, issues };
  }
  return { ok: true, directory: makeDirectory([...BUILT_IN_ENTRIES, ...custom]) };
}

/**
 * Sort delegation names as UN documents list them: alphabetically by English
 * name, ignoring case and diacritics ("Türkiye" between "Tunisia" and
 * "Turkmenistan"). Exact ties fall back to code-unit order so the result is
 * deterministic. Returns a new array; the input is not modified.
 */
export function sortDelegations(names: readonly string[]): string[] {
  const keyed = names.map((name) => ({ name, key: delegationKey(name) }));
  keyed.sort((a, b) => compare(a.key, b.key) || compare(a.name, b.name));
  return keyed.map((k) => k.name);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

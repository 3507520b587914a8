/**
 * The resolution text importer: plain text (corpus style, or pdftotext output with or without
 * -layout) → ResolutionJSON. Pure: no I/O, never throws. Pipeline (see README.md):
 * validate → normalise → masthead → body scan (artefacts, footnote blocks) → paragraphs →
 * clean text + footnote markers → assemble with ids.
 */
import type { Footnote, OperativeParagraph, PreambularParagraph, ResolutionJSON, SubParagraph } from '../resolution/types.ts';
import { newId } from '../resolution/ids.ts';
import { cleanInline } from './artefacts.ts';
import { scanBody } from './body.ts';
import { extractMarkers, type MarkerState } from './footnotes.ts';
import { matchOrganLine, parseMasthead } from './masthead.ts';
import { normalizeChars, splitLines, type SourceLine } from './normalize.ts';
import { buildParagraphs, buildVocabulary, LineJoiner, type RawNode } from './paragraphs.ts';
import { checkInput } from './validate.ts';

/** Why an import was refused. */
export type ImportErrorCode = 'empty' | 'not-a-resolution' | 'no-paragraphs' | 'too-large' | 'binary';

export type ImportResult =
  | { ok: true; resolution: ResolutionJSON; warnings: string[] }
  | { ok: false; code: ImportErrorCode; message: string };

export interface ImportOptions {
  /** Id generator, for deterministic tests. Defaults to random ids from shared/resolution/ids.ts. */
  newId?: () => string;
}

/** Parse a UN resolution text (corpus style, or pdftotext output with or without -layout). Pure, never throws. */
export function importResolution(text: string, options: ImportOptions = {}): ImportResult {
  try {
    return run(text, options);
  } catch (err) {
    // A bug must not take the caller down; report it as a refusal with the reason.
    return { ok: false, code: 'not-a-resolution', message: `The importer failed on this text: ${err instanceof Error ? err.message : String(err)}` };
  }
}

const DECISION_START = /^(?:At its \d+\w* (?:plenary )?meeting\b|The (?:General Assembly|Security Council|Economic and Social Council|Human Rights Council)\b(?!,$)[^,]{0,60}\b(?:decides|decided|takes note|took note)\b)/;

function notAResolution(lines: readonly SourceLine[]): ImportResult {
  const numbered = lines.filter((l) => /^\d{1,3}\.\s+\S/.test(l.text)).length;
  return {
    ok: false,
    code: 'not-a-resolution',
    message:
      'This does not look like a resolution: there is no organ line such as "The General Assembly," or "The Security Council,", ' +
      'so the text has no preambular/operative structure' +
      (numbered > 0 ? ` (it has ${numbered} numbered paragraphs, like a paper or report).` : '.'),
  };
}

/** A pathological text can raise thousands of identical warnings; keep the list readable. */
function capWarnings(warnings: string[], max = 25): string[] {
  const unique = [...new Set(warnings)];
  return unique.length <= max ? unique : [...unique.slice(0, max), `… and ${unique.length - max} more warnings.`];
}

function run(text: string, options: ImportOptions): ImportResult {
  const problem = checkInput(text);
  if (problem) return { ok: false, ...problem };
  const makeId = options.newId ?? ((): string => newId());

  const lines = splitLines(normalizeChars(text));
  const organIndex = lines.findIndex((l) => !l.pageBreak && matchOrganLine(l.text) !== null);
  // A decision has no organ line: its body starts with "At its … meeting" or "The General Assembly decides".
  const bodyStart = organIndex >= 0 ? organIndex + 1 : lines.findIndex((l) => !l.pageBreak && DECISION_START.test(cleanInline(l.text)));
  const head = parseMasthead(lines.slice(0, organIndex >= 0 ? organIndex : Math.max(bodyStart, 0)));
  const isDecision = organIndex < 0 && bodyStart > 0 && (head.kind === 'decision' || head.kind === 'draft-decision');
  if (organIndex < 0 && !isDecision) return notAResolution(lines);
  const organ = organIndex >= 0 ? cleanInline(lines[organIndex].text) : '';
  const warnings = [...head.warnings];
  const masthead = head.masthead;
  if (masthead.organName === '') {
    masthead.organName = organIndex >= 0
      ? (matchOrganLine(lines[organIndex].text) ?? '')
      : (/\b(General Assembly|Security Council|Economic and Social Council|Human Rights Council)\b/.exec(lines[bodyStart].text)?.[1] ?? '');
  }
  const rawTitle = head.title;
  const titleForHeaders = cleanInline(rawTitle);

  const bodyLines = lines.slice(bodyStart);
  const scan = scanBody(bodyLines, masthead.symbol, titleForHeaders);
  for (const w of scan.warnings) warnings.push(w);
  const joiner = new LineJoiner(buildVocabulary(bodyLines.map((l) => l.text)));
  const raw = buildParagraphs(scan.chunks);
  for (const w of raw.warnings) warnings.push(w);

  if (raw.preamble.length === 0 && raw.operative.length === 0) {
    return { ok: false, code: 'no-paragraphs', message: `The text has the organ line "${organ}" but no paragraphs after it.` };
  }
  if (isDecision) {
    // A decision is all decision text: its unnumbered paragraphs are kept as (derived-number) operative paragraphs.
    raw.operative = [...raw.preamble.map((p) => ({ ...p, number: 0 })), ...raw.operative];
    raw.preamble = [];
    warnings.push('Decision text has no organ line or preamble; its paragraphs are stored as operative paragraphs.');
  } else if (raw.operative.length === 0) {
    return {
      ok: false,
      code: 'not-a-resolution',
      message: `This does not look like a resolution: after "${organ}" there are ${raw.preamble.length} paragraphs but no numbered operative paragraph ("1. Decides …").`,
    };
  }

  // Markers are numbered in reading order: title, preamble, operative (depth first).
  const state: MarkerState = { maxSeen: 0, defined: new Set(scan.definitions.keys()), plainDigits: scan.plainDefinitions };
  const footnotes: Footnote[] = [];
  const used = new Set<number>();
  let repeats = 0;
  const clean = (rawText: string, paragraphId: string): string => {
    const { text: out, hits } = extractMarkers(cleanInline(rawText), state);
    for (const h of hits) {
      const def = scan.definitions.get(h.printed);
      if (def === undefined) warnings.push(`Footnote marker ${h.printed} has no footnote text.`);
      if (used.has(h.printed)) repeats++;
      used.add(h.printed);
      footnotes.push({ number: footnotes.length + 1, text: def ?? '', paragraphId, offset: h.offset });
    }
    return out;
  };
  const subs = (nodes: RawNode[]): SubParagraph[] =>
    nodes.map((n) => {
      const id = makeId();
      const textOut = clean(joiner.joinAll(n.lines), id);
      return { id, label: n.label, text: textOut, subparagraphs: subs(n.children) };
    });

  const title = clean(rawTitle, '');
  const preamble: PreambularParagraph[] = raw.preamble.map((p) => {
    const id = makeId();
    const textOut = clean(joiner.joinAll(p.lines), id);
    return { id, text: textOut, subparagraphs: subs(p.children) };
  });
  const operative: OperativeParagraph[] = raw.operative.map((p, i) => {
    const id = makeId();
    const textOut = clean(joiner.joinAll(p.lines), id);
    return { id, number: i + 1, text: textOut, subparagraphs: subs(p.children) };
  });
  for (const [n, def] of scan.definitions) {
    if (used.has(n)) continue;
    warnings.push(`Footnote ${n} is never referenced in the text; it is kept unanchored.`);
    footnotes.push({ number: footnotes.length + 1, text: def, paragraphId: '', offset: 0 });
  }
  if (repeats > 0) warnings.push(`${repeats} footnote marker(s) repeat an earlier footnote; each reference became its own footnote.`);

  const closing = scan.closing
    .join('\n')
    .replace(/^(\d+(?:st|nd|rd|th) (?:plenary )?meeting) (?=\d)/, '$1\n');

  const resolution: ResolutionJSON = {
    ...masthead,
    kind: head.kind ?? 'draft-resolution',
    sponsors: head.sponsors,
    title,
    organ,
    preamble,
    operative,
    footnotes,
    closing,
  };
  if (head.kind === null) warnings.push('No sponsor line or adoption note found; the text is treated as a draft resolution.');
  return { ok: true, resolution, warnings: capWarnings(warnings) };
}

/**
 * The masthead: everything above the organ line ("The General Assembly,").
 * Handles corpus-style lines, pdftotext raw lines and pdftotext -layout two-column lines
 * (cells separated by runs of spaces), and lines the extraction ran together
 * ("Seventy-eighth session Agenda item 94 Developments in …").
 */
import { emptyMasthead, type Masthead, type ResolutionKind } from '../resolution/types.ts';
import { cleanInline, isArtefactLine, SYMBOL_RE } from './artefacts.ts';
import type { SourceLine } from './normalize.ts';
import { parseSponsorLine } from './sponsors.ts';

export interface MastheadResult {
  masthead: Masthead;
  kind: ResolutionKind | null;
  sponsors: string[];
  /** Raw title (may still carry footnote markers). */
  title: string;
  warnings: string[];
}

const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December';
const DATE_RE = new RegExp(`^\\d{1,2} (?:${MONTHS}) \\d{4}$`);
const ORGANS = /^(General Assembly|Security Council|Economic and Social Council|Human Rights Council|Trusteeship Council)$/;
const LANGUAGES = /^(?:Arabic|Chinese|English|French|Russian|Spanish)$/;
const SESSION_RE = /^([A-Z][a-z]+(?:-[a-z]+)? (?:(?:emergency )?special )?session)$/;
const COMMITTEE_RE = /^((?:First|Second|Third|Fourth|Fifth|Sixth) Committee|Special Political and Decolonization Committee(?: \(Fourth Committee\))?)$/;
const AGENDA_RE = /^Agenda items? (\d+(?: ?\([a-z]+\))?(?:(?:, | and )\d+(?: ?\([a-z]+\))?)*)\s*(.*)$/;

/** The organ line, e.g. "The General Assembly," — the boundary between masthead and body. */
export function matchOrganLine(line: string): string | null {
  const t = cleanInline(line);
  if (t.length > 100) return null;
  const m = /^The ([A-Z][\w'’ -]*?(?:Assembly|Council|Conference|Commission|Committee|Board)[\w ]{0,40}),$/.exec(t);
  return m ? m[1] : null;
}

/** Split run-together and two-column masthead lines into one item per line. */
function explode(line: string): string[] {
  const out: string[] = [];
  for (const cell of line.split(/\s{3,}/)) {
    let c = cleanInline(cell);
    if (c === '') continue;
    c = c.replace(/\b(session)\s+(?=Agenda items? \d)/, '$1\n')
      .replace(/^(United Nations)\s+(?=\S+\/)/, '$1\n')
      .replace(new RegExp(`^(Distr\\.?: ?\\w+)\\s+(?=\\d{1,2} (?:${MONTHS}))`), '$1\n');
    for (const part of c.split('\n')) out.push(part);
  }
  return out;
}

/** Parse the masthead lines (everything before the organ line). */
export function parseMasthead(lines: readonly SourceLine[]): MastheadResult {
  const m = emptyMasthead();
  const warnings: string[] = [];
  let kind: ResolutionKind | null = null;
  let sponsors: string[] = [];
  let title = '';

  // Blocks of consecutive non-blank items; artefacts (job numbers, barcodes) are dropped.
  const blocks: string[][] = [];
  let cur: string[] = [];
  for (const l of lines) {
    if (l.pageBreak || l.text === '') {
      if (cur.length) blocks.push(cur);
      cur = [];
      continue;
    }
    if (isArtefactLine(l.text, '')) continue;
    for (const item of explode(l.text)) cur.push(item);
  }
  if (cur.length) blocks.push(cur);

  let pending: 'agendaTitle' | 'title' | null = null;
  let expectAgendaTitle = false;
  let sawSponsorOrAdoption = false;
  const leftovers: string[] = [];

  for (const block of blocks) {
    pending = null;
    for (let i = 0; i < block.length; i++) {
      const line = block[i];
      let r: RegExpExecArray | null;
      if (line === 'United Nations' || LANGUAGES.test(line)) continue;
      if (SYMBOL_RE.test(line)) { if (m.symbol === '') m.symbol = line; continue; }
      if (ORGANS.test(line)) { if (m.organName === '') m.organName = line; continue; }
      if ((r = /^Distr\.?:\s*(\S+)\s*(.*)$/.exec(line))) {
        m.distribution = r[1];
        if (DATE_RE.test(r[2])) m.date = r[2];
        continue;
      }
      if (DATE_RE.test(line) && m.date === '' && !sawSponsorOrAdoption) { m.date = line; continue; }
      if ((r = /^Original:\s*(.+)$/.exec(line))) { m.originalLanguage = r[1]; continue; }
      if (SESSION_RE.test(line)) { m.session = line; continue; }
      if (COMMITTEE_RE.test(line)) { m.committee = line; continue; }
      if ((r = AGENDA_RE.exec(line))) {
        m.agendaItem = r[1];
        if (r[2]) { m.agendaTitle = r[2]; pending = 'agendaTitle'; } else expectAgendaTitle = true;
        continue;
      }
      if ((r = /^(Resolution|Decision) adopted by the (.+?) on (.+)$/.exec(line))) {
        m.adoptionNote = line;
        kind = r[1] === 'Decision' ? 'decision' : 'resolution';
        if (m.organName === '') m.organName = r[2];
        sawSponsorOrAdoption = true;
        continue;
      }
      if ((r = /^\[on the (?:report|recommendation) of the (.+?)(?: \(.*\))?\]$/.exec(line))) {
        if (m.committee === '' && /Committee/.test(r[1])) m.committee = r[1].replace(/^.*?\b((?:First|Second|Third|Fourth|Fifth|Sixth) Committee)\b.*$/, '$1');
        // Kept with the adoption note so the report reference is not lost.
        m.adoptionNote = m.adoptionNote ? `${m.adoptionNote}\n${line}` : line;
        continue;
      }
      if (/^Adopted by the Security Council\b/.test(line)) {
        m.adoptionNote = line;
        kind = 'resolution';
        if (m.organName === '') m.organName = 'Security Council';
        sawSponsorOrAdoption = true;
        continue;
      }
      if ((r = /^Resolution (\d+) \((\d{4})\)$/.exec(line))) {
        if (m.symbol === '') m.symbol = `S/RES/${r[1]} (${r[2]})`;
        kind = 'resolution';
        sawSponsorOrAdoption = true;
        continue;
      }
      // "78/16. Title", or "78/16." alone when -layout put the title in its own column.
      if ((r = /^(\d{1,3})\/(\d{1,4})\.(?:\s+(.*))?$/.exec(line))) {
        // Resolutions are numbered below 400; decisions (4xx elections, 5xx others) have no document
        // symbol, so their number as printed ("78/548") is kept in the symbol field.
        const isDecision = Number(r[2]) >= 400;
        if (m.symbol === '') m.symbol = isDecision ? `${r[1]}/${r[2]}` : `A/RES/${r[1]}/${r[2]}`;
        if (kind === null || isDecision) kind = isDecision ? 'decision' : 'resolution';
        title = r[3] ?? '';
        pending = 'title';
        sawSponsorOrAdoption = true;
        continue;
      }
      const sponsor = /draft (?:resolution|decision)/i.test(block.slice(i).join(' ')) ? parseSponsorLine(block.slice(i).join(' ')) : null;
      if (sponsor) {
        sponsors = sponsor.sponsors;
        kind = sponsor.kind;
        sawSponsorOrAdoption = true;
        if (sponsor.rest) { title = sponsor.rest; pending = 'title'; }
        break;
      }
      if ((r = /^Draft (resolution|decision)\b(.*)$/i.exec(line))) {
        kind = r[1].toLowerCase() === 'decision' ? 'draft-decision' : 'draft-resolution';
        sawSponsorOrAdoption = true;
        if (r[2].trim()) warnings.push(`Masthead line kept only as the kind of text: "${line}".`);
        continue;
      }
      if (pending === 'agendaTitle') { m.agendaTitle += ' ' + line; continue; }
      if (pending === 'title') { title += ' ' + line; continue; }
      if (expectAgendaTitle && m.agendaTitle === '' && !sawSponsorOrAdoption) {
        m.agendaTitle = line;
        pending = 'agendaTitle';
        continue;
      }
      if (title === '' && sawSponsorOrAdoption && i === 0) { title = line; pending = 'title'; continue; }
      leftovers.push(line);
    }
  }

  if (title === '' && leftovers.length > 0 && kind !== null && m.organName !== 'Security Council') {
    title = leftovers.pop() ?? '';
  }
  for (const l of leftovers) warnings.push(`Unrecognised masthead line ignored: "${l}".`);
  if (kind === null && /\/L\.\d/.test(m.symbol)) kind = 'draft-resolution';
  return { masthead: m, kind, sponsors, title: title.trim(), warnings };
}

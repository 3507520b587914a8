/**
 * TEST SUPPORT: a deliberately simple reader of the corpus texts in /work/shared/corpus that builds
 * hand-checkable ResolutionJSON fixtures for the model's round-trip tests. It is not the importer
 * (shared/import/) and knows only the corpus layout: organ line, PP lines, "N." OPs, "(a)" and
 * "1.1." sub-paragraphs, superscript footnote markers with "¹ text" footnote lines, "Nth plenary meeting" closing.
 */
import { readFileSync } from 'node:fs';
import { sequentialIds } from './ids.ts';
import type { OperativeParagraph, PreambularParagraph, ResolutionJSON, SubParagraph } from './types.ts';
import { emptyMasthead } from './types.ts';

export const CORPUS_DIR = '/work/shared/corpus';
/** Corpus files that are resolutions (the non-paper is not). */
export const CORPUS_RESOLUTIONS = ['A-C.1-78-L.11.txt', 'A-RES-73-27.txt', 'A-RES-76-19.txt', 'A-RES-78-16.txt'];

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';

function clean(line: string): string {
  return line.replace(/^-\s+/, '').replace(/\[([^\]]*)\]\(#\)/g, '$1').replace(/\*/g, '').trim();
}

/** Build a ResolutionJSON fixture from corpus text. */
export function corpusFixture(text: string): ResolutionJSON {
  const nextId = sequentialIds('p');
  const lines = text.split('\n').map(clean).filter((l) => l !== '');
  const organAt = lines.findIndex((l) => /^The (General Assembly|Security Council),$/.test(l));
  if (organAt < 1) throw new Error('corpus fixture: no organ line');
  const footnoteTexts = new Map<string, string>();
  for (const l of lines) if (SUPERSCRIPT.includes(l[0])) footnoteTexts.set(l[0], l.slice(1).trim());

  const res: ResolutionJSON = {
    ...emptyMasthead(), kind: /draft resolution/.test(text) ? 'draft-resolution' : 'resolution', sponsors: [],
    title: lines[organAt - 1], organ: lines[organAt], preamble: [], operative: [], footnotes: [], closing: '',
  };
  let current: { id: string; text: string } | null = null;
  let op: OperativeParagraph | null = null;
  let pp: PreambularParagraph | null = null;
  for (const line of lines.slice(organAt + 1)) {
    if (SUPERSCRIPT.includes(line[0])) continue;
    let m: RegExpMatchArray | null;
    if (/^\d+(st|nd|rd|th) plenary meeting/.test(line)) {
      res.closing = line;
    } else if ((m = line.match(/^(\d+)\.\s+(.*)$/)) && Number(m[1]) === res.operative.length + 1) {
      op = { id: nextId(), number: Number(m[1]), text: m[2], subparagraphs: [] };
      res.operative.push(op);
      current = op;
    } else if ((m = line.match(/^(\d+\.\d+)\.?\s+(.*)$/)) && op) {
      const sub: SubParagraph = { id: nextId(), label: m[1], text: m[2], subparagraphs: [] };
      op.subparagraphs.push(sub);
      current = sub;
    } else if ((m = line.match(/^\(([a-z]+)\)\s+(.*)$/)) && (op || pp)) {
      const sub: SubParagraph = { id: nextId(), label: `(${m[1]})`, text: m[2], subparagraphs: [] };
      (op ?? pp)?.subparagraphs.push(sub);
      current = sub;
    } else if (!op && !(current && /^[a-z]/.test(line))) {
      pp = { id: nextId(), text: line, subparagraphs: [] };
      res.preamble.push(pp);
      current = pp;
    } else if (current) {
      current.text += ` ${line}`;
    }
  }
  // Lift superscript markers out of the texts into footnotes anchored at their offsets.
  const all: { id: string; text: string }[] = [];
  const visit = (subs: SubParagraph[]): void => subs.forEach((s) => { all.push(s); visit(s.subparagraphs); });
  for (const p of res.preamble) { all.push(p); visit(p.subparagraphs); }
  for (const p of res.operative) { all.push(p); visit(p.subparagraphs); }
  for (const target of all) {
    let out = '';
    for (const ch of target.text) {
      if (SUPERSCRIPT.includes(ch)) {
        res.footnotes.push({ number: res.footnotes.length + 1, text: footnoteTexts.get(ch) ?? '', paragraphId: target.id, offset: out.length });
      } else out += ch;
    }
    target.text = out;
  }
  return res;
}

/** The fixture of a corpus file by name. */
export function loadCorpusFixture(name: string): ResolutionJSON {
  return corpusFixture(readFileSync(`${CORPUS_DIR}/${name}`, 'utf8'));
}

/**
 * Exact structure of the four corpus resolutions (copies in test/fixtures/corpus) and refusal of
 * the non-paper. Counts were established by reading each file:
 *
 * | file            | preambular | operative | footnotes (entries / printed notes) | notes                                   |
 * |-----------------|-----------:|----------:|-------------------------------------|-----------------------------------------|
 * | A-RES-78-16     | 21         | 5         | 4 / 4                               | OP3 (a)–(c); PP21 split by notes 3–4    |
 * | A-C.1-78-L.11   | 18         | 9         | 2 / 2                               | PP13 split after "promotes an open,"    |
 * | A-RES-73-27     | 21         | 7         | 9 / 5                               | OP1 1.1–1.13, OP4 (a)–(d); notes 1–3 re-cited |
 * | A-RES-76-19     | 13         | 7         | 3 / 3                               | "- 1." bullets; OP6 (a)–(b)             |
 *
 * A-RES-73-27 prints 5 notes but cites them 9 times (², ³ and ¹ again): each citation becomes its own
 * footnote entry, because the editor's footnote is an inline atom at one place.
 */
import { describe, expect, it } from 'vitest';
import { sequentialIds } from '../resolution/ids.ts';
import type { ResolutionJSON, SubParagraph } from '../resolution/types.ts';
import { corpusText } from '../../test/fixtures/corpus.ts';
import { importResolution } from './index.ts';

function load(name: string): ResolutionJSON {
  const r = importResolution(corpusText(name), { newId: sequentialIds() });
  if (!r.ok) throw new Error(`${name}: ${r.code} ${r.message}`);
  return r.resolution;
}

/** Every paragraph and sub-paragraph text with its id, in reading order. */
function allTexts(doc: ResolutionJSON): { id: string; text: string }[] {
  const out: { id: string; text: string }[] = [];
  const walk = (subs: SubParagraph[]): void => subs.forEach((s) => { out.push(s); walk(s.subparagraphs); });
  for (const p of doc.preamble) { out.push(p); walk(p.subparagraphs); }
  for (const p of doc.operative) { out.push(p); walk(p.subparagraphs); }
  return out;
}

const ARTEFACTS = [/\[[^\]]*\]\(#\)/, /\*/, /[¹²³⁴⁵⁶⁷⁸⁹⁰]/, /\b\d{2}-\d{5}\b/, /^\s|\s$/, / {2}/, /^- /];

describe.each(['A-RES-78-16', 'A-C.1-78-L.11', 'A-RES-73-27', 'A-RES-76-19'])('%s: clean paragraph texts', (name) => {
  it('has no markup, markers, link residue or page furniture in any paragraph, and footnote texts never land in a paragraph', () => {
    const doc = load(name);
    const texts = allTexts(doc);
    for (const { text } of texts) for (const re of ARTEFACTS) expect(text, `${re} in: ${text.slice(0, 80)}`).not.toMatch(re);
    for (const f of doc.footnotes) {
      expect(f.text).not.toMatch(/[*\]]|\(#\)/);
      for (const { text } of texts) expect(text.includes(f.text)).toBe(false);
    }
  });

  it('gives every paragraph and sub-paragraph a distinct id from options.newId', () => {
    const doc = load(name);
    const ids = allTexts(doc).map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => /^p[0-9a-z]{4}$/.test(id))).toBe(true);
  });

  it('anchors each footnote at the place its marker stood, between a word/punctuation and a space or the end', () => {
    const doc = load(name);
    const byId = new Map(allTexts(doc).map((t) => [t.id, t.text]));
    doc.footnotes.forEach((f, i) => {
      expect(f.number).toBe(i + 1);
      const text = byId.get(f.paragraphId);
      expect(text, `footnote ${f.number}`).toBeDefined();
      expect(f.offset).toBeGreaterThan(0);
      expect(f.offset).toBeLessThanOrEqual((text ?? '').length);
      expect((text ?? '')[f.offset] ?? ' ').toBe(' ');
    });
  });
});

describe('A/RES/78/16', () => {
  const doc = load('A-RES-78-16');

  it('reads the masthead of an adopted resolution, implying the symbol from "78/16."', () => {
    expect(doc.kind).toBe('resolution');
    expect(doc.symbol).toBe('A/RES/78/16');
    expect(doc.distribution).toBe('General');
    expect(doc.date).toBe('6 December 2023');
    expect(doc.session).toBe('Seventy-eighth session');
    expect(doc.agendaItem).toBe('94');
    expect(doc.agendaTitle).toBe('Developments in the field of information and telecommunications in the context of international security');
    expect(doc.adoptionNote.split('\n')[0]).toBe('Resolution adopted by the General Assembly on 4 December 2023');
    expect(doc.committee).toBe('First Committee');
    expect(doc.organName).toBe('General Assembly');
    expect(doc.organ).toBe('The General Assembly,');
    expect(doc.title).toBe('Programme of action to advance responsible State behaviour in the use of information and communications technologies in the context of international security');
    expect(doc.sponsors).toEqual([]);
    expect(doc.closing).toBe('42nd plenary meeting\n4 December 2023');
  });

  it('has 21 preambular and 5 operative paragraphs, OP3 with (a)–(c), and 4 footnotes', () => {
    expect(doc.preamble).toHaveLength(21);
    expect(doc.operative).toHaveLength(5);
    expect(doc.operative.map((o) => o.number)).toEqual([1, 2, 3, 4, 5]);
    expect(doc.operative[2].subparagraphs.map((s) => s.label)).toEqual(['(a)', '(b)', '(c)']);
    expect(doc.operative[2].subparagraphs[0].text.startsWith('Support States, including through capacity-building')).toBe(true);
    expect(doc.footnotes.map((f) => f.text)).toEqual(['See A/77/275.', 'See A/78/265.', 'See A/75/816.', 'A/78/76.']);
  });

  it('strips italics and detects OPs 4 and 5, which carry no asterisks', () => {
    expect(doc.operative[0].text.startsWith('Welcomes the report on the proposal')).toBe(true);
    expect(doc.operative[1].text.startsWith('Also welcomes the regional consultations')).toBe(true);
    expect(doc.operative[3].text.startsWith('Decides to establish a mechanism')).toBe(true);
    expect(doc.operative[4].text.startsWith('Also decides to include')).toBe(true);
  });

  it('joins PP21 across the footnote block that splits it, and anchors footnote 4 inside it', () => {
    const pp21 = doc.preamble[20];
    expect(pp21.text).toContain('highlighting also that inclusive and transparent consideration of proposals for action-oriented mechanisms');
    expect(pp21.text.endsWith('to ensure that all positions are heard,')).toBe(true);
    const fn4 = doc.footnotes[3];
    expect(fn4.paragraphId).toBe(pp21.id);
    expect(pp21.text.slice(0, fn4.offset).endsWith('General Assembly resolution 77/37,')).toBe(true);
  });

  it('removes "first ¹ and second²" markers without leaving double spaces', () => {
    const pp8 = doc.preamble[7];
    expect(pp8.text).toContain('and the first and second annual progress reports');
    expect(doc.footnotes[0].paragraphId).toBe(pp8.id);
    expect(pp8.text.slice(0, doc.footnotes[0].offset).endsWith('the first')).toBe(true);
    expect(pp8.text.slice(0, doc.footnotes[1].offset).endsWith('the first and second')).toBe(true);
    expect(doc.preamble[14].text).toContain('2021 Open-ended Working Group and by the first');
  });

  it('keeps real hyphens, en dashes and straight quotes as printed', () => {
    expect(doc.preamble[10].text).toContain('confidence-building measures');
    expect(doc.preamble[11].text).toContain('2021–2025');
    expect(doc.preamble[17].text).toContain('"gender digital divide"');
  });
});

describe('A/C.1/78/L.11', () => {
  const doc = load('A-C.1-78-L.11');

  it('reads the masthead of a First Committee draft; the symbol is not printed, so it stays empty', () => {
    expect(corpusText('A-C.1-78-L.11')).not.toContain('L.11');
    expect(doc.kind).toBe('draft-resolution');
    expect(doc.symbol).toBe('');
    expect(doc.distribution).toBe('Limited');
    expect(doc.date).toBe('12 October 2023');
    expect(doc.originalLanguage).toBe('English and Russian');
    expect(doc.session).toBe('Seventy-eighth session');
    expect(doc.committee).toBe('First Committee');
    expect(doc.organName).toBe('General Assembly');
    expect(doc.agendaItem).toBe('94');
    expect(doc.agendaTitle).toBe('Developments in the field of information and telecommunications in the context of international security');
    expect(doc.title).toBe(doc.agendaTitle);
    expect(doc.adoptionNote).toBe('');
    expect(doc.closing).toBe('');
  });

  it('lists the 19 sponsors in order, names with parentheses intact', () => {
    expect(doc.sponsors).toHaveLength(19);
    expect(doc.sponsors[0]).toBe('Azerbaijan');
    expect(doc.sponsors).toContain('Iran (Islamic Republic of)');
    expect(doc.sponsors).toContain('Venezuela (Bolivarian Republic of)');
    expect(doc.sponsors).toContain("Democratic People's Republic of Korea");
    expect(doc.sponsors[18]).toBe('Zimbabwe');
  });

  it('has 18 preambular and 9 operative paragraphs and 2 footnotes', () => {
    expect(doc.preamble).toHaveLength(18);
    expect(doc.operative).toHaveLength(9);
    expect(doc.footnotes.map((f) => [f.text, f.paragraphId])).toEqual([
      ['See A/78/265.', doc.operative[2].id],
      ['A/AC.292/2023/INF/5.', doc.operative[2].id],
    ]);
  });

  it('turns link residue into plain text', () => {
    expect(doc.preamble[0].text.startsWith('Recalling its resolutions 36/103 of 9 December 1981, 43/78 H of 7 December 1988')).toBe(true);
    expect(doc.operative[0].text.endsWith('General Assembly resolution 75/240;')).toBe(true);
  });

  it('joins a paragraph whose continuation starts in lower case after a blank line', () => {
    expect(doc.preamble[12].text).toContain('promotes an open, secure, stable, accessible and peaceful information');
    expect(doc.preamble[13].text.startsWith('Reaffirming that the United Nations should continue')).toBe(true);
  });
});

describe('A/RES/73/27', () => {
  const doc = load('A-RES-73-27');

  it('has 21 preambular and 7 operative paragraphs', () => {
    expect(doc.kind).toBe('resolution');
    expect(doc.symbol).toBe('A/RES/73/27');
    expect(doc.agendaItem).toBe('96');
    expect(doc.preamble).toHaveLength(21);
    expect(doc.operative).toHaveLength(7);
    expect(doc.closing).toBe('45th plenary meeting\n5 December 2018');
  });

  it('reads OP1 sub-paragraphs labelled 1.1–1.13 and OP4 (a)–(d)', () => {
    expect(doc.operative[0].subparagraphs.map((s) => s.label)).toEqual(Array.from({ length: 13 }, (_, i) => `1.${i + 1}`));
    expect(doc.operative[3].subparagraphs.map((s) => s.label)).toEqual(['(a)', '(b)', '(c)', '(d)']);
  });

  it('joins 1.5 across its footnote block (the line ends with "as well as")', () => {
    const s15 = doc.operative[0].subparagraphs[4];
    expect(s15.text).toContain('on the Internet, as well as General Assembly resolutions 68/167 of 18 December 2013');
    expect(s15.text.endsWith('including the right to freedom of expression.')).toBe(true);
    expect(doc.operative[0].subparagraphs[5].text.startsWith('A State should not conduct')).toBe(true);
  });

  it('keeps one footnote entry per citation: 9 citations of 5 printed notes, with markup removed', () => {
    expect(doc.footnotes).toHaveLength(9);
    expect(new Set(doc.footnotes.map((f) => f.text)).size).toBe(5);
    expect(doc.footnotes[7].text).toBe('Ibid., Sixty-ninth Session, Supplement No. 53 (A/69/53), chap. V, sect. A.');
    const pp17 = doc.preamble[16];
    expect(pp17.text).toContain('in its 2013 and 2015 reports, that international law');
    expect(doc.footnotes[2].paragraphId).toBe(pp17.id);
    expect(doc.footnotes[2].text).toBe('A/68/98.');
    expect(doc.footnotes[8].paragraphId).toBe(doc.operative[3].id);
  });
});

describe('A/RES/76/19', () => {
  const doc = load('A-RES-76-19');

  it('reads "- 1." bullets as operative paragraphs and drops the page number and job number', () => {
    expect(doc.symbol).toBe('A/RES/76/19');
    expect(doc.date).toBe('8 December 2021');
    expect(doc.agendaItem).toBe('95');
    expect(doc.agendaTitle).toBe('Developments in the field of information and telecommunications in the context of international security');
    expect(doc.preamble).toHaveLength(13);
    expect(doc.operative).toHaveLength(7);
    expect(doc.operative[5].subparagraphs.map((s) => s.label)).toEqual(['(a)', '(b)']);
    expect(doc.operative[3].text.endsWith('General Assembly resolution 75/240;')).toBe(true);
    expect(doc.operative[4].text.startsWith('Underlines further that')).toBe(true);
    expect(doc.closing).toBe('45th plenary meeting\n6 December 2021');
  });

  it('anchors its 3 footnotes on PP13, OP1 and OP2', () => {
    expect(doc.footnotes.map((f) => f.paragraphId)).toEqual([doc.preamble[12].id, doc.operative[0].id, doc.operative[1].id]);
    expect(doc.footnotes.map((f) => f.text)).toEqual(['A/65/201, A/68/98 and A/70/174.', 'A/75/816.', 'A/76/135.']);
  });
});

describe('the non-paper', () => {
  it('is refused as not-a-resolution with a message saying why', () => {
    const r = importResolution(corpusText('non-paper-programme-of-action'));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.code).toBe('not-a-resolution');
    expect(r.message).toMatch(/no organ line/);
    expect(r.message).toMatch(/preambular\/operative structure/);
    expect(r.message).toMatch(/18 numbered paragraphs/);
  });
});

/**
 * pdftotext input, with and without -layout: the generated variants of every corpus resolution
 * (test/fixtures/pdftotext.ts) and the hand-written fixtures must import to the same structure as
 * the clean text.
 */
import { describe, expect, it } from 'vitest';
import { renderPdftotext } from '../../test/fixtures/pdftotext.ts';
import { sequentialIds } from '../resolution/ids.ts';
import type { ResolutionJSON } from '../resolution/types.ts';
import { CORPUS_RESOLUTIONS, corpusText, handwrittenText } from '../../test/fixtures/corpus.ts';
import { importResolution } from './index.ts';

function parse(text: string): ResolutionJSON {
  const r = importResolution(text, { newId: sequentialIds() });
  if (!r.ok) throw new Error(`${r.code}: ${r.message}`);
  return r.resolution;
}

const fixture = handwrittenText;

describe.each(CORPUS_RESOLUTIONS)('%s rendered as pdftotext output', (name) => {
  const clean = parse(corpusText(name));

  it.each([
    { layout: true, pageLines: 48 },
    { layout: false, pageLines: 48 },
    { layout: true, pageLines: 36 },
    { layout: false, pageLines: 60 },
    { layout: true, pageLines: 44, rule: false },
    { layout: false, pageLines: 52, rule: false },
  ])('imports to the same structure as the clean text (layout=$layout, $pageLines lines/page, rule=$rule)', ({ layout, pageLines, rule }) => {
    const text = renderPdftotext(clean, { layout, pageLines, rule });
    // The rendering really has the furniture the importer must remove.
    expect(text).toContain('\f');
    expect(text).toMatch(/(?:^| )\d{1,2}\/\d{1,2}$/m);
    expect(text).toContain('*2319687*');
    expect(parse(text)).toEqual(clean);
  });

  it('imports the same structure when pdftotext prints no blank lines between paragraphs', () => {
    for (const layout of [true, false]) {
      const text = renderPdftotext(clean, { layout }).replace(/\n\s*\n/g, '\n');
      expect(text).not.toMatch(/\n\s*\n/);
      expect(parse(text), `layout=${layout}`).toEqual(clean);
    }
  });

  it('joins hanging numbers and labels that pdftotext prints on a line of their own ("1." / "(a)")', () => {
    const text = renderPdftotext(clean, { layout: false }).replace(/^(\d+(?:\.\d+)*\.|\([a-z]+\)) (?=\S)/gm, '$1\n');
    expect(text).toMatch(/^1\.\n/m);
    expect(parse(text)).toEqual(clean);
  });

  it('survives every page size from 30 to 70 lines (page breaks and footnote blocks everywhere)', () => {
    for (const layout of [true, false]) {
      for (let pageLines = 30; pageLines <= 70; pageLines += 1) {
        const got = parse(renderPdftotext(clean, { layout, pageLines }));
        expect(got, `layout=${layout} pageLines=${pageLines}`).toEqual(clean);
        // notes without the "____" rule (drawn, not typed, in some PDFs)
        if (pageLines % 3 !== 0) continue;
        const unruled = parse(renderPdftotext(clean, { layout, pageLines, rule: false }));
        expect(unruled, `layout=${layout} pageLines=${pageLines} rule=false`).toEqual(clean);
      }
    }
  });
});

describe('generated pdftotext features', () => {
  const clean = parse(corpusText('A-RES-78-16'));
  const text = renderPdftotext(clean, { layout: true, pageLines: 48 });

  it('hard-wraps with real hyphens and artificial hyphenation at line ends, which the importer sorts out', () => {
    expect(text).toMatch(/\p{Ll}-\n\s+\p{Ll}/u);
    const joined = parse(text).preamble.map((p) => p.text).join(' ');
    expect(joined).toContain('open-ended working group');
    expect(joined).toContain('telecommunication,');
    expect(joined).not.toMatch(/telecommunica-tion/);
  });

  it('glues footnote markers to the text as plain digits ("77/37,4 including")', () => {
    expect(text.replace(/\s+/g, ' ')).toContain('resolution 77/37,4 including');
    expect(parse(text).footnotes.map((f) => f.offset)).toEqual(clean.footnotes.map((f) => f.offset));
  });
});

describe('hand-written Security Council draft S/2024/835 (pdftotext -layout)', () => {
  const doc = parse(fixture('S-2024-835-layout.txt'));

  it('reads the Council masthead and the sponsor line wrapped over two lines', () => {
    expect(doc.kind).toBe('draft-resolution');
    expect(doc.symbol).toBe('S/2024/835');
    expect(doc.organName).toBe('Security Council');
    expect(doc.organ).toBe('The Security Council,');
    expect(doc.date).toBe('18 November 2024');
    expect(doc.distribution).toBe('General');
    expect(doc.originalLanguage).toBe('English');
    expect(doc.committee).toBe('');
    expect(doc.title).toBe('');
    expect(doc.sponsors).toEqual(['Algeria', 'Guyana', 'Mozambique', 'Sierra Leone', 'Slovenia', 'Switzerland', 'United Kingdom of Great Britain and Northern Ireland']);
  });

  it('reads paragraphs, nested (a)/(i) sub-paragraphs across a page break, and the glued marker', () => {
    expect(doc.preamble).toHaveLength(3);
    expect(doc.operative).toHaveLength(4);
    expect(doc.operative[0].text).toBe('Demands that the parties to the conflict immediately cease hostilities and engage in dialogue in good faith with a view to agreeing on steps to de-escalate the conflict;');
    const op2 = doc.operative[1];
    expect(op2.subparagraphs.map((s) => s.label)).toEqual(['(a)', '(b)']);
    expect(op2.subparagraphs[0].subparagraphs.map((s) => s.label)).toEqual(['(i)', '(ii)']);
    expect(op2.subparagraphs[0].subparagraphs[1].text).toBe('Allowing and facilitating the rapid, safe and unhindered passage of humanitarian relief;');
    expect(doc.footnotes).toEqual([{ number: 1, text: 'S/2024/759.', paragraphId: doc.preamble[1].id, offset: doc.preamble[1].text.indexOf('Secretary-General,') + 18 }]);
  });

  it('equals the structure of the clean (corpus-style) version of the same draft', () => {
    expect(doc).toEqual(parse(fixture('S-2024-835-clean.txt')));
  });
});

describe('hand-written General Assembly draft A/C.3/79/L.99 (pdftotext without -layout)', () => {
  const doc = parse(fixture('A-C.3-79-L.99-raw.txt'));

  it('reads the masthead, a wrapped sponsor line with Türkiye and names containing "and"', () => {
    expect(doc.symbol).toBe('A/C.3/79/L.99');
    expect(doc.committee).toBe('Third Committee');
    expect(doc.agendaItem).toBe('71 (b)');
    expect(doc.agendaTitle.startsWith('Promotion and protection of human rights: human rights questions')).toBe(true);
    expect(doc.title).toBe('Safety of journalists and the issue of impunity');
    expect(doc.sponsors).toEqual(['Austria', 'Chile', 'Côte d’Ivoire', 'Türkiye', 'Saint Vincent and the Grenadines', 'Bosnia and Herzegovina']);
  });

  it('normalises ligatures and soft hyphens, keeps curly quotes, en dashes and real hyphens', () => {
    expect(doc.preamble[2].text).toBe('Deeply concerned that the number of journalists killed in 2023–2024 remains high, and that the scientific and official “data” on attacks against media workers are incomplete,');
    expect(doc.preamble[3].text).toContain('self-regulation and confidence-building');
  });

  it('drops the running header (symbol + title) and joins paragraphs split by the page break', () => {
    expect(doc.preamble).toHaveLength(4);
    expect(doc.operative).toHaveLength(4);
    expect(doc.operative[0].text.endsWith('enforced disappearances and arbitrary detention;')).toBe(true);
    expect(doc.operative[1].subparagraphs[0].text).toBe('To create and maintain, in law and in practice, a safe and enabling environment for journalists to perform their work independently, including by:');
    expect(doc.operative[1].subparagraphs[0].subparagraphs.map((s) => s.label)).toEqual(['(i)', '(ii)']);
    expect(doc.operative[1].subparagraphs[1].label).toBe('(b)');
    expect(doc.operative[2].text).toBe('Encourages the Secretary-General to continue to submit to the General Assembly, at its eighty-first session, a report on the implementation of the present resolution;');
    expect(doc.footnotes).toHaveLength(1);
    expect(doc.footnotes[0].text).toBe('A/79/245.');
    expect(doc.footnotes[0].paragraphId).toBe(doc.preamble[1].id);
    expect(doc.preamble[1].text.slice(doc.footnotes[0].offset - 18, doc.footnotes[0].offset)).toBe('Secretary-General,');
  });
});

describe('line-ending and character variants', () => {
  it('imports CRLF, NBSP and tab variants of a corpus text to the same structure', () => {
    const base = corpusText('A-RES-78-16');
    const clean = parse(base);
    expect(parse(base.replace(/\n/g, '\r\n'))).toEqual(clean);
    expect(parse(base.replace(/ of /g, ' of\u00a0'))).toEqual(clean);
    expect(parse(base.replace(/^(\d+\.) /gm, '$1\t'))).toEqual(clean);
  });
});

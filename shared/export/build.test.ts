import { describe, expect, it } from 'vitest';
import { importResolution } from '../import/index.ts';
import type { ResolutionJSON } from '../resolution/types.ts';
import { draft as baseDraft, note, op, pp, sub } from '../../test/export/fixtures.ts';
import { corpusText } from '../../test/fixtures/corpus.ts';
import { baseSymbolOf, buildExportDocument, revisedSymbol, symbolRevision, textInlines } from './build.ts';
import type { ExportBlock, Inline } from './document.ts';

/** A Third Committee draft: PP2 (a), OP2 (a) (i)/(ii), footnotes in PP1 and OP1, an empty masthead otherwise. */
const draft = (over: Partial<ResolutionJSON> = {}): ResolutionJSON => baseDraft({
  symbol: 'A/C.3/79/L.5',
  organName: 'General Assembly',
  sponsors: ['Norway', 'Brazil', 'Türkiye', 'Chile', 'Tuvalu'],
  title: 'Cooperation on testing',
  organ: 'The General Assembly,',
  preamble: [
    pp('pp1', 'Recalling its resolution 78/1,'),
    pp('pp2', 'Bearing in mind the following:', sub('pp2a', '(a)', 'the Charter;')),
  ],
  operative: [
    op('op1', 1, 'Welcomes the report of the Secretary-General;'),
    op('op2', 2, 'Calls upon States to:',
      sub('op2a', '(a)', 'Cooperate;', sub('op2ai', '(i)', 'Bilaterally;'), sub('op2aii', '(ii)', 'Regionally;')),
      sub('op2b', '(b)', 'Report;')),
    op('op3', 3, 'Decides to remain seized of the matter.'),
  ],
  footnotes: [note(1, 'A/78/1.', 'pp1', 30), note(2, 'A/78/2.', 'op1', 44)],
  ...over,
});

const italic = (inlines: readonly Inline[]): string =>
  inlines.map((r) => (r.kind === 'text' && r.italic ? r.text : '')).join('');
const refs = (blocks: readonly ExportBlock[]): string[] => blocks.map((b) => b.ref);

describe('buildExportDocument: blocks', () => {
  it('flattens paragraphs and sub-paragraphs in order with depth, labels and refs', () => {
    const doc = buildExportDocument({ resolution: draft() });
    expect(refs(doc.preamble)).toEqual(['PP1', 'PP2', 'PP2 (a)']);
    expect(refs(doc.operative)).toEqual(['OP1', 'OP2', 'OP2 (a)', 'OP2 (a) (i)', 'OP2 (a) (ii)', 'OP2 (b)', 'OP3']);
    expect(doc.operative.map((b) => b.label)).toEqual(['1.', '2.', '(a)', '(i)', '(ii)', '(b)', '3.']);
    expect(doc.operative.map((b) => b.depth)).toEqual([0, 0, 1, 2, 2, 1, 0]);
    expect(doc.operative.map((b) => b.number)).toEqual([1, 2, 2, 2, 2, 2, 3]);
    expect(doc.preamble.map((b) => b.label)).toEqual(['', '', '(a)']);
  });

  it('refs of decimal sub-paragraphs are "OP1.1"', () => {
    const res = draft({
      operative: [{ id: 'o1', number: 1, text: 'Decides:', subparagraphs: [
        { id: 'o11', label: '1.1', text: 'one;', subparagraphs: [{ id: 'o111', label: '1.1.1', text: 'deeper.', subparagraphs: [] }] },
      ] }],
      footnotes: [],
    });
    expect(refs(buildExportDocument({ resolution: res }).operative)).toEqual(['OP1', 'OP1.1', 'OP1.1.1']);
  });

  it('makes the opener italic on PP and OP paragraphs only, never on sub-paragraphs', () => {
    const doc = buildExportDocument({ resolution: draft() });
    expect(italic(doc.preamble[0].inlines)).toBe('Recalling');
    expect(italic(doc.preamble[1].inlines)).toBe('Bearing in mind');
    expect(italic(doc.operative[0].inlines)).toBe('Welcomes');
    expect(italic(doc.operative[1].inlines)).toBe('Calls upon');
    expect(italic(doc.operative[2].inlines)).toBe('');
    expect(doc.operative[2].inlines).toEqual([{ kind: 'text', text: 'Cooperate;', italic: false }]);
  });

  it('puts footnote markers at their offsets with the numbers of resolution.footnotes', () => {
    const doc = buildExportDocument({ resolution: draft() });
    expect(doc.preamble[0].inlines).toEqual([
      { kind: 'text', text: 'Recalling', italic: true },
      { kind: 'text', text: ' its resolution 78/1,', italic: false },
      { kind: 'footnote', number: 1 },
    ]);
    expect(doc.operative[0].inlines.map((r) => r.kind)).toEqual(['text', 'text', 'footnote', 'text']);
    expect(doc.operative[0].inlines[2]).toEqual({ kind: 'footnote', number: 2 });
    expect(doc.footnotes).toEqual([
      { number: 1, text: 'A/78/1.', paragraphId: 'pp1' },
      { number: 2, text: 'A/78/2.', paragraphId: 'op1' },
    ]);
  });

  it('splits the italic run when a marker falls inside the opener, and clamps stale offsets', () => {
    expect(textInlines('Recalling also x', 14, [{ offset: 9, number: 3 }])).toEqual([
      { kind: 'text', text: 'Recalling', italic: true },
      { kind: 'footnote', number: 3 },
      { kind: 'text', text: ' also', italic: true },
      { kind: 'text', text: ' x', italic: false },
    ]);
    expect(textInlines('abc', 0, [{ offset: 99, number: 1 }])).toEqual([{ kind: 'text', text: 'abc', italic: false }, { kind: 'footnote', number: 1 }]);
  });

  it('unanchored footnotes (title) keep paragraphId ""', () => {
    const res = draft({ footnotes: [{ number: 1, text: 'On the title.', paragraphId: '', offset: 3 }, { number: 2, text: 'x', paragraphId: 'gone', offset: 0 }] });
    expect(buildExportDocument({ resolution: res }).footnotes.map((f) => f.paragraphId)).toEqual(['', '']);
  });
});

describe('buildExportDocument: symbol and revisions', () => {
  it('adds /Rev.N and says "revised draft resolution" for a revision', () => {
    const doc = buildExportDocument({ resolution: draft(), revision: 2 });
    expect(doc.masthead.symbol).toBe('A/C.3/79/L.5/Rev.2');
    expect(doc.baseSymbol).toBe('A/C.3/79/L.5');
    expect(doc.revision).toBe(2);
    expect(doc.sponsorLine).toMatch(/: revised draft resolution$/);
  });

  it('replaces an existing /Rev.N instead of doubling it', () => {
    const doc = buildExportDocument({ resolution: draft({ symbol: 'A/C.3/79/L.5/Rev.1' }), revision: 3 });
    expect(doc.masthead.symbol).toBe('A/C.3/79/L.5/Rev.3');
    expect(doc.baseSymbol).toBe('A/C.3/79/L.5');
    expect(revisedSymbol('A/C.3/79/L.5/rev. 1', 2)).toBe('A/C.3/79/L.5/Rev.2');
  });

  it('without an explicit revision, a /Rev.N already on the symbol is the revision', () => {
    const doc = buildExportDocument({ resolution: draft({ symbol: 'A/C.3/79/L.5/Rev.4' }) });
    expect(doc.revision).toBe(4);
    expect(doc.masthead.symbol).toBe('A/C.3/79/L.5/Rev.4');
    expect(doc.sponsorLine).toMatch(/revised draft resolution$/);
    expect(symbolRevision('A/C.3/79/L.5')).toBe(0);
    expect(baseSymbolOf(' S/2024/835 ')).toBe('S/2024/835');
  });

  it('revision 0 (or junk) is the original document; no symbol stays empty', () => {
    const doc = buildExportDocument({ resolution: draft(), revision: Number.NaN });
    expect(doc.revision).toBe(0);
    expect(doc.masthead.symbol).toBe('A/C.3/79/L.5');
    expect(doc.sponsorLine).toMatch(/: draft resolution$/);
    expect(buildExportDocument({ resolution: draft({ symbol: '' }), revision: 1 }).masthead.symbol).toBe('');
  });
});

describe('buildExportDocument: sponsors', () => {
  it('prints the sponsor line alphabetically in English collation (Türkiye under T)', () => {
    const doc = buildExportDocument({ resolution: draft() });
    expect(doc.sponsors).toEqual(['Brazil', 'Chile', 'Norway', 'Türkiye', 'Tuvalu']);
    expect(doc.sponsorLine).toBe('Brazil, Chile, Norway, Türkiye and Tuvalu: draft resolution');
  });

  it('takes input.sponsors over resolution.sponsors, deduplicated', () => {
    const doc = buildExportDocument({ resolution: draft(), sponsors: ['Kenya', 'Austria', 'Kenya', ' '] });
    expect(doc.sponsorLine).toBe('Austria and Kenya: draft resolution');
  });

  it('lists additional sponsors apart, alphabetical, without those already on the line', () => {
    const doc = buildExportDocument({ resolution: draft(), additionalSponsors: ['Peru', 'Chile', 'Ghana', 'Peru'] });
    expect(doc.additionalSponsors).toEqual(['Ghana', 'Peru']);
    expect(doc.sponsors).toContain('Chile');
    expect(doc.sponsorLine).not.toContain('Ghana');
  });

  it('adopted texts carry no sponsor line', () => {
    expect(buildExportDocument({ resolution: draft({ kind: 'resolution' }) }).sponsorLine).toBe('');
  });
});

describe('buildExportDocument: odd input', () => {
  it('handles an empty draft', () => {
    const doc = buildExportDocument({
      resolution: baseDraft(),
    });
    expect(doc.preamble).toEqual([]);
    expect(doc.operative).toEqual([]);
    expect(doc.sponsorLine).toBe('');
    expect(doc.masthead.symbol).toBe('');
    expect(doc.compilation).toBe(false);
  });

  it('empty paragraphs have no runs; missing sub-paragraph labels are derived', () => {
    const doc = buildExportDocument({
      resolution: draft({
        preamble: [{ id: 'p', text: '', subparagraphs: [] }],
        operative: [{ id: 'o', number: 1, text: '', subparagraphs: [{ id: 's', label: '', text: 'x', subparagraphs: [] }] }],
        footnotes: [],
      }),
    });
    expect(doc.preamble[0].inlines).toEqual([]);
    expect(doc.operative[1].label).toBe('(a)');
    expect(doc.operative[1].ref).toBe('OP1 (a)');
  });

  it('builds the imported corpus draft L.11 with its footnotes in order', () => {
    const imported = importResolution(corpusText('A-C.1-78-L.11'));
    if (!imported.ok) throw new Error(imported.message);
    const doc = buildExportDocument({ resolution: imported.resolution });
    const markers = [...doc.preamble, ...doc.operative].flatMap((b) => b.inlines.filter((r) => r.kind === 'footnote').map((r) => (r.kind === 'footnote' ? r.number : 0)));
    expect(markers).toEqual([1, 2]);
    expect(doc.operative.every((b) => b.depth > 0 || b.label === `${b.number}.`)).toBe(true);
    for (const b of [...doc.preamble, ...doc.operative]) {
      expect(b.inlines.map((r) => (r.kind === 'text' ? r.text : '')).join('')).toBe(b.text);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { importResolution } from '../import/index.ts';
import type { ResolutionJSON, SubParagraph } from '../resolution/types.ts';
import { CORPUS_RESOLUTIONS, corpusText, handwrittenText } from '../../test/fixtures/corpus.ts';
import { buildExportDocument } from './build.ts';
import { renderText, superscript } from './text.ts';

function imported(text: string): ResolutionJSON {
  const r = importResolution(text);
  if (!r.ok) throw new Error(`${r.code}: ${r.message}`);
  return r.resolution;
}

/** The structure to compare: everything but ids, with footnotes anchored by paragraph position. */
function structure(res: ResolutionJSON): unknown {
  const where = new Map<string, string>();
  const subs = (list: readonly SubParagraph[], at: string): unknown[] => list.map((s, i) => {
    where.set(s.id, `${at}/${i}`);
    return { label: s.label, text: s.text, subparagraphs: subs(s.subparagraphs, `${at}/${i}`) };
  });
  const preamble = res.preamble.map((p, i) => { where.set(p.id, `PP${i}`); return { text: p.text, subparagraphs: subs(p.subparagraphs, `PP${i}`) }; });
  const operative = res.operative.map((p, i) => { where.set(p.id, `OP${i}`); return { number: p.number, text: p.text, subparagraphs: subs(p.subparagraphs, `OP${i}`) }; });
  const { preamble: _p, operative: _o, footnotes, ...head } = res;
  return { head, preamble, operative, footnotes: footnotes.map((f) => ({ ...f, paragraphId: where.get(f.paragraphId) ?? f.paragraphId })) };
}

const roundTrip = (res: ResolutionJSON, revision?: number): ResolutionJSON =>
  imported(renderText(buildExportDocument({ resolution: res, revision })));

describe('renderText round trip', () => {
  for (const name of CORPUS_RESOLUTIONS) {
    it(`import(renderText(build(import(${name})))) has the structure of import(${name})`, () => {
      const first = imported(corpusText(name));
      expect(first.operative.length).toBeGreaterThan(0);
      expect(structure(roundTrip(first))).toEqual(structure(first));
    });
  }

  it('holds for a Security Council draft with sub-sub-paragraphs and a footnote', () => {
    const first = imported(handwrittenText('S-2024-835-clean.txt'));
    expect(first.organName).toBe('Security Council');
    expect(first.footnotes.length).toBe(1);
    expect(structure(roundTrip(first))).toEqual(structure(first));
  });

  it('holds for a revision: the symbol keeps /Rev.N and the kind stays a draft', () => {
    const first = imported(corpusText('A-C.1-78-L.11'));
    const withSymbol = { ...first, symbol: 'A/C.1/78/L.11' };
    const again = roundTrip(withSymbol, 1);
    expect(again.symbol).toBe('A/C.1/78/L.11/Rev.1');
    expect(again.kind).toBe('draft-resolution');
    expect(again.sponsors).toEqual(first.sponsors);
    const text = renderText(buildExportDocument({ resolution: withSymbol, revision: 1 }));
    expect(text).toContain(': revised draft resolution');
    // A second export of the re-import does not double the suffix.
    expect(renderText(buildExportDocument({ resolution: again }))).toContain('A/C.1/78/L.11/Rev.1\n');
  });
});

describe('renderText layout', () => {
  const res = imported(corpusText('A-C.1-78-L.11'));
  const text = renderText(buildExportDocument({ resolution: { ...res, symbol: 'A/C.1/78/L.11' }, additionalSponsors: ['Mongolia'] }));

  it('prints the masthead in L-document order', () => {
    const order = ['United Nations A/C.1/78/L.11', 'General Assembly', 'Distr.: Limited', '12 October 2023', 'Original: English and Russian',
      'Seventy-eighth session', 'First Committee', 'Agenda item 94', 'Azerbaijan, Belarus', 'The General Assembly,'];
    const at = order.map((s) => text.indexOf(s));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });

  it('numbers OPs "1. ", puts markers inline as superscripts and the notes at the end', () => {
    expect(text).toMatch(/\n\n1\. Supports the work/);
    expect(text).toMatch(/\n\n3\. Welcomes the adoption/);
    expect(text).toContain('Open-ended Working Group,¹ and takes note');
    const notes = text.slice(text.lastIndexOf('\n¹ '));
    expect(notes).toContain('¹ See A/78/265.');
    expect(notes).toContain('² A/AC.292/2023/INF/5.');
  });

  it('lists additional sponsors apart, after the title, and the importer keeps the title', () => {
    expect(text).toContain('Additional sponsors: Mongolia');
    const again = imported(text);
    expect(again.title).toBe(res.title);
    expect(again.sponsors).not.toContain('Mongolia');
  });

  it('prints two markers at one place so they are not read back as one number', () => {
    const two: ResolutionJSON = {
      ...res, footnotes: [
        { number: 1, text: 'First.', paragraphId: res.operative[0].id, offset: 10 },
        { number: 2, text: 'Second.', paragraphId: res.operative[0].id, offset: 10 },
      ],
    };
    const again = roundTrip(two);
    expect(again.footnotes.map((f) => [f.number, f.text, f.offset])).toEqual([[1, 'First.', 10], [2, 'Second.', 10]]);
    expect(superscript(12)).toBe('¹²');
  });

  it('prints a draft without sponsors as "Draft resolution" so the kind survives', () => {
    const again = roundTrip({ ...res, sponsors: [] });
    expect(again.kind).toBe('draft-resolution');
    expect(again.title).toBe(res.title);
  });
});

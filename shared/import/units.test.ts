/** The importer's stages in isolation: labels, sub-paragraph nesting, sponsors, markers, artefacts, joining. */
import { describe, expect, it } from 'vitest';
import { sequentialIds } from '../resolution/ids.ts';
import { cleanInline, isArtefactLine, isRunningHeader, stripLinks } from './artefacts.ts';
import { extractMarkers, type MarkerState } from './footnotes.ts';
import { importResolution } from './index.ts';
import { matchOrganLine } from './masthead.ts';
import { handwrittenText } from '../../test/fixtures/corpus.ts';
import { normalizeChars, splitLines } from './normalize.ts';
import { buildVocabulary, LineJoiner } from './paragraphs.ts';
import { splitSponsorNames, parseSponsorLine } from './sponsors.ts';
import { readLabel, SubStack } from './subparagraphs.ts';

describe('labels', () => {
  it('recognises numbered paragraphs with and without italics, and bullet residue', () => {
    expect(readLabel('1. Welcomes the report')).toEqual({ kind: 'op', number: 1, rest: 'Welcomes the report' });
    expect(readLabel('1. *Welcomes* the report')).toEqual({ kind: 'op', number: 1, rest: '*Welcomes* the report' });
    expect(readLabel('- 12. Decides to')).toEqual({ kind: 'op', number: 12, rest: 'Decides to' });
    expect(readLabel('1.    Demands that')).toMatchObject({ kind: 'op', number: 1 });
    // a year or quantity at the start of a wrapped line is not a paragraph number
    expect(readLabel('2015. reports of')).toBeNull();
    expect(readLabel('3. above')).toBeNull();
  });

  it('recognises decimal and UN sub-paragraph labels', () => {
    expect(readLabel('1.1. Consistent with')).toEqual({ kind: 'decimal', parts: [1, 1], rest: 'Consistent with' });
    expect(readLabel('1.13 States should')).toEqual({ kind: 'decimal', parts: [1, 13], rest: 'States should' });
    expect(readLabel('2.3.1. Text')).toMatchObject({ kind: 'decimal', parts: [2, 3, 1] });
    expect(readLabel('(a) Support States')).toEqual({ kind: 'sub', raw: 'a', paren: true, rest: 'Support States' });
    expect(readLabel('- (b) The content')).toMatchObject({ kind: 'sub', raw: 'b' });
    expect(readLabel('(iv) Item')).toMatchObject({ kind: 'sub', raw: 'iv', paren: true });
    expect(readLabel('a. Item')).toMatchObject({ kind: 'sub', raw: 'a', paren: false });
  });

  it('nests (a) → (i) and tells (i) after (h) from a roman (i)', () => {
    const s = new SubStack();
    const place = (raw: string, paren = true): [number, string] | null => {
      const r = s.placeSub({ raw, paren });
      return r ? [r.level, r.style] : null;
    };
    expect(place('a')).toEqual([1, 'alpha']);
    expect(place('i')).toEqual([2, 'roman']);
    expect(place('ii')).toEqual([2, 'roman']);
    expect(place('a', false)).toEqual([3, 'alpha-dot']);
    expect(place('b', false)).toEqual([3, 'alpha-dot']);
    expect(place('iii')).toEqual([2, 'roman']);
    expect(place('b')).toEqual([1, 'alpha']);
    for (const l of ['c', 'd', 'e', 'f', 'g', 'h']) expect(place(l)).toEqual([1, 'alpha']);
    expect(place('i')).toEqual([1, 'alpha']);
    expect(place('j')).toEqual([1, 'alpha']);
    expect(new SubStack().placeSub({ raw: 'q', paren: true })).toBeNull();
  });

  it('builds sub-sub-paragraph trees with derived labels and ids', () => {
    const text = [
      'The General Assembly,', '', 'Noting the report,', '',
      '1. Requests:', '', '(a) First;', '', '(i) Deep one;', '', '(ii) Deep two;', '', '(b) Second;', '',
      '2. Welcomes the following:', '', '2.1. Decimal one;', '', '2.1.1. Decimal deeper;', '', '2.2. Decimal two.',
    ].join('\n');
    const r = importResolution(text, { newId: sequentialIds('x') });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const [op1, op2] = r.resolution.operative;
    expect(op1.subparagraphs.map((s) => [s.id, s.label, s.text])).toEqual([['x0003', '(a)', 'First;'], ['x0006', '(b)', 'Second;']]);
    expect(op1.subparagraphs[0].subparagraphs.map((s) => [s.id, s.label, s.text])).toEqual([['x0004', '(i)', 'Deep one;'], ['x0005', '(ii)', 'Deep two;']]);
    expect(op2.subparagraphs.map((s) => s.label)).toEqual(['2.1', '2.2']);
    expect(op2.subparagraphs[0].subparagraphs.map((s) => s.label)).toEqual(['2.1.1']);
  });
});

describe('sponsors', () => {
  it('splits names, honouring parentheses and names containing "and"', () => {
    expect(splitSponsorNames('Iran (Islamic Republic of), Mali and Venezuela (Bolivarian Republic of)')).toEqual(['Iran (Islamic Republic of)', 'Mali', 'Venezuela (Bolivarian Republic of)']);
    expect(splitSponsorNames('Chile and Trinidad and Tobago')).toEqual(['Chile', 'Trinidad and Tobago']);
    expect(splitSponsorNames('Antigua and Barbuda and Chile')).toEqual(['Antigua and Barbuda', 'Chile']);
    expect(splitSponsorNames('United Kingdom of Great Britain and Northern Ireland')).toEqual(['United Kingdom of Great Britain and Northern Ireland']);
  });

  it('parses a sponsor line wrapped over two lines and a title run into it', () => {
    const r = parseSponsorLine('Algeria, Guyana and\nSwitzerland: draft resolution');
    expect(r).toEqual({ sponsors: ['Algeria', 'Guyana', 'Switzerland'], kind: 'draft-resolution', rest: '' });
    expect(parseSponsorLine('Peru: draft decision Title here')?.rest).toBe('Title here');
    expect(parseSponsorLine('The report of the Committee')).toBeNull();
  });
});

describe('footnote markers', () => {
  const state = (plain: boolean, defined: number[]): MarkerState => ({ maxSeen: 0, defined: new Set(defined), plainDigits: plain });

  it('removes superscript markers and reports their offsets', () => {
    const s = state(false, [1, 2]);
    expect(extractMarkers('the first ¹ and second² annual', s)).toEqual({ text: 'the first and second annual', hits: [{ printed: 1, offset: 9 }, { printed: 2, offset: 20 }] });
  });

  it('recognises plain digits glued to words, punctuation and years only in order', () => {
    const s = state(true, [1, 2, 3, 4]);
    expect(extractMarkers('resolution 77/37,1 including Group2 and the 20133 and 20152 reports', s)).toEqual({
      text: 'resolution 77/37, including Group and the 2013 and 2015 reports',
      hits: [{ printed: 1, offset: 17 }, { printed: 2, offset: 33 }, { printed: 3, offset: 46 }, { printed: 2, offset: 55 }],
    });
    // 4 is next but 9 was never defined; years, symbols and numbers stay intact
    expect(extractMarkers('in 2015 A/C.1/78/L.11, para. 14, G77 and 1,000 States,9 here', s).text).toBe('in 2015 A/C.1/78/L.11, para. 14, G77 and 1,000 States,9 here');
  });

  it('leaves plain digits alone when no plain-numbered footnotes exist', () => {
    expect(extractMarkers('resolution 77/37,4 including', state(false, [4])).hits).toEqual([]);
  });
});

describe('artefacts', () => {
  it('recognises page numbers, job numbers, barcodes and their combinations', () => {
    for (const l of ['2/3', 'Page 2', 'Page 2 of 5', '21-18253', '23-19687 (E) 131023', '*2319687*', '23-19687     3/5', '3/5   23-19687', '12']) {
      expect(isArtefactLine(l, ''), l).toBe(true);
    }
    expect(isArtefactLine('A/RES/78/16', 'A/RES/78/16')).toBe(true);
    for (const l of ['2021–2025 open-ended working group', '1. Decides', 'consideration of proposals', '__________']) {
      expect(isArtefactLine(l, ''), l).toBe(false);
    }
  });

  it('recognises running headers with the symbol and the title', () => {
    const title = 'Programme of action to advance responsible State behaviour in the use of ICTs';
    expect(isRunningHeader('A/RES/78/16', 'A/RES/78/16', title, false)).toBe(true);
    expect(isRunningHeader('A/RES/78/16      Programme of action to advance responsible…', 'A/RES/78/16', title, false)).toBe(true);
    expect(isRunningHeader('Programme of action to advance responsible State      A/RES/78/16', 'A/RES/78/16', title, false)).toBe(true);
    expect(isRunningHeader(title, 'A/RES/78/16', title, false)).toBe(true);
    expect(isRunningHeader('Programme of action to advance responsible State', 'A/RES/78/16', title, true)).toBe(true);
    // a body line that merely starts like the title is kept
    expect(isRunningHeader('Programme of action to advance responsible State', 'A/RES/78/16', title, false)).toBe(false);
  });

  it('turns link residue and italics into plain text', () => {
    expect(stripLinks('resolutions [36/103](#) and [43/78 H](#)')).toBe('resolutions 36/103 and 43/78 H');
    expect(cleanInline('1. *Welcomes* the  [report](https://undocs.org/A/78/1) *2319687*')).toBe('1. Welcomes the report');
    expect(cleanInline('*Ibid.*, *Sixty-ninth Session*, chap. V')).toBe('Ibid., Sixty-ninth Session, chap. V');
  });
});

describe('normalisation and joining', () => {
  it('normalises CRLF, NBSP, ligatures and soft hyphens but keeps Unicode text', () => {
    const lines = splitLines(normalizeChars('Türkiye\u00a0and “ﬁnal” 2021–2025\r\ncon\u00ADsensus\r\nwork\u00AD\r\ners\fnext'));
    expect(lines.map((l) => l.text)).toEqual(['Türkiye and “final” 2021–2025', 'consensus', 'work\u00AD', 'ers', '', 'next']);
    expect(lines[4].pageBreak).toBe(true);
  });

  it('undoes hyphenation only where the hyphen is a line-break artefact', () => {
    const j = new LineJoiner(buildVocabulary(['confidence-building measures', 'consideration of', 'open-ended']));
    expect(j.join('the confidence-', 'building measures')).toBe('the confidence-building measures');
    expect(j.join('due consid-', 'eration')).toBe('due consideration');
    expect(j.join('an open-', 'ended group')).toBe('an open-ended group');
    expect(j.join('capacity-', 'building')).toBe('capacity-building');
    expect(j.join('the Secretary-', 'General')).toBe('the Secretary-General');
    expect(j.join('its seventy-', 'fourth session')).toBe('its seventy-fourth session');
    expect(j.join('unknown hyphen-', 'ation')).toBe('unknown hyphenation');
    expect(j.join('media work\u00AD', 'ers')).toBe('media workers');
    expect(j.join('peace and', 'security')).toBe('peace and security');
  });
});

describe('masthead variants', () => {
  it('reads an adopted Security Council resolution (symbol with year, adoption line)', () => {
    const r = importResolution(handwrittenText('S-RES-2719-layout.txt'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const d = r.resolution;
    expect([d.kind, d.symbol, d.organName, d.date, d.title]).toEqual(['resolution', 'S/RES/2719 (2023)', 'Security Council', '21 December 2023', '']);
    expect(d.adoptionNote).toBe('Adopted by the Security Council at its 9518th meeting, on 21 December 2023');
    expect(d.preamble.map((p) => p.text)).toEqual(['Recalling its resolutions 2320 (2016) and 2378 (2017),']);
    expect(d.operative.map((p) => p.text)).toEqual(['Decides that the matter remains under review;']);
  });

  it('reads a resolution number printed in its own -layout column, the title wrapped beside it', () => {
    const text = 'United Nations    A/RES/78/16\nGeneral Assembly      Distr.: General\n\nResolution adopted by the General Assembly on 4 December 2023\n\n' +
      '78/16.      Programme of action to advance\n            responsible State behaviour\n\nThe General Assembly,\n\nRecalling x,\n\n1. Decides y.\n';
    const r = importResolution(text);
    expect(r.ok && [r.resolution.symbol, r.resolution.title]).toEqual(['A/RES/78/16', 'Programme of action to advance responsible State behaviour']);
  });

  it('recognises organ lines, with or without italics, and nothing else', () => {
    expect(matchOrganLine('The General Assembly,')).toBe('General Assembly');
    expect(matchOrganLine('               *The Security Council*,')).toBe('Security Council');
    expect(matchOrganLine('The Human Rights Council,')).toBe('Human Rights Council');
    expect(matchOrganLine('The General Assembly decides to defer the item.')).toBeNull();
    expect(matchOrganLine('The report of the Council,')).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import {
  isDecimalLabel, labelStyleOf, lastOperativeIndex, letterLabel, numberBlocks, numberFootnotes, punctuationHint, romanLabel, unSubLabel,
  type NumberingBlock,
} from './numbering.ts';

const pp = (level = 0): NumberingBlock => ({ type: 'preambular', level });
const op = (level = 0, labelStyle = 'un'): NumberingBlock => ({ type: 'operative', level, labelStyle });

describe('letterLabel / romanLabel / unSubLabel', () => {
  it('letters run a..z then double', () => {
    expect([1, 2, 26, 27, 28, 52, 53].map(letterLabel)).toEqual(['a', 'b', 'z', 'aa', 'bb', 'zz', 'aaa']);
    expect(letterLabel(0)).toBe('');
  });
  it('roman numerals', () => {
    const expected = ['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x', 'xi', 'xii', 'xiii', 'xiv', 'xv', 'xvi', 'xvii', 'xviii', 'xix', 'xx'];
    expect(expected.map((_, i) => romanLabel(i + 1))).toEqual(expected);
    expect([40, 49, 90, 400, 1994].map(romanLabel)).toEqual(['xl', 'xlix', 'xc', 'cd', 'mcmxciv']);
    expect(romanLabel(0)).toBe('');
  });
  it('UN order (a), then (i), then a., then i.', () => {
    expect([1, 2, 3, 4, 5].map((d) => unSubLabel(d, 2))).toEqual(['(b)', '(ii)', 'b.', 'ii.', 'ii.']);
  });
});

describe('numberBlocks', () => {
  it('numbers OPs across the document and leaves PPs unlabelled', () => {
    const blocks = [{ type: 'title' }, { type: 'organ' }, pp(), pp(), op(), op(), op(), { type: 'closing' }];
    const n = numberBlocks(blocks);
    expect(n.map((b) => b.label)).toEqual(['', '', '', '', '1.', '2.', '3.', '']);
    expect(n.map((b) => b.ref)).toEqual(['', '', 'PP1', 'PP2', 'OP1', 'OP2', 'OP3', '']);
    expect(n.map((b) => b.depth)).toEqual([-1, -1, 0, 0, 0, 0, 0, -1]);
    expect(n[0].kind).toBeNull();
  });

  it('labels nested UN sub-paragraphs and their references', () => {
    const blocks = [op(), op(), op(1), op(2), op(2), op(3), op(3), op(4), op(1), op(0), op(1)];
    const n = numberBlocks(blocks);
    expect(n.map((b) => b.label)).toEqual(['1.', '2.', '(a)', '(i)', '(ii)', 'a.', 'b.', 'i.', '(b)', '3.', '(a)']);
    expect(n.map((b) => b.ref)).toEqual([
      'OP1', 'OP2', 'OP2 (a)', 'OP2 (a) (i)', 'OP2 (a) (ii)', 'OP2 (a) (ii) a.', 'OP2 (a) (ii) b.', 'OP2 (a) (ii) b. i.', 'OP2 (b)', 'OP3', 'OP3 (a)',
    ]);
    expect(n[6].path).toEqual([2, 1, 2, 2]);
    expect(n.map((b) => b.number)).toEqual([1, 2, 2, 2, 2, 2, 2, 2, 2, 3, 3]);
  });

  it('runs (a)..(z) into (aa)', () => {
    const n = numberBlocks([op(), ...Array.from({ length: 28 }, () => op(1))]);
    expect(n[26].label).toBe('(z)');
    expect(n[27].label).toBe('(aa)');
    expect(n[28].label).toBe('(bb)');
  });

  it('uses decimal labels when labelStyle is decimal', () => {
    const n = numberBlocks([op(0, 'decimal'), op(1, 'decimal'), op(1, 'decimal'), op(2, 'decimal'), op(0), op(1, 'decimal')]);
    expect(n.map((b) => b.label)).toEqual(['1.', '1.1', '1.2', '1.2.1', '2.', '2.1']);
    expect(n.map((b) => b.ref)).toEqual(['OP1', 'OP1.1', 'OP1.2', 'OP1.2.1', 'OP2', 'OP2.1']);
  });

  it('PP sub-paragraphs are labelled (a) and referenced PPn (a); decimal is ignored for PPs', () => {
    const n = numberBlocks([pp(), pp(), { type: 'preambular', level: 1, labelStyle: 'decimal' }, pp(1)]);
    expect(n.map((b) => b.label)).toEqual(['', '', '(a)', '(b)']);
    expect(n.map((b) => b.ref)).toEqual(['PP1', 'PP2', 'PP2 (a)', 'PP2 (b)']);
  });

  it('clamps level jumps and orphans', () => {
    // A sub-paragraph with no parent of its kind counts as a paragraph; a jump of two counts as one.
    const n = numberBlocks([pp(), op(2), op(3), op(1), { type: 'title' }, op(1)]);
    expect(n.map((b) => b.depth)).toEqual([0, 0, 1, 1, -1, 0]);
    expect(n.map((b) => b.label)).toEqual(['', '1.', '(a)', '(b)', '', '2.']);
  });

  it('treats junk levels as 0 and numeric strings as numbers', () => {
    const n = numberBlocks([op(), { type: 'operative', level: 'x' }, { type: 'operative', level: '1' }, { type: 'operative', level: -3 }]);
    expect(n.map((b) => b.label)).toEqual(['1.', '2.', '(a)', '3.']);
  });

  it('OP numbering continues when PPs are interleaved', () => {
    const n = numberBlocks([op(), pp(), op(1), op()]);
    expect(n.map((b) => b.ref)).toEqual(['OP1', 'PP1', 'OP2', 'OP3']);
  });
});

describe('punctuation', () => {
  it('knows the last operative block', () => {
    expect(lastOperativeIndex([pp(), op(), op(1), { type: 'closing' }])).toBe(2);
    expect(lastOperativeIndex([pp()])).toBe(-1);
  });
  it('hints , ; : and .', () => {
    const blocks = [{ type: 'title' }, pp(), pp(), pp(1), op(), op(), op(1), op(1)];
    const n = numberBlocks(blocks);
    expect(blocks.map((_, i) => punctuationHint(blocks, n, i))).toEqual(['', ',', ':', ',', ';', ':', ';', '.']);
  });
});

describe('footnotes and label styles', () => {
  it('numbers footnotes by document order, duplicates keep the first number', () => {
    const m = numberFootnotes(['f1', 'f2', 'f1', 'f3']);
    expect([...m.entries()]).toEqual([['f1', 1], ['f2', 2], ['f3', 4]]);
  });
  it('recognises decimal labels', () => {
    expect(['1.1', '1.1.', '12.3.4', ' 2.10 '].every(isDecimalLabel)).toBe(true);
    expect(['1.', '(a)', 'a.', '1', '1.a'].some(isDecimalLabel)).toBe(false);
    expect(labelStyleOf('3.2')).toBe('decimal');
    expect(labelStyleOf('(ii)')).toBe('un');
  });
});

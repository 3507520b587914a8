import { mulberry32 } from '../../test/helpers/prng.ts';
import { describe, expect, it } from 'vitest';
import { diffSource, diffTarget, diffWords, locateOps, tokenize, type DiffOp } from './word-diff.ts';

function wellFormed(ops: readonly DiffOp[]): void {
  for (let i = 0; i < ops.length; i++) {
    expect(ops[i].text).not.toBe('');
    if (i > 0) expect(ops[i].op).not.toBe(ops[i - 1].op);
    if (ops[i].op === 'delete' && i + 1 < ops.length) expect(ops[i + 1].op === 'insert' || ops[i + 1].op === 'equal').toBe(true);
    if (ops[i].op === 'insert' && i > 0) expect(ops[i - 1].op === 'delete' || ops[i - 1].op === 'equal').toBe(true);
  }
}

const rng = mulberry32;

describe('tokenize', () => {
  it('splits words, whitespace runs and punctuation, and joins back exactly', () => {
    const text = 'Calls upon States, in particular those  in the region, to "cooperate" — fully;\nwomen’s rights 2030.';
    const tokens = tokenize(text);
    expect(tokens.join('')).toBe(text);
    expect(tokens.slice(0, 6)).toEqual(['Calls', ' ', 'upon', ' ', 'States', ',']);
    expect(tokens).toContain('  ');
    expect(tokens).toContain('women’s');
    expect(tokens).toContain('—');
    expect(tokens).toContain('2030');
  });

  it('handles accents and an empty string', () => {
    expect(tokenize('Côte d\'Ivoire et Türkiye')).toEqual(['Côte', ' ', 'd\'Ivoire', ' ', 'et', ' ', 'Türkiye']);
    expect(tokenize('')).toEqual([]);
  });
});

describe('diffWords', () => {
  it('reports a word replacement as delete then insert between equal runs', () => {
    const ops = diffWords('Welcomes the report of the Secretary-General;', 'Welcomes the excellent report of the Secretary-General;');
    expect(ops).toEqual([
      { op: 'equal', text: 'Welcomes the ' },
      { op: 'insert', text: 'excellent ' },
      { op: 'equal', text: 'report of the Secretary-General;' },
    ]);
  });

  it('merges neighbouring word changes separated only by a space into one replacement', () => {
    const ops = diffWords('the big red dog', 'the small blue dog');
    expect(ops).toEqual([
      { op: 'equal', text: 'the ' },
      { op: 'delete', text: 'big red' },
      { op: 'insert', text: 'small blue' },
      { op: 'equal', text: ' dog' },
    ]);
    const raw = diffWords('the big red dog', 'the small blue dog', { semanticCleanup: false });
    expect(raw.filter((o) => o.op === 'delete')).toHaveLength(2);
  });

  it('diffs punctuation on its own', () => {
    const ops = diffWords('Decides to remain seized of the matter;', 'Decides to remain seized of the matter.');
    expect(ops).toEqual([
      { op: 'equal', text: 'Decides to remain seized of the matter' },
      { op: 'delete', text: ';' },
      { op: 'insert', text: '.' },
    ]);
  });

  it('handles empty sides and identical texts', () => {
    expect(diffWords('', '')).toEqual([]);
    expect(diffWords('same text', 'same text')).toEqual([{ op: 'equal', text: 'same text' }]);
    expect(diffWords('', 'new words')).toEqual([{ op: 'insert', text: 'new words' }]);
    expect(diffWords('old words', '')).toEqual([{ op: 'delete', text: 'old words' }]);
  });

  it('keeps the invariants on random edits (source, target, shape) and is deterministic', () => {
    const words = ['the', 'States', 'Council', 'urges', 'all', 'parties', 'to', 'cooperate', ',', ';', 'and', 'fully'];
    const next = rng(42);
    for (let round = 0; round < 200; round++) {
      const a = Array.from({ length: Math.floor(next() * 30) }, () => words[Math.floor(next() * words.length)]).join(' ');
      const tokens = a.split(' ');
      const b = tokens.filter(() => next() > 0.2).map((w) => (next() < 0.15 ? words[Math.floor(next() * words.length)] : w)).join(' ');
      const ops = diffWords(a, b);
      expect(diffSource(ops)).toBe(a);
      expect(diffTarget(ops)).toBe(b);
      wellFormed(ops);
      expect(diffWords(a, b)).toEqual(ops);
    }
  });

  it('finds a minimal token diff for a single changed word in a long paragraph', () => {
    const a = Array.from({ length: 300 }, (_, i) => `w${i}`).join(' ');
    const b = a.replace('w150', 'changed');
    const ops = diffWords(a, b);
    expect(ops.map((o) => o.op)).toEqual(['equal', 'delete', 'insert', 'equal']);
    expect(ops[1].text).toBe('w150');
    expect(ops[2].text).toBe('changed');
  });

  it('falls back to one delete + insert past maxEditDistance, still exact', () => {
    const a = 'one two three four five';
    const b = 'alpha beta gamma delta epsilon';
    const ops = diffWords(a, b, { maxEditDistance: 2 });
    expect(ops).toEqual([{ op: 'delete', text: a }, { op: 'insert', text: b }]);
  });
});

describe('locateOps', () => {
  it('gives ranges in the old text; inserts are points', () => {
    const located = locateOps(diffWords('Welcomes the report;', 'Welcomes the full report.'));
    const a = 'Welcomes the report;';
    for (const o of located) {
      if (o.op === 'insert') expect(o.from).toBe(o.to);
      else expect(a.slice(o.from, o.to)).toBe(o.text);
    }
    expect(located.find((o) => o.op === 'insert')).toMatchObject({ text: 'full ', from: 13 });
  });
});

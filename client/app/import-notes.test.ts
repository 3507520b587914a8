import { describe, expect, it } from 'vitest';
import { stashImportWarnings, takeImportWarnings } from './import-notes.ts';

const memory = () => {
  const data = new Map<string, string>();
  return { data, getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), removeItem: (k: string) => void data.delete(k) };
};

describe('import warnings hand-over', () => {
  it('hands warnings to the editor page once', () => {
    const s = memory();
    stashImportWarnings(s, 'd1', ['Page header dropped', 'Footnote 2 not anchored']);
    expect(takeImportWarnings(s, 'd2')).toEqual([]);
    expect(takeImportWarnings(s, 'd1')).toEqual(['Page header dropped', 'Footnote 2 not anchored']);
    expect(takeImportWarnings(s, 'd1')).toEqual([]);
  });

  it('stores nothing without warnings and ignores corrupt data', () => {
    const s = memory();
    stashImportWarnings(s, 'd1', []);
    expect(s.data.size).toBe(0);
    s.data.set('penholder.importWarnings.d3', '{not json');
    expect(takeImportWarnings(s, 'd3')).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { corpusText } from '../../test/fixtures/corpus.ts';
import { diffSource, diffTarget } from '../diff/word-diff.ts';
import { importResolution } from '../import/index.ts';
import { sequentialIds } from '../resolution/ids.ts';
import type { ResolutionJSON } from '../resolution/types.ts';
import { compareResolutions, sectionUnits, type ComparePair } from './align.ts';
import { formatComparison, markupDiff } from './report.ts';

function load(name: string): ResolutionJSON {
  const r = importResolution(corpusText(name), { newId: sequentialIds(name) });
  if (!r.ok) throw new Error(`${name}: ${r.message}`);
  return r.resolution;
}

const clone = (d: ResolutionJSON): ResolutionJSON => structuredClone(d);
const notUnchanged = (pairs: readonly ComparePair[]): ComparePair[] => pairs.filter((p) => p.status !== 'unchanged');

describe('compareResolutions on identical texts', () => {
  it.each(['A-RES-78-16', 'A-RES-76-19', 'A-C.1-78-L.11', 'A-RES-73-27'])('%s against itself: everything unchanged', (name) => {
    const doc = load(name);
    const c = compareResolutions(doc, clone(doc));
    const units = ['title', 'preamble', 'operative'].flatMap((s) => sectionUnits(doc, s as 'title' | 'preamble' | 'operative'));
    expect(c.pairs).toHaveLength(units.length);
    expect(c.summary).toMatchObject({ unchanged: units.length, changed: 0, new: 0, deleted: 0, moved: 0, total: units.length });
    expect(c.pairs.every((p) => p.old?.ref === p.new?.ref && p.old?.id === p.new?.id)).toBe(true);
  });
});

describe('compareResolutions on synthetic edits (A/RES/78/16)', () => {
  const base = load('A-RES-78-16');

  it('one word changed → one changed pair with the exact word diff', () => {
    const next = clone(base);
    next.preamble[2].text = next.preamble[2].text.replace(/^Expressing/, 'Voicing');
    expect(next.preamble[2].text).not.toBe(base.preamble[2].text);
    const c = compareResolutions(base, next);
    const changed = notUnchanged(c.pairs);
    expect(changed).toHaveLength(1);
    const [p] = changed;
    expect(p).toMatchObject({ status: 'changed', old: { ref: 'PP3', section: 'preamble', number: 3 }, new: { ref: 'PP3' } });
    expect(p.diff?.filter((o) => o.op !== 'equal')).toEqual([{ op: 'delete', text: 'Expressing' }, { op: 'insert', text: 'Voicing' }]);
    expect(diffSource(p.diff ?? [])).toBe(base.preamble[2].text);
    expect(diffTarget(p.diff ?? [])).toBe(next.preamble[2].text);
    expect(markupDiff(p.diff ?? [])).toContain('[-Expressing-]{+Voicing+}');
  });

  it('a paragraph moved → moved, the others unchanged (renumbered but in order)', () => {
    const next = clone(base);
    const [moved] = next.preamble.splice(1, 1);
    next.preamble.splice(6, 0, moved);
    const c = compareResolutions(base, next);
    const other = notUnchanged(c.pairs);
    expect(other).toHaveLength(1);
    expect(other[0]).toMatchObject({ status: 'moved', old: { ref: 'PP2', id: moved.id }, new: { ref: 'PP7', id: moved.id } });
    expect(other[0].diff).toBeUndefined();
    expect(c.summary.unchanged).toBe(c.summary.total - 1);
  });

  it('an inserted paragraph → new, in place; later OPs renumbered but unchanged', () => {
    const next = clone(base);
    next.operative.splice(1, 0, { id: 'x1', number: 2, text: 'Requests the Secretary-General to report on the matter.', subparagraphs: [] });
    next.operative.forEach((p, i) => { p.number = i + 1; });
    const c = compareResolutions(base, next);
    const other = notUnchanged(c.pairs);
    expect(other).toEqual([{ status: 'new', new: { section: 'operative', number: 2, ref: 'OP2', id: 'x1', text: 'Requests the Secretary-General to report on the matter.' } }]);
    const ops = c.pairs.filter((p) => p.new?.section === 'operative');
    expect(ops.map((p) => p.new?.ref)).toEqual(ops.map((p) => p.new?.ref).sort((a, b) => refKey(a) - refKey(b)));
    expect(c.pairs.find((p) => p.old?.ref === 'OP2')).toMatchObject({ status: 'unchanged', new: { ref: 'OP3' } });
  });

  it('a removed paragraph → deleted, listed where it stood', () => {
    const next = clone(base);
    const [removed] = next.preamble.splice(4, 1);
    const c = compareResolutions(base, next);
    expect(notUnchanged(c.pairs)).toEqual([{ status: 'deleted', old: { section: 'preamble', number: 5, ref: 'PP5', id: removed.id, text: removed.text } }]);
    const pre = c.pairs.filter((p) => (p.old ?? p.new)?.section === 'preamble');
    const at = pre.findIndex((p) => p.status === 'deleted');
    expect(pre[at - 1].old?.ref).toBe('PP4');
    expect(pre[at + 1].old?.ref).toBe('PP6');
  });

  it('sub-paragraphs are compared with their labels', () => {
    const withSubs = base.operative.findIndex((p) => p.subparagraphs.length > 1);
    expect(withSubs).toBeGreaterThanOrEqual(0);
    const next = clone(base);
    const sub = next.operative[withSubs].subparagraphs[1];
    sub.text = `${sub.text.replace(/[;.,]$/, '')} and report thereon;`;
    const c = compareResolutions(base, next);
    const [p] = notUnchanged(c.pairs);
    expect(p).toMatchObject({ status: 'changed', old: { ref: `OP${withSubs + 1} (b)` }, new: { ref: `OP${withSubs + 1} (b)` } });
    expect(p.diff?.some((o) => o.op === 'insert' && o.text.includes('report thereon'))).toBe(true);
  });

  it('is stable: the same inputs give the same output', () => {
    const next = clone(base);
    next.preamble.reverse();
    next.operative[0].text += ' Further text.';
    const a = compareResolutions(base, next);
    const b = compareResolutions(clone(base), clone(next));
    expect(b).toEqual(a);
    expect(formatComparison(b)).toBe(formatComparison(a));
  });
});

const refKey = (ref: string | undefined): number => Number(/\d+/.exec(ref ?? '')?.[0] ?? 0) * 100 + (ref?.includes('(') ? 1 : 0);

describe('A/RES/76/19 against A/RES/78/16 (real successive texts)', () => {
  const c = compareResolutions(load('A-RES-76-19'), load('A-RES-78-16'));

  it('accounts for every paragraph of both texts exactly once', () => {
    const oldDoc = load('A-RES-76-19');
    const newDoc = load('A-RES-78-16');
    const count = (d: ResolutionJSON): number => (['title', 'preamble', 'operative'] as const).reduce((n, s) => n + sectionUnits(d, s).length, 0);
    expect(c.pairs.filter((p) => p.old).length).toBe(count(oldDoc));
    expect(c.pairs.filter((p) => p.new).length).toBe(count(newDoc));
    expect(c.summary.total).toBe(c.pairs.length);
  });

  it('finds the retained preambular paragraphs and the reworded agenda paragraph', () => {
    expect(c.pairs.filter((p) => p.status === 'unchanged').map((p) => `${p.old?.ref}>${p.new?.ref}`)).toEqual(['PP4>PP2', 'PP6>PP4', 'PP7>PP5']);
    const agenda = c.pairs.find((p) => p.new?.text.startsWith('Also decides to include in the provisional agenda'));
    expect(agenda).toMatchObject({ status: 'changed', old: { ref: 'OP7' }, new: { ref: 'OP5' } });
    expect(markupDiff(agenda?.diff ?? [])).toContain('seventy-[-seventh-]{+ninth+}');
    expect(c.summary.new).toBeGreaterThan(10);
    expect(c.summary.deleted).toBeGreaterThan(5);
    // Every changed pair's diff rebuilds both texts.
    for (const p of c.pairs.filter((q) => q.status === 'changed')) {
      expect(diffSource(p.diff ?? [])).toBe(p.old?.text);
      expect(diffTarget(p.diff ?? [])).toBe(p.new?.text);
      expect(p.similarity).toBeGreaterThanOrEqual(p.old?.section === 'title' ? 0 : 0.5);
    }
  });
});

import { describe, expect, it } from 'vitest';
import type { RevisionMeta } from './api.ts';
import { defaultSides, draftRef, LIVE_VALUE, planComparison, revValue, sideName, sideOptions, TEXT_VALUE } from './compare-plan.ts';

const rev = (seq: number, label: string): RevisionMeta =>
  ({ id: `rev_${seq}`, label, seq, issuedBy: { participant: 'Chair', role: 'chair', delegation: null }, at: '' });

describe('comparison choices', () => {
  it('lists the revisions oldest first, then the live text and another text', () => {
    expect(sideOptions([rev(1, 'Rev.1'), rev(2, 'Rev.2')]).map((o) => o.label)).toEqual(['Rev.1', 'Rev.2', 'Live text', 'Another text (paste or upload)']);
  });

  it('defaults to the last two revisions, or the only one against the live text, or a text against the live text', () => {
    expect(defaultSides([rev(1, 'Rev.1'), rev(2, 'Rev.2'), rev(3, 'Rev.3')])).toEqual({ from: revValue('rev_2'), to: revValue('rev_3') });
    expect(defaultSides([rev(1, 'Rev.1')])).toEqual({ from: revValue('rev_1'), to: LIVE_VALUE });
    expect(defaultSides([])).toEqual({ from: TEXT_VALUE, to: LIVE_VALUE });
  });

  it('names sides for headings', () => {
    const revs = [rev(1, 'Rev.1')];
    expect(sideName(revValue('rev_1'), revs)).toBe('Rev.1');
    expect(sideName(LIVE_VALUE, revs)).toBe('Live text');
    expect(sideName(TEXT_VALUE, revs, 'A-RES-78-16.txt')).toBe('Text from A-RES-78-16.txt');
    expect(draftRef('rev:')).toBeNull();
  });
});

describe('planComparison', () => {
  it('compares two draft sides through GET', () => {
    expect(planComparison(revValue('rev_1'), LIVE_VALUE, '')).toEqual({ kind: 'sides', from: 'rev_1', to: 'live' });
  });

  it('puts the text on the side it was chosen for', () => {
    expect(planComparison(TEXT_VALUE, LIVE_VALUE, 'x')).toEqual({ kind: 'text', draft: 'live', textSide: 'old' });
    expect(planComparison(revValue('rev_2'), TEXT_VALUE, 'x')).toEqual({ kind: 'text', draft: 'rev_2', textSide: 'new' });
  });

  it('explains what is missing', () => {
    for (const [from, to, text] of [[TEXT_VALUE, TEXT_VALUE, 'x'], [TEXT_VALUE, LIVE_VALUE, '  '], ['junk', LIVE_VALUE, '']]) {
      const plan = planComparison(from, to, text);
      expect(plan.kind).toBe('invalid');
      if (plan.kind === 'invalid') expect(plan.message.length).toBeGreaterThan(10);
    }
  });
});

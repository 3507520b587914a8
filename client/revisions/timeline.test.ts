import { describe, expect, it } from 'vitest';
import { checkNewLabel, informalLabel, issuerText, suggestedLabels } from './timeline.ts';

describe('timeline helpers', () => {
  it('names who issued a revision with role and delegation', () => {
    expect(issuerText({ participant: 'Chair', role: 'chair', delegation: null })).toBe('Chair (chair)');
    expect(issuerText({ participant: 'Brazil', role: 'penholder', delegation: 'Brazil' })).toBe('Brazil (penholder)');
    expect(issuerText({ participant: 'Ana Silva', role: 'delegation', delegation: 'Brazil' })).toBe('Ana Silva (delegation of Brazil)');
  });

  it('suggests the next Rev.N and an unused informal dated label', () => {
    const day = new Date(2026, 2, 12);
    expect(informalLabel(day)).toBe('Informal 12 March 2026');
    expect(suggestedLabels([], day)).toEqual(['Rev.1', 'Informal 12 March 2026']);
    expect(suggestedLabels(['Rev.1', 'informal 12 march 2026', 'Rev.3'], day)).toEqual(['Rev.4', 'Informal 12 March 2026 (2)']);
  });

  it('refuses empty, multi-line and duplicate labels (case-insensitive) with a message, trims good ones', () => {
    expect(checkNewLabel(['Rev.1'], '  Rev.2 ')).toEqual({ ok: true, label: 'Rev.2' });
    const dup = checkNewLabel(['Rev.1'], 'rev.1');
    expect(dup).toEqual({ ok: false, message: 'A revision labelled "rev.1" already exists.' });
    for (const bad of ['', '   ', 'a\nb', 'x'.repeat(81)]) {
      const v = checkNewLabel([], bad);
      expect(v.ok).toBe(false);
      if (!v.ok) expect(v.message).toMatch(/^The label/);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { prng } from '../../test/helpers/prng.ts';
import { changeHunks, mergeText, resolveConflicts } from './three-way.ts';


const BASE = 'Calls upon all Member States to strengthen cooperation in the field of maritime security, in accordance with international law;';

describe('mergeText', () => {
  it('merges non-overlapping changes from both sides', () => {
    const ours = BASE.replace('all Member States', 'all States');
    const theirs = BASE.replace('maritime security', 'maritime safety and security');
    expect(mergeText(BASE, ours, theirs)).toEqual({
      ok: true, text: 'Calls upon all States to strengthen cooperation in the field of maritime safety and security, in accordance with international law;',
    });
  });

  it('merges an identical change made on both sides once', () => {
    const both = BASE.replace('strengthen', 'enhance');
    const theirs = both.replace('international law', 'applicable international law');
    const r = mergeText(BASE, both, theirs);
    expect(r).toEqual({ ok: true, text: theirs });
    if (r.ok) expect(r.text.match(/enhance/g)).toHaveLength(1);
  });

  it('reports overlapping different changes with their hunks and positions, and never picks one', () => {
    const ours = BASE.replace('strengthen cooperation', 'deepen cooperation');
    const theirs = BASE.replace('strengthen cooperation', 'enhance their cooperation');
    const r = mergeText(BASE, ours, theirs);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.conflicts).toHaveLength(1);
    const c = r.conflicts[0];
    expect(BASE.slice(c.baseFrom, c.baseTo)).toBe(c.base);
    expect(ours.slice(c.oursFrom, c.oursTo)).toBe(c.ours);
    expect(theirs.slice(c.theirsFrom, c.theirsTo)).toBe(c.theirs);
    expect(c.base).toContain('strengthen');
    expect(c.ours).toContain('deepen');
    expect(c.theirs).toContain('enhance');
  });

  it('treats two different insertions at the same place as a conflict', () => {
    const r = mergeText('Recalling its resolutions;', 'Recalling all its resolutions;', 'Recalling further its resolutions;');
    expect(r.ok).toBe(false);
  });

  it('reports a deletion on one side against an edit inside it on the other', () => {
    const ours = BASE.replace(', in accordance with international law', '');
    const theirs = BASE.replace('international law', 'the Charter');
    const r = mergeText(BASE, ours, theirs);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.conflicts[0].ours).toBe('');
  });

  it('gives positions of later conflicts shifted by earlier clean changes', () => {
    const ours = 'A very long opening clause here; x b c';
    const theirs = 'A short opening clause here; y b c';
    const base = 'A long opening clause here; a b c';
    const r = mergeText(base, ours, theirs);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    for (const c of r.conflicts) {
      expect(ours.slice(c.oursFrom, c.oursTo)).toBe(c.ours);
      expect(theirs.slice(c.theirsFrom, c.theirsTo)).toBe(c.theirs);
    }
  });

  it('handles empty texts', () => {
    expect(mergeText('', '', 'New paragraph.')).toEqual({ ok: true, text: 'New paragraph.' });
    expect(mergeText('', 'A', 'B').ok).toBe(false);
    expect(mergeText('Old text', '', 'Old text')).toEqual({ ok: true, text: '' });
  });

  it('lets the chair settle conflicts by hand', () => {
    const ours = BASE.replace('strengthen', 'deepen').replace('international law', 'the Charter');
    const theirs = BASE.replace('strengthen', 'enhance');
    expect(resolveConflicts(BASE, ours, theirs, ['theirs'])).toBe(BASE.replace('strengthen', 'enhance').replace('international law', 'the Charter'));
    expect(resolveConflicts(BASE, ours, theirs, [{ text: 'bolster' }])).toBe(ours.replace('deepen', 'bolster'));
    expect(resolveConflicts(BASE, ours, theirs, [])).toBeNull();
  });

  it('changeHunks reproduce the target', () => {
    const next = BASE.replace('Calls upon', 'Urges').replace('law;', 'law, including UNCLOS;');
    let out = '';
    let at = 0;
    for (const h of changeHunks(BASE, next)) { out += BASE.slice(at, h.from) + h.text; at = h.to; }
    expect(out + BASE.slice(at)).toBe(next);
  });
});

/** A base of distinct words, so a word diff cannot align an edit with a far-away twin. */
const baseWords = (n: number): string[] => Array.from({ length: n }, (_, i) => `w${i}`);

/** Edit words[lo, hi): replace, delete or insert new unique words there. */
function edit(words: readonly string[], lo: number, hi: number, tag: string, rng: ReturnType<typeof prng>): string[] {
  const out = [...words];
  const kind = rng.int(3);
  const fresh = Array.from({ length: 1 + rng.int(3) }, (_, i) => `${tag}${i}`);
  if (kind === 0) out.splice(lo, hi - lo, ...fresh);
  else if (kind === 1) out.splice(lo, Math.max(1, hi - lo));
  else out.splice(lo + 1, 0, ...fresh);
  return out;
}

describe('mergeText properties (seeded)', () => {
  const SEEDS = Array.from({ length: 300 }, (_, i) => i + 1);

  it('ours == base gives theirs; theirs == base gives ours; a == a gives a', () => {
    for (const seed of SEEDS) {
      const rng = prng(seed);
      const base = baseWords(5 + rng.int(20));
      const lo = rng.int(base.length);
      const changed = edit(base, lo, Math.min(base.length, lo + 1 + rng.int(3)), 'x', rng).join(' ');
      const b = base.join(' ');
      expect(mergeText(b, b, changed)).toEqual({ ok: true, text: changed });
      expect(mergeText(b, changed, b)).toEqual({ ok: true, text: changed });
      expect(mergeText(b, changed, changed)).toEqual({ ok: true, text: changed });
    }
  });

  it('disjoint edits (at least two untouched words apart) merge and keep both', () => {
    for (const seed of SEEDS) {
      const rng = prng(seed * 7919);
      const base = baseWords(12 + rng.int(20));
      const cut = 3 + rng.int(base.length - 9);
      const loA = rng.int(cut - 2);
      const hiA = Math.min(cut - 2, loA + 1 + rng.int(2));
      const loB = cut + 1 + rng.int(base.length - cut - 2);
      const hiB = Math.min(base.length, loB + 1 + rng.int(2));
      const ours = edit(base, loA, hiA, 'o', rng);
      const theirs = edit(base, loB, hiB, 't', rng);
      const r = mergeText(base.join(' '), ours.join(' '), theirs.join(' '));
      expect(r.ok, `seed ${seed}`).toBe(true);
      if (!r.ok) continue;
      const merged = r.text.split(' ');
      for (const w of ours) if (/^o/.test(w)) expect(merged).toContain(w);
      for (const w of theirs) if (/^t/.test(w)) expect(merged).toContain(w);
      const removedByOurs = base.filter((w) => !ours.includes(w));
      const removedByTheirs = base.filter((w) => !theirs.includes(w));
      for (const w of [...removedByOurs, ...removedByTheirs]) expect(merged).not.toContain(w);
      for (const w of base) if (!removedByOurs.includes(w) && !removedByTheirs.includes(w)) expect(merged).toContain(w);
    }
  });

  it('overlapping different edits are reported as conflicts that point at real text', () => {
    let conflicts = 0;
    for (const seed of SEEDS) {
      const rng = prng(seed * 104729);
      const base = baseWords(6 + rng.int(15));
      const lo = rng.int(base.length - 1);
      const hi = Math.min(base.length, lo + 2);
      const ours = [...base];
      ours.splice(lo, hi - lo, `o${seed}`);
      const theirs = [...base];
      theirs.splice(lo, hi - lo, `t${seed}`);
      const b = base.join(' ');
      const o = ours.join(' ');
      const t = theirs.join(' ');
      const r = mergeText(b, o, t);
      expect(r.ok, `seed ${seed}`).toBe(false);
      if (r.ok) continue;
      conflicts += r.conflicts.length;
      for (const c of r.conflicts) {
        expect(b.slice(c.baseFrom, c.baseTo)).toBe(c.base);
        expect(o.slice(c.oursFrom, c.oursTo)).toBe(c.ours);
        expect(t.slice(c.theirsFrom, c.theirsTo)).toBe(c.theirs);
        expect(c.ours).not.toBe(c.theirs);
      }
    }
    expect(conflicts).toBeGreaterThanOrEqual(SEEDS.length);
  });
});

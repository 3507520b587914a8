import { describe, expect, it } from 'vitest';
import { BUILT_IN_ENTRIES } from '../directory/data.ts';
import { PALETTE, colorForName } from './color.ts';

describe('colorForName', () => {
  it('gives each delegation a stable colour', () => {
    expect(colorForName('Brazil')).toBe(colorForName('Brazil'));
    expect(PALETTE).toContain(colorForName('Brazil'));
    // Spread over the directory's names: every colour used, none more than twice its fair share.
    const names = BUILT_IN_ENTRIES.map((e) => e.name);
    const uses = new Map<string, number>();
    for (const n of names) uses.set(colorForName(n), (uses.get(colorForName(n)) ?? 0) + 1);
    expect(uses.size).toBe(PALETTE.length);
    expect(Math.max(...uses.values())).toBeLessThanOrEqual((2 * names.length) / PALETTE.length);
  });});

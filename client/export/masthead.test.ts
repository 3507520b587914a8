import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { emptyMasthead } from '../../shared/resolution/types.ts';
import { changedFields, MAX_MASTHEAD_FIELD, readMasthead } from './MastheadForm.tsx';

describe('masthead form helpers', () => {
  it('reads the masthead fields from meta, non-strings as empty', () => {
    const doc = new Y.Doc();
    const meta = doc.getMap<unknown>('meta');
    meta.set('symbol', 'A/C.1/79/L.7');
    meta.set('date', 42);
    meta.set('kind', 'draft-resolution');
    expect(readMasthead(meta)).toEqual({ ...emptyMasthead(), symbol: 'A/C.1/79/L.7' });
  });

  it('writes only what changed, trimmed, spaces collapsed and capped', () => {
    const stored = { ...emptyMasthead(), symbol: 'A/C.1/79/L.7', date: '21 October 2024' };
    const edited = { ...stored, symbol: '  A/C.1/79/L.7  ', date: '22  October 2024 ', committee: 'x'.repeat(MAX_MASTHEAD_FIELD + 10) };
    expect(changedFields(stored, edited)).toEqual({ date: '22 October 2024', committee: 'x'.repeat(MAX_MASTHEAD_FIELD) });
    expect(changedFields(stored, stored)).toEqual({});
  });
});

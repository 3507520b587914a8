import { describe, expect, it } from 'vitest';
import { MAX_NAME_LENGTH, NAME_KEY, cleanName, loadIdentity, saveIdentity, type KeyValueStorage } from './identity.ts';
import { PALETTE, colorForName } from '../../shared/identity/color.ts';

const memoryStorage = (): KeyValueStorage & { data: Map<string, string> } => {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
};

describe('identity', () => {
  it('derives a stable palette colour from the name', () => {
    expect(colorForName('Ann')).toBe(colorForName('Ann'));
    expect(PALETTE).toContain(colorForName('Delegate of Chile'));
    const colours = new Set(['Ann', 'Bob', 'Chen', 'Dana', 'Eve', 'Farid', 'Gita'].map(colorForName));
    expect(colours.size).toBeGreaterThan(2);
  });

  it('cleans names', () => {
    expect(cleanName('  Ann   Lee \n')).toBe('Ann Lee');
    expect(cleanName('x'.repeat(200))).toHaveLength(MAX_NAME_LENGTH);
  });

  it('saves and loads the name, refusing blanks', () => {
    const storage = memoryStorage();
    expect(loadIdentity(storage)).toBeNull();
    expect(saveIdentity(storage, '   ')).toEqual({ ok: false, error: expect.stringContaining('enter a name') });
    const saved = saveIdentity(storage, ' Ann ');
    expect(saved).toEqual({ ok: true, identity: { name: 'Ann', color: colorForName('Ann') } });
    expect(storage.data.get(NAME_KEY)).toBe('Ann');
    expect(loadIdentity(storage)).toEqual({ name: 'Ann', color: colorForName('Ann') });
  });

  it('survives a storage that throws', () => {
    const broken: KeyValueStorage = {
      getItem: () => { throw new Error('denied'); },
      setItem: () => { throw new Error('denied'); },
    };
    expect(loadIdentity(broken)).toBeNull();
    expect(saveIdentity(broken, 'Bob')).toMatchObject({ ok: true, identity: { name: 'Bob' } });
  });
});

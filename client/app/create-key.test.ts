import { describe, expect, it } from 'vitest';
import type { ApiError } from '../api.ts';
import {
  CREATE_KEY_KEY, bearerFor, forgetCreateKey, keyPromptFor, loadCreateKey, needsCreateKey, saveCreateKey, type RemovableStorage,
} from './create-key.ts';

function memoryStorage(): RemovableStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

const keyRequired: ApiError = { status: 401, code: 'create-key-required', message: 'this server requires a key' };

describe('creation key storage', () => {
  it('stores a trimmed key under penholder.createKey, loads it and forgets it', () => {
    const s = memoryStorage();
    expect(loadCreateKey(s)).toBeNull();
    expect(saveCreateKey(s, '  s3cret\n')).toBe('s3cret');
    expect(s.data.get(CREATE_KEY_KEY)).toBe('s3cret');
    expect(loadCreateKey(s)).toBe('s3cret');
    forgetCreateKey(s);
    expect(loadCreateKey(s)).toBeNull();
    expect(s.data.has(CREATE_KEY_KEY)).toBe(false);
  });

  it('keeps nothing for a blank key and survives storage that throws or is missing', () => {
    const s = memoryStorage();
    expect(saveCreateKey(s, '   ')).toBeNull();
    expect(s.data.size).toBe(0);
    const broken: RemovableStorage = {
      getItem: () => { throw new Error('denied'); },
      setItem: () => { throw new Error('quota'); },
      removeItem: () => { throw new Error('denied'); },
    };
    expect(loadCreateKey(broken)).toBeNull();
    expect(saveCreateKey(broken, 'k')).toBeNull();
    expect(() => forgetCreateKey(broken)).not.toThrow();
    expect(loadCreateKey(null)).toBeNull();
  });
});

describe('which credential goes with which call', () => {
  const tokenFor = (id: string) => (id === 'd1' ? 'tok-d1' : null);

  it('sends the key to the collection and the draft token (never the key) to a draft', () => {
    expect(bearerFor({ kind: 'collection' }, 'k', tokenFor)).toBe('k');
    expect(bearerFor({ kind: 'collection' }, null, tokenFor)).toBeNull();
    expect(bearerFor({ kind: 'draft', draftId: 'd1' }, 'k', tokenFor)).toBe('tok-d1');
    expect(bearerFor({ kind: 'draft', draftId: 'd2' }, 'k', tokenFor)).toBeNull();
  });
});

describe('key prompt', () => {
  it('recognises only 401 create-key-required', () => {
    expect(needsCreateKey(keyRequired)).toBe(true);
    expect(needsCreateKey({ ...keyRequired, code: 'token-invalid' })).toBe(false);
    expect(needsCreateKey({ ...keyRequired, status: 403 })).toBe(false);
  });

  it('asks without an error when no key was sent, and shows the server message and forgets a refused key', () => {
    expect(keyPromptFor(keyRequired, false)).toEqual({ show: true, error: null, forget: false });
    expect(keyPromptFor(keyRequired, true)).toEqual({ show: true, error: 'this server requires a key', forget: true });
    expect(keyPromptFor({ status: 500, code: 'http', message: 'boom' }, true)).toEqual({ show: false });
  });
});

import { describe, expect, it } from 'vitest';
import {
  TOKENS_KEY, loadTokens, parseInviteHash, parseInviteLink, parseTokenMap, removeToken, saveToken, stripHashQuery,
  tokenFor, updateTokenRecord, type KeyValueStorage,
} from './tokens.ts';
import { parseRoute } from './route.ts';

function memoryStorage(): KeyValueStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

const now = () => new Date('2026-11-23T10:00:00Z');

describe('invitation links', () => {
  it('takes the draft and token from a hash, a full link or a path', () => {
    expect(parseInviteHash('#/d/abc?token=T0k_-1')).toEqual({ draftId: 'abc', token: 'T0k_-1' });
    expect(parseInviteLink('https://ph.example/#/d/abc?token=xyz')).toEqual({ draftId: 'abc', token: 'xyz' });
    expect(parseInviteLink('  http://127.0.0.1:5173/#/d/a%20b?token=xyz&x=1 ')).toEqual({ draftId: 'a b', token: 'xyz' });
    expect(parseInviteLink('/d/abc?token=q')).toEqual({ draftId: 'abc', token: 'q' });
  });

  it('refuses links without a token or off a draft route', () => {
    expect(parseInviteHash('#/d/abc')).toBeNull();
    expect(parseInviteHash('#/d/abc?token=')).toBeNull();
    expect(parseInviteHash('#/?token=x')).toBeNull();
    expect(parseInviteLink('hello')).toBeNull();
    expect(parseInviteLink('')).toBeNull();
  });

  it('strips the token from the hash and routes past it', () => {
    expect(stripHashQuery('#/d/abc?token=x')).toBe('#/d/abc');
    expect(stripHashQuery('#/d/abc')).toBe('#/d/abc');
    expect(parseRoute({ pathname: '/', hash: '#/d/abc?token=x' })).toEqual({ page: 'draft', id: 'abc' });
  });
});

describe('token storage', () => {
  it('stores one token per draft and reads it back', () => {
    const s = memoryStorage();
    saveToken(s, 'd1', 'tok1', { role: 'secretariat' }, now);
    saveToken(s, 'd2', 'tok2', {}, now);
    expect(tokenFor(s, 'd1')).toBe('tok1');
    expect(tokenFor(s, 'd2')).toBe('tok2');
    expect(tokenFor(s, 'd3')).toBeNull();
    expect(loadTokens(s).d1).toEqual({ token: 'tok1', role: 'secretariat', savedAt: '2026-11-23T10:00:00.000Z' });
  });

  it('keeps what it learnt for the same token and forgets it for a new one', () => {
    const s = memoryStorage();
    saveToken(s, 'd1', 'tok1', {}, now);
    updateTokenRecord(s, 'd1', { participant: 'Brazil', role: 'penholder', delegation: 'Brazil', title: 'L.11' });
    saveToken(s, 'd1', 'tok1');
    expect(loadTokens(s).d1).toMatchObject({ participant: 'Brazil', role: 'penholder', title: 'L.11' });
    saveToken(s, 'd1', 'tok-new', {}, now);
    expect(loadTokens(s).d1).toEqual({ token: 'tok-new', savedAt: '2026-11-23T10:00:00.000Z' });
    updateTokenRecord(s, 'nope', { title: 'x' });
    expect(Object.keys(loadTokens(s))).toEqual(['d1']);
  });

  it('removes tokens', () => {
    const s = memoryStorage();
    saveToken(s, 'd1', 'tok1');
    removeToken(s, 'd1');
    expect(tokenFor(s, 'd1')).toBeNull();
  });

  it('survives corrupt or hostile storage', () => {
    expect(parseTokenMap('{not json')).toEqual({});
    expect(parseTokenMap('[1,2]')).toEqual({});
    expect(parseTokenMap(JSON.stringify({ a: { token: 'x', role: 'king' }, b: { token: 5 }, c: null })))
      .toEqual({ a: { token: 'x', savedAt: '' } });
    const throwing: KeyValueStorage = { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('denied'); } };
    expect(loadTokens(throwing)).toEqual({});
    expect(saveToken(throwing, 'd', 't', {}, now).token).toBe('t');
    expect(loadTokens(null)).toEqual({});
    const s = memoryStorage();
    s.setItem(TOKENS_KEY, 'garbage');
    saveToken(s, 'd', 't', {}, now);
    expect(tokenFor(s, 'd')).toBe('t');
  });
});

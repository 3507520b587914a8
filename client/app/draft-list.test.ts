import { describe, expect, it } from 'vitest';
import { mergeDraftLists } from './draft-list.ts';
import type { TokenMap } from './tokens.ts';

const server = [
  { id: 'a', title: 'Alpha', symbol: 'A/1', updatedAt: '2026-11-23T09:00:00Z', createdAt: '2026-11-23T08:00:00Z' },
  { id: 'b', title: 'Beta', symbol: '', updatedAt: '2026-11-23T10:00:00Z', createdAt: '2026-11-23T08:00:00Z' },
];

describe('draft list rows', () => {
  it('puts drafts with a token first, with their role, then the server\'s others', () => {
    const tokens: TokenMap = {
      a: { token: 't', role: 'penholder', participant: 'Brazil', savedAt: '2026-11-23T07:00:00Z' },
      z: { token: 'u', title: 'L.11 — Zeta', savedAt: '2026-11-23T11:00:00Z' },
    };
    const rows = mergeDraftLists(tokens, server);
    expect(rows.map((r) => [r.id, r.title, r.role, r.hasToken])).toEqual([
      ['z', 'L.11 — Zeta', null, true],
      ['a', 'Alpha', 'penholder', true],
      ['b', 'Beta', null, false],
    ]);
  });

  it('lists only the tokens when the server does not list its drafts', () => {
    const rows = mergeDraftLists({ a: { token: 't', role: 'observer', savedAt: '' } }, null);
    expect(rows).toEqual([{ id: 'a', title: '', symbol: '', updatedAt: '', createdAt: '', role: 'observer', hasToken: true }]);
  });
});

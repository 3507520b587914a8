/** The draft list's rows: drafts this browser holds tokens for, merged with the server's list. Pure. */
import type { Role } from '../../shared/negotiation/layout.ts';
import type { DraftSummary } from '../api.ts';
import type { TokenMap } from './tokens.ts';
import { sortDrafts } from './format.ts';

export interface DraftRow extends DraftSummary {
  /** This browser's role in the draft; null when it holds no token (listed by an open server). */
  role: Role | null;
  /** Holds a token, even if the role is not known yet. */
  hasToken: boolean;
}

/**
 * Rows for every draft with a token here (titled from the server list when it has the draft, else from
 * what was last seen) plus the server's other drafts, newest first; drafts with a token come first.
 */
export function mergeDraftLists(tokens: TokenMap, server: readonly DraftSummary[] | null): DraftRow[] {
  const byId = new Map<string, DraftSummary>((server ?? []).map((d) => [d.id, d]));
  const mine: DraftRow[] = Object.entries(tokens).map(([id, rec]) => {
    const d = byId.get(id);
    return {
      id,
      title: d?.title ?? rec.title ?? '',
      symbol: d?.symbol ?? '',
      updatedAt: d?.updatedAt ?? rec.savedAt,
      createdAt: d?.createdAt ?? rec.savedAt,
      role: rec.role ?? null,
      hasToken: true,
    };
  });
  const others: DraftRow[] = (server ?? []).filter((d) => !(d.id in tokens)).map((d) => ({ ...d, role: null, hasToken: false }));
  return [...sortDrafts(mine), ...sortDrafts(others)];
}

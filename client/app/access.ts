/**
 * Who this browser is in a draft, from its token: `GET /me`, remembered beside the token so the
 * next visit renders the right controls before the answer arrives. Plus the invitation rights,
 * mirroring the server's rule (server/auth/invitations.ts `mayInvite`): rules.ts has no predicate
 * for invitations because they are not a Yjs write.
 */
import { useEffect, useState } from 'react';
import type { Actor, Role } from '../../shared/negotiation/layout.ts';
import { ROLES } from '../../shared/negotiation/layout.ts';
import { findDelegation } from '../../shared/directory/directory.ts';
import { api, type ApiError } from '../api.ts';
import { browserStorage, loadTokens, removeToken, updateTokenRecord } from './tokens.ts';

/** The actor remembered for a draft, or null. */
export function storedActor(draftId: string): Actor | null {
  const rec = loadTokens(browserStorage())[draftId];
  if (!rec?.participant || !rec.role) return null;
  return { participant: rec.participant, role: rec.role, delegation: rec.delegation ?? null };
}

export type AccessProblem = 'revoked' | 'invalid' | 'other-draft';

/** The access problem an API error stands for, or null when it is not about the token. */
export function accessProblem(error: ApiError): AccessProblem | null {
  if (error.code === 'token-revoked') return 'revoked';
  if (error.status === 401) return 'invalid';
  if (error.status === 403 && error.code === 'forbidden' && /another draft/.test(error.message)) return 'other-draft';
  return null;
}

export interface ActorState {
  actor: Actor | null;
  /** Why the token does not work, once the server said so. */
  problem: AccessProblem | null;
  /** Any other failure of `/me` (network...): the session still runs on the remembered identity. */
  error: ApiError | null;
}

/** The actor for a draft: remembered at once, then confirmed by `GET /me`. */
export function useActor(draftId: string, token: string): ActorState {
  const [state, setState] = useState<ActorState>(() => ({ actor: storedActor(draftId), problem: null, error: null }));
  useEffect(() => {
    let live = true;
    void api.me(draftId).then((res) => {
      if (!live) return;
      if (res.ok) {
        const { participant, role, delegation } = res.value;
        updateTokenRecord(browserStorage(), draftId, { participant, role, delegation });
        setState({ actor: { participant, role, delegation }, problem: null, error: null });
        return;
      }
      const problem = accessProblem(res.error);
      if (problem === 'revoked' || problem === 'invalid') removeToken(browserStorage(), draftId);
      setState((s) => ({ actor: problem ? null : s.actor, problem, error: problem ? null : res.error }));
    });
    return () => {
      live = false;
    };
  }, [draftId, token]);
  return state;
}

/** Roles an actor may hand out: the secretariat any, the chair any but secretariat, others none. */
export function invitableRoles(actor: Actor | null): Role[] {
  if (!actor) return [];
  if (actor.role === 'secretariat') return [...ROLES];
  if (actor.role === 'chair') return ROLES.filter((r) => r !== 'secretariat');
  return [];
}

/** Whether the invitations panel is offered (secretariat and chair). */
export const canManageInvitations = (actor: Actor | null): boolean => invitableRoles(actor).length > 0;

/** Roles that speak for a delegation: their participant is a directory name. */
export const isDelegationRole = (role: Role): boolean => role === 'penholder' || role === 'delegation';

export const ROLE_WORDS: Readonly<Record<Role, string>> = {
  secretariat: 'Secretariat',
  chair: 'Chair',
  penholder: 'Penholder',
  delegation: 'Delegation',
  observer: 'Observer',
};

/** The participant to send for a role, or an error in words (pure, for tests). */
export function checkParticipant(role: Role, input: string): { ok: true; participant: string } | { ok: false; error: string } {
  const text = input.trim().replace(/\s+/g, ' ');
  if (!text) return { ok: false, error: isDelegationRole(role) ? 'Choose a delegation.' : 'Enter the participant\u2019s name.' };
  if (!isDelegationRole(role)) return { ok: true, participant: text };
  const found = findDelegation(text);
  return found ? { ok: true, participant: found.name } : { ok: false, error: `"${text}" is not in the delegation directory.` };
}

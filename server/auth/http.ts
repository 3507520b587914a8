/**
 * Token checks at the HTTP edge. Tokens arrive as `Authorization: Bearer <token>`; the create key
 * (PENHOLDER_CREATE_KEY) the same way. Every failure is an ApiError with a named code.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import type { Role } from '../../shared/negotiation/layout.ts';
import { ApiError } from '../http/errors.ts';
import type { AccessStore, Invitation } from './store.ts';
import { bearerToken, hashToken, looksLikeToken } from './tokens.ts';

export type TokenCheck =
  | { ok: true; invitation: Invitation }
  | { ok: false; why: 'missing' | 'unknown' | 'revoked' | 'other-draft' };

/** Resolves a presented token for `draftId`. Never throws for bad input. */
export async function checkToken(access: AccessStore, token: string | null | undefined, draftId: string): Promise<TokenCheck> {
  if (!token) return { ok: false, why: 'missing' };
  if (!looksLikeToken(token)) return { ok: false, why: 'unknown' };
  const inv = await access.findByTokenHash(hashToken(token));
  if (!inv) return { ok: false, why: 'unknown' };
  if (inv.revokedAt !== null) return { ok: false, why: 'revoked' };
  if (inv.draftId !== draftId) return { ok: false, why: 'other-draft' };
  return { ok: true, invitation: inv };
}

/** The caller's invitation for `draftId`, or an ApiError (401 no/unknown/revoked token, 403 other draft or role). */
export async function requireToken(c: Context, access: AccessStore, draftId: string, roles?: readonly Role[]): Promise<Invitation> {
  const res = await checkToken(access, bearerToken(c.req.header('authorization')), draftId);
  if (!res.ok) {
    switch (res.why) {
      case 'missing': throw new ApiError(401, 'unauthorized', 'send the invitation token as "Authorization: Bearer <token>"');
      case 'unknown': throw new ApiError(401, 'unauthorized', 'this token is not valid');
      case 'revoked': throw new ApiError(401, 'token-revoked', 'this invitation was revoked');
      case 'other-draft': throw new ApiError(403, 'forbidden', 'this token is for another draft');
    }
  }
  if (roles && !roles.includes(res.invitation.role)) {
    throw new ApiError(403, 'forbidden', `only ${roles.join(' or ')} may do this (you are ${res.invitation.role})`);
  }
  return res.invitation;
}

const digest = (s: string): Buffer => createHash('sha256').update(s, 'utf8').digest();

/** True if the request carries the create key (constant-time compare). */
export function hasCreateKey(c: Context, createKey: string): boolean {
  const presented = bearerToken(c.req.header('authorization'));
  return presented !== null && timingSafeEqual(digest(presented), digest(createKey));
}

/** When a create key is configured, 401 unless the request carries it. No key configured: open. */
export function requireCreateKey(c: Context, createKey: string | undefined): void {
  if (createKey && !hasCreateKey(c, createKey)) {
    throw new ApiError(401, 'create-key-required', 'this server requires "Authorization: Bearer <PENHOLDER_CREATE_KEY>" to create or list drafts');
  }
}

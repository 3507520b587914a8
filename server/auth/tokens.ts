/**
 * Invitation tokens: 256 random bits, url-safe. Only their sha256 is stored, so a leaked database
 * does not hand out access; lookups hash the presented token and compare hashes.
 */
import { createHash, randomBytes } from 'node:crypto';

/** A fresh token: 32 random bytes in base64url (43 characters). */
export const newToken = (): string => randomBytes(32).toString('base64url');

/** A fresh public invitation id (12 url-safe characters, 72 bits). */
export const newInvitationId = (): string => randomBytes(9).toString('base64url');

/** Hex sha256 of a token, as stored. */
export const hashToken = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

/** True if the string has the shape of a token we issued (cheap filter before hashing). */
export const looksLikeToken = (s: string): boolean => /^[A-Za-z0-9_-]{43}$/.test(s);

/** The bearer token of an Authorization header, or null. */
export function bearerToken(header: string | undefined | null): string | null {
  if (!header) return null;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return m ? m[1] : null;
}

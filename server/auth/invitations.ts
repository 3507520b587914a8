/**
 * Who may be invited as what. Delegation-bound roles (penholder, delegation) name a delegation of
 * the directory (lookups are forgiving, the canonical name is stored) or, with `custom: true`, a
 * custom name that passes the directory's rules. Chair, secretariat and observer take free names.
 */
import { createDirectory, findDelegation } from '../../shared/directory/directory.ts';
import { KEY_SEP, ROLES, type Role } from '../../shared/negotiation/layout.ts';

export interface InvitationRequest {
  participant: string;
  role: Role;
  delegation: string | null;
}

export type InvitationCheck =
  | { ok: true; value: InvitationRequest }
  | { ok: false; status: 400 | 422; code: string; message: string };

const DELEGATION_ROLES: readonly Role[] = ['penholder', 'delegation'];

export const isDelegationRole = (role: Role): boolean => DELEGATION_ROLES.includes(role);

/** Validates a `{participant, role, custom?}` body. Never throws. */
export function parseInvitationRequest(body: unknown): InvitationCheck {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, status: 400, code: 'bad-body', message: 'send a JSON object {"participant": "...", "role": "..."}' };
  }
  const { participant, role, custom } = body as Record<string, unknown>;
  if (typeof role !== 'string' || !ROLES.includes(role as Role)) {
    return { ok: false, status: 422, code: 'unknown-role', message: `role must be one of ${ROLES.join(', ')}` };
  }
  if (typeof participant !== 'string' || participant.trim() === '') {
    return { ok: false, status: 422, code: 'bad-participant', message: '"participant" must be a non-empty string' };
  }
  if (custom !== undefined && typeof custom !== 'boolean') {
    return { ok: false, status: 400, code: 'bad-body', message: '"custom" must be true or false' };
  }
  const r = role as Role;
  if (isDelegationRole(r)) {
    const found = findDelegation(participant);
    if (found) return { ok: true, value: { participant: found.name, role: r, delegation: found.name } };
    if (custom !== true) {
      return { ok: false, status: 422, code: 'unknown-delegation',
        message: `"${participant.trim()}" is not in the delegation directory; send "custom": true to invite it under that name` };
    }
    if (participant.includes(KEY_SEP)) {
      return { ok: false, status: 422, code: 'bad-participant', message: `a delegation name may not contain "${KEY_SEP}"` };
    }
    const dir = createDirectory([participant]);
    if (!dir.ok) return { ok: false, status: 422, code: `participant-${dir.code}`, message: dir.message };
    const name = dir.directory.list('custom')[0]?.name ?? participant.trim();
    return { ok: true, value: { participant: name, role: r, delegation: name } };
  }
  const name = participant.trim().replace(/ {2,}/g, ' ');
  if (/[\u0000-\u001F\u007F-\u009F\u2028\u2029]/.test(name)) {
    return { ok: false, status: 422, code: 'bad-participant', message: 'the participant name contains a line break or control character' };
  }
  if ([...name].length > 120) return { ok: false, status: 422, code: 'bad-participant', message: 'the participant name is longer than 120 characters' };
  return { ok: true, value: { participant: name, role: r, delegation: null } };
}

/** Whether `inviter` may hand out `role`: the secretariat anything, the chair anything but secretariat. */
export function mayInvite(inviter: Role, role: Role): boolean {
  if (inviter === 'secretariat') return true;
  if (inviter === 'chair') return role !== 'secretariat';
  return false;
}

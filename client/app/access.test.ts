import { describe, expect, it } from 'vitest';
import { accessProblem, canManageInvitations, checkParticipant, invitableRoles } from './access.ts';
import { joinKind } from './DraftSponsors.tsx';
import { splitSponsors } from './Masthead.tsx';

describe('invitation rights', () => {
  it('lets the secretariat invite anyone and the chair anyone but the secretariat', () => {
    expect(invitableRoles({ participant: 'S', role: 'secretariat', delegation: null })).toEqual(['secretariat', 'chair', 'penholder', 'delegation', 'observer']);
    expect(invitableRoles({ participant: 'C', role: 'chair', delegation: null })).toEqual(['chair', 'penholder', 'delegation', 'observer']);
    expect(canManageInvitations({ participant: 'Brazil', role: 'penholder', delegation: 'Brazil' })).toBe(false);
    expect(canManageInvitations(null)).toBe(false);
  });

  it('resolves delegation names through the directory and keeps free names for other roles', () => {
    expect(checkParticipant('penholder', '  brazil ')).toEqual({ ok: true, participant: 'Brazil' });
    expect(checkParticipant('delegation', 'Atlantis')).toEqual({ ok: false, error: '"Atlantis" is not in the delegation directory.' });
    expect(checkParticipant('chair', '  Ambassador   Tan ')).toEqual({ ok: true, participant: 'Ambassador Tan' });
    expect(checkParticipant('observer', ' ')).toMatchObject({ ok: false });
  });

  it('tells token problems from other failures', () => {
    expect(accessProblem({ status: 401, code: 'token-revoked', message: 'this invitation was revoked' })).toBe('revoked');
    expect(accessProblem({ status: 401, code: 'unauthorized', message: 'this token is not valid' })).toBe('invalid');
    expect(accessProblem({ status: 403, code: 'forbidden', message: 'this token is for another draft' })).toBe('other-draft');
    expect(accessProblem({ status: 0, code: 'network', message: 'x' })).toBeNull();
  });
});

describe('draft sponsorship', () => {
  it('joins as main (penholder), co, or additional once tabled', () => {
    expect(joinKind({ participant: 'Brazil', role: 'penholder', delegation: 'Brazil' }, false)).toBe('main');
    expect(joinKind({ participant: 'Kenya', role: 'delegation', delegation: 'Kenya' }, false)).toBe('co');
    expect(joinKind({ participant: 'Brazil', role: 'penholder', delegation: 'Brazil' }, true)).toBe('additional');
  });

  it('prints additional sponsors apart from the sponsor line', () => {
    const row = (name: string, kind: 'main' | 'co' | 'additional', order: number) => ({ name, entry: { order, kind, at: '' } });
    expect(splitSponsors([row('Brazil', 'main', 0), row('Kenya', 'co', 1), row('Peru', 'additional', 2)]))
      .toEqual({ line: ['Brazil', 'Kenya'], additional: ['Peru'] });
  });
});

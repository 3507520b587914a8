import { describe, expect, test } from 'vitest';
import { PHASES, ROLES, type Actor, type AmendmentStatus, type Phase, type Role } from '../negotiation/layout.ts';
import {
  canCosignAmendment, canDecideAmendment, canEditAmendment, canEditMasthead, canEditParagraph, canEditText, canProposeAmendment,
  canIssueRevision, canRecordPosition, canSetAmendmentStatus, canSetParagraphStatus, canSetPhase, canWriteDraftSponsor,
  canWriteParagraphSponsor, type Verdict,
} from './rules.ts';

/** One actor per role; delegation roles speak for 'Self'. */
const actorFor = (role: Role): Actor => ({
  participant: role,
  role,
  delegation: role === 'penholder' || role === 'delegation' ? 'Self' : null,
});

type Table = Record<Phase, readonly Role[]>;
const ALL: readonly Role[] = ['secretariat', 'chair', 'penholder', 'delegation'];
const DELEGATIONS: readonly Role[] = ['penholder', 'delegation'];
const NONE: readonly Role[] = [];

/** Assert `check` allows exactly the roles listed per phase, and that observers always get 'observer-read-only'. */
function table(name: string, expected: Table, check: (actor: Actor, phase: Phase) => Verdict): void {
  describe(name, () => {
    for (const phase of PHASES) {
      for (const role of ROLES) {
        const allowed = expected[phase].includes(role);
        test(`${role} in ${phase}: ${allowed ? 'allowed' : 'refused'}`, () => {
          const v = check(actorFor(role), phase);
          expect(v.ok).toBe(allowed);
          if (role === 'observer') expect(v).toEqual({ ok: false, reason: 'observer-read-only' });
        });
      }
    }
  });
}

table('canEditText', { drafting: ['secretariat', 'chair', 'penholder'], negotiation: ['chair'], closed: NONE },
  (a, phase) => canEditText(a, { phase }));
table('canEditParagraph (pending)', { drafting: ['secretariat', 'chair', 'penholder'], negotiation: ['chair'], closed: NONE },
  (a, phase) => canEditParagraph(a, { phase, status: 'pending' }));
table('canEditParagraph (bracketed)', { drafting: ['secretariat', 'chair', 'penholder'], negotiation: ['chair'], closed: NONE },
  (a, phase) => canEditParagraph(a, { phase, status: 'bracketed' }));
table('canEditParagraph (agreed)', { drafting: NONE, negotiation: NONE, closed: NONE },
  (a, phase) => canEditParagraph(a, { phase, status: 'agreed' }));
table('canEditParagraph (agreed-ad-ref)', { drafting: NONE, negotiation: NONE, closed: NONE },
  (a, phase) => canEditParagraph(a, { phase, status: 'agreed-ad-ref' }));
table('canSetParagraphStatus', { drafting: ['chair'], negotiation: ['chair'], closed: NONE },
  (a, phase) => canSetParagraphStatus(a, { phase }));
table('canSetPhase', { drafting: ['chair', 'secretariat'], negotiation: ['chair', 'secretariat'], closed: ['chair', 'secretariat'] },
  (a) => canSetPhase(a));
table('canIssueRevision', { drafting: ['chair', 'secretariat'], negotiation: ['chair', 'secretariat'], closed: ['chair', 'secretariat'] },
  (a) => canIssueRevision(a));
table('canDecideAmendment', { drafting: ['chair'], negotiation: ['chair'], closed: NONE },
  (a, phase) => canDecideAmendment(a, { phase }));
table('canEditMasthead', { drafting: ['secretariat'], negotiation: ['secretariat'], closed: ['secretariat'] },
  (a, phase) => canEditMasthead(a, { phase }));
table('canWriteDraftSponsor (own, withdraw)', { drafting: ['secretariat', ...DELEGATIONS], negotiation: ['secretariat', ...DELEGATIONS], closed: ['secretariat'] },
  (a, phase) => canWriteDraftSponsor(a, { delegation: 'Self', phase }));
table('canWriteDraftSponsor (other delegation)', { drafting: ['secretariat'], negotiation: ['secretariat'], closed: ['secretariat'] },
  (a, phase) => canWriteDraftSponsor(a, { delegation: 'Other', phase }));
table('canWriteDraftSponsor (join as co, not tabled)', { drafting: ['secretariat', ...DELEGATIONS], negotiation: ['secretariat', ...DELEGATIONS], closed: ['secretariat'] },
  (a, phase) => canWriteDraftSponsor(a, { delegation: 'Self', phase, kind: 'co', tabled: false }));
table('canWriteDraftSponsor (join as co after tabling)', { drafting: ['secretariat'], negotiation: ['secretariat'], closed: ['secretariat'] },
  (a, phase) => canWriteDraftSponsor(a, { delegation: 'Self', phase, kind: 'co', tabled: true }));
table('canWriteDraftSponsor (join as additional after tabling)', { drafting: ['secretariat', ...DELEGATIONS], negotiation: ['secretariat', ...DELEGATIONS], closed: ['secretariat'] },
  (a, phase) => canWriteDraftSponsor(a, { delegation: 'Self', phase, kind: 'additional', tabled: true }));
table('canWriteDraftSponsor (join as main)', { drafting: ['secretariat', 'penholder'], negotiation: ['secretariat', 'penholder'], closed: ['secretariat'] },
  (a, phase) => canWriteDraftSponsor(a, { delegation: 'Self', phase, kind: 'main', tabled: false }));
table('canWriteParagraphSponsor (own)', { drafting: DELEGATIONS, negotiation: DELEGATIONS, closed: NONE },
  (a, phase) => canWriteParagraphSponsor(a, { delegation: 'Self', role: 'co', phase }));
table('canWriteParagraphSponsor (other)', { drafting: NONE, negotiation: NONE, closed: NONE },
  (a, phase) => canWriteParagraphSponsor(a, { delegation: 'Other', role: 'co', phase }));
table('canProposeAmendment (open target)', { drafting: DELEGATIONS, negotiation: DELEGATIONS, closed: NONE },
  (a, phase) => canProposeAmendment(a, { phase, targetStatus: 'bracketed' }));
table('canProposeAmendment (insert)', { drafting: DELEGATIONS, negotiation: DELEGATIONS, closed: NONE },
  (a, phase) => canProposeAmendment(a, { phase }));
table('canProposeAmendment (agreed target)', { drafting: NONE, negotiation: NONE, closed: NONE },
  (a, phase) => canProposeAmendment(a, { phase, targetStatus: 'agreed' }));

const own = (status: AmendmentStatus) => ({ author: 'Self', status });
const other = (status: AmendmentStatus) => ({ author: 'Other', status });
table('canEditAmendment (own, proposed)', { drafting: DELEGATIONS, negotiation: DELEGATIONS, closed: NONE },
  (a, phase) => canEditAmendment(a, { amendment: own('proposed'), phase }));
table('canEditAmendment (own, withdrawn)', { drafting: NONE, negotiation: NONE, closed: NONE },
  (a, phase) => canEditAmendment(a, { amendment: own('withdrawn'), phase }));
table('canEditAmendment (other\'s)', { drafting: NONE, negotiation: NONE, closed: NONE },
  (a, phase) => canEditAmendment(a, { amendment: other('proposed'), phase }));
table('canSetAmendmentStatus (withdraw own)', { drafting: DELEGATIONS, negotiation: DELEGATIONS, closed: NONE },
  (a, phase) => canSetAmendmentStatus(a, { amendment: own('proposed'), to: 'withdrawn', phase }));
table('canSetAmendmentStatus (withdraw other\'s)', { drafting: NONE, negotiation: NONE, closed: NONE },
  (a, phase) => canSetAmendmentStatus(a, { amendment: other('proposed'), to: 'withdrawn', phase }));
for (const to of ['accepted', 'rejected'] as const) {
  table(`canSetAmendmentStatus (${to})`, { drafting: ['chair'], negotiation: ['chair'], closed: NONE },
    (a, phase) => canSetAmendmentStatus(a, { amendment: other('proposed'), to, phase }));
  table(`canSetAmendmentStatus (${to} a withdrawn one)`, { drafting: NONE, negotiation: NONE, closed: NONE },
    (a, phase) => canSetAmendmentStatus(a, { amendment: other('withdrawn'), to, phase }));
}
table('canSetAmendmentStatus (reopen accepted)', { drafting: ['chair'], negotiation: ['chair'], closed: NONE },
  (a, phase) => canSetAmendmentStatus(a, { amendment: other('accepted'), to: 'proposed', phase }));
table('canCosignAmendment (self on other\'s)', { drafting: DELEGATIONS, negotiation: DELEGATIONS, closed: NONE },
  (a, phase) => canCosignAmendment(a, { delegation: 'Self', amendment: other('proposed'), phase }));
table('canCosignAmendment (for someone else)', { drafting: NONE, negotiation: NONE, closed: NONE },
  (a, phase) => canCosignAmendment(a, { delegation: 'Third', amendment: other('proposed'), phase }));
table('canCosignAmendment (own amendment)', { drafting: NONE, negotiation: NONE, closed: NONE },
  (a, phase) => canCosignAmendment(a, { delegation: 'Self', amendment: own('proposed'), phase }));
table('canRecordPosition (own)', { drafting: DELEGATIONS, negotiation: DELEGATIONS, closed: NONE },
  (a, phase) => canRecordPosition(a, { delegation: 'Self', phase }));
table('canRecordPosition (other)', { drafting: NONE, negotiation: NONE, closed: NONE },
  (a, phase) => canRecordPosition(a, { delegation: 'Other', phase }));

describe('reasons', () => {
  const [chair, pen, del, sec] = (['chair', 'penholder', 'delegation', 'secretariat'] as const).map(actorFor);
  test('named codes for typical refusals', () => {
    expect(canEditText(del, { phase: 'drafting' })).toEqual({ ok: false, reason: 'phase-forbids-text-edit' });
    expect(canEditText(pen, { phase: 'negotiation' })).toEqual({ ok: false, reason: 'phase-forbids-text-edit' });
    expect(canEditParagraph(chair, { phase: 'negotiation', status: 'agreed' })).toEqual({ ok: false, reason: 'paragraph-locked' });
    expect(canSetParagraphStatus(sec)).toEqual({ ok: false, reason: 'chair-only' });
    expect(canSetParagraphStatus(chair, { phase: 'closed' })).toEqual({ ok: false, reason: 'phase-closed' });
    expect(canSetPhase(pen)).toEqual({ ok: false, reason: 'chair-or-secretariat-only' });
    expect(canEditMasthead(chair, { phase: 'drafting' })).toEqual({ ok: false, reason: 'secretariat-only' });
    expect(canRecordPosition(del, { delegation: 'Other', phase: 'drafting' })).toEqual({ ok: false, reason: 'not-your-delegation' });
    expect(canRecordPosition(chair, { delegation: 'Self', phase: 'drafting' })).toEqual({ ok: false, reason: 'no-delegation' });
    expect(canProposeAmendment(del, { phase: 'negotiation', targetStatus: 'agreed-ad-ref' })).toEqual({ ok: false, reason: 'paragraph-locked' });
    expect(canEditAmendment(del, { amendment: own('accepted'), phase: 'negotiation' })).toEqual({ ok: false, reason: 'amendment-not-editable' });
    expect(canEditAmendment(del, { amendment: other('proposed'), phase: 'negotiation' })).toEqual({ ok: false, reason: 'author-only' });
    expect(canEditAmendment(del, { amendment: own('proposed'), phase: 'negotiation', targetStatus: 'agreed' })).toEqual({ ok: false, reason: 'paragraph-locked' });
    expect(canSetAmendmentStatus(chair, { amendment: other('withdrawn'), to: 'proposed' })).toEqual({ ok: false, reason: 'amendment-status-transition' });
    expect(canSetAmendmentStatus(del, { amendment: other('proposed'), to: 'accepted' })).toEqual({ ok: false, reason: 'chair-only' });
    expect(canCosignAmendment(del, { delegation: 'Self', amendment: own('proposed') })).toEqual({ ok: false, reason: 'cannot-cosign-own-amendment' });
    expect(canWriteDraftSponsor(del, { delegation: 'Self', phase: 'drafting', kind: 'main' })).toEqual({ ok: false, reason: 'sponsor-kind-not-allowed' });
    expect(canWriteDraftSponsor(del, { delegation: 'Self', phase: 'closed' })).toEqual({ ok: false, reason: 'phase-closed' });
    expect(canDecideAmendment(chair, { phase: 'negotiation', targetStatus: 'agreed' })).toEqual({ ok: false, reason: 'paragraph-locked' });
    expect(canDecideAmendment(sec, { phase: 'negotiation' })).toEqual({ ok: false, reason: 'chair-only' });
  });
  test('a delegation-role actor without a delegation speaks for nobody', () => {
    const broken: Actor = { participant: 'x', role: 'delegation', delegation: null };
    expect(canRecordPosition(broken, { delegation: '', phase: 'drafting' })).toEqual({ ok: false, reason: 'no-delegation' });
    expect(canProposeAmendment(broken, { phase: 'drafting' })).toEqual({ ok: false, reason: 'no-delegation' });
  });
  test('all delegation roles are listed', () => {
    expect([...ALL, 'observer'].sort()).toEqual([...ROLES].sort());
  });
});

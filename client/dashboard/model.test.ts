/** The chair's dashboard model over a real Y.Doc: grouping, counts, statuses, silent delegations, actions. */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  cosignAmendment, proposeAmendment, recordPosition, setAmendmentStatus, setParagraphStatus,
} from '../../shared/negotiation/actions.ts';
import type { Actor } from '../../shared/negotiation/layout.ts';
import { emptyResolution, writeResolutionToYDoc } from '../../shared/resolution/ydoc.ts';
import {
  amendmentActions, decisionError, draftDelegations, invitedDelegations, pendingGroups, readDashboardInput, silentDelegations,
  stanceCounts, statusActions, statusBuckets,
} from './model.ts';

const chair: Actor = { participant: 'Chair', role: 'chair', delegation: null };
const brazil: Actor = { participant: 'Brazil', role: 'delegation', delegation: 'Brazil' };
const secretariat: Actor = { participant: 'Secretariat', role: 'secretariat', delegation: null };

let clock = 0;
const opts = (id: string) => ({ newId: () => id, now: () => new Date(Date.UTC(2026, 0, 1, 0, 0, clock++)).toISOString() });

function build() {
  const doc = new Y.Doc();
  const res = emptyResolution();
  res.title = 'Test';
  res.sponsors = ['Norway'];
  res.preamble = [{ id: 'pp1', text: 'Recalling', subparagraphs: [] }, { id: 'pp2', text: 'Noting', subparagraphs: [] }];
  res.operative = [1, 2, 3].map((n) => ({ id: `op${n}`, number: n, text: `Operative ${n}`, subparagraphs: [] }));
  writeResolutionToYDoc(doc, res);
  proposeAmendment(doc, { author: 'Brazil', kind: 'wording', target: 'op2', text: 'New two' }, opts('a1'));
  proposeAmendment(doc, { author: 'Kenya', kind: 'wording', target: 'op2', text: 'Other two' }, opts('a2'));
  proposeAmendment(doc, { author: 'Chile', kind: 'delete', target: 'pp1' }, opts('a3'));
  proposeAmendment(doc, { author: 'Kenya', kind: 'insert', after: 'op1', paragraphKind: 'operative', text: 'Inserted A' }, opts('a4'));
  proposeAmendment(doc, { author: 'Peru', kind: 'insert', after: 'op1', paragraphKind: 'operative', text: 'Inserted B' }, opts('a5'));
  proposeAmendment(doc, { author: 'Peru', kind: 'wording', target: 'op3', text: 'gone' }, opts('a6'));
  setAmendmentStatus(doc, 'a6', 'withdrawn');
  cosignAmendment(doc, 'a1', 'Chile');
  recordPosition(doc, 'a1', 'Kenya', 'oppose');
  recordPosition(doc, 'a1', 'Norway', 'support');
  recordPosition(doc, 'a1', 'Chile', 'support');
  recordPosition(doc, 'a1', 'Peru', 'reservation');
  recordPosition(doc, 'a2', 'Brazil', 'can-accept');
  recordPosition(doc, 'op1', 'Brazil', 'support');
  recordPosition(doc, 'op1', 'Kenya', 'none');
  setParagraphStatus(doc, 'op1', 'bracketed', 'Chair');
  setParagraphStatus(doc, 'pp2', 'agreed-ad-ref', 'Chair');
  setParagraphStatus(doc, 'gone', 'agreed', 'Chair');
  return doc;
}

describe('pending amendments', () => {
  it('grouped by paragraph in document order, new paragraphs together after their anchor, withdrawn left out', () => {
    const groups = pendingGroups(readDashboardInput(build()));
    expect(groups.map((g) => g.label)).toEqual(['PP1', 'New paragraphs after OP1', 'OP2']);
    expect(groups.map((g) => g.amendments.map((a) => a.id))).toEqual([['a3'], ['a4', 'a5'], ['a1', 'a2']]);
    expect(groups[1].amendments.map((a) => a.ref)).toEqual(['OP1 bis', 'OP1 ter']);
    expect(groups[1]).toMatchObject({ paragraphId: '', after: 'op1' });
    expect(groups[2]).toMatchObject({ paragraphId: 'op2' });
  });

  it('each with author, co-signers and position counts', () => {
    const a1 = pendingGroups(readDashboardInput(build()))[2].amendments[0];
    expect(a1).toMatchObject({ author: 'Brazil', cosigners: ['Chile'], ref: 'OP2', targetId: 'op2' });
    expect(a1.counts).toEqual({ support: 2, 'can-accept': 0, oppose: 1, reservation: 1, none: 0 });
    expect(stanceCounts('a2', readDashboardInput(build()).positions)).toMatchObject({ 'can-accept': 1, support: 0 });
  });

  it('accepted ones leave the list', () => {
    const doc = build();
    setAmendmentStatus(doc, 'a3', 'accepted');
    expect(pendingGroups(readDashboardInput(doc)).map((g) => g.label)).toEqual(['New paragraphs after OP1', 'OP2']);
  });
});

describe('statuses and silent delegations', () => {
  it('counts every numbered paragraph once, pending by default', () => {
    const buckets = statusBuckets(readDashboardInput(build()).paragraphs, readDashboardInput(build()).statuses);
    expect(buckets.map((b) => [b.status, b.count])).toEqual([['pending', 3], ['bracketed', 1], ['agreed-ad-ref', 1], ['agreed', 0]]);
    expect(buckets[0].paragraphs.map((p) => p.ref)).toEqual(['PP1', 'OP2', 'OP3']);
  });

  it('delegations of the draft: invited, sponsors and everyone who acted; silent = no stance (cleared counts as none)', () => {
    const input = readDashboardInput(build());
    const invited = invitedDelegations([
      { id: 'i1', participant: 'Ghana', role: 'delegation', delegation: 'Ghana', createdAt: '', createdBy: null, revokedAt: null },
      { id: 'i2', participant: 'Fiji', role: 'delegation', delegation: 'Fiji', createdAt: '', createdBy: null, revokedAt: '2026-01-01' },
      { id: 'i3', participant: 'Chair', role: 'chair', delegation: null, createdAt: '', createdBy: null, revokedAt: null },
    ]);
    expect(invited).toEqual(['Ghana']);
    const all = draftDelegations(input, invited);
    expect(all).toEqual(['Brazil', 'Chile', 'Ghana', 'Kenya', 'Norway', 'Peru']);
    expect(silentDelegations('op1', all, input.positions)).toEqual(['Chile', 'Ghana', 'Kenya', 'Norway', 'Peru']);
    expect(silentDelegations('a1', all, input.positions)).toEqual(['Brazil', 'Ghana']);
  });
});

describe('quick actions follow the rules', () => {
  it('the chair accepts and rejects proposed amendments, not into a locked paragraph, not once closed', () => {
    const a = { author: 'Brazil', status: 'proposed' as const, kind: 'wording' as const };
    expect(amendmentActions(chair, 'negotiation', a, 'pending')).toEqual({ accept: true, reject: true });
    expect(amendmentActions(chair, 'negotiation', a, 'agreed')).toEqual({ accept: false, reject: true });
    expect(amendmentActions(chair, 'negotiation', { ...a, kind: 'insert' }, 'agreed')).toEqual({ accept: true, reject: true });
    expect(amendmentActions(chair, 'closed', a, 'pending')).toEqual({ accept: false, reject: false });
    expect(amendmentActions(chair, 'negotiation', { ...a, status: 'withdrawn' }, 'pending')).toEqual({ accept: false, reject: false });
    expect(amendmentActions(secretariat, 'negotiation', a, 'pending')).toEqual({ accept: false, reject: false });
    expect(amendmentActions(brazil, 'negotiation', a, 'pending')).toEqual({ accept: false, reject: false });
  });

  it('status buttons: the chair only, all but the current status', () => {
    expect(statusActions(chair, 'negotiation', 'pending').map((a) => a.to)).toEqual(['bracketed', 'agreed-ad-ref']);
    expect(statusActions(chair, 'drafting', 'bracketed').map((a) => a.to)).toEqual(['agreed-ad-ref', 'pending']);
    expect(statusActions(chair, 'closed', 'pending')).toEqual([]);
    expect(statusActions(secretariat, 'negotiation', 'pending')).toEqual([]);
  });

  it('a conflict sends the chair to the amendments panel; other errors are the server\'s words', () => {
    expect(decisionError({ status: 409, code: 'conflict', message: 'x' }, 'OP2')).toMatch(/OP2.*Amendments panel/);
    expect(decisionError({ status: 409, code: 'not-proposed', message: 'the amendment is not proposed' }, 'OP2')).toBe('the amendment is not proposed');
  });
});

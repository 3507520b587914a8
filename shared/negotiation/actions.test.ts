import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { readSponsors } from '../resolution/ydoc.ts';
import * as A from './actions.ts';

function clock(): () => string {
  let n = 0;
  return () => `2026-01-01T00:00:${String(n++).padStart(2, '0')}.000Z`;
}

describe('negotiation actions', () => {
  test('phase and tabling', () => {
    const doc = new Y.Doc();
    expect(A.readPhase(doc)).toBe('drafting');
    A.setPhase(doc, 'negotiation');
    expect(A.readPhase(doc)).toBe('negotiation');
    doc.getMap('control').set('phase', 'bogus');
    expect(A.readPhase(doc)).toBe('drafting');
    expect(A.readTabledAt(doc)).toBe('');
    A.markTabled(doc, { now: () => 'T1' });
    expect(A.readTabledAt(doc)).toBe('T1');
  });

  test('draft sponsors: order appended, kind co before tabling and additional after', () => {
    const doc = new Y.Doc();
    const now = clock();
    A.joinDraftSponsors(doc, 'Brazil', 'main', { now });
    A.joinDraftSponsors(doc, 'Chile', undefined, { now });
    A.markTabled(doc, { now });
    A.joinDraftSponsors(doc, 'Peru', undefined, { now });
    A.joinDraftSponsors(doc, 'Chile', 'co', { now }); // re-kind keeps order
    expect(readSponsors(doc).map((s) => [s.name, s.entry.order, s.entry.kind])).toEqual([
      ['Brazil', 0, 'main'], ['Chile', 1, 'co'], ['Peru', 2, 'additional'],
    ]);
    A.leaveDraftSponsors(doc, 'Chile');
    expect(readSponsors(doc).map((s) => s.name)).toEqual(['Brazil', 'Peru']);
  });

  test('paragraph sponsors', () => {
    const doc = new Y.Doc();
    A.joinParagraph(doc, 'op1', 'Chile', 'proposer', { now: () => 'T' });
    A.joinParagraph(doc, 'op1', 'Peru');
    A.leaveParagraph(doc, 'op1', 'Peru');
    expect(A.readParagraphSponsors(doc)).toEqual([{ paragraphId: 'op1', delegation: 'Chile', entry: { role: 'proposer', at: 'T' } }]);
  });

  test('amendment lifecycle', () => {
    const doc = new Y.Doc();
    const now = clock();
    const id = A.proposeAmendment(doc, { author: 'Chile', kind: 'wording', target: 'op1', baseText: 'Old', text: 'New text' }, { now, newId: () => 'a1' });
    expect(id).toBe('a1');
    expect(A.editAmendmentText(doc, id, 'New better text', { now })).toBe(true);
    expect(A.amendmentText(doc, id)?.toString()).toBe('New better text');
    A.insertAmendmentText(doc, id, 0, '» ', { now });
    A.deleteAmendmentText(doc, id, 0, 2, { now });
    A.setAmendmentRationale(doc, id, 'Clarity', { now });
    A.setAmendmentPlacement(doc, id, { level: 1 }, { now });
    expect(A.cosignAmendment(doc, id, 'Peru', { now })).toBe(true);
    A.cosignAmendment(doc, id, 'Mexico', { now });
    A.uncosignAmendment(doc, id, 'Mexico');
    A.withdrawAmendment(doc, id, { now });
    const [a] = A.readAmendments(doc);
    expect(a).toMatchObject({
      id: 'a1', author: 'Chile', kind: 'wording', target: 'op1', baseText: 'Old', text: 'New better text',
      rationale: 'Clarity', status: 'withdrawn', cosigners: ['Peru'], level: 1, createdAt: '2026-01-01T00:00:00.000Z',
    });
    expect(a.updatedAt > a.createdAt).toBe(true);
    expect(A.readAmendment(doc, 'nope')).toBeNull();
    expect(A.editAmendmentText(doc, 'nope', 'x')).toBe(false);
    expect(A.cosignAmendment(doc, 'nope', 'Peru')).toBe(false);
  });

  test('amendments read in creation order', () => {
    const doc = new Y.Doc();
    const now = clock();
    A.proposeAmendment(doc, { author: 'B', kind: 'insert', after: 'op1', text: 'x' }, { now, newId: () => 'z' });
    A.proposeAmendment(doc, { author: 'A', kind: 'delete', target: 'op2' }, { now, newId: () => 'a' });
    expect(A.readAmendments(doc).map((a) => a.id)).toEqual(['z', 'a']);
  });

  test('positions and statuses', () => {
    const doc = new Y.Doc();
    A.recordPosition(doc, 'op1', 'Chile', 'oppose', 'x'.repeat(3000), { now: () => 'T' });
    A.recordPosition(doc, 'op1', 'Peru', 'support');
    A.recordPosition(doc, 'a1', 'Chile', 'reservation', 'footnote please');
    const positions = A.readPositions(doc);
    expect(positions.find((p) => p.delegation === 'Chile' && p.targetId === 'op1')?.entry.note.length).toBe(A.MAX_NOTE_LENGTH);
    A.setParagraphStatus(doc, 'op1', 'agreed', 'Chair', { now: () => 'T' });
    expect(A.readStatuses(doc).get('op1')).toEqual({ status: 'agreed', by: 'Chair', at: 'T' });
    expect(A.readStatus(doc, 'op1')).toBe('agreed');
    expect(A.readStatus(doc, 'op2')).toBe('pending');
  });

  test('positions matrix counts stances and flags open opposition', () => {
    const doc = new Y.Doc();
    A.recordPosition(doc, 'op1', 'Chile', 'oppose', 'too strong');
    A.recordPosition(doc, 'op1', 'Peru', 'support');
    A.recordPosition(doc, 'op2', 'Peru', 'reservation');
    A.recordPosition(doc, 'a1', 'Mexico', 'can-accept');
    const m = A.positionsMatrix(A.readPositions(doc), { paragraphIds: ['op1', 'op2'], amendmentIds: ['a1'], delegations: ['Chile', 'Peru'] });
    expect(m.delegations).toEqual(['Chile', 'Peru', 'Mexico']);
    const [op1, op2, a1] = m.rows;
    expect(op1).toMatchObject({ targetId: 'op1', kind: 'paragraph', openOpposition: true, notes: { Chile: 'too strong' } });
    expect(op1.counts).toEqual({ support: 1, 'can-accept': 0, oppose: 1, reservation: 0, none: 1 });
    expect(op2.openOpposition).toBe(false);
    expect(op2.counts.reservation).toBe(1);
    expect(a1).toMatchObject({ kind: 'amendment', stances: { Chile: 'none', Peru: 'none', Mexico: 'can-accept' } });
  });

  test('readers tolerate junk', () => {
    const doc = new Y.Doc();
    doc.getMap('positions').set('nokey', { stance: 'support' });
    doc.getMap('positions').set('op1|Chile', 42);
    doc.getMap('amendments').set('x', 'not a map');
    doc.getMap('status').set('op1', { status: 'weird' });
    expect(A.readPositions(doc)).toEqual([{ targetId: 'op1', delegation: 'Chile', entry: { stance: 'none', note: '', at: '' } }]);
    expect(A.readAmendments(doc)).toEqual([]);
    expect(A.readStatus(doc, 'op1')).toBe('pending');
  });
});

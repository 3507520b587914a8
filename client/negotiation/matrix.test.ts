import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readAmendments, readPositions, recordPosition } from '../../shared/negotiation/actions.ts';
import { describeParagraphs } from './model.ts';
import { describeCounts, filterMatrix, labelledMatrix, matrixDelegations, NO_FILTERS } from './matrix.ts';
import { BLOCKS, putAmendment } from './testing.ts';

function build() {
  const doc = new Y.Doc();
  putAmendment(doc, { id: 'a1', author: 'Brazil', target: 'op1' }, 'Welcomes the excellent report;', ['Chile']);
  putAmendment(doc, { id: 'a2', author: 'Peru', target: 'op2', status: 'withdrawn' }, 'x');
  putAmendment(doc, { id: 'a3', author: 'Kenya', kind: 'insert', after: 'op1' }, 'Requests;');
  putAmendment(doc, { id: 'a0', author: 'Chile', kind: 'delete', target: 'pp1' });
  recordPosition(doc, 'a1', 'Kenya', 'oppose', 'too strong');
  recordPosition(doc, 'a1', 'Norway', 'support');
  recordPosition(doc, 'op2', 'Brazil', 'reservation');
  recordPosition(doc, 'op3', 'Kenya', 'can-accept');
  const amendments = readAmendments(doc);
  const positions = readPositions(doc);
  const delegations = matrixDelegations(['Norway', 'Brazil'], amendments, positions);
  return { matrix: labelledMatrix(describeParagraphs(BLOCKS), amendments, positions, delegations), delegations };
}

describe('positions matrix', () => {
  it('has sponsors first, then other delegations; paragraph rows then amendment rows (withdrawn left out)', () => {
    const { matrix, delegations } = build();
    expect(delegations).toEqual(['Norway', 'Brazil', 'Chile', 'Kenya', 'Peru']);
    expect(matrix.rows.map((r) => r.label)).toEqual(['PP1', 'PP2', 'OP1', 'OP1 (a)', 'OP2', 'OP3', 'PP1 · Chile (delete)', 'OP1 · Brazil (wording)', 'OP1 bis · Kenya (insert)']);
    const a1 = matrix.rows.find((r) => r.targetId === 'a1');
    expect(a1?.stances).toMatchObject({ Kenya: 'oppose', Norway: 'support', Brazil: 'none' });
    expect(a1?.openOpposition).toBe(true);
    expect(a1?.notes.Kenya).toBe('too strong');
    expect(describeCounts(a1!.counts)).toBe('1 support · 1 oppose');
  });

  it('filters: only opposed, only amendments, one delegation', () => {
    const { matrix } = build();
    expect(filterMatrix(matrix, NO_FILTERS).rows).toHaveLength(9);
    expect(filterMatrix(matrix, { ...NO_FILTERS, onlyOpposed: true }).rows.map((r) => r.targetId)).toEqual(['a1']);
    expect(filterMatrix(matrix, { ...NO_FILTERS, onlyAmendments: true }).rows.map((r) => r.targetId)).toEqual(['a0', 'a1', 'a3']);
    const kenya = filterMatrix(matrix, { ...NO_FILTERS, delegation: 'Kenya' });
    expect(kenya.delegations).toEqual(['Kenya']);
    expect(kenya.rows).toHaveLength(9);
    expect(filterMatrix(matrix, { ...NO_FILTERS, delegation: 'Norway', onlyOpposed: true }).rows).toEqual([]);
  });
});

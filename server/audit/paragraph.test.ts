/** Which rows of the record are about a paragraph (server/audit/paragraph.ts). */
import { describe, expect, it } from 'vitest';
import { aboutParagraph, amendmentsOfParagraph } from './paragraph.ts';

const rows = [
  { kind: 'amendment-proposed', target: 'a1', detail: { target: 'op1', kind: 'wording' } },
  { kind: 'amendment-proposed', target: 'a2', detail: { target: 'op2', kind: 'delete' } },
  { kind: 'amendment-proposed', target: 'a3', detail: { target: '', kind: 'insert' } },
  { kind: 'amendment-merged', target: 'p9', detail: { amendmentId: 'a3' } },
  { kind: 'position', target: 'op1', detail: { delegation: 'Kenya' } },
  { kind: 'amendment-rejected', target: 'a2', detail: null },
  { kind: 'amendment-cosigned', target: 'a1', detail: 'junk' },
];

describe('amendmentsOfParagraph', () => {
  it('reads the target of proposals and the amendment of merges into the paragraph', () => {
    expect([...amendmentsOfParagraph('op1', rows)]).toEqual(['a1']);
    expect([...amendmentsOfParagraph('op2', rows)]).toEqual(['a2']);
    expect([...amendmentsOfParagraph('p9', rows)]).toEqual(['a3']);
  });

  it('an empty id (inserts have no target) matches nothing', () => {
    expect(amendmentsOfParagraph('', rows).size).toBe(0);
  });
});

describe('aboutParagraph', () => {
  it('keeps the paragraph\'s rows and its amendments\' rows, in order', () => {
    expect(aboutParagraph(rows, 'op1', amendmentsOfParagraph('op1', rows)).map((r) => `${r.kind}:${r.target}`))
      .toEqual(['amendment-proposed:a1', 'position:op1', 'amendment-cosigned:a1']);
    expect(aboutParagraph(rows, 'op2', amendmentsOfParagraph('op2', rows)).map((r) => r.kind))
      .toEqual(['amendment-proposed', 'amendment-rejected']);
  });
});

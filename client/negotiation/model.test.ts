import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  amendmentRefs, describeParagraphs, groupAmendments, inlineAmendments, insertSuffix, panelAmendments, trackedSpecs,
} from './model.ts';
import { readAmendments as readAmendmentViews, readPhase } from '../../shared/negotiation/actions.ts';
import { BLOCKS, putAmendment } from './testing.ts';
import { NEGOTIATION_ROOT } from '../../shared/negotiation/layout.ts';

const paragraphs = describeParagraphs(BLOCKS);

function sample(): Y.Doc {
  const doc = new Y.Doc();
  putAmendment(doc, { id: 'a1', author: 'Brazil', target: 'op1' }, 'Welcomes the excellent report of the Secretary-General;');
  putAmendment(doc, { id: 'a2', author: 'Kenya', kind: 'insert', after: 'op1', paragraphKind: 'operative' }, 'Requests a report;');
  putAmendment(doc, { id: 'a3', author: 'Norway', kind: 'insert', after: 'op1', paragraphKind: 'operative' }, 'Invites States;');
  putAmendment(doc, { id: 'a4', author: 'Kenya', kind: 'delete', target: 'pp2' });
  putAmendment(doc, { id: 'a5', author: 'Brazil', kind: 'move', target: 'op3', after: 'op1' });
  putAmendment(doc, { id: 'a6', author: 'Kenya', target: 'op1', status: 'withdrawn' }, 'Welcomes;', ['Brazil']);
  putAmendment(doc, { id: 'a7', author: 'Chile', kind: 'insert', after: '', paragraphKind: 'operative' }, 'Stresses;');
  putAmendment(doc, { id: 'a8', author: 'Chile', target: 'gone' }, 'x');
  return doc;
}

describe('paragraph refs', () => {
  it('derives PP/OP refs from the body', () => {
    expect(paragraphs.map((p) => p.ref)).toEqual(['', '', 'PP1', 'PP2', 'OP1', 'OP1 (a)', 'OP2', 'OP3']);
  });

  it('labels new paragraphs after their anchor with bis, ter in creation order', () => {
    const refs = amendmentRefs(paragraphs, readAmendmentViews(sample()));
    expect(refs.get('a1')).toBe('OP1');
    expect(refs.get('a2')).toBe('OP1 bis');
    expect(refs.get('a3')).toBe('OP1 ter');
    expect(refs.get('a4')).toBe('PP2');
    expect(refs.get('a7')).toBe('new OP (start)');
    expect(refs.get('a8')).toBe('(paragraph removed)');
    expect([1, 2, 3, 9, 10].map(insertSuffix)).toEqual(['bis', 'ter', 'quater', 'decies', 'new 10']);
  });

  it('says "new OP after PP2" when the kinds differ', () => {
    const doc = new Y.Doc();
    putAmendment(doc, { id: 'x', author: 'Peru', kind: 'insert', after: 'pp2', paragraphKind: 'operative' }, 'Urges;');
    expect(amendmentRefs(paragraphs, readAmendmentViews(doc)).get('x')).toBe('new OP after PP2');
  });
});

describe('groupAmendments', () => {
  it('groups by paragraph in document order with new paragraphs right after their anchor', () => {
    const groups = groupAmendments(paragraphs, readAmendmentViews(sample()));
    expect(groups.map((g) => [g.ref, g.amendments.map((a) => a.id)])).toEqual([
      ['PP2', ['a4']],
      ['new OP (start)', ['a7']],
      ['OP1', ['a1', 'a6']],
      ['OP1 bis', ['a2']],
      ['OP1 ter', ['a3']],
      ['OP3', ['a5']],
      ['(paragraph removed)', ['a8']],
    ]);
    expect(groups.find((g) => g.ref === 'OP1')?.text).toBe('Welcomes the report of the Secretary-General;');
  });

  it('keeps "ter" labels when the list is filtered', () => {
    const all = readAmendmentViews(sample());
    const norway = groupAmendments(paragraphs, panelAmendments(all, { delegation: 'Norway' }, false), all);
    expect(norway.map((g) => g.ref)).toEqual(['OP1 ter']);
  });
});

describe('views', () => {
  const list = readAmendmentViews(sample());
  it('clean shows nothing inline; all shows proposed ones; a delegation shows its own', () => {
    expect(inlineAmendments(list, 'clean')).toEqual([]);
    expect(inlineAmendments(list, 'all').map((a) => a.id)).toEqual(['a1', 'a2', 'a3', 'a4', 'a5', 'a7', 'a8']);
    expect(inlineAmendments(list, { delegation: 'Kenya' }).map((a) => a.id)).toEqual(['a2', 'a4']);
  });
  it('the panel keeps closed amendments unless asked for open ones only', () => {
    expect(panelAmendments(list, 'all', false).map((a) => a.id)).toContain('a6');
    expect(panelAmendments(list, 'all', true).map((a) => a.id)).not.toContain('a6');
    expect(panelAmendments(list, { delegation: 'Kenya' }, false).map((a) => a.id)).toEqual(['a2', 'a4', 'a6']);
  });
});

describe('trackedSpecs', () => {
  it('turns a wording amendment into deletions and insertions over the paragraph text', () => {
    const doc = new Y.Doc();
    putAmendment(doc, { id: 'w', author: 'Brazil', target: 'op2' }, 'Encourages all Member States to cooperate fully;');
    const specs = trackedSpecs(paragraphs, readAmendmentViews(doc), 'all');
    const text = BLOCKS[6].text;
    expect(specs).toEqual([
      { type: 'insertion', paragraphId: 'op2', at: text.indexOf('States'), text: 'Member ', amendmentId: 'w', delegation: 'Brazil' },
      { type: 'insertion', paragraphId: 'op2', at: text.indexOf(';'), text: ' fully', amendmentId: 'w', delegation: 'Brazil' },
    ]);
    putAmendment(doc, { id: 'd', author: 'Kenya', target: 'op3' }, 'Decides to remain seized.');
    const del = trackedSpecs(paragraphs, readAmendmentViews(doc), { delegation: 'Kenya' });
    expect(del).toHaveLength(1);
    expect(del[0]).toMatchObject({ type: 'deletion', paragraphId: 'op3' });
    if (del[0].type === 'deletion') expect(BLOCKS[7].text.slice(del[0].from, del[0].to)).toBe(' of the matter');
  });

  it('maps inserts, deletions and moves to block specs and skips closed or orphaned ones', () => {
    const specs = trackedSpecs(paragraphs, readAmendmentViews(sample()), 'all');
    expect(specs.filter((s) => s.type === 'new-paragraph').map((s) => s.type === 'new-paragraph' && [s.ref, s.afterId, s.delegation])).toEqual([
      ['OP1 bis', 'op1', 'Kenya'], ['OP1 ter', 'op1', 'Norway'], ['new OP (start)', '', 'Chile'],
    ]);
    expect(specs.find((s) => s.type === 'delete-paragraph')).toMatchObject({ paragraphId: 'pp2', delegation: 'Kenya' });
    expect(specs.find((s) => s.type === 'move')).toMatchObject({ paragraphId: 'op3', label: 'move after OP1' });
    expect(specs.some((s) => s.amendmentId === 'a6' || s.amendmentId === 'a8')).toBe(false);
  });
});

describe('readers and colours', () => {
  it('reads co-signers and skips junk entries', () => {
    const doc = sample();
    expect(readAmendmentViews(doc).find((a) => a.id === 'a6')?.cosigners).toEqual(['Brazil']);
    doc.getMap(NEGOTIATION_ROOT.amendments).set('junk', 42);
    expect(readAmendmentViews(doc)).toHaveLength(8);
    expect(readPhase(doc)).toBe('drafting');
  });

});

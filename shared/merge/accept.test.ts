/** The chair's acceptance (pure): clean merges, conflicts and the chair's choices, inserts with sponsors, batches. */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { cosignAmendment, proposeAmendment, setPhase } from '../negotiation/actions.ts';
import { readAmendment, readParagraphSponsors } from '../negotiation/read.ts';
import { blocksToResolution, emptyHead, type BodyBlock } from '../resolution/blocks.ts';
import { readBlocksFromYDoc, writeResolutionToYDoc } from '../resolution/ydoc.ts';
import { undoAcceptance } from './apply-amendment.ts';
import { blockElement, rewriteBlockText } from './body-edit.ts';
import { acceptAmendment, acceptMany, acceptResolved, describeAcceptError } from './accept.ts';

const BLOCKS: BodyBlock[] = [
  { type: 'title', id: 't1', level: 0, labelStyle: 'un', text: 'Testing', footnotes: [] },
  { type: 'organ', id: 'g1', level: 0, labelStyle: 'un', text: 'The General Assembly,', footnotes: [] },
  { type: 'operative', id: 'op1', level: 0, labelStyle: 'un', text: 'Welcomes the report of the Secretary-General;', footnotes: [] },
  { type: 'operative', id: 'op2', level: 0, labelStyle: 'un', text: 'Encourages all States to cooperate;', footnotes: [] },
  { type: 'operative', id: 'op3', level: 0, labelStyle: 'un', text: 'Decides to remain seized of the matter.', footnotes: [] },
];
const OP1 = BLOCKS[2].text;
const NOW = (): string => '2026-03-01T10:00:00.000Z';

function draft(): Y.Doc {
  const doc = new Y.Doc();
  writeResolutionToYDoc(doc, blocksToResolution(BLOCKS, emptyHead()));
  setPhase(doc, 'negotiation');
  return doc;
}
const text = (doc: Y.Doc, id: string): string | undefined => readBlocksFromYDoc(doc).find((b) => b.id === id)?.text;
let n = 0;
const wording = (doc: Y.Doc, target: string, next: string, author = 'Brazil'): string =>
  proposeAmendment(doc, { author, kind: 'wording', target, baseText: text(doc, target) ?? '', text: next }, { newId: () => `w${++n}` });

describe('acceptAmendment', () => {
  it('merges clean wording and reports who the text comes from', () => {
    const doc = draft();
    const id = wording(doc, 'op1', 'Takes note of the report of the Secretary-General;');
    cosignAmendment(doc, id, 'Kenya');
    const out = acceptAmendment(doc, id, 'Chair', { now: NOW });
    expect(out).toMatchObject({
      ok: true, mergedText: 'Takes note of the report of the Secretary-General;',
      history: { amendmentId: id, kind: 'wording', author: 'Brazil', cosigners: ['Kenya'], acceptedBy: 'Chair', at: NOW() },
    });
    expect(text(doc, 'op1')).toBe('Takes note of the report of the Secretary-General;');
    expect(readAmendment(doc, id)?.status).toBe('accepted');
  });

  it('inserts a new paragraph, writing the proposer and co-signers as its sponsors; undo takes all of it back', () => {
    const doc = draft();
    const id = proposeAmendment(doc, { author: 'Brazil', kind: 'insert', after: 'op1', paragraphKind: 'operative', level: 0, text: 'Calls for more;' });
    cosignAmendment(doc, id, 'Kenya');
    const out = acceptAmendment(doc, id, 'Chair', { newId: () => 'opNew', now: NOW });
    expect(out.ok).toBe(true);
    expect(readBlocksFromYDoc(doc).map((b) => b.id).slice(2)).toEqual(['op1', 'opNew', 'op2', 'op3']);
    expect(text(doc, 'opNew')).toBe('Calls for more;');
    expect(readParagraphSponsors(doc).map((s) => [s.paragraphId, s.delegation, s.entry.role]).sort())
      .toEqual([['opNew', 'Brazil', 'proposer'], ['opNew', 'Kenya', 'co']]);
    if (!out.ok) return;
    expect(undoAcceptance(doc, out.undo)).toBe(true);
    expect(readBlocksFromYDoc(doc).map((b) => b.id).slice(2)).toEqual(['op1', 'op2', 'op3']);
    expect(readParagraphSponsors(doc)).toEqual([]);
    expect(readAmendment(doc, id)?.status).toBe('proposed');
  });

  it('reports conflicts and changes nothing; acceptResolved applies the chair\'s choices', () => {
    const doc = draft();
    const id = wording(doc, 'op1', 'Welcomes the excellent report of the Secretary-General;');
    rewriteBlockText(blockElement(doc, 'op1') as Y.XmlElement, 'Welcomes the detailed report of the Secretary-General;');
    const before = Y.encodeStateVector(doc);
    const out = acceptAmendment(doc, id, 'Chair');
    expect(out).toMatchObject({ ok: false, error: 'conflict' });
    expect(Y.encodeStateVector(doc)).toEqual(before);
    expect(acceptResolved(doc, id, 'Chair', [])).toEqual({ ok: false, error: 'stale-plan' });
    const conflicts = out.ok === false && out.error === 'conflict' ? out.conflicts : [];
    expect(conflicts.length).toBe(1);
    const res = acceptResolved(doc, id, 'Chair', [{ text: conflicts[0].theirs.replace('excellent', 'thorough') }]);
    expect(res).toMatchObject({ ok: true, mergedText: 'Welcomes the thorough report of the Secretary-General;' });
    expect(text(doc, 'op1')).toBe('Welcomes the thorough report of the Secretary-General;');
  });

  it('acceptResolved with no choices accepts a clean merge; other kinds ignore choices', () => {
    const doc = draft();
    const id = wording(doc, 'op2', 'Encourages all States to cooperate fully;');
    expect(acceptResolved(doc, id, 'Chair', []).ok).toBe(true);
    const del = proposeAmendment(doc, { author: 'Kenya', kind: 'delete', target: 'op3', baseText: text(doc, 'op3') });
    expect(acceptResolved(doc, del, 'Chair', []).ok).toBe(true);
    expect(text(doc, 'op3')).toBeUndefined();
    expect(acceptResolved(doc, del, 'Chair', [])).toEqual({ ok: false, error: 'not-proposed' });
    expect(acceptResolved(doc, 'missing', 'Chair', [])).toEqual({ ok: false, error: 'no-amendment' });
  });
});

describe('acceptMany', () => {
  it('accepts in order and stops at the first failure, leaving the rest proposed', () => {
    const doc = draft();
    const a = wording(doc, 'op1', 'Takes note of the report of the Secretary-General;');
    const b = wording(doc, 'op1', 'Notes the report of the Secretary-General;', 'Kenya');
    const c = wording(doc, 'op3', 'Decides to remain actively seized of the matter.');
    const out = acceptMany(doc, [a, b, c], 'Chair');
    expect(out.accepted.map((x) => x.history.amendmentId)).toEqual([a]);
    expect(out.stopped).toMatchObject({ id: b, outcome: { ok: false, error: 'conflict' } });
    expect(readAmendment(doc, c)?.status).toBe('proposed');
    expect(text(doc, 'op1')).not.toBe(OP1);
    expect(describeAcceptError('stale-plan')).toMatch(/changed/);
  });
});

import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  cosignAmendment, editAmendmentText, joinParagraph, proposeAmendment, readAmendment, readAmendments, readParagraphSponsors,
} from '../negotiation/actions.ts';
import { sequentialIds } from '../resolution/ids.ts';
import type { ResolutionJSON } from '../resolution/types.ts';
import { emptyResolution, readBlocksFromYDoc, readResolutionFromYDoc, writeResolutionToYDoc } from '../resolution/ydoc.ts';
import { blockElement, rewriteBlockText } from './body-edit.ts';
import { applyAcceptance, planAcceptance, rebaseAmendment, staleAmendments, undoAcceptance } from './apply-amendment.ts';

const NOW = (): string => '2026-03-01T10:00:00.000Z';
const OP1 = 'Calls upon all Member States to strengthen cooperation in the field of maritime security;';
const OP2 = 'Requests the Secretary-General to report to the General Assembly at its eighty-first session;';

function fixture(): Y.Doc {
  const res: ResolutionJSON = {
    ...emptyResolution(),
    title: 'Maritime security',
    preamble: [{ id: 'pp1', text: 'Recalling its resolution 77/1,', subparagraphs: [] }],
    operative: [
      { id: 'op1', number: 1, text: OP1, subparagraphs: [{ id: 'op1a', label: '(a)', text: 'by sharing information;', subparagraphs: [] }] },
      { id: 'op2', number: 2, text: OP2, subparagraphs: [] },
      { id: 'op3', number: 3, text: 'Decides to remain seized of the matter.', subparagraphs: [] },
    ],
    // Footnote after "cooperation" in OP1.
    footnotes: [{ number: 1, text: 'See A/77/1.', paragraphId: 'op1', offset: OP1.indexOf(' in the field') }],
  };
  const doc = new Y.Doc();
  writeResolutionToYDoc(doc, res, { newId: sequentialIds('x'), now: NOW() });
  return doc;
}

const opts = { newId: sequentialIds('a'), now: NOW };
const text = (doc: Y.Doc, id: string): string | undefined => readBlocksFromYDoc(doc).find((b) => b.id === id)?.text;
const ids = (doc: Y.Doc): string[] => readBlocksFromYDoc(doc).map((b) => b.id);
const statuses = (doc: Y.Doc): Record<string, string> => Object.fromEntries(readAmendments(doc).map((a) => [a.id, a.status]));

function wording(doc: Y.Doc, target: string, next: string, baseText = text(doc, target) ?? ''): string {
  return proposeAmendment(doc, { author: 'Brazil', kind: 'wording', target, baseText, text: next }, opts);
}

describe('planAcceptance / applyAcceptance', () => {
  it('applies a clean wording amendment in place, keeping the element, its id and its footnote', () => {
    const doc = fixture();
    const el = blockElement(doc, 'op1');
    const id = wording(doc, 'op1', OP1.replace('all Member States', 'all States'));
    cosignAmendment(doc, id, 'Chile');
    const plan = planAcceptance(doc, id);
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    expect(plan.history).toEqual({ amendmentId: id, kind: 'wording', author: 'Brazil', cosigners: ['Chile'] });
    const r = applyAcceptance(doc, plan, { chair: 'Chair', now: NOW });
    expect(r.ok).toBe(true);
    expect(blockElement(doc, 'op1')).toBe(el);
    expect(text(doc, 'op1')).toBe(OP1.replace('all Member States', 'all States'));
    const fn = readBlocksFromYDoc(doc).find((b) => b.id === 'op1')?.footnotes[0];
    expect(fn?.text).toBe('See A/77/1.');
    expect(text(doc, 'op1')?.slice(0, fn?.offset)).toMatch(/cooperation$/);
    expect(readAmendment(doc, id)?.status).toBe('accepted');
    if (r.ok) expect(r.history.acceptedBy).toBe('Chair');
  });

  it('merges a stale amendment with concurrent paragraph edits, and a concurrent remote edit survives', () => {
    const doc = fixture();
    const id = wording(doc, 'op2', OP2.replace('eighty-first', 'eighty-second'));
    const edit = blockElement(doc, 'op2');
    if (edit) doc.transact(() => rewriteBlockText(edit, OP2.replace('Requests', 'Also requests')));
    expect(staleAmendments(doc)).toEqual([{ id, target: 'op2', reason: 'text-changed' }]);
    // A peer edits the paragraph concurrently with the acceptance.
    const peer = new Y.Doc();
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc));
    const pe = blockElement(peer, 'op2');
    if (pe) peer.transact(() => rewriteBlockText(pe, (text(peer, 'op2') ?? '').replace('General Assembly', 'General Assembly, through the Council,')));
    const plan = planAcceptance(doc, id);
    expect(plan.ok && plan.stale).toBe(true);
    expect(applyAcceptance(doc, plan, { chair: 'Chair', now: NOW }).ok).toBe(true);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(peer));
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc));
    const expected = 'Also requests the Secretary-General to report to the General Assembly, through the Council, at its eighty-second session;';
    expect(text(doc, 'op2')).toBe(expected);
    expect(text(peer, 'op2')).toBe(expected);
  });

  it('refuses a conflicting wording amendment and changes nothing', () => {
    const doc = fixture();
    const id = wording(doc, 'op2', OP2.replace('eighty-first', 'eighty-second'));
    const el = blockElement(doc, 'op2');
    if (el) doc.transact(() => rewriteBlockText(el, OP2.replace('eighty-first', 'eightieth')));
    const before = Y.encodeStateVector(doc);
    const plan = planAcceptance(doc, id);
    expect(plan.ok).toBe(false);
    if (plan.ok || plan.error !== 'conflict') throw new Error('expected a conflict');
    expect(plan.conflicts[0].ours).toContain('eightieth');
    expect(plan.conflicts[0].theirs).toContain('eighty-second');
    expect(applyAcceptance(doc, plan, { chair: 'Chair', now: NOW })).toEqual({ ok: false, error: 'conflict' });
    expect(Y.encodeStateVector(doc)).toEqual(before);
    expect(readAmendment(doc, id)?.status).toBe('proposed');
  });

  it('keeps a footnote that sat inside a replaced span next to the replacement and says so', () => {
    const doc = fixture();
    const id = wording(doc, 'op1', OP1.replace('cooperation in the field of maritime', 'joint maritime'));
    const plan = planAcceptance(doc, id);
    if (!plan.ok) throw new Error('plan failed');
    expect(plan.movedFootnotes).toHaveLength(1);
    applyAcceptance(doc, plan, { chair: 'Chair', now: NOW });
    const block = readBlocksFromYDoc(doc).find((b) => b.id === 'op1');
    expect(block?.text).toBe(plan.mergedText);
    expect(block?.footnotes.map((f) => f.offset)).toEqual([plan.movedFootnotes[0].to]);
    expect(block?.text.slice(0, plan.movedFootnotes[0].to)).toMatch(/strengthen joint$/);
  });

  it('keeps a footnote with the word before it when text is inserted right after that word', () => {
    const doc = fixture();
    const id = wording(doc, 'op1', OP1.replace('cooperation in', 'cooperation and coordination in'));
    const plan = planAcceptance(doc, id);
    if (!plan.ok) throw new Error('plan failed');
    expect(plan.movedFootnotes).toEqual([]);
    applyAcceptance(doc, plan, { chair: 'Chair', now: NOW });
    const block = readBlocksFromYDoc(doc).find((b) => b.id === 'op1');
    expect(block?.text).toBe(plan.mergedText);
    expect(block?.text.slice(0, block.footnotes[0].offset)).toMatch(/strengthen cooperation$/);
  });

  it('fills an empty paragraph (an element without any text node)', () => {
    const doc = fixture();
    const empty = readBlocksFromYDoc(doc).find((b) => b.type === 'title');
    if (!empty) throw new Error('no title');
    const el = blockElement(doc, empty.id);
    if (el) doc.transact(() => { if (el.length > 0) el.delete(0, el.length); });
    expect(el?.length).toBe(0);
    const id = wording(doc, empty.id, 'A new title', '');
    const plan = planAcceptance(doc, id);
    expect(applyAcceptance(doc, plan, { chair: 'Chair', now: NOW }).ok).toBe(true);
    expect(text(doc, empty.id)).toBe('A new title');
  });

  it('inserts a new paragraph after its anchor (past the anchor\'s sub-paragraphs) and makes the author its proposer', () => {
    const doc = fixture();
    const id = proposeAmendment(doc, { author: 'Kenya', kind: 'insert', after: 'op1', paragraphKind: 'operative', level: 0, text: 'Encourages regional arrangements;' }, opts);
    cosignAmendment(doc, id, 'Peru');
    const plan = planAcceptance(doc, id, { newId: () => 'opNew' });
    const r = applyAcceptance(doc, plan, { chair: 'Chair', now: NOW });
    expect(r.ok).toBe(true);
    expect(ids(doc).slice(-5)).toEqual(['op1', 'op1a', 'opNew', 'op2', 'op3']);
    expect(text(doc, 'opNew')).toBe('Encourages regional arrangements;');
    expect(readResolutionFromYDoc(doc).operative.map((o) => o.number)).toEqual([1, 2, 3, 4]);
    expect(readParagraphSponsors(doc).map((s) => [s.paragraphId, s.delegation, s.entry.role]).sort())
      .toEqual([['opNew', 'Kenya', 'proposer'], ['opNew', 'Peru', 'co']]);
  });

  it('inserts at the start of a section when after is empty', () => {
    const doc = fixture();
    const id = proposeAmendment(doc, { author: 'Kenya', kind: 'insert', paragraphKind: 'preambular', level: 0, text: 'Guided by the Charter,' }, opts);
    applyAcceptance(doc, planAcceptance(doc, id, { newId: () => 'ppNew' }), { chair: 'Chair', now: NOW });
    expect(readResolutionFromYDoc(doc).preamble.map((p) => p.id)).toEqual(['ppNew', 'pp1']);
  });

  it('deletes and moves paragraphs with their sub-paragraphs', () => {
    const doc = fixture();
    const mv = proposeAmendment(doc, { author: 'Brazil', kind: 'move', target: 'op1', after: 'op2' }, opts);
    const del = proposeAmendment(doc, { author: 'Brazil', kind: 'delete', target: 'op3' }, opts);
    expect(applyAcceptance(doc, planAcceptance(doc, mv), { chair: 'Chair', now: NOW }).ok).toBe(true);
    expect(ids(doc).slice(-4)).toEqual(['op2', 'op1', 'op1a', 'op3']);
    expect(applyAcceptance(doc, planAcceptance(doc, del), { chair: 'Chair', now: NOW }).ok).toBe(true);
    expect(ids(doc)).not.toContain('op3');
    expect(readBlocksFromYDoc(doc).find((b) => b.id === 'op1')?.footnotes).toHaveLength(1);
  });

  it('refuses plans that no longer fit: accepted twice, missing target or anchor, paragraph changed since planning', () => {
    const doc = fixture();
    const id = wording(doc, 'op3', 'Decides to remain actively seized of the matter.');
    const plan = planAcceptance(doc, id);
    const el = blockElement(doc, 'op3');
    if (el) doc.transact(() => rewriteBlockText(el, 'Decides to stay seized of the matter.'));
    expect(applyAcceptance(doc, plan, { chair: 'Chair', now: NOW })).toEqual({ ok: false, error: 'stale-plan' });
    expect(planAcceptance(doc, 'nope')).toEqual({ ok: false, amendmentId: 'nope', error: 'no-amendment' });
    const gone = proposeAmendment(doc, { author: 'Brazil', kind: 'delete', target: 'zzz' }, opts);
    expect(planAcceptance(doc, gone)).toMatchObject({ ok: false, error: 'target-missing' });
    const badAnchor = proposeAmendment(doc, { author: 'Brazil', kind: 'insert', after: 'zzz', text: 'x' }, opts);
    expect(planAcceptance(doc, badAnchor)).toMatchObject({ ok: false, error: 'after-missing' });
    const ok = wording(doc, 'pp1', 'Recalling its resolutions 77/1 and 78/1,');
    const p = planAcceptance(doc, ok);
    expect(applyAcceptance(doc, p, { chair: 'Chair', now: NOW }).ok).toBe(true);
    expect(applyAcceptance(doc, p, { chair: 'Chair', now: NOW })).toEqual({ ok: false, error: 'not-proposed' });
  });
});

describe('undoAcceptance', () => {
  const cases: Array<[string, (doc: Y.Doc) => string]> = [
    ['wording', (doc) => wording(doc, 'op1', OP1.replace('maritime security', 'maritime safety'))],
    ['wording moving a footnote', (doc) => wording(doc, 'op1', OP1.replace('cooperation in the field of maritime', 'joint maritime'))],
    ['insert', (doc) => proposeAmendment(doc, { author: 'Kenya', kind: 'insert', after: 'op2', text: 'Welcomes progress;' }, opts)],
    ['delete', (doc) => proposeAmendment(doc, { author: 'Kenya', kind: 'delete', target: 'op1' }, opts)],
    ['move', (doc) => proposeAmendment(doc, { author: 'Kenya', kind: 'move', target: 'op1', after: 'op3' }, opts)],
    ['move to the start', (doc) => proposeAmendment(doc, { author: 'Kenya', kind: 'move', target: 'op3', after: '' }, opts)],
  ];
  for (const [name, make] of cases) {
    it(`accept → undo restores the resolution, sponsors and statuses (${name})`, () => {
      const doc = fixture();
      joinParagraph(doc, 'op1', 'Chile', 'proposer', opts);
      const id = make(doc);
      cosignAmendment(doc, id, 'Peru');
      const before = { res: readResolutionFromYDoc(doc), st: statuses(doc), sp: readParagraphSponsors(doc), am: readAmendment(doc, id) };
      const r = applyAcceptance(doc, planAcceptance(doc, id), { chair: 'Chair', now: () => '2026-03-02T00:00:00.000Z' });
      if (!r.ok) throw new Error(r.error);
      expect(readResolutionFromYDoc(doc)).not.toEqual(before.res);
      // Undo goes through a peer too: the record must be plain data that works on any replica.
      const peer = new Y.Doc();
      Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc));
      expect(undoAcceptance(peer, structuredClone(r.undo))).toBe(true);
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(peer));
      for (const d of [doc, peer]) {
        expect(readResolutionFromYDoc(d)).toEqual(before.res);
        expect(statuses(d)).toEqual(before.st);
        expect(readParagraphSponsors(d)).toEqual(before.sp);
        expect(readAmendment(d, id)).toEqual(before.am);
      }
    });
  }
});

describe('staleAmendments / rebaseAmendment', () => {
  it('lists out-of-date amendments and rebases the author\'s wording onto the current text', () => {
    const doc = fixture();
    const id = wording(doc, 'op2', OP2.replace('eighty-first', 'eighty-second'));
    const fresh = wording(doc, 'op3', 'Decides to remain actively seized of the matter.');
    const orphan = proposeAmendment(doc, { author: 'Brazil', kind: 'wording', target: 'gone', baseText: 'x', text: 'y' }, opts);
    expect(staleAmendments(doc)).toEqual([{ id: orphan, target: 'gone', reason: 'target-missing' }]);
    const el = blockElement(doc, 'op2');
    if (el) doc.transact(() => rewriteBlockText(el, OP2.replace('Requests', 'Further requests')));
    expect(staleAmendments(doc).map((s) => s.id).sort()).toEqual([id, orphan].sort());
    const r = rebaseAmendment(doc, id, { now: NOW });
    expect(r).toEqual({ ok: true, text: OP2.replace('Requests', 'Further requests').replace('eighty-first', 'eighty-second'), baseText: text(doc, 'op2') });
    expect(readAmendment(doc, id)?.baseText).toBe(text(doc, 'op2'));
    expect(staleAmendments(doc).map((s) => s.id)).toEqual([orphan]);
    expect(staleAmendments(doc).map((s) => s.id)).not.toContain(fresh);
  });

  it('leaves a conflicting rebase to the author', () => {
    const doc = fixture();
    const id = wording(doc, 'op2', OP2.replace('eighty-first', 'eighty-second'));
    editAmendmentText(doc, id, OP2.replace('eighty-first', 'eighty-third'), opts);
    const el = blockElement(doc, 'op2');
    if (el) doc.transact(() => rewriteBlockText(el, OP2.replace('eighty-first', 'eightieth')));
    const r = rebaseAmendment(doc, id, { now: NOW });
    expect(r.ok).toBe(false);
    expect(readAmendment(doc, id)?.baseText).toBe(OP2);
    expect(readAmendment(doc, id)?.text).toContain('eighty-third');
  });
});

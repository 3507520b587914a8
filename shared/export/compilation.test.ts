import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  cosignAmendment, joinDraftSponsors, markTabled, proposeAmendment, recordPosition, setAmendmentStatus, setParagraphStatus,
  type ProposeFields,
} from '../negotiation/actions.ts';
import { emptyMasthead, type ResolutionJSON } from '../resolution/types.ts';
import { readResolutionFromYDoc, writeResolutionToYDoc } from '../resolution/ydoc.ts';
import { buildCompilation, diffInlines, latinSuffix } from './compilation.ts';
import type { ExportBlock, ExportDocument, Inline } from './document.ts';
import { renderCompilationText } from './text.ts';

const RES: ResolutionJSON = {
  ...emptyMasthead(),
  symbol: 'A/C.3/79/L.5', organName: 'General Assembly', kind: 'draft-resolution', sponsors: ['Norway', 'Brazil'],
  title: 'Cooperation on testing', organ: 'The General Assembly,',
  preamble: [
    { id: 'pp1', text: 'Recalling its resolution 78/1,', subparagraphs: [] },
    { id: 'pp2', text: 'Noting the report,', subparagraphs: [] },
  ],
  operative: [
    { id: 'op1', number: 1, text: 'Welcomes the report of the Secretary-General;', subparagraphs: [] },
    { id: 'op2', number: 2, text: 'Calls upon States to:', subparagraphs: [
      { id: 'op2a', label: '(a)', text: 'Cooperate;', subparagraphs: [] },
      { id: 'op2b', label: '(b)', text: 'Report;', subparagraphs: [] },
    ] },
    { id: 'op3', number: 3, text: 'Requests the Secretary-General to report;', subparagraphs: [] },
    { id: 'op4', number: 4, text: 'Decides to remain seized of the matter.', subparagraphs: [] },
  ],
  footnotes: [{ number: 1, text: 'A/78/1.', paragraphId: 'op1', offset: 25 }],
  closing: '',
};

let clock = 0;
const opts = { now: () => new Date(Date.UTC(2024, 0, 1, 0, 0, clock++)).toISOString() };

function room(): Y.Doc {
  const doc = new Y.Doc();
  writeResolutionToYDoc(doc, RES, { now: '2024-01-01T00:00:00.000Z' });
  // The writer keeps the ids; the tests below rely on it.
  expect(readResolutionFromYDoc(doc).operative[0].id).toBe('op1');
  return doc;
}

function propose(doc: Y.Doc, fields: ProposeFields): string {
  return proposeAmendment(doc, fields, opts);
}

const block = (doc: ExportDocument, ref: string): ExportBlock => {
  const b = [...doc.preamble, ...doc.operative].find((x) => x.ref === ref);
  if (!b) throw new Error(`no block ${ref} in ${[...doc.preamble, ...doc.operative].map((x) => x.ref).join(', ')}`);
  return b;
};
const runs = (inlines: readonly Inline[], kind: 'ins' | 'del'): string[] =>
  inlines.flatMap((r) => (r.kind === kind ? [r.text] : []));

describe('buildCompilation', () => {
  it('shows a single wording amendment inline in the block and as a proposal', () => {
    const doc = room();
    const id = propose(doc, { author: 'Brazil', kind: 'wording', target: 'op3', baseText: RES.operative[2].text, text: 'Requests the Secretary-General to report annually;' });
    cosignAmendment(doc, id, 'Chile', opts);
    const c = buildCompilation(doc);
    expect(c.compilation).toBe(true);
    const op3 = block(c, 'OP3');
    expect(runs(op3.inlines, 'ins')).toEqual([' annually']);
    expect(op3.inlines[0]).toEqual({ kind: 'text', text: 'Requests', italic: true });
    expect(op3.text).toBe(RES.operative[2].text);
    const [p] = op3.negotiation?.proposals ?? [];
    expect(p).toMatchObject({ amendmentId: id, kind: 'wording', by: 'Brazil', cosigners: ['Chile'], stale: false, moveAfter: '' });
    expect(p.inlines).toEqual(op3.inlines);
    expect(op3.inlines.find((r) => r.kind === 'ins')).toMatchObject({ by: 'Brazil', amendmentId: id });
  });

  it('keeps the plain text when a paragraph has several wording amendments, each a proposal', () => {
    const doc = room();
    propose(doc, { author: 'Brazil', kind: 'wording', target: 'op1', baseText: RES.operative[0].text, text: 'Welcomes the annual report of the Secretary-General;' });
    propose(doc, { author: 'France', kind: 'wording', target: 'op1', baseText: RES.operative[0].text, text: 'Takes note of the report of the Secretary-General;' });
    const op1 = block(buildCompilation(doc), 'OP1');
    expect(op1.inlines.every((r) => r.kind === 'text' || r.kind === 'footnote')).toBe(true);
    expect(op1.inlines).toContainEqual({ kind: 'footnote', number: 1 });
    const proposals = op1.negotiation?.proposals ?? [];
    expect(proposals.map((p) => p.by)).toEqual(['Brazil', 'France']);
    expect(runs(proposals[0].inlines, 'ins')).toEqual(['annual ']);
    expect(runs(proposals[1].inlines, 'del')).toEqual(['Welcomes']);
    expect(runs(proposals[1].inlines, 'ins')).toEqual(['Takes note of']);
    // The footnote marker of the current text stays where it stands in each variant.
    expect(proposals[0].inlines).toContainEqual({ kind: 'footnote', number: 1 });
  });

  it('flags amendments drafted against an older text as stale', () => {
    const doc = room();
    propose(doc, { author: 'Peru', kind: 'wording', target: 'op4', baseText: 'Decides to remain actively seized of the matter.', text: 'Decides to remain seized.' });
    expect(block(buildCompilation(doc), 'OP4').negotiation?.proposals[0].stale).toBe(true);
  });

  it('adds inserts as bis/ter/quater blocks after their anchor, with proposer and co-signers', () => {
    const doc = room();
    const a = propose(doc, { author: 'Brazil', kind: 'insert', after: 'op2', paragraphKind: 'operative', level: 0, text: 'Encourages regional cooperation;' });
    cosignAmendment(doc, a, 'Mexico', opts);
    cosignAmendment(doc, a, 'Chile', opts);
    propose(doc, { author: 'Kenya', kind: 'insert', after: 'op2', paragraphKind: 'operative', level: 0, text: 'Invites donors;' });
    propose(doc, { author: 'Japan', kind: 'insert', after: 'op2', paragraphKind: 'operative', level: 0, text: 'Notes progress;' });
    propose(doc, { author: 'Peru', kind: 'insert', after: 'pp1', paragraphKind: 'preambular', level: 0, text: 'Mindful of the costs,' });
    propose(doc, { author: 'Ghana', kind: 'insert', after: '', paragraphKind: 'operative', level: 0, text: 'Reaffirms the Charter;' });
    propose(doc, { author: 'Fiji', kind: 'insert', after: 'op2a', paragraphKind: 'operative', level: 1, text: 'Share data;' });
    const c = buildCompilation(doc);
    expect(c.preamble.map((b) => b.ref)).toEqual(['PP1', 'PP1 bis', 'PP2']);
    expect(c.operative.map((b) => b.ref)).toEqual([
      'OP0 bis', 'OP1', 'OP2', 'OP2 (a)', 'OP2 (a bis)', 'OP2 (b)', 'OP2 bis', 'OP2 ter', 'OP2 quater', 'OP3', 'OP4',
    ]);
    const bis = block(c, 'OP2 bis');
    expect(bis.label).toBe('2 bis.');
    expect(bis.number).toBe(2);
    expect(bis.id).toBe(a);
    expect(bis.text).toBe('Encourages regional cooperation;');
    expect(bis.inlines[0]).toEqual({ kind: 'text', text: 'Encourages', italic: true });
    expect(bis.negotiation?.proposedBy).toEqual({ delegation: 'Brazil', amendmentId: a, cosigners: ['Chile', 'Mexico'] });
    expect(block(c, 'OP2 ter').negotiation?.proposedBy?.delegation).toBe('Kenya');
    expect(block(c, 'OP2 (a bis)').label).toBe('(a bis)');
    expect(block(c, 'OP2 (a bis)').depth).toBe(1);
    expect(block(c, 'OP0 bis').label).toBe('0 bis.');
    expect(block(c, 'PP1 bis').label).toBe('');
    expect(latinSuffix(3)).toBe('quinquies');
    expect(latinSuffix(0)).toBe('bis');
  });

  it('shows delete and move as proposals; move names the paragraph it would follow', () => {
    const doc = room();
    propose(doc, { author: 'France', kind: 'delete', target: 'op3' });
    propose(doc, { author: 'Spain', kind: 'move', target: 'op1', after: 'op4' });
    propose(doc, { author: 'Italy', kind: 'move', target: 'op4', after: '' });
    const c = buildCompilation(doc);
    expect(block(c, 'OP3').negotiation?.proposals).toEqual([
      { amendmentId: expect.any(String), kind: 'delete', by: 'France', cosigners: [], inlines: [], moveAfter: '', stale: false, rationale: '' },
    ]);
    expect(block(c, 'OP1').negotiation?.proposals[0]).toMatchObject({ kind: 'move', moveAfter: 'OP4', by: 'Spain' });
    expect(block(c, 'OP4').negotiation?.proposals[0]).toMatchObject({ kind: 'move', moveAfter: '' });
  });

  it('shows only pending amendments', () => {
    const doc = room();
    const w = propose(doc, { author: 'Brazil', kind: 'delete', target: 'op1' });
    setAmendmentStatus(doc, w, 'withdrawn', opts);
    const r = propose(doc, { author: 'Brazil', kind: 'insert', after: 'op1', text: 'Gone;' });
    setAmendmentStatus(doc, r, 'rejected', opts);
    const c = buildCompilation(doc);
    expect(c.operative.map((b) => b.ref)).toEqual(['OP1', 'OP2', 'OP2 (a)', 'OP2 (b)', 'OP3', 'OP4']);
    expect(c.operative.every((b) => b.negotiation?.proposals.length === 0)).toBe(true);
  });

  it('carries statuses and positions per paragraph (counts and delegations, alphabetical)', () => {
    const doc = room();
    setParagraphStatus(doc, 'op2', 'bracketed', 'Chair', opts);
    setParagraphStatus(doc, 'op1', 'agreed', 'Chair', opts);
    recordPosition(doc, 'op2', 'Norway', 'support', '', opts);
    recordPosition(doc, 'op2', 'Brazil', 'support', '', opts);
    recordPosition(doc, 'op2', 'France', 'oppose', 'too strong', opts);
    recordPosition(doc, 'op2', 'Chile', 'none', '', opts);
    const ins = propose(doc, { author: 'Kenya', kind: 'insert', after: 'op4', text: 'Decides also;' });
    recordPosition(doc, ins, 'Peru', 'reservation', '', opts);
    const c = buildCompilation(doc);
    const op2 = block(c, 'OP2');
    expect(op2.negotiation?.status).toBe('bracketed');
    expect(op2.negotiation?.positions).toEqual({ support: 2, oppose: 1 });
    expect(op2.negotiation?.positionsBy).toEqual({ support: ['Brazil', 'Norway'], oppose: ['France'] });
    expect(block(c, 'OP1').negotiation?.status).toBe('agreed');
    expect(block(c, 'OP3').negotiation?.status).toBe('pending');
    expect(block(c, 'OP4 bis').negotiation?.positions).toEqual({ reservation: 1 });
  });

  it('uses the draft sponsors: main and co on the line, additional apart', () => {
    const doc = room();
    joinDraftSponsors(doc, 'Chile', 'co', opts);
    markTabled(doc, opts);
    joinDraftSponsors(doc, 'Ghana', undefined, opts);
    const c = buildCompilation(doc, { revision: 1 });
    expect(c.sponsorLine).toBe('Brazil, Chile and Norway: revised draft resolution');
    expect(c.additionalSponsors).toEqual(['Ghana']);
    expect(c.masthead.symbol).toBe('A/C.3/79/L.5/Rev.1');
  });
});

describe('diffInlines', () => {
  it('keeps the italic opener on unchanged words and markers at their offsets', () => {
    const out = diffInlines('Recalls the plan,', 'Recalls the new plan,', 7, [{ offset: 17, number: 4 }], 'Chile', 'a1');
    expect(out).toEqual([
      { kind: 'text', text: 'Recalls', italic: true },
      { kind: 'text', text: ' the ', italic: false },
      { kind: 'ins', text: 'new ', by: 'Chile', amendmentId: 'a1' },
      { kind: 'text', text: 'plan,', italic: false },
      { kind: 'footnote', number: 4 },
    ]);
  });
});

describe('renderCompilationText', () => {
  it('tags changes with the delegation, names inserted paragraphs and summarises positions', () => {
    const doc = room();
    propose(doc, { author: 'Brazil', kind: 'wording', target: 'op3', baseText: RES.operative[2].text, text: 'Requests the Secretary-General to report annually;' });
    propose(doc, { author: 'Brazil', kind: 'insert', after: 'op4', text: 'Decides further to act;' });
    propose(doc, { author: 'France', kind: 'delete', target: 'pp2', rationale: 'Redundant' });
    propose(doc, { author: 'Peru', kind: 'wording', target: 'op1', baseText: 'old', text: 'Welcomes the report;' });
    propose(doc, { author: 'Chile', kind: 'wording', target: 'op1', baseText: RES.operative[0].text, text: 'Welcomes the good report of the Secretary-General;' });
    setParagraphStatus(doc, 'op2', 'bracketed', 'Chair', opts);
    recordPosition(doc, 'op3', 'Norway', 'can-accept', '', opts);
    const text = renderCompilationText(buildCompilation(doc));
    expect(text).toContain('COMPILATION TEXT — 5 pending amendments');
    expect(text).toContain('3. Requests the Secretary-General to report [Brazil: add] annually [/add];');
    expect(text).toContain('OP4 bis [Brazil] — proposed\n4 bis. Decides further to act;');
    expect(text).toContain('PP2 — pending');
    expect(text).toContain('  - France: delete the paragraph (reason: Redundant)');
    expect(text).toContain('[2. Calls upon States to:]');
    expect(text).toContain('OP2 — bracketed');
    expect(text).toContain('  Positions: can accept 1 (Norway)');
    expect(text).toContain('  - Peru: new wording: 1. Welcomes the report');
    expect(text).toContain('drafted against an earlier text of the paragraph');
    expect(text).toContain('[Chile: add] good [/add]');
    expect(text).toContain('¹ A/78/1.');
  });
});

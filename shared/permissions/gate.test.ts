import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import * as A from '../negotiation/actions.ts';
import type { Actor } from '../negotiation/layout.ts';
import { checkUpdate, type GateResult } from './gate.ts';
import { ACTORS, capture, element, makeDoc, setAttr, paragraph, replica, textOf } from './testkit.ts';

const { secretariat, chair, penholder, chile, peru, observer } = ACTORS;
const T = { now: () => '2026-02-02T00:00:00.000Z' };

/** Run `change` on a fresh replica of `server` as `actor`; apply to the server only if the gate accepts. */
function attempt(server: Y.Doc, actor: Actor, change: (doc: Y.Doc) => void): GateResult {
  const client = replica(server);
  const update = capture(client, () => change(client));
  const verdict = checkUpdate(server, update, actor);
  if (verdict.ok) Y.applyUpdate(server, update);
  return verdict;
}
const reason = (v: GateResult): string => (v.ok ? 'ok' : v.reason);
const type = (doc: Y.Doc, id = 'op2') => textOf(doc, id).insert(0, 'x');
const body = (doc: Y.Doc) => doc.getXmlFragment('body');

function withPhase(phase: 'drafting' | 'negotiation' | 'closed'): Y.Doc {
  const doc = makeDoc(3, 3);
  A.setPhase(doc, phase);
  return doc;
}

describe('body', () => {
  test('who may type in each phase', () => {
    const expectations: [string, Actor, string][] = [
      ['drafting', penholder, 'ok'], ['drafting', chair, 'ok'], ['drafting', secretariat, 'ok'],
      ['drafting', chile, 'phase-forbids-text-edit'], ['drafting', observer, 'observer-read-only'],
      ['negotiation', chair, 'ok'], ['negotiation', penholder, 'phase-forbids-text-edit'],
      ['negotiation', secretariat, 'phase-forbids-text-edit'], ['closed', chair, 'phase-forbids-text-edit'],
    ];
    for (const [phase, actor, expected] of expectations) {
      expect(`${phase}/${actor.role}: ${reason(attempt(withPhase(phase as 'drafting'), actor, (d) => type(d)))}`)
        .toBe(`${phase}/${actor.role}: ${expected}`);
    }
  });

  test('locked paragraphs refuse edits, deletion and spanning deletes until reopened', () => {
    const doc = withPhase('negotiation');
    expect(reason(attempt(doc, chair, (d) => A.setParagraphStatus(d, 'op1', 'agreed', 'Chair', T)))).toBe('ok');
    expect(reason(attempt(doc, chair, (d) => type(d, 'op1')))).toBe('paragraph-locked');
    expect(reason(attempt(doc, chair, (d) => setAttr(paragraph(d, 'op1'), 'level', 1)))).toBe('paragraph-locked');
    expect(reason(attempt(doc, chair, (d) => body(d).delete(body(d).toArray().indexOf(paragraph(d, 'op1')), 1)))).toBe('paragraph-locked');
    expect(reason(attempt(doc, chair, (d) => { const i = body(d).toArray().indexOf(paragraph(d, 'pp3')); body(d).delete(i, 3); }))).toBe('paragraph-locked');
    expect(reason(attempt(doc, chair, (d) => type(d, 'op2')))).toBe('ok');
    expect(reason(attempt(doc, chile, (d) => A.proposeAmendment(d, { author: 'Chile', kind: 'wording', target: 'op1', text: 'x' }, T)))).toBe('paragraph-locked');
    expect(reason(attempt(doc, chair, (d) => A.setParagraphStatus(d, 'op1', 'bracketed', 'Chair', T)))).toBe('ok');
    expect(reason(attempt(doc, chair, (d) => type(d, 'op1')))).toBe('ok');
  });

  test('inserting a paragraph needs text rights', () => {
    const insert = (d: Y.Doc) => { const el = element('operative'); body(d).insert(0, [el]); el.setAttribute('id', 'n1'); };
    expect(reason(attempt(withPhase('drafting'), penholder, insert))).toBe('ok');
    expect(reason(attempt(withPhase('negotiation'), penholder, insert))).toBe('phase-forbids-text-edit');
  });
});

describe('roots and observers', () => {
  test('unknown roots are refused for everyone', () => {
    expect(reason(attempt(makeDoc(), secretariat, (d) => d.getMap('extra').set('a', 1)))).toBe('unknown-root');
    expect(reason(attempt(makeDoc(), chair, (d) => d.getArray('comments').push([1])))).toBe('unknown-root');
  });
  test('observers write nothing, but an empty sync passes', () => {
    const doc = makeDoc();
    expect(reason(attempt(doc, observer, (d) => A.recordPosition(d, 'op1', 'Chile', 'support')))).toBe('observer-read-only');
    expect(checkUpdate(doc, Y.encodeStateAsUpdate(doc, Y.encodeStateVector(doc)), observer)).toEqual({ ok: true, effects: [] });
  });
  test('missing dependencies pass through for a resync', () => {
    const doc = makeDoc();
    const c = replica(doc);
    capture(c, () => type(c));
    const second = capture(c, () => type(c));
    expect(reason(checkUpdate(doc, second, chair))).toBe('missing-dependencies');
  });
});

describe('masthead, phase and status', () => {
  test('masthead is the secretariat\'s, even when closed', () => {
    const doc = withPhase('closed');
    expect(reason(attempt(doc, secretariat, (d) => d.getMap('meta').set('date', '1 May 2026')))).toBe('ok');
    expect(reason(attempt(doc, secretariat, (d) => d.getMap('meta').set('kind', 'resolution')))).toBe('ok');
    expect(reason(attempt(doc, secretariat, (d) => d.getMap('meta').set('kind', 'treaty')))).toBe('invalid-value');
    expect(reason(attempt(doc, secretariat, (d) => d.getMap('meta').set('colour', 'red')))).toBe('unknown-key');
    expect(reason(attempt(doc, secretariat, (d) => d.getMap('meta').set('date', 5)))).toBe('invalid-value');
    expect(reason(attempt(withPhase('drafting'), chair, (d) => d.getMap('meta').set('date', 'x')))).toBe('secretariat-only');
  });
  test('phase and tabling: chair or secretariat, valid values only', () => {
    const doc = makeDoc();
    expect(reason(attempt(doc, penholder, (d) => A.setPhase(d, 'negotiation')))).toBe('chair-or-secretariat-only');
    expect(reason(attempt(doc, secretariat, (d) => A.setPhase(d, 'negotiation')))).toBe('ok');
    expect(reason(attempt(doc, chair, (d) => A.markTabled(d, T)))).toBe('ok');
    expect(reason(attempt(doc, chair, (d) => d.getMap('control').set('phase', 'voting')))).toBe('invalid-value');
    expect(reason(attempt(doc, chair, (d) => d.getMap('control').set('mood', 'tense')))).toBe('unknown-key');
    expect(reason(attempt(doc, chair, (d) => A.setPhase(d, 'closed')))).toBe('ok');
    expect(reason(attempt(doc, chair, (d) => A.setPhase(d, 'negotiation')))).toBe('ok');
  });
  test('paragraph status: the chair, signed with its own name', () => {
    const doc = makeDoc();
    expect(reason(attempt(doc, penholder, (d) => A.setParagraphStatus(d, 'op1', 'agreed', 'Brazil', T)))).toBe('chair-only');
    expect(reason(attempt(doc, chair, (d) => A.setParagraphStatus(d, 'op1', 'agreed', 'Someone', T)))).toBe('invalid-value');
    expect(reason(attempt(doc, chair, (d) => d.getMap('status').set('op1', { status: 'done', by: 'Chair', at: 'T' })))).toBe('invalid-value');
    expect(reason(attempt(doc, chair, (d) => A.setParagraphStatus(d, 'op1', 'agreed-ad-ref', 'Chair', T)))).toBe('ok');
  });
});

describe('sponsorship', () => {
  test('draft sponsors', () => {
    const doc = makeDoc();
    expect(reason(attempt(doc, chile, (d) => A.joinDraftSponsors(d, 'Chile', undefined, T)))).toBe('ok');
    expect(reason(attempt(doc, chile, (d) => A.joinDraftSponsors(d, 'Peru', undefined, T)))).toBe('not-your-delegation');
    expect(reason(attempt(doc, chile, (d) => A.joinDraftSponsors(d, 'Chile', 'main', T)))).toBe('sponsor-kind-not-allowed');
    expect(reason(attempt(doc, chile, (d) => d.getMap('sponsors').set('Chile', { order: 'x', kind: 'co', at: 'T' })))).toBe('invalid-value');
    expect(reason(attempt(doc, peru, (d) => d.getMap('sponsors').set('Peru', { order: -1, kind: 'co', at: 'T' })))).toBe('invalid-value');
    expect(reason(attempt(doc, chile, (d) => d.getMap('sponsors').set('Chile', { order: 0, kind: 'co', at: 'T' })))).toBe('invalid-value');
    expect(reason(attempt(doc, chile, (d) => d.getMap('sponsors').set('Chile', { order: 1, kind: 'co', at: 'T2' })))).toBe('ok');
    expect(reason(attempt(doc, chair, (d) => A.markTabled(d, T)))).toBe('ok');
    expect(reason(attempt(doc, peru, (d) => A.joinDraftSponsors(d, 'Peru', 'co', T)))).toBe('sponsor-kind-not-allowed');
    expect(reason(attempt(doc, peru, (d) => A.joinDraftSponsors(d, 'Peru', undefined, T)))).toBe('ok');
    expect(reason(attempt(doc, chile, (d) => A.leaveDraftSponsors(d, 'Chile')))).toBe('ok');
    expect(reason(attempt(doc, secretariat, (d) => A.joinDraftSponsors(d, 'Mexico', 'co', T)))).toBe('ok');
    expect(reason(attempt(doc, chair, (d) => A.setPhase(d, 'closed')))).toBe('ok');
    expect(reason(attempt(doc, peru, (d) => A.leaveDraftSponsors(d, 'Peru')))).toBe('phase-closed');
    expect(reason(attempt(doc, secretariat, (d) => A.leaveDraftSponsors(d, 'Peru')))).toBe('ok');
  });
  test('paragraph sponsors', () => {
    const doc = makeDoc();
    expect(reason(attempt(doc, chile, (d) => A.joinParagraph(d, 'op1', 'Chile', 'proposer', T)))).toBe('ok');
    expect(reason(attempt(doc, peru, (d) => A.leaveParagraph(d, 'op1', 'Chile')))).toBe('not-your-delegation');
    expect(reason(attempt(doc, chair, (d) => A.joinParagraph(d, 'op1', 'Chile')))).toBe('no-delegation');
    expect(reason(attempt(doc, peru, (d) => d.getMap('paragraphSponsors').set('op1|Peru', { role: 'boss', at: 'T' })))).toBe('invalid-value');
    expect(reason(attempt(doc, peru, (d) => d.getMap('paragraphSponsors').set('op1', { role: 'co', at: 'T' })))).toBe('unknown-key');
  });
});

describe('amendments', () => {
  const propose = (author: string, extra: Partial<A.ProposeFields> = {}) => (d: Y.Doc) =>
    A.proposeAmendment(d, { author, kind: 'wording', target: 'op2', baseText: 'b', text: 'new', ...extra }, { ...T, newId: () => 'a1' });

  test('creation is validated as a whole', () => {
    expect(reason(attempt(makeDoc(), chile, propose('Chile')))).toBe('ok');
    expect(reason(attempt(makeDoc(), chile, propose('Peru')))).toBe('not-your-delegation');
    expect(reason(attempt(makeDoc(), chair, propose('Chile')))).toBe('no-delegation');
    expect(reason(attempt(withPhase('closed'), chile, propose('Chile')))).toBe('phase-closed');
    expect(reason(attempt(makeDoc(), chile, propose('Chile', { target: '' })))).toBe('invalid-value');
    expect(reason(attempt(makeDoc(), chile, propose('Chile', { kind: 'insert', target: '', after: 'op1' })))).toBe('ok');
    expect(reason(attempt(makeDoc(), chile, propose('Chile', { level: 7 })))).toBe('invalid-value');
    expect(reason(attempt(makeDoc(), chile, (d) => { propose('Chile')(d); A.setAmendmentStatus(d, 'a1', 'accepted'); }))).toBe('invalid-value');
    expect(reason(attempt(makeDoc(), chile, (d) => { propose('Chile')(d); A.cosignAmendment(d, 'a1', 'Peru'); }))).toBe('not-your-delegation');
    expect(reason(attempt(makeDoc(), chile, (d) => { propose('Chile')(d); (d.getMap('amendments').get('a1') as Y.Map<unknown>).set('colour', 'red'); }))).toBe('unknown-key');
    const doc = makeDoc();
    attempt(doc, chile, propose('Chile'));
    expect(reason(attempt(doc, peru, propose('Peru')))).toBe('amendment-exists');
  });

  test('life of an amendment', () => {
    const doc = withPhase('negotiation');
    expect(reason(attempt(doc, chile, propose('Chile')))).toBe('ok');
    expect(reason(attempt(doc, chile, (d) => A.editAmendmentText(d, 'a1', 'newer', T)))).toBe('ok');
    expect(reason(attempt(doc, peru, (d) => A.editAmendmentText(d, 'a1', 'hijack', T)))).toBe('author-only');
    expect(reason(attempt(doc, chile, (d) => A.setAmendmentRationale(d, 'a1', 'because', T)))).toBe('ok');
    expect(reason(attempt(doc, chile, (d) => (d.getMap('amendments').get('a1') as Y.Map<unknown>).set('target', 'op3')))).toBe('amendment-field-immutable');
    expect(reason(attempt(doc, chile, (d) => (d.getMap('amendments').get('a1') as Y.Map<unknown>).delete('rationale')))).toBe('amendment-field-immutable');
    expect(reason(attempt(doc, peru, (d) => A.cosignAmendment(d, 'a1', 'Peru', T)))).toBe('ok');
    expect(reason(attempt(doc, peru, (d) => A.cosignAmendment(d, 'a1', 'Mexico', T)))).toBe('not-your-delegation');
    expect(reason(attempt(doc, chile, (d) => A.cosignAmendment(d, 'a1', 'Chile', T)))).toBe('cannot-cosign-own-amendment');
    expect(reason(attempt(doc, chile, (d) => A.uncosignAmendment(d, 'a1', 'Peru')))).toBe('not-your-delegation');
    expect(reason(attempt(doc, peru, (d) => A.setAmendmentStatus(d, 'a1', 'accepted', T)))).toBe('chair-only');
    expect(reason(attempt(doc, peru, (d) => A.withdrawAmendment(d, 'a1', T)))).toBe('author-only');
    expect(reason(attempt(doc, chile, (d) => d.getMap('amendments').delete('a1')))).toBe('amendment-not-deletable');
    expect(reason(attempt(doc, chair, (d) => A.setAmendmentStatus(d, 'a1', 'rejected', T)))).toBe('ok');
    expect(reason(attempt(doc, chile, (d) => A.editAmendmentText(d, 'a1', 'too late', T)))).toBe('amendment-not-editable');
    expect(reason(attempt(doc, chile, (d) => A.withdrawAmendment(d, 'a1', T)))).toBe('amendment-status-transition');
    expect(reason(attempt(doc, chair, (d) => A.setAmendmentStatus(d, 'a1', 'proposed', T)))).toBe('ok');
    expect(reason(attempt(doc, chile, (d) => A.withdrawAmendment(d, 'a1', T)))).toBe('ok');
    expect(reason(attempt(doc, chair, (d) => A.setAmendmentStatus(d, 'a1', 'accepted', T)))).toBe('amendment-status-transition');
    expect(A.readAmendment(doc, 'a1')).toMatchObject({ status: 'withdrawn', text: 'newer', rationale: 'because', cosigners: ['Peru'] });
  });
});

describe('positions', () => {
  test('own stance only, valid values', () => {
    const doc = makeDoc();
    expect(reason(attempt(doc, chile, (d) => A.recordPosition(d, 'op1', 'Chile', 'oppose', 'why', T)))).toBe('ok');
    expect(reason(attempt(doc, chile, (d) => A.recordPosition(d, 'op1', 'Chile', 'support', '', T)))).toBe('ok');
    expect(reason(attempt(doc, peru, (d) => A.recordPosition(d, 'op1', 'Chile', 'oppose', '', T)))).toBe('not-your-delegation');
    expect(reason(attempt(doc, peru, (d) => d.getMap('positions').delete('op1|Chile')))).toBe('not-your-delegation');
    expect(reason(attempt(doc, peru, (d) => d.getMap('positions').set('op1|Peru', { stance: 'love', note: '', at: 'T' })))).toBe('invalid-value');
    expect(reason(attempt(doc, peru, (d) => d.getMap('positions').set('op1|Peru', { stance: 'oppose', note: 'x'.repeat(2001), at: 'T' })))).toBe('invalid-value');
    expect(reason(attempt(doc, peru, (d) => d.getMap('positions').set('op1|Peru', new Y.Map())))).toBe('invalid-value');
    expect(reason(attempt(doc, chair, (d) => A.recordPosition(d, 'op1', 'Chile', 'oppose', '', T)))).toBe('no-delegation');
    expect(reason(attempt(withPhase('closed'), chile, (d) => A.recordPosition(d, 'op1', 'Chile', 'oppose', '', T)))).toBe('phase-closed');
  });
});

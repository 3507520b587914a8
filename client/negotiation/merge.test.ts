/**
 * The panel's merge glue: accept (clean / conflict), accept with the chair's resolutions, batches that stop
 * at the first conflict, the undo list — and every write the chair's client makes passes the server gate.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { undoAcceptance } from '../../shared/merge/apply-amendment.ts';
import { blockElement, rewriteBlockText } from '../../shared/merge/body-edit.ts';
import { proposeAmendment, readAmendment, setPhase } from '../../shared/negotiation/actions.ts';
import type { Actor } from '../../shared/negotiation/layout.ts';
import { checkUpdate } from '../../shared/permissions/gate.ts';
import { capture, replica } from '../../shared/permissions/testkit.ts';
import { blocksToResolution, emptyHead } from '../../shared/resolution/blocks.ts';
import { readBlocksFromYDoc, writeResolutionToYDoc } from '../../shared/resolution/ydoc.ts';
import { acceptAmendment, acceptMany, acceptResolved, describeAcceptError, outOfDate, pushUndo, rebaseWording, type AcceptOutcome } from './merge.ts';
import { BLOCKS } from './testing.ts';

const chair: Actor = { participant: 'Chair', role: 'chair', delegation: null };
const brazil: Actor = { participant: 'Brazil', role: 'delegation', delegation: 'Brazil' };
const OP1 = 'Welcomes the report of the Secretary-General;';

function draft(): Y.Doc {
  const doc = new Y.Doc();
  writeResolutionToYDoc(doc, blocksToResolution(BLOCKS, emptyHead()));
  setPhase(doc, 'negotiation');
  return doc;
}
const op = (doc: Y.Doc, n: number): { id: string; text: string } => readBlocksFromYDoc(doc).filter((b) => b.type === 'operative' && b.level === 0)[n];
let seq = 0;
function wording(doc: Y.Doc, target: string, text: string, author = 'Brazil'): string {
  const baseText = readBlocksFromYDoc(doc).find((b) => b.id === target)?.text ?? '';
  return proposeAmendment(doc, { author, kind: 'wording', target, baseText, text }, { newId: () => `m${++seq}` });
}
/** Run `change` on a server replica's copy as the chair's client and check the server's verdict. */
function viaGate<T>(doc: Y.Doc, change: (client: Y.Doc) => T, actor: Actor = chair): { out: T; client: Y.Doc } {
  const client = replica(doc);
  let out: T | undefined;
  const update = capture(client, () => { out = change(client); });
  const verdict = checkUpdate(doc, update, actor);
  expect(verdict).toMatchObject({ ok: true });
  Y.applyUpdate(doc, update);
  return { out: out as T, client };
}

describe('acceptAmendment', () => {
  it('merges clean wording into the body in one update the server gate accepts, and undo passes too', () => {
    const doc = draft();
    const p = op(doc, 0);
    const id = wording(doc, p.id, 'Takes note of the report of the Secretary-General;');
    const { out } = viaGate(doc, (c) => acceptAmendment(c, id, 'Chair'));
    expect(out.ok).toBe(true);
    expect(op(doc, 0).text).toBe('Takes note of the report of the Secretary-General;');
    expect(readAmendment(doc, id)?.status).toBe('accepted');
    if (!out.ok) return;
    viaGate(doc, (c) => undoAcceptance(c, out.undo));
    expect(op(doc, 0).text).toBe(OP1);
    expect(readAmendment(doc, id)?.status).toBe('proposed');
  });

  it('reports conflicts without writing, and acceptResolved applies the chair\'s choices', () => {
    const doc = draft();
    const p = op(doc, 0);
    const id = wording(doc, p.id, 'Welcomes the excellent report of the Secretary-General;');
    rewriteBlockText(blockElement(doc, p.id) as Y.XmlElement, 'Welcomes the detailed report of the Secretary-General;');
    const before = Y.encodeStateVector(doc);
    const out = acceptAmendment(doc, id, 'Chair');
    expect(out).toMatchObject({ ok: false, error: 'conflict' });
    expect(Y.encodeStateVector(doc)).toEqual(before);
    const conflicts = out.ok === false && out.error === 'conflict' ? out.conflicts : [];
    expect(conflicts.length).toBe(1);
    expect(conflicts[0].ours).toContain('detailed');
    expect(conflicts[0].theirs).toContain('excellent');
    viaGate(doc, (c) => acceptResolved(c, id, 'Chair', [{ text: conflicts[0].theirs.replace('excellent', 'thorough') }]));
    expect(op(doc, 0).text).toBe('Welcomes the thorough report of the Secretary-General;');
    expect(readAmendment(doc, id)?.status).toBe('accepted');
  });

  it('takes the amendment\'s side of a conflict', () => {
    const doc = draft();
    const p = op(doc, 0);
    const id = wording(doc, p.id, 'Welcomes the excellent report of the Secretary-General;');
    rewriteBlockText(blockElement(doc, p.id) as Y.XmlElement, 'Welcomes the detailed report of the Secretary-General;');
    const res = acceptResolved(doc, id, 'Chair', ['theirs']);
    expect(res.ok).toBe(true);
    expect(op(doc, 0).text).toBe('Welcomes the excellent report of the Secretary-General;');
  });

  it('refuses choices that do not fit the conflicts, changing nothing', () => {
    const doc = draft();
    const p = op(doc, 0);
    const id = wording(doc, p.id, 'Welcomes the excellent report of the Secretary-General;');
    rewriteBlockText(blockElement(doc, p.id) as Y.XmlElement, 'Welcomes the detailed report of the Secretary-General;');
    expect(acceptResolved(doc, id, 'Chair', [])).toEqual({ ok: false, error: 'stale-plan' });
    expect(readAmendment(doc, id)?.status).toBe('proposed');
  });

  it('does not merge new paragraphs from the chair (paragraph sponsors are the delegations\' own writes)', () => {
    const doc = draft();
    const id = proposeAmendment(doc, { author: 'Brazil', kind: 'insert', after: op(doc, 0).id, paragraphKind: 'operative', level: 0, text: 'New.' });
    const out: AcceptOutcome = acceptAmendment(doc, id, 'Chair');
    expect(out).toEqual({ ok: false, error: 'insert-not-supported' });
    expect(readAmendment(doc, id)?.status).toBe('proposed');
    expect(describeAcceptError('insert-not-supported')).toMatch(/paragraph/);
  });
});

describe('acceptMany', () => {
  it('accepts in order and stops at the first conflict, leaving the rest proposed', () => {
    const doc = draft();
    const [p1, p2, p3] = [op(doc, 0), op(doc, 1), op(doc, 2)];
    const a = wording(doc, p1.id, 'Takes note of the report of the Secretary-General;');
    const b1 = wording(doc, p2.id, 'Encourages all Member States to cooperate;');
    const b2 = wording(doc, p2.id, 'Urges all States to cooperate;', 'Kenya');
    const c = wording(doc, p3.id, 'Decides to remain actively seized of the matter.');
    // b3 rewrites the words b1 rewrote: once b1 is in, b3 conflicts (b2 touches other words and is not selected).
    const b3 = wording(doc, p2.id, 'Encourages all countries to cooperate;', 'Kenya');
    const { out } = viaGate(doc, (cl) => acceptMany(cl, [a, b1, b3, c], 'Chair'));
    expect(out.accepted.map((u) => u.amendmentId)).toEqual([a, b1]);
    expect(out.stopped).toMatchObject({ id: b3, outcome: { ok: false, error: 'conflict' } });
    expect(readAmendment(doc, c)?.status).toBe('proposed');
    expect(op(doc, 2).text).toBe(p3.text);
    expect(op(doc, 1).text).toBe('Encourages all Member States to cooperate;');
    expect(readAmendment(doc, b2)?.status).toBe('proposed');
  });
});

describe('pushUndo', () => {
  it('keeps the newest records only', () => {
    const rec = (n: number) => ({ amendmentId: `a${n}`, kind: 'wording' as const, prevStatus: 'proposed', prevUpdatedAt: '', paragraphId: 'p', before: [], prevSiblingId: '', sponsors: [] });
    const list = pushUndo(pushUndo([], [rec(1), rec(2), rec(3)], 4), [rec(4), rec(5)], 4);
    expect(list.map((r) => r.amendmentId)).toEqual(['a2', 'a3', 'a4', 'a5']);
  });
});

describe('out of date amendments', () => {
  it('the author rebases in an update the gate accepts; it is no longer out of date and then merges cleanly', () => {
    const doc = draft();
    const p = op(doc, 0);
    const id = wording(doc, p.id, 'Takes note of the report of the Secretary-General;');
    expect(outOfDate(doc).size).toBe(0);
    rewriteBlockText(blockElement(doc, p.id) as Y.XmlElement, 'Welcomes the report of the Secretary-General of 2025;');
    expect([...outOfDate(doc)]).toEqual([id]);
    const { out } = viaGate(doc, (c) => rebaseWording(c, id), brazil);
    expect(out).toEqual({ ok: true, text: 'Takes note of the report of the Secretary-General of 2025;' });
    expect(outOfDate(doc).size).toBe(0);
    expect(acceptAmendment(doc, id, 'Chair').ok).toBe(true);
    expect(op(doc, 0).text).toBe('Takes note of the report of the Secretary-General of 2025;');
  });

  it('a conflicting rebase changes nothing and stays out of date', () => {
    const doc = draft();
    const p = op(doc, 0);
    const id = wording(doc, p.id, 'Welcomes the excellent report of the Secretary-General;');
    rewriteBlockText(blockElement(doc, p.id) as Y.XmlElement, 'Welcomes the detailed report of the Secretary-General;');
    expect(rebaseWording(doc, id)).toMatchObject({ ok: false, error: 'conflict' });
    expect(readAmendment(doc, id)?.text).toBe('Welcomes the excellent report of the Secretary-General;');
    expect([...outOfDate(doc)]).toEqual([id]);
  });
});

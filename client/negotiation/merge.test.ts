/**
 * The panel's read-only merge helpers: the conflict preview the chair settles (the same conflicts the
 * server finds), which amendments are out of date, and the wording of server errors.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { acceptResolved } from '../../shared/merge/accept.ts';
import { rebaseAmendment } from '../../shared/merge/apply-amendment.ts';
import { blockElement, rewriteBlockText } from '../../shared/merge/body-edit.ts';
import { proposeAmendment, readAmendment, setPhase } from '../../shared/negotiation/actions.ts';
import { blocksToResolution, emptyHead } from '../../shared/resolution/blocks.ts';
import { readBlocksFromYDoc, writeResolutionToYDoc } from '../../shared/resolution/ydoc.ts';
import { describeAcceptError, describeServerError, outOfDate, previewConflicts } from './merge.ts';
import { BLOCKS } from './testing.ts';

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

describe('previewConflicts', () => {
  it('is null for a clean merge and for inserts; lists the conflicts the chair settles, and those choices merge', () => {
    const doc = draft();
    const p = op(doc, 0);
    const clean = wording(doc, p.id, 'Takes note of the report of the Secretary-General;');
    expect(previewConflicts(doc, clean)).toBeNull();
    const insert = proposeAmendment(doc, { author: 'Kenya', kind: 'insert', after: p.id, paragraphKind: 'operative', level: 0, text: 'New.' });
    expect(previewConflicts(doc, insert)).toBeNull();
    const id = wording(doc, p.id, 'Welcomes the excellent report of the Secretary-General;');
    rewriteBlockText(blockElement(doc, p.id) as Y.XmlElement, 'Welcomes the detailed report of the Secretary-General;');
    const before = Y.encodeStateVector(doc);
    const conflicts = previewConflicts(doc, id) ?? [];
    expect(Y.encodeStateVector(doc)).toEqual(before);
    expect(conflicts.length).toBe(1);
    expect(conflicts[0].ours).toContain('detailed');
    expect(conflicts[0].theirs).toContain('excellent');
    expect(acceptResolved(doc, id, 'Chair', ['theirs']).ok).toBe(true);
    expect(op(doc, 0).text).toBe('Welcomes the excellent report of the Secretary-General;');
  });
});

describe('out of date amendments', () => {
  it('flags an amendment whose paragraph changed until the author rebases it', () => {
    const doc = draft();
    const p = op(doc, 0);
    const id = wording(doc, p.id, 'Takes note of the report of the Secretary-General;');
    expect(outOfDate(doc).size).toBe(0);
    rewriteBlockText(blockElement(doc, p.id) as Y.XmlElement, 'Welcomes the report of the Secretary-General of 2025;');
    expect([...outOfDate(doc)]).toEqual([id]);
    expect(rebaseAmendment(doc, id)).toMatchObject({ ok: true, text: 'Takes note of the report of the Secretary-General of 2025;' });
    expect(outOfDate(doc).size).toBe(0);
    expect(readAmendment(doc, id)?.baseText).toBe('Welcomes the report of the Secretary-General of 2025;');
  });

  it('a conflicting amendment stays out of date', () => {
    const doc = draft();
    const p = op(doc, 0);
    const id = wording(doc, p.id, 'Welcomes the excellent report of the Secretary-General;');
    rewriteBlockText(blockElement(doc, p.id) as Y.XmlElement, 'Welcomes the detailed report of the Secretary-General;');
    expect(rebaseAmendment(doc, id)).toMatchObject({ ok: false, error: 'conflict' });
    expect([...outOfDate(doc)]).toEqual([id]);
  });
});

describe('wording of failures', () => {
  it('uses our text for known codes and the server\'s message otherwise', () => {
    expect(describeServerError({ status: 409, code: 'stale-plan', message: 'x' })).toMatch(/changed meanwhile/);
    expect(describeServerError({ status: 403, code: 'chair-only', message: 'only the chair may do this' })).toBe('only the chair may do this');
    expect(describeAcceptError('after-missing')).toMatch(/follows is gone/);
  });
});

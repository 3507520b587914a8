import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { mapIndexThroughDelta, type TextDeltaOp } from './text-binding.ts';
import { amendmentText, editAmendmentText, proposeAmendment } from '../../shared/negotiation/actions.ts';

/** Apply a remote change to a copy of the text and return the delta the local side observes. */
function remoteDelta(initial: string, change: (t: Y.Text) => void): { delta: TextDeltaOp[]; after: string } {
  const local = new Y.Doc();
  local.getText('t').insert(0, initial);
  const remote = new Y.Doc();
  Y.applyUpdate(remote, Y.encodeStateAsUpdate(local));
  let delta: TextDeltaOp[] = [];
  local.getText('t').observe((e) => { delta = e.delta as TextDeltaOp[]; });
  change(remote.getText('t'));
  Y.applyUpdate(local, Y.encodeStateAsUpdate(remote, Y.encodeStateVector(local)));
  return { delta, after: local.getText('t').toString() };
}

describe('mapIndexThroughDelta', () => {
  it('shifts a caret after an insertion before it and keeps it before one after it', () => {
    const { delta, after } = remoteDelta('Welcomes the report;', (t) => t.insert(13, 'full '));
    expect(after).toBe('Welcomes the full report;');
    expect(mapIndexThroughDelta(19, delta)).toBe(24); // was before ';'
    expect(after[mapIndexThroughDelta(19, delta)]).toBe(';');
    expect(mapIndexThroughDelta(5, delta)).toBe(5);
    expect(mapIndexThroughDelta(13, delta, -1)).toBe(13);
    expect(mapIndexThroughDelta(13, delta, 1)).toBe(18);
  });

  it('pulls a caret back over a deletion before it, and to the deletion start when inside it', () => {
    const { delta, after } = remoteDelta('Welcomes the full report;', (t) => t.delete(13, 5));
    expect(after).toBe('Welcomes the report;');
    expect(mapIndexThroughDelta(24, delta)).toBe(19);
    expect(mapIndexThroughDelta(15, delta)).toBe(13);
    expect(mapIndexThroughDelta(3, delta)).toBe(3);
  });

  it('works with the amendment text writer: two authors typing at both ends keep each other\'s caret', () => {
    const a = new Y.Doc();
    const id = proposeAmendment(a, { author: 'Brazil', kind: 'wording', target: 'op1', text: 'Welcomes the report;' });
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    let delta: TextDeltaOp[] = [];
    amendmentText(a, id)?.observe((e) => { delta = e.delta as TextDeltaOp[]; });
    editAmendmentText(b, id, 'Warmly welcomes the report;');
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
    const caret = 'Welcomes the report'.length;
    const mapped = mapIndexThroughDelta(caret, delta);
    expect(amendmentText(a, id)?.toString().slice(0, mapped)).toBe('Warmly welcomes the report');
  });
});

import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as awarenessProtocol from 'y-protocols/awareness';
import {
  KEEPALIVE, decodeMessage, encodeAuthDenied, encodeAwareness, encodeQueryAwareness, encodeSyncStep1, encodeSyncStep2,
  encodeSyncUpdate,
} from './protocol.ts';

function docWithText(text: string): Y.Doc {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, text);
  return doc;
}

/** A frame exactly as y-websocket's client builds it. */
function clientSyncStep1(doc: Y.Doc): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  syncProtocol.writeSyncStep1(e, doc);
  return encoding.toUint8Array(e);
}

describe('decodeMessage', () => {
  it('decodes the frames y-protocols encodes', () => {
    const doc = docWithText('hello');
    const step1 = decodeMessage(clientSyncStep1(doc));
    expect(step1).toEqual({ kind: 'sync-step1', stateVector: Y.encodeStateVector(doc) });

    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 0);
    syncProtocol.writeUpdate(e, Y.encodeStateAsUpdate(doc));
    expect(decodeMessage(encoding.toUint8Array(e))).toEqual({ kind: 'sync-update', update: Y.encodeStateAsUpdate(doc) });

    const aw = new awarenessProtocol.Awareness(new Y.Doc());
    aw.setLocalState({ user: { name: 'Ana' } });
    const ae = encoding.createEncoder();
    encoding.writeVarUint(ae, 1);
    encoding.writeVarUint8Array(ae, awarenessProtocol.encodeAwarenessUpdate(aw, [aw.clientID]));
    const decoded = decodeMessage(encoding.toUint8Array(ae));
    expect(decoded).toEqual({ kind: 'awareness', entries: [{ clientID: aw.clientID, clock: 1, state: { user: { name: 'Ana' } } }] });
    aw.destroy();
  });

  it('round-trips every encoder', () => {
    const sv = Y.encodeStateVector(docWithText('x'));
    const update = Y.encodeStateAsUpdate(docWithText('y'));
    expect(decodeMessage(encodeSyncStep1(sv))).toEqual({ kind: 'sync-step1', stateVector: sv });
    expect(decodeMessage(encodeSyncStep2(update))).toEqual({ kind: 'sync-step2', update });
    expect(decodeMessage(encodeSyncUpdate(update))).toEqual({ kind: 'sync-update', update });
    const entries = [{ clientID: 7, clock: 3, state: { cursor: null } }, { clientID: 9, clock: 1, state: null }];
    expect(decodeMessage(encodeAwareness(entries))).toEqual({ kind: 'awareness', entries });
    expect(decodeMessage(encodeQueryAwareness())).toEqual({ kind: 'query-awareness' });
    expect(decodeMessage(encodeAuthDenied('no'))).toEqual({ kind: 'auth-denied', reason: 'no' });
    expect(decodeMessage(KEEPALIVE)).toEqual({ kind: 'awareness', entries: [] });
  });

  it('our awareness encoding is what y-protocols applies', () => {
    const aw = new awarenessProtocol.Awareness(new Y.Doc());
    const entries = [{ clientID: 42, clock: 5, state: { user: 'Bo' } }];
    const frame = encodeAwareness(entries);
    expect(decodeMessage(frame).kind).toBe('awareness');
    // Frame = [type 1][varUint length][update]; apply the update through y-protocols itself.
    const inner = frame.subarray(2);
    awarenessProtocol.applyAwarenessUpdate(aw, inner, 'test');
    expect(aw.getStates().get(42)).toEqual({ user: 'Bo' });
    aw.destroy();
  });

  it('returns invalid, never throws, for garbage and truncation', () => {
    const update = encodeSyncUpdate(Y.encodeStateAsUpdate(docWithText('some text to truncate')));
    const cases: Uint8Array[] = [
      new Uint8Array([]),
      new Uint8Array([9]),
      new Uint8Array([0]),
      new Uint8Array([0, 7, 0]),
      new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]),
      update.subarray(0, update.length - 3),
      new Uint8Array([...update, 1, 2, 3]),
      new Uint8Array([1, 5, 1, 1, 1, 2, 123]), // awareness whose JSON is cut short
      encodeAwareness([]).subarray(0, 1),
      new Uint8Array([3, 0]),
      new Uint8Array([2, 1]),
    ];
    for (const frame of cases) {
      const msg = decodeMessage(frame);
      expect(msg.kind, `frame ${Array.from(frame).join(',')}`).toBe('invalid');
    }
    for (let i = 0; i < 500; i++) {
      const junk = new Uint8Array(1 + Math.floor(Math.random() * 40)).map(() => Math.floor(Math.random() * 256));
      expect(() => decodeMessage(junk)).not.toThrow();
    }
  });

  it('rejects awareness states that are not objects or null, and non-JSON', () => {
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 1);
    const inner = encoding.createEncoder();
    encoding.writeVarUint(inner, 1);
    encoding.writeVarUint(inner, 1);
    encoding.writeVarUint(inner, 1);
    encoding.writeVarString(inner, '{not json');
    encoding.writeVarUint8Array(e, encoding.toUint8Array(inner));
    expect(decodeMessage(encoding.toUint8Array(e))).toMatchObject({ kind: 'invalid', reason: 'awareness state is not JSON' });
    expect(decodeMessage(encodeAwareness([{ clientID: 1, clock: 1, state: [1] as unknown as Record<string, unknown> }])).kind).toBe('invalid');
  });

  it('copies payloads out of the frame buffer', () => {
    const frame = encodeSyncUpdate(new Uint8Array([0, 0]));
    const msg = decodeMessage(frame);
    if (msg.kind !== 'sync-update') throw new Error('expected update');
    frame.fill(0xff);
    expect(Array.from(msg.update)).toEqual([0, 0]);
  });
});

import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import * as A from '../negotiation/actions.ts';
import { checkUpdate } from './gate.ts';
import { inspectUpdate, type Effect } from './inspect.ts';
import { ACTORS, capture, element, makeDoc, setAttr, paragraph, replica, textOf } from './testkit.ts';

function effectsOf(server: Y.Doc, update: Uint8Array): Effect[] {
  const r = inspectUpdate(server, update);
  if (!r.ok) throw new Error(`${r.reason}: ${r.detail}`);
  return r.effects;
}

/** A server doc and a synced client; `step` captures a client change, inspects it, then applies it to the server. */
function room(pp = 3, op = 3) {
  const server = makeDoc(pp, op);
  const client = replica(server);
  return {
    server,
    client,
    step(change: () => void): Effect[] {
      const update = capture(client, change);
      const before = Y.encodeStateVector(server);
      const effects = effectsOf(server, update);
      expect(Y.encodeStateVector(server)).toEqual(before); // inspecting never applies
      Y.applyUpdate(server, update);
      return effects;
    },
  };
}

const body = (doc: Y.Doc) => doc.getXmlFragment('body');
const indexOf = (doc: Y.Doc, id: string) => body(doc).toArray().indexOf(paragraph(doc, id));

describe('inspectUpdate: body', () => {
  test('text typed inside a paragraph resolves to its id', () => {
    const r = room();
    expect(r.step(() => textOf(r.client, 'op2').insert(5, 'abc'))).toEqual([{ root: 'body', paragraphId: 'op2', change: 'text' }]);
  });

  test('several keystrokes merged into one update resolve through the update\'s own origins', () => {
    const r = room();
    const updates = ['a', 'b', 'c'].map((ch, i) => capture(r.client, () => textOf(r.client, 'pp1').insert(2 + i, ch)));
    updates.push(capture(r.client, () => textOf(r.client, 'pp3').delete(0, 2)));
    expect(effectsOf(r.server, Y.mergeUpdates(updates))).toEqual([
      { root: 'body', paragraphId: 'pp1', change: 'text' },
      { root: 'body', paragraphId: 'pp3', change: 'text' },
    ]);
  });

  test('typed and deleted in the same update', () => {
    const r = room();
    expect(r.step(() => {
      r.client.transact(() => { textOf(r.client, 'op1').insert(0, 'xyz'); textOf(r.client, 'op1').delete(0, 3); });
    })).toEqual([{ root: 'body', paragraphId: 'op1', change: 'text' }]);
  });

  test('attribute change and footnote edits', () => {
    const r = room();
    expect(r.step(() => setAttr(paragraph(r.client, 'op3'), 'level', 1))).toEqual([
      { root: 'body', paragraphId: 'op3', change: 'attrs' },
    ]);
    r.step(() => { const fn = element('footnote'); textOf(r.client, 'op3'); paragraph(r.client, 'op3').insert(1, [fn]); fn.setAttribute('id', 'f1'); fn.setAttribute('text', 'A/1'); });
    const fn = paragraph(r.client, 'op3').toArray()[1] as Y.XmlElement;
    expect(r.step(() => fn.setAttribute('text', 'A/2'))).toEqual([{ root: 'body', paragraphId: 'op3', change: 'text' }]);
  });

  test('a paragraph split: new element with its id, kind and level, plus the cut text', () => {
    const r = room();
    const effects = r.step(() => {
      const t = textOf(r.client, 'op2');
      const tail = t.toString().slice(10);
      t.delete(10, tail.length);
      const el = element('operative');
      body(r.client).insert(indexOf(r.client, 'op2') + 1, [el]);
      el.setAttribute('id', 'op2b');
      setAttr(el, 'level', 1);
      el.insert(0, [new Y.XmlText(tail)]);
    });
    expect(effects).toEqual([
      { root: 'body', paragraphId: 'op2b', change: 'insert', nodeName: 'operative', level: 1 },
      { root: 'body', paragraphId: 'op2', change: 'text' },
    ]);
  });

  test('an id rewritten in the same update wins', () => {
    const r = room();
    const effects = r.step(() => {
      const el = element('preambular');
      body(r.client).insert(0, [el]);
      el.setAttribute('id', 'dup');
      el.setAttribute('id', 'fresh');
    });
    expect(effects).toEqual([{ root: 'body', paragraphId: 'fresh', change: 'insert', nodeName: 'preambular', level: undefined }]);
  });

  test('a deletion spanning several paragraphs (join of the ends)', () => {
    const r = room();
    const effects = r.step(() => {
      const start = indexOf(r.client, 'pp2');
      const headText = textOf(r.client, 'pp2');
      headText.delete(5, headText.length - 5);
      const tail = textOf(r.client, 'op1').toString().slice(8);
      body(r.client).delete(start + 1, 2); // pp3, op1 entirely
      headText.insert(5, tail);
    });
    const ids = effects.map((e) => (e.root === 'body' ? `${e.paragraphId}:${e.change}` : '?')).sort();
    // Deleting an element deletes its attributes and text too: those show up against the same paragraph.
    expect(ids).toEqual(['op1:attrs', 'op1:delete', 'op1:text', 'pp2:text', 'pp3:attrs', 'pp3:delete', 'pp3:text']);
  });

  test('a stale full-state diff carries old deletions that touch nothing', () => {
    const r = room();
    r.step(() => textOf(r.client, 'op1').delete(0, 4));
    const sv = Y.encodeStateVector(r.server);
    textOf(r.client, 'op2').insert(0, 'Z');
    expect(effectsOf(r.server, Y.encodeStateAsUpdate(r.client, sv))).toEqual([{ root: 'body', paragraphId: 'op2', change: 'text' }]);
  });

  test('an offline edit inside a paragraph deleted (and collected) meanwhile has no effect', () => {
    const r = room();
    const other = replica(r.server);
    const offline = capture(r.client, () => textOf(r.client, 'pp1').insert(3, 'late'));
    Y.applyUpdate(r.server, capture(other, () => body(other).delete(indexOf(other, 'pp1'), 1)));
    expect(effectsOf(r.server, offline)).toEqual([]);
  });

  test('edits based on content from another client the server has', () => {
    const r = room();
    const b = replica(r.server);
    const fromB = capture(b, () => textOf(b, 'op1').insert(0, 'B'));
    Y.applyUpdate(r.server, fromB);
    Y.applyUpdate(r.client, fromB);
    expect(r.step(() => textOf(r.client, 'op1').insert(1, 'A'))).toEqual([{ root: 'body', paragraphId: 'op1', change: 'text' }]);
  });
});

describe('inspectUpdate: maps and amendments', () => {
  test('map writes decode the new value; an overwrite also deletes the old one', () => {
    const r = room();
    expect(r.step(() => A.recordPosition(r.client, 'op1', 'Chile', 'oppose', 'n', { now: () => 'T' }))).toEqual([
      { root: 'positions', key: 'op1|Chile', op: 'set', value: { stance: 'oppose', note: 'n', at: 'T' }, valueType: 'any' },
    ]);
    expect(r.step(() => A.recordPosition(r.client, 'op1', 'Chile', 'support', '', { now: () => 'T' }))).toEqual([
      { root: 'positions', key: 'op1|Chile', op: 'set', value: { stance: 'support', note: '', at: 'T' }, valueType: 'any' },
      { root: 'positions', key: 'op1|Chile', op: 'delete' },
    ]);
  });

  test('every map root', () => {
    const r = room();
    expect(r.step(() => r.client.getMap('meta').set('symbol', 'A/1'))).toEqual([
      { root: 'meta', key: 'symbol', op: 'set', value: 'A/1', valueType: 'any' },
      { root: 'meta', key: 'symbol', op: 'delete' },
    ]);
    expect(r.step(() => A.leaveDraftSponsors(r.client, 'Brazil'))).toEqual([{ root: 'sponsors', key: 'Brazil', op: 'delete' }]);
    expect(r.step(() => A.setPhase(r.client, 'closed'))).toEqual([{ root: 'control', key: 'phase', op: 'set', value: 'closed', valueType: 'any' }]);
    expect(r.step(() => A.setParagraphStatus(r.client, 'op1', 'agreed', 'Chair', { now: () => 'T' }))).toEqual([
      { root: 'status', key: 'op1', op: 'set', value: { status: 'agreed', by: 'Chair', at: 'T' }, valueType: 'any' },
    ]);
    expect(r.step(() => A.joinParagraph(r.client, 'op1', 'Peru', 'co', { now: () => 'T' }))).toEqual([
      { root: 'paragraphSponsors', key: 'op1|Peru', op: 'set', value: { role: 'co', at: 'T' }, valueType: 'any' },
    ]);
    expect(r.step(() => r.client.getMap('comments').set('x', 1))).toEqual([{ root: 'unknown', name: 'comments' }]);
    expect(r.step(() => r.client.getText('stray').insert(0, 'hi'))).toEqual([{ root: 'unknown', name: 'stray' }]);
  });

  test('a nested type stored as a map value shows as an edit', () => {
    const r = room();
    const m = new Y.Map<unknown>();
    expect(r.step(() => r.client.getMap('positions').set('op1|Chile', m))).toEqual([
      { root: 'positions', key: 'op1|Chile', op: 'set', valueType: 'map' },
    ]);
    expect(r.step(() => m.set('stance', 'oppose'))).toEqual([{ root: 'positions', key: 'op1|Chile', op: 'edit' }]);
  });

  test('creating an amendment, then live edits of its wording and co-signers', () => {
    const r = room();
    const created = r.step(() => A.proposeAmendment(r.client, { author: 'Chile', kind: 'wording', target: 'op1', text: 'Hi' }, { newId: () => 'a1', now: () => 'T' }));
    const byField = new Map(created.map((e) => [e.root === 'amendments' ? `${e.field ?? '*'}:${e.op}` : '?', e]));
    expect(byField.get('*:set')).toEqual({ root: 'amendments', amendmentId: 'a1', op: 'set', created: true, valueType: 'map' });
    expect(byField.get('author:set')).toMatchObject({ value: 'Chile', created: true });
    expect(byField.get('status:set')).toMatchObject({ value: 'proposed' });
    expect(byField.get('text:set')).toMatchObject({ valueType: 'text' });
    expect(byField.get('text:edit')).toMatchObject({ created: true });
    expect(byField.get('cosigners:set')).toMatchObject({ valueType: 'map' });

    const edit = r.step(() => A.amendmentText(r.client, 'a1')?.insert(2, ' there'));
    expect(edit).toEqual([{ root: 'amendments', amendmentId: 'a1', field: 'text', op: 'edit', created: false }]);
    const cos = r.step(() => A.cosignAmendment(r.client, 'a1', 'Peru', { now: () => 'T' }));
    expect(cos).toEqual([{ root: 'amendments', amendmentId: 'a1', field: 'cosigners', key: 'Peru', op: 'set', created: false, value: { at: 'T' }, valueType: 'any' }]);
    expect(r.step(() => A.uncosignAmendment(r.client, 'a1', 'Peru'))).toEqual([
      { root: 'amendments', amendmentId: 'a1', field: 'cosigners', key: 'Peru', op: 'delete', created: false },
    ]);
    expect(r.step(() => r.client.getMap('amendments').delete('a1'))[0]).toEqual({ root: 'amendments', amendmentId: 'a1', op: 'delete', created: false, valueType: 'map' });
  });
});

describe('inspectUpdate: refusals', () => {
  test('missing dependencies: an update built on one the server never got', () => {
    const r = room();
    capture(r.client, () => textOf(r.client, 'op1').insert(0, 'first'));
    const second = capture(r.client, () => textOf(r.client, 'op1').insert(5, 'second'));
    expect(inspectUpdate(r.server, second)).toMatchObject({ ok: false, reason: 'missing-dependencies' });
  });

  test('missing dependencies: origin in another client\'s unseen content', () => {
    const r = room();
    const b = replica(r.server);
    Y.applyUpdate(r.client, capture(b, () => textOf(b, 'op1').insert(0, 'B')));
    const u = capture(r.client, () => textOf(r.client, 'op1').insert(1, 'A'));
    expect(inspectUpdate(r.server, u)).toMatchObject({ ok: false, reason: 'missing-dependencies' });
  });

  test('missing dependencies: deleting content the server lacks', () => {
    const r = room();
    const b = replica(r.server);
    Y.applyUpdate(r.client, capture(b, () => textOf(b, 'op1').insert(0, 'B')));
    const u = capture(r.client, () => textOf(r.client, 'op1').delete(0, 1));
    expect(inspectUpdate(r.server, u)).toMatchObject({ ok: false, reason: 'missing-dependencies' });
  });

  test('garbage bytes', () => {
    const r = room();
    expect(inspectUpdate(r.server, new Uint8Array([1, 2, 3, 200, 7]))).toMatchObject({ ok: false, reason: 'malformed-update' });
  });

  test('an empty update touches nothing', () => {
    const r = room();
    expect(inspectUpdate(r.server, Y.encodeStateAsUpdate(r.client, Y.encodeStateVector(r.server)))).toEqual({ ok: true, effects: [] });
  });
});

describe('inspectUpdate: hostile bytes', () => {
  test('mutated and truncated real updates never throw (inspector and gate)', () => {
    const r = room();
    r.step(() => textOf(r.client, 'op1').insert(2, 'abc'));
    const samples = [
      capture(r.client, () => textOf(r.client, 'op1').insert(2, 'abc')),
      capture(r.client, () => A.proposeAmendment(r.client, { author: 'Chile', kind: 'wording', target: 'op1', text: 'x' })),
      capture(r.client, () => A.recordPosition(r.client, 'op1', 'Chile', 'oppose')),
      capture(r.client, () => r.client.getXmlFragment('body').delete(2, 3)),
    ];
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
    let verdicts = 0;
    for (const base of samples) {
      for (let i = 0; i < 300; i++) {
        const bytes = base.slice(0, rand() < 0.3 ? Math.floor(rand() * base.length) : base.length);
        for (let k = 0; k < 1 + Math.floor(rand() * 3); k++) if (bytes.length) bytes[Math.floor(rand() * bytes.length)] = Math.floor(rand() * 256);
        const v = inspectUpdate(r.server, bytes);
        expect(typeof v.ok).toBe('boolean');
        expect(typeof checkUpdate(r.server, bytes, ACTORS.chile).ok).toBe('boolean');
        verdicts++;
      }
    }
    expect(verdicts).toBe(1200);
  });
});

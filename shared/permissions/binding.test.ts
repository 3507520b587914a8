/**
 * The inspector and gate against what the real Collaboration binding writes: ProseMirror transactions are
 * turned into Yjs changes by y-tiptap's own `updateYFragment` (the function its sync plugin calls), so the
 * updates are exactly those a tiptap client sends.
 */
import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { EditorState, TextSelection, type Transaction } from '@tiptap/pm/state';
import { updateYFragment, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import * as A from '../negotiation/actions.ts';
import { splitParagraph } from '../resolution/commands.ts';
import { resolutionSchema } from '../resolution/schema.ts';
import { checkUpdate } from './gate.ts';
import { inspectUpdate, type Effect } from './inspect.ts';
import { ACTORS, capture, makeDoc, replica } from './testkit.ts';

/** A headless tiptap-like client: a ProseMirror state bound to a replica through y-tiptap. */
function editorOn(server: Y.Doc) {
  const doc = replica(server);
  const fragment = doc.getXmlFragment('body');
  const meta = { mapping: new Map(), isOMark: new Map() };
  let state = EditorState.create({ doc: yXmlFragmentToProseMirrorRootNode(fragment, resolutionSchema) });
  // Binding the existing content writes nothing; it only fills the binding's mapping.
  const first = capture(doc, () => doc.transact(() => updateYFragment(doc, fragment, state.doc, meta)));
  expect(inspectUpdate(server, first)).toEqual({ ok: true, effects: [] });
  return {
    pos(id: string): number {
      let at = -1;
      state.doc.forEach((node, offset) => { if (node.attrs.id === id) at = offset; });
      if (at < 0) throw new Error(`no ${id}`);
      return at;
    },
    get state() { return state; },
    /** Apply a transaction and return the update the binding produces. */
    dispatch(tr: Transaction): Uint8Array {
      state = state.apply(tr);
      return capture(doc, () => doc.transact(() => updateYFragment(doc, fragment, state.doc, meta)));
    },
  };
}

const summary = (effects: Effect[]): string[] =>
  effects.map((e) => (e.root === 'body' ? `${e.paragraphId}:${e.change}` : e.root)).sort();

describe('updates written by the y-tiptap binding', () => {
  test('typing, Enter, a multi-paragraph delete and a kind change resolve to the right paragraphs', () => {
    const server = makeDoc(3, 3);
    const ed = editorOn(server);
    const step = (tr: Transaction): string[] => {
      const u = ed.dispatch(tr);
      const r = inspectUpdate(server, u);
      if (!r.ok) throw new Error(r.reason);
      Y.applyUpdate(server, u);
      return summary(r.effects);
    };
    expect(step(ed.state.tr.insertText('xyz', ed.pos('op2') + 3))).toEqual(['op2:text']);
    const tr = ed.state.tr.setSelection(TextSelection.create(ed.state.doc, ed.pos('op2') + 10));
    splitParagraph(() => 'pNEW')(tr, true);
    expect(step(tr)).toEqual(['op2:text', 'pNEW:insert']);
    expect(step(ed.state.tr.delete(ed.pos('pp2') + 5, ed.pos('op1') + 8)))
      .toEqual(['op1:attrs', 'op1:delete', 'op1:text', 'pp2:text', 'pp3:attrs', 'pp3:delete', 'pp3:text']);
    const at = ed.pos('op3');
    const node = ed.state.doc.nodeAt(at);
    expect(step(ed.state.tr.setNodeMarkup(at, resolutionSchema.nodes.preambular, { ...node?.attrs })))
      .toEqual(['op3:attrs', 'op3:delete', 'op3:insert', 'op3:text']);
  });

  test('the gate holds an agreed paragraph against every kind of editor change', () => {
    const server = makeDoc(3, 3);
    A.setPhase(server, 'negotiation');
    A.setParagraphStatus(server, 'op2', 'agreed', 'Chair');
    const attempts: [string, (ed: ReturnType<typeof editorOn>) => Transaction][] = [
      ['type', (ed) => ed.state.tr.insertText('x', ed.pos('op2') + 3)],
      ['split', (ed) => { const tr = ed.state.tr.setSelection(TextSelection.create(ed.state.doc, ed.pos('op2') + 10)); splitParagraph(() => 'pX')(tr, true); return tr; }],
      ['join next into it', (ed) => ed.state.tr.delete(ed.pos('op3') - 1, ed.pos('op3') + 1)],
      ['join it into previous', (ed) => ed.state.tr.delete(ed.pos('op2') - 1, ed.pos('op2') + 1)],
      ['kind change', (ed) => ed.state.tr.setNodeMarkup(ed.pos('op2'), resolutionSchema.nodes.preambular, { ...ed.state.doc.nodeAt(ed.pos('op2'))?.attrs })],
      ['indent', (ed) => ed.state.tr.setNodeAttribute(ed.pos('op2'), 'level', 1)],
    ];
    for (const [name, make] of attempts) {
      const ed = editorOn(server);
      const v = checkUpdate(server, ed.dispatch(make(ed)), ACTORS.chair);
      expect(`${name}: ${v.ok ? 'ok' : v.reason}`).toBe(`${name}: paragraph-locked`);
    }
    const ed = editorOn(server);
    expect(checkUpdate(server, ed.dispatch(ed.state.tr.insertText('x', ed.pos('op3') + 3)), ACTORS.chair).ok).toBe(true);
  });
});

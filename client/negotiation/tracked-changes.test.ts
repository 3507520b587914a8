import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { EditorState } from '@tiptap/pm/state';
import { Node as PMNode } from '@tiptap/pm/model';
import { resolutionSchema } from '../../shared/resolution/schema.ts';
import { blocksToDocJSON } from '../../shared/resolution/blocks.ts';
import { setAmendmentStatus } from '../../shared/negotiation/actions.ts';
import { trackedChangesKey, trackedChangesPlugin, type TrackedDecorationSpec } from './tracked-changes.ts';
import { createViewStore } from './view-store.ts';
import { BLOCKS, putAmendment } from './testing.ts';
import type { NegotiationView } from './model.ts';

function setup(ydoc: Y.Doc, view: NegotiationView = 'all', blocks = BLOCKS): EditorState {
  const doc = PMNode.fromJSON(resolutionSchema, blocksToDocJSON(blocks));
  return EditorState.create({ schema: resolutionSchema, doc, plugins: [trackedChangesPlugin({ getDoc: () => ydoc, view, viewStore: null })] });
}

/** Decorations of the overlay as plain records: kind, range, text covered, spec type, delegation. */
function overlay(state: EditorState) {
  const set = trackedChangesKey.getState(state)?.set;
  if (!set) throw new Error('no plugin state');
  return set.find().map((d) => {
    const { tracked, role } = d.spec as TrackedDecorationSpec;
    return { from: d.from, to: d.to, covered: state.doc.textBetween(d.from, d.to), type: role === 'tag' ? 'tag' : tracked.type, delegation: tracked.delegation };
  }).sort((a, b) => a.from - b.from || a.type.localeCompare(b.type));
}

function posOf(state: EditorState, id: string): { pos: number; size: number } {
  let found = { pos: -1, size: 0 };
  state.doc.forEach((node, pos) => { if (node.attrs.id === id) found = { pos, size: node.nodeSize }; });
  return found;
}

describe('tracked changes plugin', () => {
  it('strikes deleted words and places inserted words of a wording amendment, tagged with the delegation', () => {
    const ydoc = new Y.Doc();
    putAmendment(ydoc, { id: 'w1', author: 'Brazil', target: 'op1' }, 'Welcomes the excellent report of the Secretary-General.');
    const state = setup(ydoc);
    const op1 = posOf(state, 'op1');
    const text = BLOCKS[4].text;
    const decos = overlay(state);
    expect(decos).toEqual([
      { from: op1.pos + 1 + text.indexOf('report'), to: op1.pos + 1 + text.indexOf('report'), covered: '', type: 'insertion', delegation: 'Brazil' },
      { from: op1.pos + 1 + text.indexOf(';'), to: op1.pos + 1 + text.length, covered: ';', type: 'deletion', delegation: 'Brazil' },
      { from: op1.pos + 1 + text.length, to: op1.pos + 1 + text.length, covered: '', type: 'insertion', delegation: 'Brazil' },
      // the name tag at the end of the paragraph
      { from: op1.pos + op1.size - 1, to: op1.pos + op1.size - 1, covered: '', type: 'tag', delegation: 'Brazil' },
    ]);
    const insertions = trackedChangesKey.getState(state)?.specs.filter((s) => s.type === 'insertion').map((s) => s.type === 'insertion' && s.text);
    expect(insertions).toEqual(['excellent ', '.']);
  });

  it('draws new paragraphs after their anchor, whole-paragraph deletions and moves', () => {
    const ydoc = new Y.Doc();
    putAmendment(ydoc, { id: 'i1', author: 'Kenya', kind: 'insert', after: 'op1a', paragraphKind: 'operative' }, 'Requests a report;');
    putAmendment(ydoc, { id: 'd1', author: 'Norway', kind: 'delete', target: 'pp2' });
    putAmendment(ydoc, { id: 'm1', author: 'Chile', kind: 'move', target: 'op3', after: 'op1' });
    const state = setup(ydoc);
    const after = posOf(state, 'op1a');
    const pp2 = posOf(state, 'pp2');
    const op3 = posOf(state, 'op3');
    const decos = overlay(state);
    expect(decos.find((d) => d.type === 'new-paragraph')).toMatchObject({ from: after.pos + after.size, delegation: 'Kenya' });
    const spec = trackedChangesKey.getState(state)?.specs.find((s) => s.type === 'new-paragraph');
    expect(spec).toMatchObject({ ref: 'OP1 (a) bis', text: 'Requests a report;' });
    expect(decos.filter((d) => d.delegation === 'Norway').map((d) => [d.type, d.from, d.to])).toEqual([
      ['delete-paragraph', pp2.pos, pp2.pos + pp2.size], ['tag', pp2.pos + 1, pp2.pos + 1],
    ]);
    expect(decos.filter((d) => d.delegation === 'Chile').map((d) => [d.type, d.from, d.to])).toEqual([
      ['move', op3.pos, op3.pos + op3.size], ['tag', op3.pos + 1, op3.pos + 1],
    ]);
    const tags = trackedChangesKey.getState(state)?.set.find().filter((d) => (d.spec as TrackedDecorationSpec).role === 'tag').map((d) => (d.spec as { key?: string }).key);
    expect(tags).toEqual(expect.arrayContaining(['tag:d1:delete [Norway]', 'tag:m1:move after OP1 [Chile]']));
  });

  it('follows the view: clean shows nothing, a delegation shows only its own', () => {
    const ydoc = new Y.Doc();
    putAmendment(ydoc, { id: 'b', author: 'Brazil', target: 'op2' }, 'Encourages all Member States to cooperate;');
    putAmendment(ydoc, { id: 'k', author: 'Kenya', target: 'op3' }, 'Decides to remain actively seized of the matter.');
    let state = setup(ydoc, 'clean');
    expect(overlay(state)).toEqual([]);
    state = state.apply(state.tr.setMeta(trackedChangesKey, { view: { delegation: 'Kenya' } }));
    expect(new Set(overlay(state).map((d) => d.delegation))).toEqual(new Set(['Kenya']));
    state = state.apply(state.tr.setMeta(trackedChangesKey, { view: 'all' }));
    expect(new Set(overlay(state).map((d) => d.delegation))).toEqual(new Set(['Brazil', 'Kenya']));
  });

  it('recomputes on refresh (amendment changed) and when the paragraph text changes, without touching the document', () => {
    const ydoc = new Y.Doc();
    putAmendment(ydoc, { id: 'b', author: 'Brazil', target: 'op2' }, 'Encourages all States to cooperate fully;');
    let state = setup(ydoc);
    const docBefore = state.doc;
    expect(overlay(state).filter((d) => d.type === 'insertion')).toHaveLength(1);
    setAmendmentStatus(ydoc, 'b', 'withdrawn');
    state = state.apply(state.tr.setMeta(trackedChangesKey, { refresh: true }));
    expect(overlay(state)).toEqual([]);
    expect(state.doc).toBe(docBefore);

    putAmendment(ydoc, { id: 'c', author: 'Chile', target: 'op2' }, 'Encourages all States to cooperate fully;');
    state = state.apply(state.tr.setMeta(trackedChangesKey, { refresh: true }));
    // Someone types " fully" into the paragraph itself: the proposal now matches and nothing is left to show but the tag.
    const op2 = posOf(state, 'op2');
    state = state.apply(state.tr.insertText(' fully', op2.pos + 1 + BLOCKS[6].text.indexOf(';')));
    expect(overlay(state).filter((d) => d.type !== 'tag')).toEqual([]);
  });

  it('maps decorations through edits in other paragraphs, and recomputes when an amended paragraph changes', () => {
    const ydoc = new Y.Doc();
    putAmendment(ydoc, { id: 'b', author: 'Brazil', target: 'op2' }, 'Encourages all States to cooperate fully;');
    let state = setup(ydoc);
    const before = overlay(state).map((d) => d.covered + d.type);
    const pp1 = posOf(state, 'pp1');
    state = state.apply(state.tr.insertText('Also ', pp1.pos + 1));
    const op2 = posOf(state, 'op2');
    const ins = overlay(state).find((d) => d.type === 'insertion');
    expect(ins?.from).toBe(op2.pos + 1 + BLOCKS[6].text.indexOf(';'));
    expect(overlay(state).map((d) => d.covered + d.type)).toEqual(before);
    // A proposal equal to its paragraph shows nothing; editing that paragraph makes its diff appear.
    putAmendment(ydoc, { id: 'same', author: 'Kenya', target: 'op3' }, BLOCKS[7].text);
    state = state.apply(state.tr.setMeta(trackedChangesKey, { refresh: true }));
    expect(overlay(state).some((d) => d.delegation === 'Kenya')).toBe(false);
    const op3 = posOf(state, 'op3');
    state = state.apply(state.tr.insertText('firmly ', op3.pos + 1 + BLOCKS[7].text.indexOf('remain')));
    expect(overlay(state).find((d) => d.delegation === 'Kenya' && d.type === 'deletion')?.covered).toBe('firmly ');
    // The incremental path ends where a full computation on the same document does.
    const fresh = EditorState.create({ schema: resolutionSchema, doc: state.doc, plugins: [trackedChangesPlugin({ getDoc: () => ydoc, view: 'all', viewStore: null })] });
    expect(overlay(state)).toEqual(overlay(fresh));
  });

  it('maps text offsets past footnote markers', () => {
    const ydoc = new Y.Doc();
    const blocks = BLOCKS.map((b) => (b.id === 'op2' ? { ...b, footnotes: [{ id: 'f1', text: 'A/1.', offset: 10 }] } : b));
    putAmendment(ydoc, { id: 'b', author: 'Brazil', target: 'op2' }, 'Encourages all States to work together;');
    const state = setup(ydoc, 'all', blocks);
    const del = overlay(state).find((d) => d.type === 'deletion' && d.covered !== '');
    expect(del?.covered).toBe('cooperate');
  });

  it('follows a view store when given one', () => {
    const ydoc = new Y.Doc();
    putAmendment(ydoc, { id: 'b', author: 'Brazil', target: 'op2' }, 'Encourages States to cooperate;');
    const store = createViewStore('clean');
    const doc = PMNode.fromJSON(resolutionSchema, blocksToDocJSON(BLOCKS));
    const state = EditorState.create({ schema: resolutionSchema, doc, plugins: [trackedChangesPlugin({ getDoc: () => ydoc, view: null, viewStore: store })] });
    expect(trackedChangesKey.getState(state)?.view).toBe('clean');
    expect(overlay(state)).toEqual([]);
  });
});

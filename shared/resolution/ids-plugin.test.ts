import { describe, expect, it } from 'vitest';
import { EditorState, TextSelection } from '@tiptap/pm/state';
import { Node as PMNode } from '@tiptap/pm/model';
import { sequentialIds } from './ids.ts';
import { collectIdNodes, findIdFixes, idFixTransaction, idsPlugin } from './ids-plugin.ts';
import { resolutionSchema } from './schema.ts';

describe('findIdFixes', () => {
  it('keeps the first of duplicates and renames later ones', () => {
    const fixes = findIdFixes([{ id: 'a' }, { id: 'b' }, { id: 'a' }, { id: 'a' }], sequentialIds('n'));
    expect(fixes).toEqual([{ index: 2, id: 'n0001' }, { index: 3, id: 'n0002' }]);
  });
  it('fills missing and empty ids', () => {
    expect(findIdFixes([{ id: null }, {}, { id: '' }, { id: 'x' }], sequentialIds('n')).map((f) => f.index)).toEqual([0, 1, 2]);
  });
  it('never hands out an id that already exists later in the list', () => {
    const gen = sequentialIds('p'); // first ids: p0001, p0002, ...
    const fixes = findIdFixes([{ id: 'p0002' }, { id: 'p0002' }, { id: 'p0001' }], gen);
    expect(fixes).toEqual([{ index: 1, id: 'p0003' }]);
  });
  it('returns nothing when all ids are unique', () => {
    expect(findIdFixes([{ id: 'a' }, { id: 'b' }])).toEqual([]);
  });
  it('results are always unique (property over random lists)', () => {
    let seed = 7;
    const rnd = (n: number): number => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
    for (let round = 0; round < 200; round++) {
      const items = Array.from({ length: rnd(12) }, () => ({ id: rnd(4) === 0 ? '' : `i${rnd(5)}` }));
      const ids = items.map((i) => i.id);
      for (const f of findIdFixes(items)) ids[f.index] = f.id;
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.every((id) => id !== '')).toBe(true);
    }
  });
});

function docOf(...blocks: [string, string | null, string][]): PMNode {
  return PMNode.fromJSON(resolutionSchema, {
    type: 'doc',
    content: blocks.map(([type, id, text]) => ({ type, attrs: { id }, content: text ? [{ type: 'text', text }] : undefined })),
  });
}

describe('ids plugin', () => {
  it('gives the second half of a split a new id and keeps the first', () => {
    const state = EditorState.create({ doc: docOf(['preambular', 'pp1', 'Recalling all']), plugins: [idsPlugin({ newId: sequentialIds('n') })] });
    const tr = state.tr.split(1 + 'Recalling'.length);
    const after = state.applyTransaction(tr).state; // applyTransaction runs appendTransaction
    const ids = collectIdNodes(after.doc).map((n) => n.id);
    expect(ids).toEqual(['pp1', 'n0001']);
    expect(after.doc.child(0).textContent).toBe('Recalling');
  });

  it('fixes duplicates from a paste/concurrent move, keeping the first in document order', () => {
    const state = EditorState.create({ doc: docOf(['operative', 'x', 'A'], ['operative', 'y', 'B'], ['operative', 'x', 'C']) });
    const tr = idFixTransaction(state, sequentialIds('n'));
    expect(tr).not.toBeNull();
    const fixed = state.apply(tr!);
    expect(collectIdNodes(fixed.doc).map((n) => [n.id, n.node.textContent])).toEqual([['x', 'A'], ['y', 'B'], ['n0001', 'C']]);
  });

  it('joining keeps the first id', () => {
    const state = EditorState.create({ doc: docOf(['operative', 'a', 'One'], ['operative', 'b', 'Two']), plugins: [idsPlugin()] });
    const joinPos = state.doc.child(0).nodeSize;
    const after = state.applyTransaction(state.tr.join(joinPos)).state;
    expect(after.doc.childCount).toBe(1);
    expect(after.doc.child(0).attrs.id).toBe('a');
  });

  it('fills ids of blocks and footnotes that have none, with f-prefixed footnote ids', () => {
    const doc = PMNode.fromJSON(resolutionSchema, {
      type: 'doc',
      content: [{ type: 'preambular', content: [{ type: 'text', text: 'x' }, { type: 'footnote', attrs: { text: 'n' } }] }],
    });
    const state = EditorState.create({ doc, plugins: [idsPlugin()] });
    const after = state.applyTransaction(state.tr.insertText('y', 1)).state;
    const ids = collectIdNodes(after.doc).map((n) => String(n.id));
    expect(ids[0]).toMatch(/^p[0-9a-z]{10}$/);
    expect(ids[1]).toMatch(/^f[0-9a-z]{10}$/);
  });

  it('does nothing on selection-only transactions', () => {
    const state = EditorState.create({ doc: docOf(['operative', null, 'A']), plugins: [idsPlugin()] });
    const after = state.applyTransaction(state.tr.setSelection(TextSelection.create(state.doc, 2))).state;
    expect(after.doc.child(0).attrs.id).toBeNull();
  });
});

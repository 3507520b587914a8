import { describe, expect, it } from 'vitest';
import { Node as PMNode } from '@tiptap/pm/model';
import { EditorState } from '@tiptap/pm/state';
import type { Decoration, DecorationSet } from '@tiptap/pm/view';
import { computeDecorations, decorationsPlugin, decorationsPluginKey, describeBlocks, type DecorationSpec } from './decorations.ts';
import { resolutionSchema } from './schema.ts';
import { resolutionToDocJSON } from './ydoc.ts';
import { loadCorpusFixture } from '../../test/fixtures/corpus-json.ts';

type Block = [type: string, level: number, ...content: (string | { fn: string })[]];

function docOf(...blocks: Block[]): PMNode {
  return PMNode.fromJSON(resolutionSchema, {
    type: 'doc',
    content: blocks.map(([type, level, ...content], i) => ({
      type,
      attrs: type === 'preambular' || type === 'operative' ? { id: `b${i}`, level } : { id: `b${i}` },
      content: content.length ? content.map((c) => (typeof c === 'string' ? { type: 'text', text: c } : { type: 'footnote', attrs: { id: c.fn, text: c.fn } })) : undefined,
    })),
  });
}

const specOf = (d: Decoration): DecorationSpec => d.spec as DecorationSpec;

describe('computeDecorations', () => {
  const doc = docOf(
    ['title', 0, 'Title'],
    ['organ', 0, 'The General Assembly,'],
    ['preambular', 0, 'Recalling', { fn: 'f1' }, ' its resolutions,'],
    ['preambular', 0, 'Bearing in mind that,'],
    ['operative', 0, 'Also welcomes the report:'],
    ['operative', 1, 'States should act;'],
    ['operative', 0, 'Takes note', { fn: 'f2' }, ' of the report.'],
  );
  const decos = computeDecorations(doc).find();

  it('labels blocks with data-label, data-ref, data-depth and data-punct', () => {
    const blocks = decos.filter((d) => specOf(d).kind === 'block').map((d) => {
      const spec = specOf(d);
      return spec.kind === 'block' ? [doc.nodeAt(d.from)?.attrs.id, spec.attrs] : null;
    });
    expect(blocks).toEqual([
      ['b2', { 'data-ref': 'PP1', 'data-depth': '0', 'data-punct': ',' }],
      ['b3', { 'data-ref': 'PP2', 'data-depth': '0', 'data-punct': ',' }],
      ['b4', { 'data-label': '1.', 'data-ref': 'OP1', 'data-depth': '0', 'data-punct': ':' }],
      ['b5', { 'data-label': '(a)', 'data-ref': 'OP1 (a)', 'data-depth': '1', 'data-punct': ';' }],
      ['b6', { 'data-label': '2.', 'data-ref': 'OP2', 'data-depth': '0', 'data-punct': '.' }],
    ]);
  });

  it('italicises openers of top-level paragraphs only, mapping text offsets past footnote markers', () => {
    const openers = decos.filter((d) => specOf(d).kind === 'opener').map((d) => doc.textBetween(d.from, d.to));
    expect(openers).toEqual(['Recalling', 'Bearing in mind', 'Also welcomes', 'Takes note']);
  });

  it('numbers footnote markers by document order', () => {
    const fns = decos.filter((d) => specOf(d).kind === 'footnote').map((d) => [doc.nodeAt(d.from)?.attrs.id, specOf(d)]);
    expect(fns).toEqual([['f1', { kind: 'footnote', id: 'f1', number: 1 }], ['f2', { kind: 'footnote', id: 'f2', number: 2 }]]);
  });

  it('an opener that runs past a footnote marker still covers the right text', () => {
    const d = docOf(['preambular', 0, 'Bearing', { fn: 'x' }, ' in mind']);
    const op = computeDecorations(d).find().filter((x) => specOf(x).kind === 'opener');
    expect(op).toHaveLength(1);
    expect(d.textBetween(op[0].from, op[0].to)).toBe('Bearing in mind');
  });

  it('describes a whole corpus resolution', () => {
    const d = PMNode.fromJSON(resolutionSchema, resolutionToDocJSON(loadCorpusFixture('A-RES-73-27.txt')));
    const views = describeBlocks(d);
    expect(views.filter((v) => v.numbering.kind === 'operative' && v.numbering.depth === 0)).toHaveLength(7);
    expect(views.filter((v) => v.numbering.label === '1.13')).toHaveLength(1);
    expect(views.filter((v) => v.numbering.depth === 0 && v.numbering.kind !== null).every((v) => v.opener !== null)).toBe(true);
  });
});

/** Comparable form of a decoration set. */
function dump(set: DecorationSet | undefined): string[] {
  return (set?.find() ?? []).map((d) => `${d.from}-${d.to}:${JSON.stringify(d.spec)}`).sort();
}

describe('incremental updates equal a full recompute', () => {
  it('over random edits (typing, deleting, splitting, level changes, footnotes)', () => {
    let seed = 11;
    const rnd = (n: number): number => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
    const base = PMNode.fromJSON(resolutionSchema, resolutionToDocJSON(loadCorpusFixture('A-RES-78-16.txt')));
    let state = EditorState.create({ doc: base, plugins: [decorationsPlugin()] });
    const schema = resolutionSchema;
    for (let step = 0; step < 400; step++) {
      const tr = state.tr;
      const size = state.doc.content.size;
      const pos = (): number => {
        // a text position inside some block
        const i = rnd(state.doc.childCount);
        let p = 0;
        for (let k = 0; k < i; k++) p += state.doc.child(k).nodeSize;
        return p + 1 + rnd(state.doc.child(i).content.size + 1);
      };
      switch (rnd(8)) {
        case 0: case 1: case 2: tr.insertText(['Also ', 'x', 'Recalling ', 'Decides ', ' '][rnd(5)], pos()); break;
        case 3: { const a = pos(); tr.delete(a, Math.min(a + 1 + rnd(4), tr.doc.resolve(a).end())); break; }
        case 4: tr.insert(pos(), schema.nodes.footnote.create({ id: `f${step}`, text: 'n' })); break;
        case 5: tr.split(pos()); break;
        case 6: {
          const i = rnd(state.doc.childCount);
          let p = 0;
          for (let k = 0; k < i; k++) p += state.doc.child(k).nodeSize;
          const node = state.doc.child(i);
          if (node.type.name === 'operative' || node.type.name === 'preambular') tr.setNodeAttribute(p, 'level', rnd(4));
          break;
        }
        default: { const a = pos(); if (a > 1 && a < size) tr.insertText('é', a); }
      }
      if (!tr.docChanged) continue;
      state = state.apply(tr);
      expect(dump(decorationsPluginKey.getState(state)), `step ${step}`).toEqual(dump(computeDecorations(state.doc)));
    }
  });
});

describe('decorations plugin', () => {
  it('renumbers live when an operative paragraph is inserted', () => {
    const doc = docOf(['operative', 0, 'Decides'], ['operative', 0, 'Requests']);
    let state = EditorState.create({ doc, plugins: [decorationsPlugin()] });
    const labels = (): string[] => (decorationsPluginKey.getState(state)?.find() ?? [])
      .map((d) => specOf(d)).flatMap((s) => (s.kind === 'block' ? [s.attrs['data-label']] : []));
    expect(labels()).toEqual(['1.', '2.']);
    state = state.apply(state.tr.insert(0, resolutionSchema.nodes.operative.create({ id: 'n' }, resolutionSchema.text('Welcomes'))));
    expect(labels()).toEqual(['1.', '2.', '3.']);
    const before = decorationsPluginKey.getState(state);
    state = state.apply(state.tr.setMeta('noop', true));
    expect(decorationsPluginKey.getState(state)).toBe(before);
  });
});

import { describe, expect, it } from 'vitest';
import { Node as PMNode } from '@tiptap/pm/model';
import { EditorState, NodeSelection, TextSelection } from '@tiptap/pm/state';
import {
  changeLevel, insertFootnote, outdentAtStart, pmCommand, removeFootnote, setParagraphKind, splitParagraph, updateFootnote, type TrCommand,
} from './commands.ts';
import { sequentialIds } from './ids.ts';
import { idsPlugin, collectIdNodes } from './ids-plugin.ts';
import { resolutionSchema } from './schema.ts';

type Block = [type: string, id: string, level: number, text: string];

function stateOf(blocks: Block[], cursor: number, head = cursor): EditorState {
  const doc = PMNode.fromJSON(resolutionSchema, {
    type: 'doc',
    content: blocks.map(([type, id, level, text]) => ({
      type, attrs: type === 'preambular' || type === 'operative' ? { id, level } : { id }, content: text ? [{ type: 'text', text }] : undefined,
    })),
  });
  return EditorState.create({ doc, selection: TextSelection.create(doc, cursor, head), plugins: [idsPlugin({ newId: sequentialIds('z') })] });
}

function run(state: EditorState, cmd: TrCommand): { ok: boolean; state: EditorState } {
  let next = state;
  const ok = pmCommand(cmd)(state, (tr) => { next = state.applyTransaction(tr).state; });
  return { ok, state: next };
}

const shape = (s: EditorState): string[] => {
  const out: string[] = [];
  s.doc.forEach((n) => out.push(`${n.type.name}:${String(n.attrs.id)}:${String(n.attrs.level ?? '-')}:${n.textContent}`));
  return out;
};

describe('splitParagraph (Enter)', () => {
  it('splits into the same kind and level; first half keeps the id', () => {
    const s = stateOf([['operative', 'a', 1, 'Support States']], 1 + 'Support'.length);
    const { ok, state } = run(s, splitParagraph(sequentialIds('n')));
    expect(ok).toBe(true);
    expect(shape(state)).toEqual(['operative:a:1:Support', 'operative:n0001:1: States']);
    expect(state.selection.$from.parent.attrs.id).toBe('n0001');
    expect(state.selection.$from.parentOffset).toBe(0);
  });

  it('replaces a selection before splitting', () => {
    const s = stateOf([['preambular', 'a', 0, 'Recalling also that']], 11, 16);
    const { state } = run(s, splitParagraph(sequentialIds('n')));
    expect(shape(state)).toEqual(['preambular:a:0:Recalling ', 'preambular:n0001:0:that']);
  });

  it('outdents an empty sub-paragraph instead of splitting', () => {
    const s = stateOf([['operative', 'a', 0, 'Decides:'], ['operative', 'b', 2, '']], 11);
    const { state } = run(s, splitParagraph());
    expect(shape(state)).toEqual(['operative:a:0:Decides:', 'operative:b:1:']);
  });

  it('at the end of the organ line starts a preambular paragraph', () => {
    const s = stateOf([['organ', 'o', 0, 'The General Assembly,']], 22);
    const { state } = run(s, splitParagraph(sequentialIds('n')));
    expect(shape(state)).toEqual(['organ:o:-:The General Assembly,', 'preambular:n0001:0:']);
  });

  it('without an id generator, the ids plugin still leaves unique ids', () => {
    const s = stateOf([['preambular', 'a', 0, 'Noting that']], 7);
    const { state } = run(s, splitParagraph());
    const ids = collectIdNodes(state.doc).map((n) => n.id);
    expect(ids[0]).toBe('a');
    expect(new Set(ids).size).toBe(2);
  });
});

describe('levels (Tab / Shift-Tab / Backspace)', () => {
  it('indents up to 3 and outdents down to 0', () => {
    let s = stateOf([['operative', 'a', 0, 'x']], 1);
    for (let i = 0; i < 3; i++) s = run(s, changeLevel(1)).state;
    expect(shape(s)).toEqual(['operative:a:3:x']);
    expect(run(s, changeLevel(1)).ok).toBe(false);
    for (let i = 0; i < 3; i++) s = run(s, changeLevel(-1)).state;
    expect(shape(s)).toEqual(['operative:a:0:x']);
    expect(run(s, changeLevel(-1)).ok).toBe(false);
  });

  it('applies to every paragraph in the selection, skipping title/organ', () => {
    const s = stateOf([['title', 't', 0, 'T'], ['preambular', 'a', 0, 'x'], ['preambular', 'b', 1, 'y']], 1, 9);
    expect(shape(run(s, changeLevel(1)).state)).toEqual(['title:t:-:T', 'preambular:a:1:x', 'preambular:b:2:y']);
  });

  it('Backspace at the start of a sub-paragraph outdents; elsewhere it does nothing special', () => {
    const s = stateOf([['operative', 'a', 0, 'x'], ['operative', 'b', 1, 'y']], 4);
    expect(shape(run(s, outdentAtStart()).state)).toEqual(['operative:a:0:x', 'operative:b:0:y']);
    expect(run(stateOf([['operative', 'a', 1, 'xy']], 2), outdentAtStart()).ok).toBe(false);
    expect(run(stateOf([['operative', 'a', 0, 'xy']], 1), outdentAtStart()).ok).toBe(false);
  });
});

describe('setParagraphKind (Mod-Alt-p / Mod-Alt-o)', () => {
  it('turns paragraphs into the other kind keeping id and level', () => {
    const s = stateOf([['preambular', 'a', 1, 'Decides']], 2);
    const { state } = run(s, setParagraphKind('operative'));
    expect(shape(state)).toEqual(['operative:a:1:Decides']);
    expect(state.doc.child(0).attrs.labelStyle).toBe('un');
    expect(shape(run(state, setParagraphKind('preambular')).state)).toEqual(['preambular:a:1:Decides']);
    expect(run(state, setParagraphKind('operative')).ok).toBe(false);
  });
  it('turns a title line into a level-0 paragraph', () => {
    expect(shape(run(stateOf([['title', 't', 0, 'T']], 1), setParagraphKind('preambular')).state)).toEqual(['preambular:t:0:T']);
  });
});

describe('footnotes', () => {
  it('inserts, updates and removes a footnote marker', () => {
    const s0 = stateOf([['preambular', 'a', 0, 'Recalling its resolution']], 10);
    const s1 = run(s0, insertFootnote('A/RES/1.', () => 'f1')).state;
    expect(s1.doc.child(0).child(1).type.name).toBe('footnote');
    expect(s1.doc.child(0).child(1).attrs).toEqual({ id: 'f1', text: 'A/RES/1.' });
    expect(s1.doc.child(0).textContent).toBe('Recalling its resolution');
    const s2 = run(s1, updateFootnote('f1', 'A/RES/2.')).state;
    expect(s2.doc.child(0).child(1).attrs.text).toBe('A/RES/2.');
    expect(run(s2, updateFootnote('nope', 'x')).ok).toBe(false);
    const s3 = run(s2, removeFootnote('f1')).state;
    expect(s3.doc.child(0).childCount).toBe(1);
    expect(s3.doc.child(0).textContent).toBe('Recalling its resolution');
  });
  it('replaces a node selection', () => {
    const s0 = run(stateOf([['operative', 'a', 0, 'ab']], 2), insertFootnote('one', () => 'f1')).state;
    const sel = s0.apply(s0.tr.setSelection(NodeSelection.create(s0.doc, 2)));
    const s1 = run(sel, insertFootnote('two', () => 'f2')).state;
    const fns: string[] = [];
    s1.doc.descendants((n) => { if (n.type.name === 'footnote') fns.push(String(n.attrs.text)); return true; });
    expect(fns).toEqual(['two']);
  });
});

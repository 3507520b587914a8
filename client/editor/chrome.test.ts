import { describe, expect, it } from 'vitest';
import { EditorState, TextSelection } from '@tiptap/pm/state';
import { resolutionSchema } from '../../shared/resolution/schema.ts';
import { chromeDecorations, placeholderFor } from './chrome.ts';

const doc = resolutionSchema.nodeFromJSON({ type: 'doc', content: [
  { type: 'title', attrs: { id: 't' }, content: [{ type: 'text', text: 'Title' }] },
  { type: 'preambular', attrs: { id: 'p1', level: 0 } },
  { type: 'operative', attrs: { id: 'o1', level: 0 }, content: [{ type: 'text', text: 'Decides' }] },
] });

describe('editor chrome decorations', () => {
  it('marks the block with the cursor as current and empty blocks with a placeholder', () => {
    // position inside the operative paragraph: title (7) + empty preambular (2) + 1
    const state = EditorState.create({ doc, selection: TextSelection.create(doc, 10) });
    const found = chromeDecorations(state).find().map((d) => ({ from: d.from, attrs: (d.spec as { attrs: Record<string, string> }).attrs }));
    expect(found).toEqual([
      { from: 7, attrs: { class: 'ph-empty', 'data-placeholder': placeholderFor('preambular', 0) } },
      { from: 9, attrs: { class: 'ph-current' } },
    ]);
  });

  it('names sub-paragraph placeholders by level', () => {
    expect(placeholderFor('operative', 2)).toBe('Sub-paragraph');
    expect(placeholderFor('unknown', 0)).toBe('');
  });
});

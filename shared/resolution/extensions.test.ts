import { describe, expect, it } from 'vitest';
import { Editor, type JSONContent } from '@tiptap/core';
import { ResolutionCommands } from './commands.ts';
import { ResolutionDecorations } from './decorations.ts';
import { ResolutionIds } from './ids-plugin.ts';
import { resolutionExtensions, resolutionSchema } from './schema.ts';

// tiptap 3 runs headless in Node with `element: null` as long as content is JSON (no HTML parsing).
// Headless, tiptap installs no ProseMirror plugins (they are added with the view), so plugin behaviour
// (ids, decorations) is tested on a bare EditorState in ids-plugin.test.ts / decorations.test.ts.
function editor(content: JSONContent, onRequestFootnote: ((e: Editor) => void) | null = null): Editor {
  return new Editor({
    element: null,
    extensions: [...resolutionExtensions(), ResolutionIds, ResolutionDecorations, ResolutionCommands.configure({ onRequestFootnote })],
    content,
  });
}

/** Loose view of tiptap's JSONContent (its child type is a union that hides attrs/text). */
type Loose = { type?: string; text?: string; attrs?: Record<string, unknown>; content?: Loose[] };
const json = (e: Editor): Loose => e.getJSON() as Loose;

const ops = (texts: string[], levels: number[] = texts.map(() => 0)): JSONContent => ({
  type: 'doc',
  content: texts.map((text, i) => ({ type: 'operative', attrs: { id: `o${i}`, level: levels[i] }, content: text ? [{ type: 'text', text }] : undefined })),
});

describe('tiptap extensions in a headless Editor', () => {
  it('exposes the commands and keeps ids unique after a split', () => {
    const e = editor(ops(['Decides to act']));
    e.commands.setTextSelection(8);
    expect(e.commands.splitResolutionParagraph()).toBe(true);
    const blocks = json(e).content ?? [];
    expect(blocks.map((b) => b.attrs?.id)).toEqual(['o0', expect.stringMatching(/^p[0-9a-z]{10}$/)]);
    expect(blocks.map((b) => b.content?.[0]?.text)).toEqual(['Decides', ' to act']);
    e.destroy();
  });

  it('indent/outdent and can() checks', () => {
    const e = editor(ops(['Decides', 'sub']));
    e.commands.setTextSelection(11);
    expect(e.can().outdentParagraph()).toBe(false);
    expect(e.commands.indentParagraph()).toBe(true);
    expect(json(e).content?.[1].attrs?.level).toBe(1);
    expect(e.commands.outdentParagraph()).toBe(true);
    expect(json(e).content?.[1].attrs?.level).toBe(0);
    e.destroy();
  });

  it('footnote and kind commands', () => {
    const e = editor(ops(['Decides', 'Requests']));
    e.commands.setTextSelection(3);
    expect(e.commands.insertFootnote('See A/78/1.')).toBe(true);
    const fn = json(e).content?.[0].content?.find((c) => c.type === 'footnote');
    expect(fn?.attrs?.text).toBe('See A/78/1.');
    expect(e.commands.updateFootnote(String(fn?.attrs?.id), 'See A/78/2.')).toBe(true);
    expect(e.commands.removeFootnote('missing')).toBe(false);
    expect(e.commands.setParagraphKind('preambular')).toBe(true);
    expect(json(e).content?.[0].type).toBe('preambular');
    e.destroy();
  });

  it('renders semantic DOM specs (getHTML itself needs a window)', () => {
    const s = resolutionSchema;
    const spec = (type: string, attrs: Record<string, unknown>): unknown => s.nodes[type].spec.toDOM?.(s.nodes[type].create(attrs));
    expect(spec('title', { id: 't' })).toEqual(['p', { class: 'ph-title', 'data-id': 't' }, 0]);
    expect(spec('organ', { id: 'g' })).toEqual(['p', { class: 'ph-organ', 'data-id': 'g' }, 0]);
    expect(spec('preambular', { id: 'a', level: 1 })).toEqual(['p', { class: 'ph-pp', 'data-id': 'a', 'data-level': '1' }, 0]);
    expect(spec('operative', { id: 'o', level: 2, labelStyle: 'decimal' }))
      .toEqual(['p', { class: 'ph-op', 'data-id': 'o', 'data-level': '2', 'data-label-style': 'decimal' }, 0]);
    expect(spec('closing', { id: 'c' })).toEqual(['p', { class: 'ph-closing', 'data-id': 'c' }, 0]);
    expect(spec('footnote', { id: 'f', text: 'n' })).toEqual(['sup', { class: 'ph-fn', 'data-id': 'f', 'data-text': 'n' }]);
  });

  it('parse rules: classed paragraphs win over the plain <p> → preambular fallback', () => {
    const rules = (type: string): { tag?: string; priority?: number }[] => (resolutionSchema.nodes[type].spec.parseDOM ?? []) as { tag?: string; priority?: number }[];
    expect(rules('preambular').map((r) => r.tag)).toContain('p');
    const plain = rules('preambular').find((r) => r.tag === 'p');
    for (const [type, tag] of [['operative', 'p.ph-op'], ['title', 'p.ph-title'], ['organ', 'p.ph-organ'], ['closing', 'p.ph-closing']]) {
      const rule = rules(type).find((r) => r.tag === tag);
      expect(rule?.priority ?? 50).toBeGreaterThan(plain?.priority ?? 50);
    }
    expect(rules('footnote').map((r) => r.tag)).toEqual(['sup.ph-fn']);
  });
});

import { describe, expect, it } from 'vitest';
import { resolutionSchema } from '../../shared/resolution/schema.ts';
import { collectFootnotes, sameFootnotes } from './footnotes.ts';

const doc = (json: unknown) => resolutionSchema.nodeFromJSON(json);

const fn = (id: string, text: string) => ({ type: 'footnote', attrs: { id, text } });
const para = (type: string, id: string, content: unknown[]) => ({ type, attrs: { id }, content });

describe('collectFootnotes', () => {
  it('numbers footnote markers in document order across paragraphs', () => {
    const d = doc({ type: 'doc', content: [
      para('title', 't', [{ type: 'text', text: 'Title' }, fn('f1', 'First note')]),
      para('preambular', 'p1', [{ type: 'text', text: 'Recalling its resolutions' }]),
      para('operative', 'o1', [{ type: 'text', text: 'Decides' }, fn('f2', 'Second'), { type: 'text', text: ' and' }, fn('f3', '')]),
    ] });
    const list = collectFootnotes(d);
    expect(list.map((f) => [f.id, f.number, f.text])).toEqual([['f1', 1, 'First note'], ['f2', 2, 'Second'], ['f3', 3, '']]);
    expect(d.nodeAt(list[1].pos)?.type.name).toBe('footnote');
  });

  it('lists a duplicated id once and keeps later numbers in step with the markers', () => {
    const d = doc({ type: 'doc', content: [
      para('operative', 'o1', [{ type: 'text', text: 'A' }, fn('f1', 'x'), fn('f1', 'x'), fn('f2', 'y')]),
    ] });
    expect(collectFootnotes(d).map((f) => [f.id, f.number])).toEqual([['f1', 1], ['f2', 3]]);
  });

  it('compares lists by content', () => {
    const d = doc({ type: 'doc', content: [para('operative', 'o1', [fn('f1', 'x')])] });
    expect(sameFootnotes(collectFootnotes(d), collectFootnotes(d))).toBe(true);
    expect(sameFootnotes(collectFootnotes(d), [])).toBe(false);
    expect(sameFootnotes(collectFootnotes(d), null)).toBe(false);
  });
});

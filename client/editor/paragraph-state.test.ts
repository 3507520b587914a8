import { describe, expect, it } from 'vitest';
import { EditorState, TextSelection } from '@tiptap/pm/state';
import { resolutionSchema } from '../../shared/resolution/schema.ts';
import type { ParagraphStatus } from '../../shared/negotiation/layout.ts';
import { paragraphStateKey, paragraphStatePlugin, refusesTransaction, sameStatuses, statusDecorations, touchedBlockIds } from './paragraph-state.ts';

const doc = resolutionSchema.nodeFromJSON({ type: 'doc', content: [
  { type: 'preambular', attrs: { id: 'p1', level: 0 }, content: [{ type: 'text', text: 'Recalling' }] },
  { type: 'operative', attrs: { id: 'o1', level: 0 }, content: [{ type: 'text', text: 'Decides' }] },
  { type: 'operative', attrs: { id: 'o2', level: 0 }, content: [{ type: 'text', text: 'Requests' }] },
] });
// positions: p1 0..11 (text 1..10), o1 11..20 (text 12..19), o2 20..30 (text 21..29)

const statuses = (entries: [string, ParagraphStatus][]) => new Map(entries);

function stateWith(s: Map<string, ParagraphStatus>): EditorState {
  return EditorState.create({ doc, plugins: [paragraphStatePlugin(() => s)] });
}

describe('touched blocks', () => {
  it('names the blocks a step changes, not its neighbours', () => {
    const state = stateWith(new Map());
    expect([...touchedBlockIds(state.tr.insertText('x', 14))]).toEqual(['o1']);
    expect([...touchedBlockIds(state.tr.delete(18, 23))].sort()).toEqual(['o1', 'o2']);
    // splitting at the end of o1 changes o1
    expect([...touchedBlockIds(state.tr.split(19))]).toEqual(['o1']);
    // typing at the start of o2 does not touch o1
    expect([...touchedBlockIds(state.tr.insertText('x', 21))]).toEqual(['o2']);
    // attribute changes in place
    expect([...touchedBlockIds(state.tr.setNodeAttribute(11, 'level', 1))]).toEqual(['o1']);
    expect([...touchedBlockIds(state.tr.setNodeMarkup(20, undefined, { id: 'o2', level: 1 }))]).toEqual(['o2']);
  });
});

describe('paragraph lock', () => {
  it('refuses local edits of agreed paragraphs and lets others through', () => {
    const s = statuses([['o1', 'agreed'], ['o2', 'bracketed']]);
    const state = stateWith(s);
    expect(refusesTransaction(state.tr.insertText('x', 14), s)).toBe(true);
    expect(refusesTransaction(state.tr.delete(11, 20), s)).toBe(true);
    expect(refusesTransaction(state.tr.insertText('x', 22), s)).toBe(false);
    expect(refusesTransaction(state.tr.insertText('x', 3), s)).toBe(false);
    expect(refusesTransaction(state.tr.setSelection(TextSelection.create(doc, 14)), s)).toBe(false);
    // agreed ad ref locks too
    expect(refusesTransaction(state.tr.insertText('x', 3), statuses([['p1', 'agreed-ad-ref']]))).toBe(true);
  });

  it('lets remote (y-sync) changes through', () => {
    const s = statuses([['o1', 'agreed']]);
    const tr = stateWith(s).tr.insertText('x', 14).setMeta('y-sync$', { isChangeOrigin: true });
    expect(refusesTransaction(tr, s)).toBe(false);
  });

  it('filters transactions in a live state and follows status updates', () => {
    let state = stateWith(new Map());
    state = state.apply(state.tr.insertText('!', 14));
    expect(state.doc.child(1).textContent).toBe('De!cides');
    state = state.apply(state.tr.setMeta(paragraphStateKey, statuses([['o1', 'agreed']])));
    const refused = state.applyTransaction(state.tr.insertText('?', 14));
    expect(refused.state.doc.child(1).textContent).toBe('De!cides');
    const allowed = state.applyTransaction(state.tr.insertText('?', 23)); // o2's text starts at 22 after the '!'
    expect(allowed.state.doc.child(2).textContent).toBe('R?equests');
  });
});

describe('status decorations', () => {
  it('marks bracketed paragraphs with brackets and agreed ones with a lock', () => {
    const set = statusDecorations(doc, statuses([['o1', 'bracketed'], ['o2', 'agreed'], ['p1', 'pending']]));
    const found = set.find().map((d) => ({ from: d.from, to: d.to, key: (d.spec as { key?: string }).key ?? 'node' }))
      .sort((a, b) => a.from - b.from || a.to - b.to);
    expect(found).toEqual([
      { from: 11, to: 20, key: 'node' },
      { from: 12, to: 12, key: 'bracket-open' },
      { from: 19, to: 19, key: 'bracket-close' },
      { from: 20, to: 30, key: 'node' },
      { from: 29, to: 29, key: 'lock-agreed' },
    ]);
  });

  it('compares status maps by value', () => {
    expect(sameStatuses(statuses([['a', 'agreed']]), statuses([['a', 'agreed']]))).toBe(true);
    expect(sameStatuses(statuses([['a', 'agreed']]), statuses([['a', 'bracketed']]))).toBe(false);
    expect(sameStatuses(statuses([]), statuses([['a', 'agreed']]))).toBe(false);
  });
});

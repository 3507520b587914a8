/**
 * The footnote list at the foot of the page, read from the body's footnote atoms in document
 * order. Numbers use the shared rule (numberFootnotes), so they match the markers' decorations.
 * Pure: ProseMirror nodes only, no DOM.
 */
import type { Node as PMNode } from '@tiptap/pm/model';
import { numberFootnotes } from '../../shared/resolution/numbering.ts';

/** One footnote as listed. */
export interface FootnoteItem {
  id: string;
  number: number;
  text: string;
  /** Position of the marker (for scrolling/selecting it). */
  pos: number;
}

/** Footnote atoms of `doc` in order; a repeated id (mid-merge) is listed once, at its first marker. */
export function collectFootnotes(doc: PMNode): FootnoteItem[] {
  const found: { id: string; text: string; pos: number }[] = [];
  doc.descendants((node, pos) => {
    if (node.type.name === 'footnote') {
      const id = typeof node.attrs.id === 'string' ? node.attrs.id : '';
      found.push({ id, text: typeof node.attrs.text === 'string' ? node.attrs.text : '', pos });
    }
    return !node.isLeaf;
  });
  // Markers without an id yet (before the ids plugin runs) still get a number, keyed by position.
  const keys = found.map((f) => f.id || `@${f.pos}`);
  const numbers = numberFootnotes(keys);
  const seen = new Set<string>();
  const out: FootnoteItem[] = [];
  found.forEach((f, i) => {
    if (seen.has(keys[i])) return;
    seen.add(keys[i]);
    out.push({ id: f.id, number: numbers.get(keys[i]) ?? i + 1, text: f.text, pos: f.pos });
  });
  return out;
}

/** Equality for useEditorState, so the list re-renders only when footnotes change. */
export function sameFootnotes(a: readonly FootnoteItem[], b: readonly FootnoteItem[] | null): boolean {
  return b !== null && a.length === b.length && a.every((x, i) => {
    const y = b[i];
    return x.id === y.id && x.number === y.number && x.text === y.text && x.pos === y.pos;
  });
}

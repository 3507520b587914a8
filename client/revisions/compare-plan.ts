/**
 * What the comparison form's two choosers (FROM and TO) mean: each side is a revision, the live text,
 * or another text pasted or uploaded. Turns a choice into the API call to make (or says why it
 * cannot be made). Pure.
 */
import type { RevisionMeta } from './api.ts';

/** Select values: 'live', 'text', or 'rev:<revision id>'. */
export type SideValue = string;
export const LIVE_VALUE = 'live';
export const TEXT_VALUE = 'text';
export const revValue = (id: string): SideValue => `rev:${id}`;

export interface SideOption {
  value: SideValue;
  label: string;
}

/** Revisions oldest first, then the live text, then "another text". */
export function sideOptions(revisions: readonly RevisionMeta[]): SideOption[] {
  return [
    ...revisions.map((r) => ({ value: revValue(r.id), label: r.label })),
    { value: LIVE_VALUE, label: 'Live text' },
    { value: TEXT_VALUE, label: 'Another text (paste or upload)' },
  ];
}

/**
 * The pair a user most likely wants: the last two revisions; with one revision, it against the live
 * text; with none, another text against the live text.
 */
export function defaultSides(revisions: readonly RevisionMeta[]): { from: SideValue; to: SideValue } {
  const n = revisions.length;
  if (n >= 2) return { from: revValue(revisions[n - 2].id), to: revValue(revisions[n - 1].id) };
  return { from: n === 1 ? revValue(revisions[0].id) : TEXT_VALUE, to: LIVE_VALUE };
}

/** The API's name for a draft side ('live' or the revision id); null for the text side or an unknown value. */
export function draftRef(value: SideValue): string | null {
  if (value === LIVE_VALUE) return 'live';
  return value.startsWith('rev:') && value.length > 4 ? value.slice(4) : null;
}

/** A heading for one side: the revision label, "Live text" or "Pasted text". */
export function sideName(value: SideValue, revisions: readonly RevisionMeta[], fileName = ''): string {
  if (value === LIVE_VALUE) return 'Live text';
  if (value === TEXT_VALUE) return fileName ? `Text from ${fileName}` : 'Pasted text';
  const id = draftRef(value);
  return revisions.find((r) => r.id === id)?.label ?? 'Unknown revision';
}

export type ComparePlan =
  | { kind: 'sides'; from: string; to: string }
  | { kind: 'text'; draft: string; textSide: 'old' | 'new' }
  | { kind: 'invalid'; message: string };

/** The call for FROM (old) and TO (new); `text` matters only when a side is "another text". */
export function planComparison(from: SideValue, to: SideValue, text: string): ComparePlan {
  if (from === TEXT_VALUE && to === TEXT_VALUE) {
    return { kind: 'invalid', message: 'Choose the draft (a revision or the live text) on one side.' };
  }
  if (from === TEXT_VALUE || to === TEXT_VALUE) {
    const draft = draftRef(from === TEXT_VALUE ? to : from);
    if (draft === null) return { kind: 'invalid', message: 'Choose a revision or the live text to compare the text with.' };
    if (text.trim() === '') return { kind: 'invalid', message: 'Paste the other text or upload it as a .txt file.' };
    return { kind: 'text', draft, textSide: from === TEXT_VALUE ? 'old' : 'new' };
  }
  const a = draftRef(from);
  const b = draftRef(to);
  if (a === null || b === null) return { kind: 'invalid', message: 'Choose what to compare on both sides.' };
  return { kind: 'sides', from: a, to: b };
}

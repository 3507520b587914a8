/**
 * Fixtures for the permission tests and the gate benchmark: a draft of N paragraphs with fixed ids,
 * replicas, update capture and a cast of actors. Pure (no I/O); not used by production code.
 */
import * as Y from 'yjs';
import type { Actor } from '../negotiation/layout.ts';
import { writeResolutionToYDoc } from '../resolution/ydoc.ts';
import { emptyMasthead, type ResolutionJSON } from '../resolution/types.ts';

/** A draft with `pp` preambular and `op` operative paragraphs, ids `pp1..`, `op1..`. */
export function makeResolution(pp: number, op: number): ResolutionJSON {
  return {
    ...emptyMasthead(),
    symbol: 'A/C.3/80/L.1',
    organName: 'General Assembly',
    kind: 'draft-resolution',
    sponsors: ['Brazil'],
    title: 'Test draft',
    organ: 'The General Assembly,',
    preamble: Array.from({ length: pp }, (_, i) => ({ id: `pp${i + 1}`, text: `Recalling item ${i + 1} of the agenda,`, subparagraphs: [] })),
    operative: Array.from({ length: op }, (_, i) => ({ id: `op${i + 1}`, number: i + 1, text: `Requests the Secretary-General to report on item ${i + 1};`, subparagraphs: [] })),
    footnotes: [],
    closing: '',
  };
}

/** A server-side doc holding the draft (deterministic ids for title/organ lines too). */
export function makeDoc(pp = 3, op = 3, gc = true): Y.Doc {
  const doc = new Y.Doc({ gc });
  let n = 0;
  writeResolutionToYDoc(doc, makeResolution(pp, op), { newId: () => `x${++n}`, now: '2026-01-01T00:00:00.000Z' });
  return doc;
}

/** A fresh replica of `doc` (what a client has after syncing). */
export function replica(doc: Y.Doc): Y.Doc {
  const r = new Y.Doc();
  Y.applyUpdate(r, Y.encodeStateAsUpdate(doc));
  return r;
}

/** The update(s) `change` produces on `doc`, merged, exactly as a provider would send them. */
export function capture(doc: Y.Doc, change: () => void): Uint8Array {
  const updates: Uint8Array[] = [];
  const on = (u: Uint8Array): void => { updates.push(u); };
  doc.on('update', on);
  try { change(); } finally { doc.off('update', on); }
  return updates.length === 1 ? updates[0] : Y.mergeUpdates(updates);
}

/** A new element for the body. */
export const element = (nodeName: string): Y.XmlElement => new Y.XmlElement(nodeName);

/** Set an attribute of any JSON type (y-tiptap stores `level` as a number; Yjs' typing defaults to strings). */
export function setAttr(el: Y.XmlElement, key: string, value: string | number): void {
  (el as unknown as Y.XmlElement<{ [k: string]: string | number }>).setAttribute(key, value);
}

/** The top-level body element with attribute id `id`. */
export function paragraph(doc: Y.Doc, id: string): Y.XmlElement {
  for (const child of doc.getXmlFragment('body').toArray()) {
    if (child instanceof Y.XmlElement && child.getAttribute('id') === id) return child;
  }
  throw new Error(`no paragraph ${id}`);
}

/** The first text run of a paragraph. */
export function textOf(doc: Y.Doc, id: string): Y.XmlText {
  const t = paragraph(doc, id).toArray().find((c) => c instanceof Y.XmlText);
  if (!(t instanceof Y.XmlText)) throw new Error(`no text in ${id}`);
  return t;
}

export const ACTORS = {
  secretariat: { participant: 'Secretariat', role: 'secretariat', delegation: null },
  chair: { participant: 'Chair', role: 'chair', delegation: null },
  penholder: { participant: 'Brazil', role: 'penholder', delegation: 'Brazil' },
  chile: { participant: 'Chile', role: 'delegation', delegation: 'Chile' },
  peru: { participant: 'Peru', role: 'delegation', delegation: 'Peru' },
  observer: { participant: 'Press', role: 'observer', delegation: null },
} as const satisfies Record<string, Actor>;

/**
 * Keeping a caret in place while remote edits land in a plain textarea bound to a Y.Text. Pure: maps an
 * index through a Yjs text delta (retain / insert / delete), so it is tested without a DOM.
 */

/** A Yjs text delta op (Y.YTextEvent.delta). */
export type TextDeltaOp = { retain?: number; insert?: unknown; delete?: number };

/**
 * Where `index` ends up after `delta` is applied. An insertion exactly at the index pushes it right only
 * when `assoc` is 1 (a caret's end), so concurrent typing at the caret lands before a collapsed caret's start.
 */
export function mapIndexThroughDelta(index: number, delta: readonly TextDeltaOp[], assoc: -1 | 1 = -1): number {
  let oldPos = 0;
  let shift = 0;
  for (const op of delta) {
    if (oldPos > index) break;
    if (op.retain !== undefined) oldPos += op.retain;
    else if (op.insert !== undefined) {
      const len = typeof op.insert === 'string' ? op.insert.length : 1;
      if (oldPos < index || (oldPos === index && assoc === 1)) shift += len;
    } else if (op.delete !== undefined) {
      const end = oldPos + op.delete;
      if (end <= index) shift -= op.delete;
      else if (oldPos < index) shift -= index - oldPos;
      oldPos = end;
    }
  }
  return Math.max(0, index + shift);
}

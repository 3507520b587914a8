// CONTRACT STUB — the model helper replaces the bodies; signatures are fixed.
import * as Y from 'yjs';
import type { ResolutionJSON } from './types.ts';

/** Names of the Yjs root types. Nothing else may exist at the root. */
export const ROOT = { body: 'body', meta: 'meta', sponsors: 'sponsors' } as const;

/** Fill an empty Y.Doc (body, meta, sponsors) from structured JSON, in one transaction. */
export function writeResolutionToYDoc(doc: Y.Doc, res: ResolutionJSON): void {
  void doc; void res;
  throw new Error('not implemented');
}

/** Read the live Y.Doc back into structured JSON (numbers and labels derived). Never throws on odd content. */
export function readResolutionFromYDoc(doc: Y.Doc): ResolutionJSON {
  void doc;
  throw new Error('not implemented');
}

/** A new empty draft: title, organ line "The General Assembly,", one empty preambular and one empty operative paragraph. */
export function emptyResolution(): ResolutionJSON {
  throw new Error('not implemented');
}

/**
 * ExportInput from where drafts live: the live Y.Doc, a revision's Yjs state, or a revision's derived
 * snapshot (server/revisions/snapshot.ts — only its `resolution` is needed, so the type here is
 * structural and shared/ does not import from server/). Pure apart from building a throwaway Y.Doc.
 */
import * as Y from 'yjs';
import type { ResolutionJSON } from '../resolution/types.ts';
import { readResolutionFromYDoc, readSponsors } from '../resolution/ydoc.ts';
import type { ExportInput } from './document.ts';

/**
 * Revision number of a revision label: "Rev.2" → 2 (case and a space after the dot tolerated,
 * "A/C.1/78/L.11/Rev.2" too). Informal labels ("informal 12 March") → 0: they are not document revisions.
 */
export function revisionNumberOf(label: string): number {
  const m = /(?:^|\/)rev\.\s*(\d{1,4})$/i.exec(label.trim());
  return m ? Number(m[1]) : 0;
}

/** Options of the ExportInput readers. */
export interface FromYDocOptions {
  /** 0 = original document (default), N ≥ 1 = Rev.N. */
  revision?: number;
}

/**
 * The export input of a draft held in a Y.Doc: its text, main and co-sponsors on the line, additional
 * sponsors (joined after tabling) apart.
 */
export function exportInputFromYDoc(doc: Y.Doc, opts: FromYDocOptions = {}): ExportInput {
  const resolution = readResolutionFromYDoc(doc);
  const sponsors: string[] = [];
  const additionalSponsors: string[] = [];
  for (const { name, entry } of readSponsors(doc)) (entry.kind === 'additional' ? additionalSponsors : sponsors).push(name);
  return { resolution: { ...resolution, sponsors }, sponsors, additionalSponsors, revision: opts.revision ?? 0 };
}

/**
 * The export input of an issued revision from its stored Yjs state (Y.encodeStateAsUpdate of the
 * room when it was issued): the revision's own text and sponsors, numbered from its label.
 * A corrupt state is reported, not thrown.
 */
export function exportInputFromRevisionState(state: Uint8Array, label: string):
  { ok: true; input: ExportInput } | { ok: false; message: string } {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, state);
    return { ok: true, input: exportInputFromYDoc(doc, { revision: revisionNumberOf(label) }) };
  } catch (err) {
    return { ok: false, message: `The revision "${label}" could not be read: ${err instanceof Error ? err.message : String(err)}` };
  } finally {
    doc.destroy();
  }
}

/** What {@link exportInputFromSnapshot} needs of a revision snapshot (shared/revisions/snapshot.ts RevisionSnapshot fits). */
export interface SnapshotLike {
  resolution: ResolutionJSON;
}

/**
 * The export input of a revision from its derived snapshot. The snapshot keeps sponsor names but not
 * their kinds, so every sponsor goes on the line unless `additionalSponsors` says otherwise; prefer
 * {@link exportInputFromRevisionState} when the Yjs state is at hand.
 */
export function exportInputFromSnapshot(snapshot: SnapshotLike, label: string, additionalSponsors: readonly string[] = []): ExportInput {
  const apart = new Set(additionalSponsors);
  const sponsors = snapshot.resolution.sponsors.filter((s) => !apart.has(s));
  return {
    resolution: snapshot.resolution,
    sponsors,
    additionalSponsors: [...additionalSponsors],
    revision: revisionNumberOf(label),
  };
}

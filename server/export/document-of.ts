/**
 * The export document of a Y.Doc — the live room's, a stored draft's or a revision's — as the API
 * route and the CLI both build it: the plain document for docx/akn/html/txt, the compilation (every
 * pending amendment inline and attributed) for 'compilation'.
 */
import * as Y from 'yjs';
import { buildExportDocument, symbolRevision } from '../../shared/export/build.ts';
import { buildCompilation } from '../../shared/export/compilation.ts';
import type { ExportDocument, ExportFormat } from '../../shared/export/document.ts';
import { exportInputFromYDoc, revisionNumberOf } from '../../shared/export/from-ydoc.ts';
import { ROOT } from '../../shared/resolution/ydoc.ts';

/** Which document: the export format decides plain or compilation; `revisionLabel` ("Rev.2") sets /Rev.N. */
export interface DocumentRequest {
  format: ExportFormat;
  /** Label of the revision exported; absent for the live text. */
  revisionLabel?: string;
}

/**
 * The revision number to print: a "Rev.N" label says N; otherwise (the live text, an informal label)
 * the symbol the secretariat set decides — ".../Rev.2" stays Rev.2, a plain symbol is the original.
 */
export function revisionOf(doc: Y.Doc, label: string | undefined): number {
  const fromLabel = label === undefined ? 0 : revisionNumberOf(label);
  if (fromLabel > 0) return fromLabel;
  const symbol = doc.getMap<unknown>(ROOT.meta).get('symbol');
  return typeof symbol === 'string' ? symbolRevision(symbol) : 0;
}

/** Builds the export document of `doc` (read synchronously: call it while the doc is alive). */
export function exportDocumentOf(doc: Y.Doc, req: DocumentRequest): ExportDocument {
  const revision = revisionOf(doc, req.revisionLabel);
  if (req.format === 'compilation') return buildCompilation(doc, { revision });
  return buildExportDocument(exportInputFromYDoc(doc, { revision }));
}

/** A throwaway Y.Doc holding a revision's stored state (Y.encodeStateAsUpdate at issue time). */
export function withStateDoc<T>(state: Uint8Array, read: (doc: Y.Doc) => T): T {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, state);
    return read(doc);
  } finally {
    doc.destroy();
  }
}

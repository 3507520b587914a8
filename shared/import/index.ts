// CONTRACT STUB — the importer helper replaces the body; signatures are fixed.
import type { ResolutionJSON } from '../resolution/types.ts';

/** Why an import was refused. */
export type ImportErrorCode = 'empty' | 'not-a-resolution' | 'no-paragraphs' | 'too-large' | 'binary';

export type ImportResult =
  | { ok: true; resolution: ResolutionJSON; warnings: string[] }
  | { ok: false; code: ImportErrorCode; message: string };

export interface ImportOptions {
  /** Id generator, for deterministic tests. Defaults to random ids from shared/resolution/ids.ts. */
  newId?: () => string;
}

/** Parse a UN resolution text (corpus style, or pdftotext output with or without -layout). Pure, never throws. */
export function importResolution(text: string, options: ImportOptions = {}): ImportResult {
  void text; void options;
  return { ok: false, code: 'empty', message: 'not implemented' };
}

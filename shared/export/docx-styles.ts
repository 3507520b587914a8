/**
 * Paragraph styles of the DOCX export. Body paragraphs refer to a named style instead of carrying
 * their own indentation: the file stays small and fast to write (hundreds of paragraphs share a
 * handful of definitions) and a secretariat editor can restyle every OP at once in Word.
 */
import type { IParagraphStyleOptions } from 'docx';
import { compilationStyles } from './docx-compilation.ts';
import { AFTER, FONT, JUSTIFIED, SIZE, STEP } from './docx-layout.ts';

/** Deepest sub-paragraph depth with its own style; deeper ones get the same indentation inline. */
export const STYLED_DEPTHS = 4;

export const STYLE = {
  preamble: 'UNPreamble',
  /** Numbered/labelled paragraph at depth d: `${labelled}${d}`. */
  labelled: 'UNLabelled',
} as const;

/** Left edge of a labelled paragraph's text: OPs at two steps, each sub-paragraph depth one more. */
export function labelledLeft(depth: number): number {
  return STEP * (2 + depth);
}

/** Style id of a labelled paragraph at `depth`, or null past the styled depths. */
export function labelledStyle(depth: number): string | null {
  return depth >= 0 && depth <= STYLED_DEPTHS ? `${STYLE.labelled}${depth}` : null;
}

function bodyStyles(): IParagraphStyleOptions[] {
  const out: IParagraphStyleOptions[] = [{
    id: STYLE.preamble, name: 'UN preambular paragraph', basedOn: 'Normal', quickFormat: true,
    paragraph: { indent: { left: STEP, firstLine: STEP }, alignment: JUSTIFIED, spacing: { after: AFTER } },
  }];
  for (let depth = 0; depth <= STYLED_DEPTHS; depth++) {
    const left = labelledLeft(depth);
    out.push({
      id: `${STYLE.labelled}${depth}`,
      name: depth === 0 ? 'UN operative paragraph' : `UN sub-paragraph ${depth}`,
      basedOn: 'Normal', quickFormat: true,
      // The label hangs one step left of the text; the tab after it stops exactly at the text edge.
      paragraph: { indent: { left, hanging: STEP }, leftTabStop: left, alignment: JUSTIFIED, spacing: { after: AFTER } },
    });
  }
  return out;
}

/** All paragraph styles the export defines. */
export function paragraphStyles(compilation: boolean): IParagraphStyleOptions[] {
  return compilation ? [...bodyStyles(), ...compilationStyles] : bodyStyles();
}

/** Document defaults: Times New Roman everywhere (body, footnotes, headers), 10 pt body. */
export const DEFAULT_STYLES = {
  document: { run: { font: FONT, size: SIZE.body }, paragraph: { spacing: { line: 240 } } },
  footnoteText: { run: { font: FONT, size: SIZE.footnote }, paragraph: { spacing: { after: 40 } } },
  footnoteReference: { run: { font: FONT, superScript: true } },
} as const;

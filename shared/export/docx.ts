/**
 * DOCX export of a draft (or of its compilation text) laid out as a UN L-document: masthead,
 * sponsor line, title, organ line, preambular and operative paragraphs, real Word footnotes, the
 * symbol in the running header and "n/m" page numbers in the footer, Times New Roman on A4.
 *
 * Pure: renders exactly what the ExportDocument says (labels, italics, footnote numbers, sponsor
 * line, symbol) and returns the bytes; no file system, works in the browser too.
 */
import {
  AlignmentType, BorderStyle, Document, Footer, Header, Packer, PageNumber, Paragraph, TextRun,
} from 'docx';
import type { ExportDocument } from './document.ts';
import { bodyParagraphs, type NoteContext } from './docx-body.ts';
import { MARGIN, PAGE, SIZE } from './docx-layout.ts';
import { mastheadParts } from './docx-masthead.ts';
import { DEFAULT_STYLES, paragraphStyles } from './docx-styles.ts';

/** Running header: the symbol, on the outer side (right on odd pages, left on even), over a thin rule. */
function symbolHeader(symbol: string, alignment: 'left' | 'right'): Header {
  return new Header({
    children: [new Paragraph({
      alignment: alignment === 'left' ? AlignmentType.LEFT : AlignmentType.RIGHT,
      border: { bottom: { style: BorderStyle.SINGLE, size: 4, color: '000000', space: 1 } },
      children: [new TextRun({ text: symbol, bold: true, size: SIZE.body })],
    })],
  });
}

/** Running footer: "n/m", on the outer side. */
function pageFooter(alignment: 'left' | 'right'): Footer {
  return new Footer({
    children: [new Paragraph({
      alignment: alignment === 'left' ? AlignmentType.LEFT : AlignmentType.RIGHT,
      children: [new TextRun({ size: SIZE.small, bold: true, children: [PageNumber.CURRENT, '/', PageNumber.TOTAL_PAGES] })],
    })],
  });
}


/** Builds the docx object model of the export (exposed for tests that inspect it before packing). */
export function buildDocxDocument(doc: ExportDocument): Document {
  const notes: NoteContext = { known: new Set(doc.footnotes.map((f) => f.number)), used: new Set() };
  const children = [...mastheadParts(doc), ...bodyParagraphs(doc, notes)];
  // Only footnotes that got a reference are defined: Word rejects notes nobody points at less kindly
  // than it ignores them, and every note gets a reference anyway (see bodyParagraphs).
  const footnotes: Record<string, { children: Paragraph[] }> = {};
  for (const f of doc.footnotes) {
    if (!notes.used.has(f.number)) continue;
    footnotes[String(f.number)] = { children: [new Paragraph({ children: [new TextRun(` ${f.text}`)] })] };
  }
  const symbol = doc.masthead.symbol;
  return new Document({
    title: doc.title,
    subject: symbol,
    creator: 'Penholder',
    styles: { default: DEFAULT_STYLES, paragraphStyles: paragraphStyles(doc.compilation) },
    footnotes,
    evenAndOddHeaderAndFooters: true,
    sections: [{
      properties: {
        titlePage: true,
        page: { size: { width: PAGE.width, height: PAGE.height }, margin: { ...MARGIN, gutter: 0 } },
      },
      // Page 1 carries the masthead instead of a running header, as UN documents do.
      headers: {
        first: new Header({ children: [] }),
        default: symbolHeader(symbol, 'right'),
        even: symbolHeader(symbol, 'left'),
      },
      footers: {
        first: pageFooter('right'),
        default: pageFooter('right'),
        even: pageFooter('left'),
      },
      children,
    }],
  });
}

/**
 * Renders the export document as DOCX bytes. Uses the packer's Uint8Array output (no Node Buffer),
 * so the same code runs in the browser.
 */
export async function renderDocx(doc: ExportDocument): Promise<Uint8Array> {
  return Packer.pack(buildDocxDocument(doc), 'uint8array');
}

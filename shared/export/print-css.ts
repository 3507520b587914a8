/**
 * The stylesheet of the HTML print view (html.ts): an A4 page laid out like a UN L-document — Times New
 * Roman 10 pt, the two-row masthead between rules, the body column one step in from the masthead,
 * preambular paragraphs with a first-line indent, operative paragraphs and sub-paragraphs with hanging
 * labels, footnotes after a short rule at the end, and the compilation marks. Self-contained: no
 * external fonts, images or imports. Print first; on screen the page is shown as a white A4 sheet.
 *
 * Nothing relies on colour alone: insertions are underlined, deletions struck through, statuses are
 * words in a box, so a black-and-white printout carries every mark.
 */

/** Serif stack: Times New Roman where installed, its metric twin Liberation Serif on Linux. */
export const FONT_STACK = '"Times New Roman", "Liberation Serif", Times, serif';

/** A4 page margins (UN documents: wide sides, room for the running header and the page number). */
export const PAGE_MARGINS = { top: '25mm', right: '22mm', bottom: '22mm', left: '22mm' } as const;

/** One indentation step (1.27 cm, half an inch): the grid of every indent, as in the DOCX export. */
export const STEP = '1.27cm';

/**
 * A CSS string literal for `content:`. Quotes, backslashes and line breaks are escaped, and `<` too, so
 * no text can close the surrounding `<style>` element.
 */
export function cssString(text: string): string {
  const body = text.replace(/[\\"<>\r\n\f]/g, (c) => `\\${c.charCodeAt(0).toString(16).toUpperCase()} `);
  return `"${body}"`;
}

/**
 * Running header and page numbers as CSS page-margin boxes (Chromium ≥ 131, Firefox ≥ 138 print them):
 * no header on page 1, the symbol at the outer edge of later pages, "n/N" at the foot. When the PDF is
 * made with Chromium's page.pdf headerTemplate / footerTemplate instead, render with
 * `marginBoxes: false` so the numbers are not printed twice.
 */
export function pageMarginCss(symbol: string): string {
  const sym = cssString(symbol);
  const box = 'font-family: ' + FONT_STACK + '; font-size: 9pt;';
  return `@page :left { @top-left { content: ${sym}; ${box} vertical-align: bottom; } }
@page :right { @top-right { content: ${sym}; ${box} vertical-align: bottom; } }
@page :first { @top-left { content: none; } @top-right { content: none; } }
@page { @bottom-right { content: counter(page) "/" counter(pages); ${box} } }
`;
}

/** The static stylesheet. */
export const PRINT_CSS = `@page { size: A4; margin: ${PAGE_MARGINS.top} ${PAGE_MARGINS.right} ${PAGE_MARGINS.bottom} ${PAGE_MARGINS.left}; }
:root { --step: ${STEP}; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; font-family: ${FONT_STACK}; font-size: 10pt; line-height: 1.25; color: #000; background: #fff;
  font-kerning: normal; hyphens: manual; }
@media screen {
  body { background: #d9d9d9; padding: 12mm 0; }
  .sheet { width: 210mm; min-height: 297mm; margin: 0 auto; background: #fff;
    padding: ${PAGE_MARGINS.top} ${PAGE_MARGINS.right} ${PAGE_MARGINS.bottom} ${PAGE_MARGINS.left}; box-shadow: 0 1px 6px rgba(0,0,0,.35); }
}
p { margin: 0; }

/* Masthead: "United Nations" | symbol over a thick rule, organ | Distr. block over a thin one. */
.masthead { display: grid; grid-template-columns: 55% 45%; margin-bottom: 12pt; }
.mh-un, .mh-symbol { border-bottom: 1.5pt solid #000; padding-bottom: 2pt; align-self: end; }
.mh-un { font-size: 10pt; }
.mh-symbol { text-align: right; font-size: 12pt; font-weight: bold; letter-spacing: .02em; }
.mh-organ, .mh-distr { border-bottom: .75pt solid #000; padding: 5pt 0 6pt; }
.mh-organ { font-size: 17pt; font-weight: bold; }
.mh-distr { padding-left: 30%; }
.mh-distr p + p.mh-original { margin-top: 10pt; }
.mh-heads p { break-after: avoid; }
.mh-committee { font-weight: bold; }
.mh-item { margin-top: 6pt; }
.mh-agenda-title { font-weight: bold; max-width: 55%; }
.mh-adoption { font-weight: bold; margin-top: 12pt; white-space: pre-line; }

/* Sponsor line: names regular, ": draft resolution" italic, one step in from both sides. */
.sponsor-line { margin: 18pt var(--step) 6pt; }
.sponsor-line .line-kind { font-style: italic; }
.additional-sponsors { margin: 0 var(--step) 6pt; }
.additional-sponsors .caption { font-style: italic; }
.compilation-banner { text-align: center; font-weight: bold; margin: 12pt 0 6pt; font-size: 9pt; }

.title { font-size: 10pt; font-weight: bold; margin: 12pt calc(2 * var(--step)) 12pt var(--step); break-after: avoid; }
.organ { margin: 0 0 6pt var(--step); text-indent: var(--step); font-style: italic; break-after: avoid; }

/* Paragraphs: justified; PPs indent the first line, labelled paragraphs hang their label one step. */
.para { text-align: justify; margin: 0 0 6pt; orphans: 2; widows: 2; }
.pp { margin-left: var(--step); text-indent: var(--step); }
.labelled { text-indent: calc(-1 * var(--step)); }
.labelled .label { display: inline-block; min-width: var(--step); text-indent: 0; white-space: pre; }
.depth-0.labelled { margin-left: calc(2 * var(--step)); }
.depth-1 { margin-left: calc(3 * var(--step)); }
.depth-2 { margin-left: calc(4 * var(--step)); }
.depth-3, .depth-4 { margin-left: calc(5 * var(--step)); }
.opener { font-style: italic; }
.fn-ref { font-size: 65%; line-height: 0; vertical-align: super; }
.fn-ref a { color: inherit; text-decoration: none; }
.closing { margin: 12pt 0 0 calc(4 * var(--step)); font-style: italic; }
.closing p { margin: 0; }

/* Footnotes at the end of the document, under a short rule (CSS paged-media footnotes are not printed by Chromium). */
.footnotes { margin: 14pt 0 0 var(--step); font-size: 8.5pt; break-inside: auto; }
.footnotes::before { content: ""; display: block; width: 4.5cm; border-top: .75pt solid #000; margin-bottom: 4pt; }
.footnotes ol { list-style: none; margin: 0; padding: 0; }
.footnotes li { margin: 0 0 2pt; padding-left: var(--step); text-indent: calc(-1 * var(--step)); break-inside: avoid; }
.footnotes .fn-num { display: inline-block; min-width: var(--step); text-indent: 0; position: relative; top: -.3em; font-size: 80%; }
.fn-back { text-decoration: none; color: inherit; margin-left: .3em; }
@media print { .fn-back { display: none; } a { color: inherit; text-decoration: none; } }

/* Compilation marks. */
.legend { border: .75pt solid #000; padding: 4pt 6pt; margin: 0 0 12pt; font-size: 8.5pt; break-inside: avoid; }
.legend h2 { font-size: 9pt; margin: 0 0 2pt; }
.legend ul { margin: 0; padding-left: 1.2em; }
.block { margin: 0 0 8pt; break-inside: auto; }
.block-head { font-size: 8.5pt; margin: 0 0 2pt var(--step); break-after: avoid; }
.block-head .ref { font-weight: bold; }
.badge { display: inline-block; border: .75pt solid #000; padding: 0 3pt; margin-left: 4pt; font-size: 7.5pt;
  text-transform: uppercase; letter-spacing: .04em; line-height: 1.3; }
.status-bracketed .badge { border-style: dashed; }
.status-agreed-ad-ref .badge { border-style: double; border-width: 2.25pt; }
.status-agreed .badge { font-weight: bold; }
.badge-proposed { font-style: italic; }
.bracket { font-weight: bold; }
ins { text-decoration: underline; text-decoration-thickness: .75pt; text-underline-offset: 1.5pt; }
del { text-decoration: line-through; text-decoration-thickness: .75pt; }
del + ins { margin-left: .25em; }
@media screen { ins { background: #e6f4e6; } del { background: #fbe4e4; } }
.by { font-size: 75%; font-weight: bold; font-style: normal; }
.proposals { list-style: none; margin: 0 0 3pt calc(2 * var(--step)); padding: 0; font-size: 9pt; }
.proposals li { margin: 0 0 2pt; padding-left: .8em; text-indent: -.8em; }
.proposals li::before { content: "\\2014\\00A0"; }
.proposal-head { font-weight: bold; }
.stale { font-style: italic; }
.rationale { font-style: italic; }
.positions { margin: 0 0 2pt calc(2 * var(--step)); font-size: 8.5pt; }
.positions .caption { font-style: italic; }
`;

/**
 * The HTML print view: one standalone HTML5 page (UTF-8, inline CSS, no external resources) laid out as
 * a UN L-document on A4, from which a browser prints a faithful PDF. Renders exactly what the
 * ExportDocument says — labels, refs, italic runs, footnote numbers, symbol, sponsor line — and, for a
 * compilation, every block's status, pending proposals and positions (html-compilation.ts).
 *
 * Footnotes are printed at the end of the document, under a short rule: Chromium does not implement
 * CSS paged-media footnotes (`float: footnote`), so foot-of-page notes are not possible in a browser.
 * Page numbers and the running symbol come from CSS @page margin boxes (Chromium ≥ 131 prints them),
 * or from {@link printHeaderFooter} for Chromium's page.pdf header/footer templates.
 */
import type { ExportBlock, ExportDocument } from './document.ts';
import { blockHeadHtml, legendHtml, positionsHtml, proposalsHtml } from './html-compilation.ts';
import {
  anchorId, escapeAttr, escapeHtml, escapeLines, footnoteMarker, inlinesHtml, noteContext, noteId, noteRefId,
  type NoteContext,
} from './html-inline.ts';
import { FONT_STACK, PAGE_MARGINS, PRINT_CSS, pageMarginCss } from './print-css.ts';

export { escapeAttr, escapeHtml } from './html-inline.ts';

/** Options of {@link renderHtml}. */
export interface HtmlOptions {
  /** Open the print dialog once the page has loaded (the UI's "Print" button). Default false. */
  autoPrint?: boolean;
  /**
   * Print the running symbol and "n/N" page numbers with CSS @page margin boxes. Default true; pass
   * false when printing with page.pdf's headerTemplate / footerTemplate, which would print them twice.
   */
  marginBoxes?: boolean;
}

const isDraft = (doc: ExportDocument): boolean => doc.kind === 'draft-resolution' || doc.kind === 'draft-decision';

/** Distribution as printed: the masthead's, else "Limited" for drafts and "General" for adopted texts (as the DOCX). */
function distribution(doc: ExportDocument): string {
  const d = doc.masthead.distribution.trim();
  return d !== '' ? d : isDraft(doc) ? 'Limited' : 'General';
}

/** The organ printed large: the masthead's, else inferred from the symbol (as the DOCX). */
function organName(doc: ExportDocument): string {
  const o = doc.masthead.organName.trim();
  return o !== '' ? o : /^S\//.test(doc.baseSymbol) ? 'Security Council' : 'General Assembly';
}

/** "A/C.1/78/L.11 — Title", whichever parts exist; the document kind when neither does. */
export function documentTitle(doc: ExportDocument): string {
  const parts = [doc.masthead.symbol.trim(), doc.title.replace(/\s+/g, ' ').trim()].filter((s) => s !== '');
  if (parts.length > 0) return parts.join(' — ');
  return doc.kind.replace('-', ' ').replace(/^./, (c) => c.toUpperCase());
}

function mastheadHtml(doc: ExportDocument): string {
  const m = doc.masthead;
  const right = [`<p class="mh-distribution">Distr.: ${escapeHtml(distribution(doc))}</p>`];
  if (m.date.trim()) right.push(`<p class="mh-date">${escapeHtml(m.date.trim())}</p>`);
  if (m.originalLanguage.trim()) right.push(`<p class="mh-original">Original: ${escapeHtml(m.originalLanguage.trim())}</p>`);
  const heads: string[] = [];
  const line = (cls: string, html: string): void => { heads.push(`<p class="${cls}">${html}</p>`); };
  if (m.session.trim()) line('mh-session', escapeHtml(m.session.trim()));
  if (m.committee.trim()) line('mh-committee', escapeHtml(m.committee.trim()));
  if (m.agendaItem.trim()) line('mh-item', `Agenda item ${escapeHtml(m.agendaItem.trim())}`);
  if (m.agendaTitle.trim()) line('mh-agenda-title', escapeHtml(m.agendaTitle.trim()));
  if (m.adoptionNote.trim()) line('mh-adoption', escapeLines(m.adoptionNote));
  return `<header class="masthead">
<div class="mh-un">United Nations</div>
<div class="mh-symbol">${escapeHtml(m.symbol.trim())}</div>
<div class="mh-organ">${escapeHtml(organName(doc))}</div>
<div class="mh-distr">${right.join('')}</div>
</header>
${heads.length ? `<div class="mh-heads">${heads.join('\n')}</div>` : ''}`;
}

/** Sponsor names in regular type, ": draft resolution" (or "revised …") in italic. */
function sponsorsHtml(doc: ExportDocument): string {
  const out: string[] = [];
  if (doc.sponsorLine !== '') {
    const at = doc.sponsorLine.lastIndexOf(': ');
    const body = at < 0
      ? escapeHtml(doc.sponsorLine)
      : `<span class="names">${escapeHtml(doc.sponsorLine.slice(0, at))}</span><span class="line-kind">${escapeHtml(doc.sponsorLine.slice(at))}</span>`;
    out.push(`<p class="sponsor-line">${body}</p>`);
  }
  if (doc.additionalSponsors.length > 0) {
    out.push(`<p class="additional-sponsors"><span class="caption">Additional sponsors: </span>${escapeHtml(doc.additionalSponsors.join(', '))}</p>`);
  }
  return out.join('\n');
}

/** Footnotes no block carries a marker for (anchored on the title, or nowhere): marked after the title. */
function unplacedNotes(doc: ExportDocument): number[] {
  const placed = new Set<number>();
  for (const b of [...doc.preamble, ...doc.operative]) {
    for (const r of b.inlines) if (r.kind === 'footnote') placed.add(r.number);
    for (const p of b.negotiation?.proposals ?? []) for (const r of p.inlines) if (r.kind === 'footnote') placed.add(r.number);
  }
  return [...new Set(doc.footnotes.map((f) => f.number))].filter((n) => !placed.has(n)).sort((a, b) => a - b);
}

function blockHtml(block: ExportBlock, ctx: NoteContext, ids: Set<string>): string {
  const n = block.negotiation;
  const labelled = block.label !== '' || block.depth > 0 || block.kind === 'operative';
  const classes = ['para', block.kind === 'preambular' ? 'pp' : 'op', `depth-${Math.min(Math.max(block.depth, 0), 4)}`];
  if (labelled) classes.push('labelled');
  if (block.kind === 'preambular' && block.depth > 0) classes.push('pp-sub');
  let body = inlinesHtml(block.inlines, ctx);
  if (n?.proposedBy) {
    // The whole paragraph is an insertion; its heading already names the proposer, so no tag here.
    const by = n.proposedBy;
    body = `<ins class="new-paragraph" data-by="${escapeAttr(by.delegation)}" data-amendment="${escapeAttr(by.amendmentId)}">${body}</ins>`;
  } else if (n?.status === 'bracketed') body = `<span class="bracket">[</span>${body}<span class="bracket">]</span>`;
  // The space after the label is inside its box (white-space: pre) so copied text reads "1. Welcomes".
  const label = labelled ? `<span class="label">${escapeHtml(block.label)} </span>` : '';
  const attrs = `id="${anchorId(block.id, ids)}" data-id="${escapeAttr(block.id)}" data-ref="${escapeAttr(block.ref)}"`;
  const para = `<p class="${classes.join(' ')}" ${attrs}>${label}${body}</p>`;
  if (!n) return para;
  const status = n.proposedBy ? 'proposed' : n.status;
  return `<div class="block status-${status}" data-status="${status}">
${blockHeadHtml(block, n)}
${para}
${proposalsHtml(block, n, ctx)}${positionsHtml(n)}</div>`;
}

function footnotesHtml(doc: ExportDocument, ctx: NoteContext): string {
  if (ctx.notes.size === 0) return '';
  const items = [...ctx.notes.values()].sort((a, b) => a.number - b.number).map((fn) => {
    const back = ctx.anchored.has(fn.number) ? `<a class="fn-back" href="#${noteRefId(fn.number)}" aria-label="Back to the text">↩</a>` : '';
    const from = fn.paragraphId ? ` data-paragraph="${escapeAttr(fn.paragraphId)}"` : '';
    return `<li id="${noteId(fn.number)}" data-footnote="${fn.number}"${from}><span class="fn-num">${fn.number}</span>${escapeHtml(fn.text)}${back}</li>`;
  });
  return `<section class="footnotes" aria-label="Footnotes"><ol>\n${items.join('\n')}\n</ol></section>`;
}

function closingHtml(doc: ExportDocument): string {
  const lines = doc.closing.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '');
  return lines.length ? `<div class="closing">${lines.map((l) => `<p>${escapeHtml(l)}</p>`).join('')}</div>` : '';
}

/**
 * The export document as a complete HTML5 page laid out for A4 print. Every piece of text is escaped;
 * paragraphs carry `id` anchors derived from their paragraph ids and `data-ref` ("PP3", "OP5 (a)").
 */
export function renderHtml(doc: ExportDocument, opts: HtmlOptions = {}): string {
  const ctx = noteContext(doc.footnotes);
  const ids = new Set<string>();
  const parts: string[] = [mastheadHtml(doc), sponsorsHtml(doc)];
  if (doc.compilation) {
    parts.push('<p class="compilation-banner">Compilation text: pending proposals shown in place and attributed</p>', legendHtml());
  }
  const titleNotes = unplacedNotes(doc).map((n) => footnoteMarker(n, ctx)).join('');
  if (doc.title !== '' || titleNotes !== '') parts.push(`<h1 class="title">${escapeHtml(doc.title)}${titleNotes}</h1>`);
  if (doc.organ !== '') parts.push(`<p class="organ">${escapeHtml(doc.organ)}</p>`);
  for (const block of doc.preamble) parts.push(blockHtml(block, ctx, ids));
  for (const block of doc.operative) parts.push(blockHtml(block, ctx, ids));
  parts.push(closingHtml(doc), footnotesHtml(doc, ctx));
  const css = PRINT_CSS + (opts.marginBoxes === false ? '' : pageMarginCss(doc.masthead.symbol.trim()));
  const print = opts.autoPrint ? '\n<script>window.addEventListener("load", function () { window.print(); });</script>' : '';
  const kind = doc.compilation ? 'compilation' : doc.kind;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Penholder">
<title>${escapeHtml(documentTitle(doc))}</title>
<style>
${css}</style>
</head>
<body>
<main class="sheet ${kind}" data-symbol="${escapeAttr(doc.masthead.symbol)}" data-kind="${kind}">
${parts.filter((p) => p !== '').join('\n')}
</main>${print}
</body>
</html>
`;
}

/** Header and footer snippets for Chromium's page.pdf (`displayHeaderFooter: true`). */
export interface PrintHeaderFooter {
  headerTemplate: string;
  footerTemplate: string;
}

/**
 * Running header (the symbol, right) and footer ("n/N", right) for page.pdf. Chromium fills the
 * `pageNumber` / `totalPages` spans; its templates get no page CSS, so fonts and the side margins
 * are set inline. Use with `renderHtml(doc, { marginBoxes: false })` and `preferCSSPageSize: true`.
 */
export function printHeaderFooter(doc: ExportDocument): PrintHeaderFooter {
  const font = `font-family: ${FONT_STACK.replace(/"/g, "'")}; font-size: 9pt; color: #000;`;
  const box = `box-sizing: border-box; width: 100%; padding-left: ${PAGE_MARGINS.left}; padding-right: ${PAGE_MARGINS.right}; display: flex; justify-content: flex-end; ${font}`;
  return {
    headerTemplate: `<div class="penholder-header" style="${box} margin-top: 10mm;"><span class="symbol">${escapeHtml(doc.masthead.symbol.trim())}</span></div>`,
    footerTemplate: `<div class="penholder-footer" style="${box} margin-bottom: 8mm;"><span><span class="pageNumber"></span>/<span class="totalPages"></span></span></div>`,
  };
}

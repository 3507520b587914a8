/**
 * Escaping and inline runs of the HTML print view: every piece of draft text goes through
 * {@link escapeHtml} / {@link escapeAttr}; italic runs become `.opener` spans, footnote markers
 * superscript links to the notes at the end, compilation runs `<ins>` / `<del>` with a "[Brazil]" tag.
 */
import type { ExportFootnote, Inline } from './document.ts';

/** C0 controls (except tab and line breaks) and lone surrogates cannot appear in an HTML document. */
const UNPRINTABLE = /[\u0000-\u0008\u000B\u000E-\u001F\u007F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Text content escaped for HTML. Unprintable characters become U+FFFD so the reader sees that
 * something was there instead of losing it silently.
 */
export function escapeHtml(text: string): string {
  return text
    .replace(UNPRINTABLE, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** An attribute value (always written double-quoted). */
export function escapeAttr(text: string): string {
  return escapeHtml(text).replace(/"/g, '&quot;').replace(/'/g, '&#39;').replace(/[\r\n\t]/g, ' ');
}

/** Escaped text with line breaks as `<br>` (masthead fields such as the adoption note). */
export function escapeLines(text: string): string {
  return text.split(/\r?\n/).map((l) => escapeHtml(l.trim())).filter((l) => l !== '').join('<br>');
}

/**
 * Footnote state of one rendering: which notes exist, and which already have a marker with an id
 * (a note referenced twice — e.g. in a paragraph and in a proposal on it — gets one anchor only).
 */
export interface NoteContext {
  notes: ReadonlyMap<number, ExportFootnote>;
  anchored: Set<number>;
}

export function noteContext(footnotes: readonly ExportFootnote[]): NoteContext {
  const notes = new Map<number, ExportFootnote>();
  for (const fn of footnotes) if (!notes.has(fn.number)) notes.set(fn.number, fn);
  return { notes, anchored: new Set() };
}

/** Anchor ids of footnote `n` and of its first marker. */
export const noteId = (n: number): string => `fn-${n}`;
export const noteRefId = (n: number): string => `fnref-${n}`;

/** A superscript marker; a link when the note exists (an unknown number still prints, unlinked). */
export function footnoteMarker(n: number, ctx: NoteContext): string {
  const num = String(n);
  if (!ctx.notes.has(n)) return `<sup class="fn-ref" data-footnote="${num}">${num}</sup>`;
  const id = ctx.anchored.has(n) ? '' : ` id="${noteRefId(n)}"`;
  ctx.anchored.add(n);
  return `<sup class="fn-ref" data-footnote="${num}"${id}><a href="#${noteId(n)}">${num}</a></sup>`;
}

type Change = Extract<Inline, { kind: 'ins' | 'del' }>;

/** " [Brazil]": the visible attribution after an amendment's words (the space keeps copied text readable). */
export function byTag(delegation: string): string {
  return ` <span class="by">[${escapeHtml(delegation)}]</span>`;
}

/**
 * One ins/del run. Outer spaces stay outside the element (an underlined space reads as a change);
 * a change of whitespace only prints as plain space (ins) or nothing (del).
 */
function changeHtml(run: Change): { html: string; visible: boolean } {
  const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(run.text);
  const [lead, core, trail] = m ? [m[1], m[2], m[3]] : ['', run.text, ''];
  if (core === '') return { html: run.kind === 'ins' ? escapeHtml(run.text) : '', visible: false };
  const attrs = `data-by="${escapeAttr(run.by)}" data-amendment="${escapeAttr(run.amendmentId)}"`;
  return { html: `${escapeHtml(lead)}<${run.kind} ${attrs}>${escapeHtml(core)}</${run.kind}>${escapeHtml(trail)}`, visible: true };
}

/**
 * Inline runs as HTML. Each contiguous group of one amendment's changes (a replacement is a del then an
 * ins) is followed once by its "[Delegation]" tag, unless the delegation is `untagged` (a proposal
 * already headed with its name).
 */
export function inlinesHtml(inlines: readonly Inline[], ctx: NoteContext, untagged = ''): string {
  let out = '';
  for (let i = 0; i < inlines.length; i++) {
    const run = inlines[i];
    if (run.kind === 'text') {
      if (run.text === '') continue;
      out += run.italic ? `<span class="opener">${escapeHtml(run.text)}</span>` : escapeHtml(run.text);
    } else if (run.kind === 'footnote') {
      out += footnoteMarker(run.number, ctx);
    } else {
      let group = '';
      let shown = false;
      let j = i;
      for (; j < inlines.length; j++) {
        const r = inlines[j];
        if ((r.kind !== 'ins' && r.kind !== 'del') || r.amendmentId !== run.amendmentId) break;
        const part = changeHtml(r);
        group += part.html;
        shown ||= part.visible;
      }
      i = j - 1;
      if (shown && run.by !== untagged) {
        // The tag sits right after the words; the space that followed them comes after the tag.
        const trail = /\s*$/.exec(group)?.[0] ?? '';
        group = `${group.slice(0, group.length - trail.length)}${byTag(run.by)}${trail}`;
      }
      out += group;
    }
  }
  return out;
}

/**
 * An HTML id from a paragraph id: letters, digits, '-' and '_' kept, the rest '_', prefixed so it never
 * starts with a digit. `taken` keeps ids unique within the document ("-2", "-3" on a clash).
 */
export function anchorId(paragraphId: string, taken: Set<string>): string {
  const base = `para-${paragraphId.replace(/[^A-Za-z0-9_-]/g, '_') || 'x'}`;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

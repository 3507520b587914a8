/**
 * The flat block form of a resolution body, shared by the Y.Doc reader/writer and the
 * ProseMirror JSON converters: one entry per block node, footnote markers lifted out with
 * their character offsets. Pure, no Yjs.
 */
import type { JSONContent } from '@tiptap/core';
import { newId } from './ids.ts';
import { isDecimalLabel, numberBlocks } from './numbering.ts';
import { normalizeLevel } from './schema.ts';
import type {
  Footnote, Masthead, OperativeParagraph, PreambularParagraph, ResolutionJSON, ResolutionKind, SubLabelStyle, SubParagraph,
} from './types.ts';
import { MASTHEAD_FIELDS } from './types.ts';

/** A footnote marker inside a block. */
export interface BlockFootnote {
  id: string;
  text: string;
  /** Characters of block text before the marker. */
  offset: number;
}

/** One block of the body. */
export interface BodyBlock {
  /** Node type name; unknown names are kept as they are (read as preambular text). */
  type: string;
  id: string;
  level: number;
  labelStyle: SubLabelStyle;
  /** Plain text, markers removed. */
  text: string;
  footnotes: BlockFootnote[];
}

const KINDS: readonly ResolutionKind[] = ['draft-resolution', 'resolution', 'draft-decision', 'decision'];

/** A valid ResolutionKind, defaulting to 'draft-resolution'. */
export function toKind(value: unknown): ResolutionKind {
  return KINDS.find((k) => k === value) ?? 'draft-resolution';
}

/** Options for converting JSON to blocks. */
export interface ToBlocksOptions {
  /** Id generator for blocks that JSON does not carry ids for (title, organ, closing, footnotes). */
  newId?: () => string;
}

function flattenSubs(
  subs: readonly SubParagraph[], type: 'preambular' | 'operative', depth: number, style: SubLabelStyle, out: BodyBlock[], makeId: () => string,
): void {
  for (const sub of subs) {
    out.push({ type, id: sub.id || makeId(), level: normalizeLevel(depth), labelStyle: style, text: sub.text, footnotes: [] });
    flattenSubs(sub.subparagraphs, type, depth + 1, style, out, makeId);
  }
}

function hasDecimalLabel(subs: readonly SubParagraph[]): boolean {
  return subs.some((s) => isDecimalLabel(s.label) || hasDecimalLabel(s.subparagraphs));
}

/**
 * Flatten structured JSON into body blocks: title line(s), organ line(s), PPs and OPs with their
 * sub-paragraphs as following blocks (level = depth, max 3), closing line(s). Footnotes are placed
 * at (paragraphId, offset); footnotes with paragraphId '' or an unknown id go into the title.
 */
export function resolutionToBlocks(res: ResolutionJSON, options: ToBlocksOptions = {}): BodyBlock[] {
  const makeId = options.newId ?? (() => newId());
  const makeFootnoteId = options.newId ?? (() => newId('f'));
  const blocks: BodyBlock[] = [];
  const lines = (type: string, text: string, always: boolean): void => {
    if (!always && text === '') return;
    for (const line of text.split('\n')) blocks.push({ type, id: makeId(), level: 0, labelStyle: 'un', text: line, footnotes: [] });
  };
  lines('title', res.title, true);
  lines('organ', res.organ, true);
  for (const pp of res.preamble) {
    blocks.push({ type: 'preambular', id: pp.id || makeId(), level: 0, labelStyle: 'un', text: pp.text, footnotes: [] });
    flattenSubs(pp.subparagraphs, 'preambular', 1, 'un', blocks, makeId);
  }
  for (const op of res.operative) {
    const style: SubLabelStyle = hasDecimalLabel(op.subparagraphs) ? 'decimal' : 'un';
    blocks.push({ type: 'operative', id: op.id || makeId(), level: 0, labelStyle: style, text: op.text, footnotes: [] });
    flattenSubs(op.subparagraphs, 'operative', 1, style, blocks, makeId);
  }
  lines('closing', res.closing, false);

  const byId = new Map<string, BodyBlock>();
  for (const b of blocks) if (b.type === 'preambular' || b.type === 'operative') if (!byId.has(b.id)) byId.set(b.id, b);
  const titleBlocks = blocks.filter((b) => b.type === 'title');
  for (const fn of res.footnotes) {
    const anchored = fn.paragraphId ? byId.get(fn.paragraphId) : undefined;
    let target = anchored;
    let offset = fn.offset;
    if (!target) {
      // The title may span several lines; offsets count across them joined by "\n".
      target = titleBlocks[0];
      let rest = Number.isFinite(offset) ? Math.max(0, offset) : Number.MAX_SAFE_INTEGER;
      for (const t of titleBlocks) {
        target = t;
        if (rest <= t.text.length) break;
        rest -= t.text.length + 1;
      }
      offset = rest;
    }
    const clamped = Math.max(0, Math.min(target.text.length, Number.isFinite(offset) ? Math.floor(offset) : target.text.length));
    target.footnotes.push({ id: makeFootnoteId(), text: fn.text, offset: clamped });
  }
  for (const b of blocks) b.footnotes.sort((x, y) => x.offset - y.offset);
  return blocks;
}

/** ProseMirror JSON of one block. */
export function blockToNodeJSON(b: BodyBlock): JSONContent {
  const attrs: Record<string, unknown> = { id: b.id };
  if (b.type === 'preambular' || b.type === 'operative') attrs.level = b.level;
  if (b.type === 'operative') attrs.labelStyle = b.labelStyle;
  const content: JSONContent[] = [];
  let pos = 0;
  for (const fn of b.footnotes) {
    if (fn.offset > pos) content.push({ type: 'text', text: b.text.slice(pos, fn.offset) });
    pos = Math.max(pos, fn.offset);
    content.push({ type: 'footnote', attrs: { id: fn.id, text: fn.text } });
  }
  if (pos < b.text.length) content.push({ type: 'text', text: b.text.slice(pos) });
  const node: JSONContent = { type: b.type, attrs };
  if (content.length > 0) node.content = content;
  return node;
}

/** ProseMirror doc JSON of a whole body. */
export function blocksToDocJSON(blocks: readonly BodyBlock[]): JSONContent {
  return { type: 'doc', content: blocks.map(blockToNodeJSON) };
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : value === null || value === undefined ? '' : String(value);
}

/** Body blocks from ProseMirror doc JSON (tolerant: unknown nodes contribute their text). */
export function docJSONToBlocks(json: JSONContent): BodyBlock[] {
  const blocks: BodyBlock[] = [];
  for (const node of json.content ?? []) {
    const attrs = node.attrs ?? {};
    const block: BodyBlock = {
      type: str(node.type), id: str(attrs.id), level: normalizeLevel(attrs.level),
      labelStyle: attrs.labelStyle === 'decimal' ? 'decimal' : 'un', text: '', footnotes: [],
    };
    const walk = (n: JSONContent): void => {
      if (n.type === 'text') block.text += n.text ?? '';
      else if (n.type === 'footnote') block.footnotes.push({ id: str(n.attrs?.id), text: str(n.attrs?.text), offset: block.text.length });
      else for (const c of n.content ?? []) walk(c);
    };
    for (const c of node.content ?? []) walk(c);
    blocks.push(block);
  }
  return blocks;
}

/** Everything of a ResolutionJSON that does not live in the body. */
export type ResolutionHead = Masthead & { kind: ResolutionKind; sponsors: string[] };

/** An empty head: draft resolution, empty masthead, no sponsors. */
export function emptyHead(): ResolutionHead {
  const head = { kind: 'draft-resolution', sponsors: [] } as unknown as ResolutionHead;
  for (const f of MASTHEAD_FIELDS) head[f] = '';
  return head;
}

interface Nest { sub: SubParagraph; depth: number }

/**
 * Rebuild structured JSON from body blocks: numbers and labels derived (numbering.ts),
 * sub-paragraph nesting rebuilt from effective depths, footnotes numbered by document order.
 * Unknown block types are read as preambular paragraphs so no text is lost.
 */
export function blocksToResolution(blocks: readonly BodyBlock[], head: ResolutionHead): ResolutionJSON {
  const typed = blocks.map((b) => ({ ...b, type: isKnown(b.type) ? b.type : 'preambular' }));
  const numbers = numberBlocks(typed);
  const preamble: PreambularParagraph[] = [];
  const operative: OperativeParagraph[] = [];
  const footnotes: Footnote[] = [];
  const title: string[] = [];
  const organ: string[] = [];
  const closing: string[] = [];
  let stack: Nest[] = [];
  let top: PreambularParagraph | OperativeParagraph | null = null;
  typed.forEach((b, i) => {
    const n = numbers[i];
    let paragraphId = b.id;
    let base = 0;
    if (b.type === 'title') {
      base = title.reduce((len, t) => len + t.length + 1, 0);
      title.push(b.text);
      paragraphId = '';
    } else if (b.type === 'organ' || b.type === 'closing') {
      (b.type === 'organ' ? organ : closing).push(b.text);
      paragraphId = '';
    } else if (n.depth === 0) {
      if (b.type === 'operative') {
        const op: OperativeParagraph = { id: b.id, number: n.number, text: b.text, subparagraphs: [] };
        operative.push(op);
        top = op;
      } else {
        const pp: PreambularParagraph = { id: b.id, text: b.text, subparagraphs: [] };
        preamble.push(pp);
        top = pp;
      }
      stack = [];
    } else if (top) {
      const sub: SubParagraph = { id: b.id, label: n.label, text: b.text, subparagraphs: [] };
      stack = stack.filter((s) => s.depth < n.depth);
      const parent = stack.length > 0 ? stack[stack.length - 1].sub.subparagraphs : top.subparagraphs;
      parent.push(sub);
      stack.push({ sub, depth: n.depth });
    }
    for (const fn of b.footnotes) {
      const offset = paragraphId === '' && b.type !== 'title' ? fn.offset : base + fn.offset;
      footnotes.push({ number: footnotes.length + 1, text: fn.text, paragraphId, offset });
    }
  });
  return {
    ...head,
    title: title.join('\n'),
    organ: organ.join('\n'),
    preamble,
    operative,
    footnotes,
    closing: closing.join('\n'),
  };
}

function isKnown(type: string): boolean {
  return ['title', 'organ', 'preambular', 'operative', 'closing'].includes(type);
}

/**
 * The tiptap/ProseMirror schema of a resolution body (see docs/data-model.md).
 *
 * Permissive on purpose: y-prosemirror deletes Yjs content that violates the schema,
 * so ordering (title before organ before preamble...) is never a schema rule.
 * Pure: no DOM access at import time, so the server can build the schema too.
 */
import { Node, getSchema, mergeAttributes, type Extensions } from '@tiptap/core';
import type { Schema } from '@tiptap/pm/model';

/** Block node type names, in the order they normally appear. */
export const BLOCK_TYPES = ['title', 'organ', 'preambular', 'operative', 'closing'] as const;
export type BlockType = (typeof BLOCK_TYPES)[number];

/** Paragraph kinds that carry a `level` (sub-paragraph depth). */
export type ParagraphKind = 'preambular' | 'operative';

/** Highest sub-paragraph level stored in the body (0 = paragraph, 1..3 = sub-paragraph depth). */
export const MAX_LEVEL = 3;

/** CSS class each block type renders with (documented in docs/data-model.md). */
export const BLOCK_CLASS: Readonly<Record<BlockType, string>> = {
  title: 'ph-title',
  organ: 'ph-organ',
  preambular: 'ph-pp',
  operative: 'ph-op',
  closing: 'ph-closing',
};

export function isBlockType(name: string): name is BlockType {
  return (BLOCK_TYPES as readonly string[]).includes(name);
}

/** Coerce a stored level (number, numeric string, junk) into 0..MAX_LEVEL. */
export function normalizeLevel(value: unknown): number {
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number.parseInt(value, 10) : 0;
  if (!Number.isFinite(n) || n < 0) return 0;
  return Math.min(MAX_LEVEL, Math.floor(n));
}

const idAttribute = {
  id: {
    default: null,
    parseHTML: (el: HTMLElement) => el.getAttribute('data-id'),
    renderHTML: (attrs: Record<string, unknown>) => (attrs.id ? { 'data-id': String(attrs.id) } : {}),
  },
};

const levelAttribute = {
  level: {
    default: 0,
    parseHTML: (el: HTMLElement) => normalizeLevel(el.getAttribute('data-level')),
    renderHTML: (attrs: Record<string, unknown>) => ({ 'data-level': String(normalizeLevel(attrs.level)) }),
  },
};

const labelStyleAttribute = {
  labelStyle: {
    default: 'un',
    parseHTML: (el: HTMLElement) => (el.getAttribute('data-label-style') === 'decimal' ? 'decimal' : 'un'),
    renderHTML: (attrs: Record<string, unknown>) =>
      attrs.labelStyle === 'decimal' ? { 'data-label-style': 'decimal' } : {},
  },
};

/** Class-tagged paragraphs win over the plain-<p> fallback rule. */
const CLASSED_PRIORITY = 60;

const Doc = Node.create({ name: 'doc', topNode: true, content: 'block+' });

const Text = Node.create({ name: 'text', group: 'inline' });

function simpleBlock(name: 'title' | 'organ' | 'closing', extraTags: string[]) {
  return Node.create({
    name,
    group: 'block',
    content: 'inline*',
    defining: true,
    addAttributes: () => ({ ...idAttribute }),
    parseHTML: () => [
      { tag: `p.${BLOCK_CLASS[name]}`, priority: CLASSED_PRIORITY },
      ...extraTags.map((tag) => ({ tag })),
    ],
    renderHTML: ({ HTMLAttributes }) => ['p', mergeAttributes({ class: BLOCK_CLASS[name] }, HTMLAttributes), 0],
  });
}

const Title = simpleBlock('title', ['h1']);
const Organ = simpleBlock('organ', []);
const Closing = simpleBlock('closing', []);

const Preambular = Node.create({
  name: 'preambular',
  group: 'block',
  content: 'inline*',
  addAttributes: () => ({ ...idAttribute, ...levelAttribute }),
  parseHTML: () => [
    { tag: 'p.ph-pp', priority: CLASSED_PRIORITY },
    // Pasted plain paragraphs (and stray headings/divs) become preambular text: nothing is lost.
    { tag: 'p', priority: 40 },
    { tag: 'h2' }, { tag: 'h3' }, { tag: 'h4' }, { tag: 'h5' }, { tag: 'h6' },
  ],
  renderHTML: ({ HTMLAttributes }) => ['p', mergeAttributes({ class: 'ph-pp' }, HTMLAttributes), 0],
});

const Operative = Node.create({
  name: 'operative',
  group: 'block',
  content: 'inline*',
  addAttributes: () => ({ ...idAttribute, ...levelAttribute, ...labelStyleAttribute }),
  parseHTML: () => [{ tag: 'p.ph-op', priority: CLASSED_PRIORITY }],
  renderHTML: ({ HTMLAttributes }) => ['p', mergeAttributes({ class: 'ph-op' }, HTMLAttributes), 0],
});

const Footnote = Node.create({
  name: 'footnote',
  group: 'inline',
  inline: true,
  atom: true,
  selectable: true,
  addAttributes: () => ({
    ...idAttribute,
    text: {
      default: '',
      parseHTML: (el: HTMLElement) => el.getAttribute('data-text') ?? '',
      renderHTML: (attrs: Record<string, unknown>) => ({ 'data-text': typeof attrs.text === 'string' ? attrs.text : '' }),
    },
  }),
  parseHTML: () => [{ tag: 'sup.ph-fn', priority: CLASSED_PRIORITY }],
  // The number is derived (decoration attribute data-number), shown by CSS; the marker has no text of its own.
  renderHTML: ({ HTMLAttributes }) => ['sup', mergeAttributes({ class: 'ph-fn' }, HTMLAttributes)],
  renderText: () => '',
});

/**
 * The node extensions of a resolution body. No collaboration and no undo: the client adds
 * Collaboration (which brings its own undo), plus the ids, decorations and commands extensions.
 */
export function resolutionExtensions(): Extensions {
  return [Doc, Text, Title, Organ, Preambular, Operative, Closing, Footnote];
}

/** The ProseMirror schema built from {@link resolutionExtensions}. */
export const resolutionSchema: Schema = getSchema(resolutionExtensions());

/**
 * Reading and writing a resolution in a Y.Doc (layout in docs/data-model.md):
 * `body` (Y.XmlFragment, tiptap Collaboration encoding), `meta` (Y.Map of masthead fields + kind)
 * and `sponsors` (Y.Map delegation → {order, kind, at}).
 */
import * as Y from 'yjs';
import { Node as PMNode } from '@tiptap/pm/model';
import type { JSONContent } from '@tiptap/core';
import { prosemirrorToYXmlFragment } from '@tiptap/y-tiptap';
import {
  blocksToDocJSON, blocksToResolution, docJSONToBlocks, emptyHead, resolutionToBlocks, toKind,
  type BlockFootnote, type BodyBlock, type ResolutionHead, type ToBlocksOptions,
} from './blocks.ts';
import { newId } from './ids.ts';
import { findIdFixes, idPrefix } from './ids-plugin.ts';
import { normalizeLevel, resolutionSchema } from './schema.ts';
import type { ResolutionJSON } from './types.ts';
import { MASTHEAD_FIELDS, emptyMasthead } from './types.ts';

/** Names of the Yjs root types. Nothing else may exist at the root. */
export const ROOT = { body: 'body', meta: 'meta', sponsors: 'sponsors' } as const;

/** How a delegation sponsors the draft. */
export type SponsorKind = 'main' | 'co' | 'additional';

/** Value stored per delegation in the `sponsors` Y.Map. */
export interface SponsorEntry {
  order: number;
  kind: SponsorKind;
  /** ISO timestamp of when the delegation joined. */
  at: string;
}

/** Options for {@link writeResolutionToYDoc}. */
export interface WriteOptions extends ToBlocksOptions {
  /** Timestamp recorded for sponsors (ISO string); defaults to now. */
  now?: string;
}

/** The three root types of a resolution Y.Doc. */
export function resolutionRoots(doc: Y.Doc): { body: Y.XmlFragment; meta: Y.Map<unknown>; sponsors: Y.Map<unknown> } {
  return {
    body: doc.getXmlFragment(ROOT.body),
    meta: doc.getMap<unknown>(ROOT.meta),
    sponsors: doc.getMap<unknown>(ROOT.sponsors),
  };
}

/** ProseMirror doc JSON (resolutionSchema) of structured JSON. Footnote atoms sit at (paragraphId, offset). */
export function resolutionToDocJSON(res: ResolutionJSON, options: ToBlocksOptions = {}): JSONContent {
  return blocksToDocJSON(resolutionToBlocks(res, options));
}

/** Structured JSON from ProseMirror doc JSON plus the head (masthead, kind, sponsors; empty if omitted). */
export function docJSONToResolution(json: JSONContent, head: Partial<ResolutionHead> = {}): ResolutionJSON {
  return blocksToResolution(docJSONToBlocks(json), { ...emptyHead(), ...head });
}

/**
 * Fill a Y.Doc (body, meta, sponsors) from structured JSON, in one transaction. Existing content of
 * the three roots is replaced. The body is encoded by y-tiptap itself, so it is exactly what the
 * Collaboration extension reads and writes.
 */
export function writeResolutionToYDoc(doc: Y.Doc, res: ResolutionJSON, options: WriteOptions = {}): void {
  const pmDoc = PMNode.fromJSON(resolutionSchema, resolutionToDocJSON(res, options));
  const { body, meta, sponsors } = resolutionRoots(doc);
  const at = options.now ?? new Date().toISOString();
  doc.transact(() => {
    if (body.length > 0) body.delete(0, body.length);
    prosemirrorToYXmlFragment(pmDoc, body);
    meta.clear();
    for (const field of MASTHEAD_FIELDS) meta.set(field, res[field] ?? '');
    meta.set('kind', res.kind);
    sponsors.clear();
    res.sponsors.forEach((name, order) => {
      if (!sponsors.has(name)) sponsors.set(name, { order, kind: 'main', at } satisfies SponsorEntry);
    });
  });
}

/** Lone UTF-16 surrogates (a pair split by an edit). */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function deltaText(text: Y.XmlText): string {
  let out = '';
  for (const op of text.toDelta() as { insert?: unknown }[]) if (typeof op.insert === 'string') out += op.insert;
  // Yjs keeps a lone surrogate in the author's memory but sends U+FFFD to peers; read U+FFFD everywhere
  // so every replica yields the same JSON.
  return out.replace(LONE_SURROGATE, '\ufffd');
}

function attr(el: Y.XmlElement, key: string): unknown {
  return el.getAttribute(key) as unknown;
}

/** Body blocks straight from the Y types: tolerant of any content (unknown elements contribute text). */
export function readBlocksFromYDoc(doc: Y.Doc): BodyBlock[] {
  const blocks: BodyBlock[] = [];
  const { body } = resolutionRoots(doc);
  for (const child of body.toArray()) {
    if (child instanceof Y.XmlText) {
      // Not valid tiptap content, but keep the text rather than lose it.
      const text = deltaText(child);
      if (text) blocks.push({ type: 'preambular', id: '', level: 0, labelStyle: 'un', text, footnotes: [] });
      continue;
    }
    if (!(child instanceof Y.XmlElement)) continue;
    if (child.nodeName === 'footnote') {
      // A marker outside any paragraph: keep it, in a paragraph of its own.
      const fnId = attr(child, 'id');
      const fnText = attr(child, 'text');
      blocks.push({
        type: 'preambular', id: '', level: 0, labelStyle: 'un', text: '',
        footnotes: [{ id: typeof fnId === 'string' ? fnId : '', text: typeof fnText === 'string' ? fnText : '', offset: 0 }],
      });
      continue;
    }
    const idValue = attr(child, 'id');
    const block: BodyBlock = {
      type: child.nodeName,
      id: typeof idValue === 'string' ? idValue : '',
      level: normalizeLevel(attr(child, 'level')),
      labelStyle: attr(child, 'labelStyle') === 'decimal' ? 'decimal' : 'un',
      text: '',
      footnotes: [],
    };
    const walk = (node: Y.XmlElement | Y.XmlText | Y.XmlHook): void => {
      if (node instanceof Y.XmlText) block.text += deltaText(node);
      else if (node instanceof Y.XmlElement) {
        if (node.nodeName === 'footnote') {
          const fn: BlockFootnote = {
            id: typeof attr(node, 'id') === 'string' ? String(attr(node, 'id')) : '',
            text: typeof attr(node, 'text') === 'string' ? String(attr(node, 'text')) : '',
            offset: block.text.length,
          };
          block.footnotes.push(fn);
        } else node.toArray().forEach(walk);
      }
    };
    child.toArray().forEach(walk);
    blocks.push(block);
  }
  return blocks;
}

function isSponsorKind(v: unknown): v is SponsorKind {
  return v === 'main' || v === 'co' || v === 'additional';
}

/** Sponsors map entries, ordered by `order` then name (junk values sort last, never throw). */
export function readSponsors(doc: Y.Doc): { name: string; entry: SponsorEntry }[] {
  const { sponsors } = resolutionRoots(doc);
  const list: { name: string; entry: SponsorEntry }[] = [];
  sponsors.forEach((value, name) => {
    const v = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
    list.push({
      name,
      entry: {
        order: typeof v.order === 'number' && Number.isFinite(v.order) ? v.order : Number.MAX_SAFE_INTEGER,
        kind: isSponsorKind(v.kind) ? v.kind : 'co',
        at: typeof v.at === 'string' ? v.at : '',
      },
    });
  });
  list.sort((a, b) => a.entry.order - b.entry.order || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return list;
}

/** The head (masthead fields, kind, sponsors) from `meta` and `sponsors`. */
export function readHeadFromYDoc(doc: Y.Doc): ResolutionHead {
  const { meta } = resolutionRoots(doc);
  const head = emptyHead();
  for (const field of MASTHEAD_FIELDS) {
    const v = meta.get(field);
    head[field] = typeof v === 'string' ? v : '';
  }
  head.kind = toKind(meta.get('kind'));
  head.sponsors = readSponsors(doc).map((s) => s.name);
  return head;
}

/** Read the live Y.Doc back into structured JSON (numbers and labels derived). Never throws on odd content. */
export function readResolutionFromYDoc(doc: Y.Doc): ResolutionJSON {
  return blocksToResolution(readBlocksFromYDoc(doc), readHeadFromYDoc(doc));
}

/**
 * Apply the id rule directly on the Y types (same rule as the editor's ids plugin): every block and
 * footnote gets an id; of duplicates the first in document order keeps it. Returns the number of ids
 * changed. For servers and tests; editors do this through the plugin.
 */
export function fixIdsInYDoc(doc: Y.Doc, makeId: (prefix: string) => string = newId): number {
  const { body } = resolutionRoots(doc);
  const nodes: Y.XmlElement[] = [];
  const walk = (el: Y.XmlElement): void => {
    nodes.push(el);
    for (const child of el.toArray()) if (child instanceof Y.XmlElement && child.nodeName === 'footnote') nodes.push(child);
  };
  for (const child of body.toArray()) if (child instanceof Y.XmlElement) walk(child);
  const fixes = findIdFixes(nodes.map((el) => ({ id: el.getAttribute('id') as unknown })), (i) => makeId(idPrefix(nodes[i].nodeName)));
  if (fixes.length === 0) return 0;
  doc.transact(() => {
    for (const fix of fixes) nodes[fix.index].setAttribute('id', fix.id);
  });
  return fixes.length;
}

/** A new empty draft: title, organ line "The General Assembly,", one empty preambular and one empty operative paragraph. */
export function emptyResolution(): ResolutionJSON {
  return {
    ...emptyMasthead(),
    organName: 'General Assembly',
    kind: 'draft-resolution',
    sponsors: [],
    title: '',
    organ: 'The General Assembly,',
    preamble: [{ id: newId(), text: '', subparagraphs: [] }],
    operative: [{ id: newId(), number: 1, text: '', subparagraphs: [] }],
    footnotes: [],
    closing: '',
  };
}

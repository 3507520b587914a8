/**
 * Akoma Ntoso 3.0 export (AKN4UN style): an {@link ExportDocument} → `<akomaNtoso><statement>` XML
 * that validates against the OASIS schema (akomantoso30.xsd). It prints exactly what the document
 * says — labels, italic openers, footnote numbers, symbol, sponsor line — and re-derives nothing.
 *
 * Shape: `<meta>` (FRBR identification from the symbol, a TLCOrganization per sponsor / organ /
 * committee plus the penholder source) · `<preface>` (masthead, sponsor line with docProponent and
 * docType, docTitle) · `<preamble>` (the organ line as `<formula name="enactingFormula">`, one
 * `<recital>` per PP, sub-paragraphs as blockList/item) · `<mainBody>` (one `<paragraph>` per OP with
 * `<num>`, sub-paragraphs as list/point, nested) · `<conclusions>` (the closing lines).
 * Footnotes are `<authorialNote marker="N" placement="bottom">` at their markers; footnotes anchored
 * in no paragraph go after the title.
 *
 * eIds come from paragraph ids (`para_<id>`, `point_<id>`, `recital_<id>`, `item_<id>`, the id made
 * NCName-safe reversibly), never from positions: inserting a paragraph changes no other eId, and
 * the importer (akn-import.ts) gets the ids back.
 *
 * Compilations: Akoma Ntoso carries the text, not the negotiation. A compilation document is exported
 * as its current text — paragraphs proposed by pending amendments ("OP5 bis") are left out, words a
 * pending amendment would add are left out and words it would delete are kept — so the XML is the
 * same valid statement the plain draft gives. The compilation itself is circulated as DOCX / HTML.
 */
import type { ExportBlock, ExportDocument, ExportFootnote } from './document.ts';
import { AKN_NS, EidAllocator, STATEMENT_NAME, type EidPrefix } from './akn-ids.ts';
import { allocateOrgs, generationDate, renderMeta, renderPreface } from './akn-meta.ts';
import { block, escText, inline } from './akn-xml.ts';

/** Options of {@link renderAkn}. */
export interface AknOptions {
  /** ISO date-time of the export (the manifestation date); defaults to the current time. */
  now?: string;
}

interface Node {
  block: ExportBlock;
  children: Node[];
}

/**
 * Blocks (flat, with depths) as a tree. A depth that jumps by more than one nests under the last
 * block; in a compilation, proposed blocks and their sub-paragraphs are skipped (not in the text).
 */
function toTree(blocks: readonly ExportBlock[]): Node[] {
  const roots: Node[] = [];
  const stack: Node[] = [];
  let skipBelow = -1;
  for (const b of blocks) {
    const depth = Math.max(0, Math.floor(Number.isFinite(b.depth) ? b.depth : 0));
    if (skipBelow >= 0 && depth > skipBelow) continue;
    skipBelow = -1;
    if (b.negotiation?.proposedBy) { skipBelow = depth; continue; }
    const node: Node = { block: b, children: [] };
    while (stack.length > depth) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(node);
    else roots.push(node);
    stack.push(node);
  }
  return roots;
}

/** Renders footnotes at their markers and remembers which were placed. */
class Notes {
  private readonly byNumber = new Map<number, ExportFootnote>();
  readonly placed = new Set<number>();

  constructor(footnotes: readonly ExportFootnote[], private readonly eids: EidAllocator) {
    for (const fn of footnotes) if (!this.byNumber.has(fn.number)) this.byNumber.set(fn.number, fn);
  }

  note(number: number, eid: string): string {
    this.placed.add(number);
    const text = this.byNumber.get(number)?.text ?? '';
    const paras = text.split('\n').map((line) => inline('p', [], escText(line)));
    return inline('authorialNote', [['marker', String(number)], ['placement', 'bottom'], ['eId', this.eids.claim(eid)]], paras.join(''));
  }

  /** Footnotes no paragraph marker carried (anchored on the title, or in a left-out block). */
  unplaced(owner: string): string {
    let k = 0;
    let out = '';
    for (const fn of this.byNumber.values()) {
      if (!this.placed.has(fn.number)) out += this.note(fn.number, `${owner}__authorialNote_${++k}`);
    }
    return out;
  }
}

/** A block's inline runs as mixed content: italic opener in `<i>`, footnotes where their markers are. */
function runs(b: ExportBlock, eid: string, notes: Notes): string {
  let out = '';
  let k = 0;
  for (const run of b.inlines) {
    switch (run.kind) {
      case 'text':
        if (run.text !== '') out += run.italic ? inline('i', [], escText(run.text)) : escText(run.text);
        break;
      case 'del': // still in the text until the amendment is adopted
        out += escText(run.text);
        break;
      case 'ins': // not in the text yet
        break;
      case 'footnote':
        out += notes.note(run.number, `${eid}__authorialNote_${++k}`);
        break;
    }
  }
  return out;
}

function num(label: string): string[] {
  return label !== '' ? [inline('num', [], escText(label))] : [];
}

interface Ctx {
  eids: EidAllocator;
  notes: Notes;
}

/** A PP and its sub-paragraphs: recital / item with a `<p>` and a nested blockList. */
function renderItem(node: Node, tag: 'recital' | 'item', ctx: Ctx): string {
  const prefix: EidPrefix = tag;
  const eid = ctx.eids.forParagraph(prefix, node.block.id);
  const children = [...num(node.block.label), inline('p', [], runs(node.block, eid, ctx.notes))];
  if (node.children.length > 0) {
    const items = node.children.map((c) => renderItem(c, 'item', ctx));
    children.push(block('blockList', [['eId', ctx.eids.claim(`${eid}__list`)]], items));
  }
  return block(tag, [['eId', eid]], children);
}

/** An OP or sub-paragraph: paragraph / point with `<content>`, or `<intro>` and a nested list. */
function renderHier(node: Node, tag: 'paragraph' | 'point', ctx: Ctx): string {
  const eid = ctx.eids.forParagraph(tag === 'paragraph' ? 'para' : 'point', node.block.id);
  const text = inline('p', [], runs(node.block, eid, ctx.notes));
  const children = num(node.block.label);
  if (node.children.length === 0) {
    children.push(block('content', [], [text]));
  } else {
    children.push(block('intro', [], [text]));
    const points = node.children.map((c) => renderHier(c, 'point', ctx));
    children.push(block('list', [['eId', ctx.eids.claim(`${eid}__list`)]], points));
  }
  return block(tag, [['eId', eid]], children);
}

/**
 * The Akoma Ntoso 3.0 XML of a document (UTF-8 text with an XML declaration). Pure, never throws;
 * the result validates against akomantoso30.xsd for any document (empty drafts included).
 */
export function renderAkn(doc: ExportDocument, opts: AknOptions = {}): string {
  const eids = new EidAllocator();
  const orgs = allocateOrgs(doc, eids);
  const ctx: Ctx = { eids, notes: new Notes(doc.footnotes, eids) };

  const preamble: string[] = [];
  if (doc.organ !== '') {
    preamble.push(block('formula', [['name', 'enactingFormula'], ['eId', 'enactingFormula']], [inline('p', [], escText(doc.organ))]));
  }
  const recitals = toTree(doc.preamble).map((n) => renderItem(n, 'recital', ctx));
  if (recitals.length > 0) preamble.push(block('recitals', [['eId', 'recitals']], recitals));

  const paragraphs = toTree(doc.operative).map((n) => renderHier(n, 'paragraph', ctx));
  // mainBody may not be empty: a draft without operative paragraphs gets an empty block.
  const mainBody = block('mainBody', [], paragraphs.length > 0 ? paragraphs : [inline('p', [], '')]);

  const preface = renderPreface(doc, orgs, ctx.notes.unplaced('longTitle'));
  const closing = doc.closing !== '' ? [block('conclusions', [], doc.closing.split('\n').map((l) => inline('p', [], escText(l))))] : [];

  const statement = block('statement', [['name', STATEMENT_NAME[doc.kind] ?? STATEMENT_NAME['draft-resolution']]], [
    renderMeta(doc, orgs, generationDate(opts.now)),
    ...(preface ? [preface] : []),
    ...(preamble.length > 0 ? [block('preamble', [], preamble)] : []),
    mainBody,
    ...closing,
  ]);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${block('akomaNtoso', [['xmlns', AKN_NS]], [statement])}\n`;
}

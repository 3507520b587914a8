/**
 * Akoma Ntoso import: the XML that akn.ts writes (or any AKN 3.0 `<statement>` of the same shape) →
 * ResolutionJSON, so an exported draft can be read back. Pure, never throws: malformed XML, a wrong
 * root or namespace, or a document that is not a resolution / decision statement is a refusal with
 * the reason. Paragraph ids come back from the eIds (`para_<id>`…); elements without such an eId get
 * fresh ids. Footnotes are numbered in document order and anchored where their authorialNote stands.
 */
import { DOMParser, type Element, type Node } from '@xmldom/xmldom';
import type { ImportOptions, ImportResult } from '../import/index.ts';
import { newId } from '../resolution/ids.ts';
import type { Footnote, OperativeParagraph, PreambularParagraph, ResolutionJSON, SubParagraph } from '../resolution/types.ts';
import { emptyMasthead } from '../resolution/types.ts';
import { AKN_NS, STATEMENT_NAME, kindOfStatementName, paragraphIdOfEid } from './akn-ids.ts';

/** Larger inputs are refused before parsing (a draft's XML is a few hundred kilobytes). */
const MAX_CHARS = 20_000_000;

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_NODE = 4;

const isAkn = (n: Node, name?: string): n is Element =>
  n.nodeType === ELEMENT_NODE && (n as Element).namespaceURI === AKN_NS && (name === undefined || (n as Element).localName === name);

function kids(el: Element, name?: string): Element[] {
  const out: Element[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) if (isAkn(n, name)) out.push(n);
  return out;
}

function first(el: Element | null, name: string): Element | null {
  return el ? kids(el, name)[0] ?? null : null;
}

/** Descendants named `name` in document order, optionally only those `where` accepts. */
function descendants(el: Element | null, name: string, where: (e: Element) => boolean = () => true): Element[] {
  const out: Element[] = [];
  const walk = (node: Element): void => {
    for (let n = node.firstChild; n; n = n.nextSibling) {
      if (!isAkn(n)) continue;
      if (n.localName === name && where(n)) out.push(n);
      walk(n);
    }
  };
  if (el) walk(el);
  return out;
}

class Reader {
  readonly footnotes: Footnote[] = [];
  readonly warnings: string[] = [];
  private readonly seen = new Set<string>();
  private fresh = 0;

  constructor(private readonly makeId: () => string) {}

  /** Text of an element without its notes (a note's own text, a masthead field). */
  plain(el: Element): string {
    let out = '';
    for (let n = el.firstChild; n; n = n.nextSibling) {
      if (n.nodeType === TEXT_NODE || n.nodeType === CDATA_NODE) out += n.nodeValue ?? '';
      else if (isAkn(n) && n.localName !== 'authorialNote') out += this.plain(n);
    }
    return out;
  }

  /** A note's text: its `<p>` lines joined by newlines. */
  noteText(note: Element): string {
    const ps = kids(note, 'p');
    return ps.length > 0 ? ps.map((p) => this.plain(p)).join('\n') : this.plain(note);
  }

  /** Paragraph text; every authorialNote becomes a footnote anchored at its offset in `paragraphId`. */
  runs(el: Element | null, paragraphId: string): string {
    let out = '';
    const walk = (node: Element): void => {
      for (let n = node.firstChild; n; n = n.nextSibling) {
        if (n.nodeType === TEXT_NODE || n.nodeType === CDATA_NODE) out += n.nodeValue ?? '';
        else if (isAkn(n, 'authorialNote')) this.note(n, paragraphId, paragraphId ? out.length : 0);
        else if (isAkn(n)) walk(n);
      }
    };
    if (el) walk(el);
    return out;
  }

  note(el: Element, paragraphId: string, offset: number): void {
    this.footnotes.push({ number: this.footnotes.length + 1, text: this.noteText(el), paragraphId, offset });
  }

  /** The paragraph id an eId carries; a fresh one when it carries none or repeats one already read. */
  id(el: Element): string {
    const fromEid = paragraphIdOfEid(el.getAttribute('eId') ?? '');
    if (fromEid && !this.seen.has(fromEid)) {
      this.seen.add(fromEid);
      return fromEid;
    }
    this.fresh++;
    let id = this.makeId();
    while (this.seen.has(id)) id = this.makeId();
    this.seen.add(id);
    return id;
  }

  freshWarning(): void {
    if (this.fresh > 0) this.warnings.push(`${this.fresh} paragraph(s) had no Penholder eId (or a repeated one) and were given new ids.`);
  }

  label(el: Element): string {
    const n = first(el, 'num');
    return n ? this.plain(n).trim() : '';
  }

  /** PP sub-paragraphs: blockList / item, nested. */
  items(parent: Element): SubParagraph[] {
    return kids(parent, 'blockList').flatMap((list) => kids(list, 'item')).map((item) => {
      const id = this.id(item);
      return { id, label: this.label(item), text: this.runs(first(item, 'p'), id), subparagraphs: this.items(item) };
    });
  }

  /** OP sub-paragraphs: list / point (or points directly under the paragraph), nested. */
  points(parent: Element): SubParagraph[] {
    const points = kids(parent).flatMap((k) => (k.localName === 'list' ? kids(k, 'point') : k.localName === 'point' ? [k] : []));
    return points.map((point) => {
      const id = this.id(point);
      return { id, label: this.label(point), text: this.hierText(point, id), subparagraphs: this.points(point) };
    });
  }

  /** The words of a paragraph / point: its `<content>` or `<intro>` paragraph. */
  hierText(el: Element, id: string): string {
    const holder = first(el, 'content') ?? first(el, 'intro');
    return this.runs(first(holder, 'p'), id);
  }
}

function refuse(code: 'empty' | 'not-a-resolution' | 'too-large' | 'binary', message: string): ImportResult {
  return { ok: false, code, message };
}

/** Parse the XML; a string is the reason it is not well-formed. */
function parse(xml: string): Element | string {
  const errors: string[] = [];
  try {
    const parser = new DOMParser({
      onError: (level, message) => { if (level !== 'warning') errors.push(message); },
    });
    const doc = parser.parseFromString(xml, 'application/xml');
    if (errors.length > 0) return errors[0];
    return doc.documentElement ?? 'the document has no root element';
  } catch (err) {
    return errors[0] ?? (err instanceof Error ? err.message : String(err));
  }
}

function mastheadOf(preface: Element | null, r: Reader): Partial<ResolutionJSON> {
  const one = (name: string, where?: (e: Element) => boolean): string => {
    const el = descendants(preface, name, where)[0];
    return el ? r.plain(el) : '';
  };
  const named = (value: string) => (e: Element): boolean => e.getAttribute('name') === value;
  const adoption = descendants(preface, 'container', named('adoptionNote'))[0];
  const inAdditional = (e: Element): boolean => {
    for (let n = e.parentNode; n && n.nodeType === ELEMENT_NODE; n = n.parentNode) {
      if ((n as Element).getAttribute('class') === 'additionalSponsors') return true;
    }
    return false;
  };
  const additional = descendants(preface, 'docProponent', inAdditional).map((e) => r.plain(e).trim());
  if (additional.length > 0) {
    r.warnings.push(`Additional sponsors are listed apart and not on the sponsor line: ${additional.join(', ')}.`);
  }
  return {
    symbol: one('docNumber'),
    distribution: one('docStatus'),
    date: one('docDate') || one('inline', named('date')),
    originalLanguage: one('inline', named('originalLanguage')),
    session: one('session'),
    organName: one('docAuthority'),
    committee: one('docCommittee'),
    agendaItem: one('inline', named('agendaItem')),
    agendaTitle: one('inline', named('agendaTitle')),
    adoptionNote: adoption ? kids(adoption, 'p').map((p) => r.plain(p)).join('\n') : '',
    sponsors: descendants(preface, 'docProponent', (e) => !inAdditional(e)).map((e) => r.plain(e).trim()).filter((s) => s !== ''),
    title: one('docTitle'),
  };
}

/** Top-level paragraphs of the main body, also when wrapped in sections or hcontainers. */
function topParagraphs(el: Element): Element[] {
  return kids(el).flatMap((k) => (k.localName === 'paragraph' ? [k] : k.localName === 'p' ? [] : topParagraphs(k)));
}

function run(xml: string, options: ImportOptions): ImportResult {
  if (typeof xml !== 'string' || xml.trim() === '') return refuse('empty', 'The Akoma Ntoso document is empty.');
  if (xml.length > MAX_CHARS) return refuse('too-large', `The Akoma Ntoso document is too large (${xml.length} characters; at most ${MAX_CHARS}).`);
  if (xml.includes('\u0000')) return refuse('binary', 'This is not XML text: it contains NUL bytes (a binary file?).');

  const root = parse(xml);
  if (typeof root === 'string') return refuse('not-a-resolution', `The XML is not well-formed: ${root.trim()}`);
  if (root.localName !== 'akomaNtoso') {
    return refuse('not-a-resolution', `This is not Akoma Ntoso: the root element is <${root.localName ?? root.nodeName}>, not <akomaNtoso>.`);
  }
  if (root.namespaceURI !== AKN_NS) {
    return refuse('not-a-resolution', `The <akomaNtoso> element is in the namespace "${root.namespaceURI ?? ''}", not the Akoma Ntoso 3.0 namespace "${AKN_NS}".`);
  }
  const doc = kids(root)[0];
  if (!doc) return refuse('not-a-resolution', 'The <akomaNtoso> element holds no document.');
  if (doc.localName !== 'statement') {
    return refuse('not-a-resolution', `The Akoma Ntoso document is a <${doc.localName}>, not a <statement> (a resolution or decision).`);
  }
  const name = doc.getAttribute('name') ?? '';
  const kind = kindOfStatementName(name);
  if (!kind) {
    const known = Object.values(STATEMENT_NAME).map((n) => `"${n}"`).join(', ');
    return refuse('not-a-resolution', `The statement is named "${name}"; only ${known} are resolutions or decisions.`);
  }
  const mainBody = first(doc, 'mainBody');
  if (!mainBody) return refuse('not-a-resolution', 'The statement has no <mainBody>.');

  const r = new Reader(options.newId ?? ((): string => newId()));
  const preface = first(doc, 'preface');
  const masthead = mastheadOf(preface, r);
  for (const note of descendants(preface, 'authorialNote')) r.note(note, '', 0);

  const preamble = first(doc, 'preamble');
  const formula = descendants(preamble, 'formula', (e) => e.getAttribute('name') === 'enactingFormula')[0];
  const pps: PreambularParagraph[] = descendants(preamble, 'recital').map((recital) => {
    const id = r.id(recital);
    return { id, text: r.runs(first(recital, 'p'), id), subparagraphs: r.items(recital) };
  });
  const ops: OperativeParagraph[] = topParagraphs(mainBody).map((para, index) => {
    const id = r.id(para);
    // OP numbers are derived from the order, as in the editor; the printed <num> is only a label.
    return { id, number: index + 1, text: r.hierText(para, id), subparagraphs: r.points(para) };
  });
  const conclusions = first(doc, 'conclusions');
  r.freshWarning();
  if (pps.length === 0 && ops.length === 0) r.warnings.push('The statement has no preambular or operative paragraphs.');

  const resolution: ResolutionJSON = {
    ...emptyMasthead(),
    ...masthead,
    kind,
    sponsors: masthead.sponsors ?? [],
    title: masthead.title ?? '',
    organ: formula ? kids(formula, 'p').map((p) => r.plain(p)).join('\n') : '',
    preamble: pps,
    operative: ops,
    footnotes: r.footnotes,
    closing: conclusions ? kids(conclusions, 'p').map((p) => r.plain(p)).join('\n') : '',
  };
  return { ok: true, resolution, warnings: r.warnings };
}

/**
 * Read an Akoma Ntoso 3.0 statement back into a ResolutionJSON. Never throws: a refusal says why
 * (empty input, malformed XML, wrong root element or namespace, not a resolution / decision).
 */
export function importAkn(xml: string, options: ImportOptions = {}): ImportResult {
  try {
    return run(xml, options);
  } catch (err) {
    return refuse('not-a-resolution', `The Akoma Ntoso importer failed on this document: ${err instanceof Error ? err.message : String(err)}`);
  }
}

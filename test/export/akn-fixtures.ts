/**
 * TEST SUPPORT for the Akoma Ntoso tests (shared/export/akn*.test.ts, test/export/akn-validate.test.ts):
 * a draft with sub-sub-paragraphs and footnotes in sub-paragraphs and on the title, a negotiation
 * layer for a compilation, and DOM helpers over the exported XML.
 */
import { DOMParser, type Element } from '@xmldom/xmldom';
import type { Amendment } from '../../shared/negotiation/read.ts';
import { emptyMasthead, type ResolutionJSON } from '../../shared/resolution/types.ts';
import { AKN_NS, paragraphIdOfEid } from '../../shared/export/akn-ids.ts';
import type { NegotiationLayer } from '../../shared/export/compilation.ts';

/** An L-document draft: PP sub-paragraphs, OP sub-sub-paragraphs, footnotes in PPs, OPs, sub-paragraphs and on the title. */
export function deepDraft(over: Partial<ResolutionJSON> = {}): ResolutionJSON {
  return {
    ...emptyMasthead(),
    symbol: 'A/C.3/79/L.42',
    distribution: 'Limited',
    date: '12 October 2023',
    originalLanguage: 'English',
    session: 'Seventy-ninth session',
    organName: 'General Assembly',
    committee: 'Third Committee',
    agendaItem: '71 (b)',
    agendaTitle: 'Promotion and protection of human rights',
    kind: 'draft-resolution',
    sponsors: ['Norway', 'Brazil', "Côte d'Ivoire", 'Kenya'],
    title: 'Safety of journalists',
    organ: 'The General Assembly,',
    preamble: [
      { id: 'pp1', text: 'Recalling its resolution 78/1 of 1 December 2023,', subparagraphs: [] },
      {
        id: 'pp2', text: 'Bearing in mind the following:', subparagraphs: [
          { id: 'pp2a', label: '(a)', text: 'the Charter of the United Nations;', subparagraphs: [] },
          { id: 'pp2b', label: '(b)', text: 'the Universal Declaration of Human Rights,', subparagraphs: [] },
        ],
      },
    ],
    operative: [
      { id: 'op1', number: 1, text: 'Welcomes the report of the Secretary-General;', subparagraphs: [] },
      {
        id: 'op2', number: 2, text: 'Calls upon States:', subparagraphs: [
          {
            id: 'op2a', label: '(a)', text: 'To cooperate closely, in particular:', subparagraphs: [
              { id: 'op2ai', label: '(i)', text: 'Bilaterally;', subparagraphs: [] },
              { id: 'op2aii', label: '(ii)', text: 'Within regional organizations;', subparagraphs: [] },
            ],
          },
          { id: 'op2b', label: '(b)', text: 'To report regularly;', subparagraphs: [] },
        ],
      },
      { id: 'op3', number: 3, text: 'Decides to remain seized of the matter.', subparagraphs: [] },
    ],
    footnotes: [
      { number: 1, text: 'As defined in A/79/1.', paragraphId: '', offset: 0 },
      { number: 2, text: 'Official Records of the General Assembly, Seventy-eighth Session.', paragraphId: 'pp1', offset: 29 },
      { number: 3, text: 'General Assembly resolution 217 A (III).', paragraphId: 'pp2b', offset: 41 },
      { number: 4, text: 'A/79/100.', paragraphId: 'op1', offset: 44 },
      { number: 5, text: 'See A/79/200.', paragraphId: 'op2ai', offset: 11 },
      { number: 6, text: 'Including the African Union;\nand the European Union.', paragraphId: 'op2aii', offset: 30 },
    ],
    closing: '',
    ...over,
  };
}

/** A pending amendment with defaults. */
export function amendment(over: Partial<Amendment> & Pick<Amendment, 'id' | 'author' | 'kind'>): Amendment {
  return {
    target: '', after: '', paragraphKind: 'operative', level: 0, baseText: '', rationale: '', status: 'proposed',
    createdAt: '2024-10-20T10:00:00Z', updatedAt: '2024-10-20T10:00:00Z', text: '', cosigners: [],
    ...over,
  };
}

/** Negotiation on deepDraft: a rewording of OP1 (Brazil), a new OP after OP1 (Chile + Peru), a deletion of OP3 (Kenya). */
export function deepLayer(): NegotiationLayer {
  const at = '2024-10-20T10:00:00Z';
  return {
    amendments: [
      amendment({ id: 'am1', author: 'Brazil', kind: 'wording', target: 'op1', baseText: 'Welcomes the report of the Secretary-General;',
        text: 'Welcomes the annual report of the Secretary-General;' }),
      amendment({ id: 'am2', author: 'Chile', kind: 'insert', after: 'op1', text: 'Encourages regional cooperation;', cosigners: ['Peru'] }),
      amendment({ id: 'am3', author: 'Kenya', kind: 'delete', target: 'op3' }),
    ],
    statuses: { op2: { status: 'bracketed', by: 'Chair', at } },
    positions: [{ targetId: 'op1', delegation: 'Norway', entry: { stance: 'support', note: '', at } }],
  };
}

/** The root element of exported XML (throws on malformed XML: a test failure). */
export function parseXml(xml: string): Element {
  const errors: string[] = [];
  const doc = new DOMParser({ onError: (level, msg) => { if (level !== 'warning') errors.push(msg); } }).parseFromString(xml, 'application/xml');
  if (errors.length > 0 || !doc.documentElement) throw new Error(`malformed XML: ${errors.join('; ')}`);
  return doc.documentElement;
}

/** All AKN elements named `name` under `root`, in document order. */
export function all(root: Element, name: string): Element[] {
  return Array.from(root.getElementsByTagNameNS(AKN_NS, name));
}

/** Every eId in the document. */
export function eIds(root: Element): string[] {
  const out: string[] = [];
  const walk = (el: Element): void => {
    const eid = el.getAttribute('eId');
    if (eid !== null) out.push(eid);
    for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 1) walk(n as Element);
  };
  walk(root);
  return out;
}

/** The eId of the element carrying paragraph `id` (recital, item, paragraph or point). */
export function eIdByParagraph(root: Element): Map<string, string> {
  const out = new Map<string, string>();
  for (const eid of eIds(root)) {
    const id = paragraphIdOfEid(eid);
    if (id !== null) out.set(id, eid);
  }
  return out;
}

/** Text of an element without the authorial notes inside it. */
export function plain(el: Element): string {
  let out = '';
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 3) out += n.nodeValue ?? '';
    else if (n.nodeType === 1 && (n as Element).localName !== 'authorialNote') out += plain(n as Element);
  }
  return out;
}

/** Offsets (in the note-free text) where the authorial notes inside `el` stand. */
export function noteOffsets(el: Element): number[] {
  const out: number[] = [];
  let at = 0;
  const walk = (node: Element): void => {
    for (let n = node.firstChild; n; n = n.nextSibling) {
      if (n.nodeType === 3) at += (n.nodeValue ?? '').length;
      else if (n.nodeType === 1 && (n as Element).localName === 'authorialNote') out.push(at);
      else if (n.nodeType === 1) walk(n as Element);
    }
  };
  walk(el);
  return out;
}

/**
 * TEST SUPPORT for the export tests (shared/export/*.test.ts, test/export/*.test.ts): the sample drafts,
 * the negotiation layers on them, the L.11 corpus draft with pending proposals, and helpers that open
 * what an export wrote (DOCX parts, Akoma Ntoso XML).
 */
import { DOMParser, type Element } from '@xmldom/xmldom';
import { strFromU8, unzipSync } from 'fflate';
import { AKN_NS, paragraphIdOfEid } from '../../shared/export/akn-ids.ts';
import { buildExportDocument } from '../../shared/export/build.ts';
import { compileNegotiation, type NegotiationLayer } from '../../shared/export/compilation.ts';
import type { ExportDocument } from '../../shared/export/document.ts';
import { importResolution } from '../../shared/import/index.ts';
import type { StatusEntry } from '../../shared/negotiation/layout.ts';
import type { Amendment, PositionRecord } from '../../shared/negotiation/read.ts';
import {
  emptyMasthead, type Footnote, type OperativeParagraph, type PreambularParagraph, type ResolutionJSON, type SubParagraph,
} from '../../shared/resolution/types.ts';
import { corpusText } from '../fixtures/corpus.ts';

export const L11_SYMBOL = 'A/C.1/78/L.11';
const AT = '2024-10-20T10:00:00Z';

// Paragraph-tree builders, so each draft below reads as its outline.
export const pp = (id: string, text: string, ...subparagraphs: SubParagraph[]): PreambularParagraph => ({ id, text, subparagraphs });
export const op = (id: string, number: number, text: string, ...subparagraphs: SubParagraph[]): OperativeParagraph =>
  ({ id, number, text, subparagraphs });
export const sub = (id: string, label: string, text: string, ...subparagraphs: SubParagraph[]): SubParagraph =>
  ({ id, label, text, subparagraphs });
export const note = (number: number, text: string, paragraphId: string, offset: number): Footnote => ({ number, text, paragraphId, offset });

/** A draft resolution with an empty masthead and body, then `fields`. */
export function draft(fields: Partial<ResolutionJSON> = {}): ResolutionJSON {
  return {
    ...emptyMasthead(), kind: 'draft-resolution', sponsors: [], title: '', organ: '',
    preamble: [], operative: [], footnotes: [], closing: '', ...fields,
  };
}

/** A short First Committee L-document: a PP sub-paragraph, OPs two deep, footnotes in PP1 and OP1. */
export function sampleDraft(over: Partial<ResolutionJSON> = {}): ResolutionJSON {
  return draft({
    symbol: 'A/C.1/79/L.7', distribution: 'Limited', date: '14 October 2024', originalLanguage: 'English',
    session: 'Seventy-ninth session', organName: 'General Assembly', committee: 'First Committee',
    agendaItem: '98', agendaTitle: 'General and complete disarmament',
    sponsors: ['Norway', 'Brazil', 'Kenya'],
    title: 'Cooperation on testing',
    organ: 'The General Assembly,',
    preamble: [
      pp('pp1', 'Recalling its resolution 78/1 of 1 December 2023,'),
      pp('pp2', 'Bearing in mind the following:', sub('pp2a', '(a)', 'the Charter;')),
    ],
    operative: [
      op('op1', 1, 'Welcomes the report of the Secretary-General;'),
      op('op2', 2, 'Calls upon States to:',
        sub('op2a', '(a)', 'Cooperate closely;', sub('op2ai', '(i)', 'Bilaterally;')),
        sub('op2b', '(b)', 'Report regularly;')),
      op('op3', 3, 'Decides to remain seized of the matter.'),
    ],
    footnotes: [
      note(1, 'Official Records of the General Assembly, Seventy-eighth Session.', 'pp1', 29),
      note(2, 'A/79/100.', 'op1', 44),
    ],
    ...over,
  });
}

/** sampleDraft with a third footnote, on the title. */
export function smallDraft(over: Partial<ResolutionJSON> = {}): ResolutionJSON {
  const { footnotes } = sampleDraft();
  return sampleDraft({ footnotes: [...footnotes, note(3, 'Circulated in all official languages.', '', 0)], ...over });
}

/** A Third Committee draft: PP sub-paragraphs, OP sub-sub-paragraphs, footnotes in PPs, OPs, sub-paragraphs and on the title. */
export function deepDraft(over: Partial<ResolutionJSON> = {}): ResolutionJSON {
  return sampleDraft({
    symbol: 'A/C.3/79/L.42', date: '12 October 2023', committee: 'Third Committee',
    agendaItem: '71 (b)', agendaTitle: 'Promotion and protection of human rights',
    sponsors: ['Norway', 'Brazil', "Côte d'Ivoire", 'Kenya'],
    title: 'Safety of journalists',
    preamble: [
      pp('pp1', 'Recalling its resolution 78/1 of 1 December 2023,'),
      pp('pp2', 'Bearing in mind the following:',
        sub('pp2a', '(a)', 'the Charter of the United Nations;'),
        sub('pp2b', '(b)', 'the Universal Declaration of Human Rights,')),
    ],
    operative: [
      op('op1', 1, 'Welcomes the report of the Secretary-General;'),
      op('op2', 2, 'Calls upon States:',
        sub('op2a', '(a)', 'To cooperate closely, in particular:',
          sub('op2ai', '(i)', 'Bilaterally;'),
          sub('op2aii', '(ii)', 'Within regional organizations;')),
        sub('op2b', '(b)', 'To report regularly;')),
      op('op3', 3, 'Decides to remain seized of the matter.'),
    ],
    footnotes: [
      note(1, 'As defined in A/79/1.', '', 0),
      note(2, 'Official Records of the General Assembly, Seventy-eighth Session.', 'pp1', 29),
      note(3, 'General Assembly resolution 217 A (III).', 'pp2b', 41),
      note(4, 'A/79/100.', 'op1', 44),
      note(5, 'See A/79/200.', 'op2ai', 11),
      note(6, 'Including the African Union;\nand the European Union.', 'op2aii', 30),
    ],
    ...over,
  });
}

/** A pending amendment with defaults filled in. */
export function amendment(over: Partial<Amendment> & Pick<Amendment, 'id' | 'author' | 'kind'>): Amendment {
  return {
    target: '', after: '', paragraphKind: 'operative', level: 0, baseText: '', rationale: '', status: 'proposed',
    createdAt: AT, updatedAt: AT, text: '', cosigners: [], ...over,
  };
}

export const position = (targetId: string, delegation: string, stance: PositionRecord['entry']['stance']): PositionRecord =>
  ({ targetId, delegation, entry: { stance, note: '', at: AT } });

const status = (s: StatusEntry['status']): StatusEntry => ({ status: s, by: 'Chair', at: AT });

// The proposals the layers below share, on paragraphs every sample draft has.
const brazilRewordsOp1 = (rationale: string): Amendment => amendment({
  id: 'am1', author: 'Brazil', kind: 'wording', target: 'op1', text: 'Welcomes the annual report of the Secretary-General;',
  baseText: 'Welcomes the report of the Secretary-General;', rationale,
});
const chileAddsOp1Bis = (cosigners: string[]): Amendment =>
  amendment({ id: 'am2', author: 'Chile', kind: 'insert', after: 'op1', text: 'Encourages regional cooperation;', cosigners });
const kenyaDeletesOp3 = (): Amendment => amendment({ id: 'am3', author: 'Kenya', kind: 'delete', target: 'op3' });

interface Layer { amendments: Amendment[]; statuses: Record<string, StatusEntry>; positions: PositionRecord[] }

function sampleLayerWith(chileCosigners: string[]): Layer {
  return {
    amendments: [
      brazilRewordsOp1('Precision.'), chileAddsOp1Bis(chileCosigners), kenyaDeletesOp3(),
      amendment({ id: 'am4', author: 'Egypt', kind: 'move', target: 'op3', after: 'op1' }),
    ],
    statuses: { op2: status('bracketed'), op1: status('agreed-ad-ref') },
    positions: [
      position('op1', 'Norway', 'support'), position('op1', 'Argentina', 'support'), position('op1', 'Cuba', 'oppose'),
      position('op1', 'Fiji', 'none'),
    ],
  };
}

/**
 * Negotiation on sampleDraft: Brazil rewords OP1, Chile (with Peru) proposes a new OP after OP1, Kenya
 * would delete OP3, Egypt would move OP3 after OP1; OP2 is bracketed and OP1 agreed ad ref.
 */
export function sampleLayer(): NegotiationLayer {
  return sampleLayerWith(['Peru']);
}

/** sampleLayer with Fiji co-signing Chile's OP1 bis, Peru supporting it, and PP1 agreed. */
export function smallLayer(): NegotiationLayer {
  const base = sampleLayerWith(['Fiji', 'Peru']);
  return { ...base, statuses: { ...base.statuses, pp1: status('agreed') }, positions: [...base.positions, position('am2', 'Peru', 'support')] };
}

/** Negotiation on deepDraft: a rewording of OP1 (Brazil), a new OP after OP1 (Chile + Peru), a deletion of OP3 (Kenya). */
export function deepLayer(): NegotiationLayer {
  return {
    amendments: [brazilRewordsOp1(''), chileAddsOp1Bis(['Peru']), kenyaDeletesOp3()],
    statuses: { op2: status('bracketed') },
    positions: [position('op1', 'Norway', 'support')],
  };
}

/** smallDraft compiled with smallLayer. */
export function smallCompilation(): ExportDocument {
  return compileNegotiation(buildExportDocument({ resolution: smallDraft() }), smallLayer());
}

/** The L.11 corpus draft as imported, with the symbol the secretariat sets. */
export function l11(): ResolutionJSON {
  const imported = importResolution(corpusText('A-C.1-78-L.11'));
  if (!imported.ok) throw new Error(`corpus L.11 does not import: ${imported.message}`);
  return { ...imported.resolution, symbol: L11_SYMBOL };
}

/**
 * L.11 with pending proposals: Norway rewords OP1, Brazil (with Chile) proposes OP5 bis, Cuba would
 * delete OP9; OP5 bracketed, OP1 agreed ad ref; positions on OP1.
 */
export function l11Compilation(): ExportDocument {
  const base = buildExportDocument({ resolution: l11() });
  const ops = base.operative.filter((b) => b.depth === 0);
  const [op1, op5, op9] = [ops[0], ops[4], ops[8]];
  return compileNegotiation(base, {
    amendments: [
      amendment({ id: 'am-w', author: 'Norway', kind: 'wording', target: op1.id, baseText: op1.text, text: op1.text.replace('Supports', 'Strongly supports') }),
      amendment({ id: 'am-bis', author: 'Brazil', kind: 'insert', after: op5.id, text: 'Stresses the importance of capacity-building for all States;', cosigners: ['Chile'] }),
      amendment({ id: 'am-del', author: 'Cuba', kind: 'delete', target: op9.id, baseText: op9.text }),
    ],
    statuses: { [op5.id]: status('bracketed'), [op1.id]: status('agreed-ad-ref') },
    positions: [position(op1.id, 'Kenya', 'support'), position(op1.id, 'Mexico', 'support'), position(op1.id, 'Peru', 'oppose')],
  });
}

/** The text parts of a DOCX (XML and relationships), by part name. Throws if the bytes are not a zip. */
export function unzipDocx(bytes: Uint8Array): Map<string, string> {
  const files = unzipSync(bytes);
  const out = new Map<string, string>();
  for (const [name, data] of Object.entries(files)) out.set(name, strFromU8(data));
  return out;
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

import { describe, expect, it } from 'vitest';
import type { Element } from '@xmldom/xmldom';
import { all, deepDraft, deepLayer, eIdByParagraph, eIds, noteOffsets, parseXml, plain } from '../../test/export/fixtures.ts';
import { emptyMasthead, type ResolutionJSON } from '../resolution/types.ts';
import { AKN_NS, camelName, decodeIdPart, encodeIdPart, isoDate, paragraphIdOfEid, symbolSegment } from './akn-ids.ts';
import { renderAkn } from './akn.ts';
import { buildExportDocument } from './build.ts';
import { compileNegotiation } from './compilation.ts';

const NOW = '2024-11-02T09:30:00Z';
const NCNAME = /^[A-Za-z_][A-Za-z0-9._-]*$/;

const render = (res: ResolutionJSON, revision?: number): string => renderAkn(buildExportDocument({ resolution: res, revision }), { now: NOW });
const text = (el: Element | undefined): string => el?.textContent ?? '';
const attr = (root: Element, name: string, attribute: string): string[] => all(root, name).map((e) => e.getAttribute(attribute) ?? '');

describe('renderAkn: structure', () => {
  const root = parseXml(render(deepDraft()));

  it('is an AKN 3.0 statement named after the kind', () => {
    expect(root.localName).toBe('akomaNtoso');
    expect(root.namespaceURI).toBe(AKN_NS);
    expect(attr(root, 'statement', 'name')).toEqual(['resolutionDraft']);
    const adopted = (kind: ResolutionJSON['kind']): string[] => attr(parseXml(render(deepDraft({ kind }))), 'statement', 'name');
    expect(adopted('resolution')).toEqual(['resolution']);
    expect(adopted('draft-decision')).toEqual(['decisionDraft']);
    expect(adopted('decision')).toEqual(['decision']);
  });

  it('identifies the work, expression and manifestation from the symbol', () => {
    expect(attr(root, 'identification', 'source')).toEqual(['#penholder']);
    expect(attr(root, 'FRBRuri', 'value')).toEqual([
      '/akn/un/statement/resolutionDraft/A-C.3-79-L.42',
      '/akn/un/statement/resolutionDraft/A-C.3-79-L.42/eng@',
      '/akn/un/statement/resolutionDraft/A-C.3-79-L.42/eng@.akn',
    ]);
    expect(attr(root, 'FRBRthis', 'value')[0]).toBe('/akn/un/statement/resolutionDraft/A-C.3-79-L.42/!main');
    expect(attr(root, 'FRBRdate', 'date')).toEqual(['2023-10-12', '2023-10-12', '2024-11-02']);
    expect(attr(root, 'FRBRcountry', 'value')).toEqual(['un']);
    expect(attr(root, 'FRBRlanguage', 'language')).toEqual(['eng']);
    expect(attr(root, 'FRBRnumber', 'value')).toEqual(['A/C.3/79/L.42']);
    expect(attr(root, 'FRBRauthor', 'href')).toEqual(['#generalAssembly', '#generalAssembly', '#penholder']);
  });

  it('references a TLCOrganization per sponsor, the organ, the committee and the penholder', () => {
    const orgs = all(root, 'TLCOrganization').map((e) => [e.getAttribute('eId'), e.getAttribute('showAs')]);
    expect(orgs).toEqual([
      ['generalAssembly', 'General Assembly'], ['thirdCommittee', 'Third Committee'],
      ['brazil', 'Brazil'], ['coteDIvoire', "Côte d'Ivoire"], ['kenya', 'Kenya'], ['norway', 'Norway'],
      ['penholder', 'Penholder'],
    ]);
    // Each docProponent points at its organisation, in the sponsor line's (alphabetical) order.
    const proponents = all(root, 'docProponent').map((e) => [text(e), e.getAttribute('refersTo')]);
    expect(proponents).toEqual([['Brazil', '#brazil'], ["Côte d'Ivoire", '#coteDIvoire'], ['Kenya', '#kenya'], ['Norway', '#norway']]);
  });

  it('prints the masthead in the preface', () => {
    const preface = all(root, 'preface')[0];
    expect(text(all(preface, 'docNumber')[0])).toBe('A/C.3/79/L.42');
    expect(text(all(preface, 'docStatus')[0])).toBe('Limited');
    expect(all(preface, 'docDate').map((e) => [text(e), e.getAttribute('date')])).toEqual([['12 October 2023', '2023-10-12']]);
    expect(text(all(preface, 'session')[0])).toBe('Seventy-ninth session');
    expect(text(all(preface, 'docCommittee')[0])).toBe('Third Committee');
    expect(all(preface, 'docCommittee')[0].getAttribute('refersTo')).toBe('#thirdCommittee');
    expect(text(all(preface, 'docTitle')[0])).toBe('Safety of journalists');
    expect(text(all(preface, 'docType')[0])).toBe('draft resolution');
    const line = all(preface, 'p').find((p) => p.getAttribute('class') === 'sponsorLine');
    expect(text(line)).toBe("Brazil, Côte d'Ivoire, Kenya and Norway: draft resolution");
  });

  it('keeps a date it cannot read as text, without a docDate', () => {
    const r = parseXml(render(deepDraft({ date: 'mid-October 2023' })));
    expect(all(r, 'docDate')).toHaveLength(0);
    expect(all(r, 'inline').filter((e) => e.getAttribute('name') === 'date').map(text)).toEqual(['mid-October 2023']);
    expect(attr(r, 'FRBRdate', 'date')).toEqual(['2024-11-02', '2024-11-02', '2024-11-02']);
  });

  it('puts the organ line in the enacting formula and each PP in a recital with its italic opener', () => {
    const formula = all(root, 'formula')[0];
    expect(formula.getAttribute('name')).toBe('enactingFormula');
    expect(all(formula, 'p').map(text)).toEqual(['The General Assembly,']);
    const recitals = all(root, 'recital');
    expect(recitals.map((r) => r.getAttribute('eId'))).toEqual(['recital_pp1', 'recital_pp2']);
    expect(text(all(recitals[0], 'i')[0])).toBe('Recalling');
    expect(text(all(recitals[1], 'i')[0])).toBe('Bearing in mind');
    expect(all(recitals[1], 'item').map((i) => [i.getAttribute('eId'), text(all(i, 'num')[0])])).toEqual([['item_pp2a', '(a)'], ['item_pp2b', '(b)']]);
  });

  it('numbers OPs and nests sub-paragraphs as list/point', () => {
    const paras = all(root, 'paragraph');
    expect(paras.map((p) => [p.getAttribute('eId'), text(all(p, 'num')[0])])).toEqual([['para_op1', '1.'], ['para_op2', '2.'], ['para_op3', '3.']]);
    expect(text(all(paras[0], 'i')[0])).toBe('Welcomes');
    const op2 = paras[1];
    expect(all(op2, 'intro')).toHaveLength(2); // OP2 and its (a), which has (i) and (ii)
    const points = all(op2, 'point').map((p) => [p.getAttribute('eId'), text(all(p, 'num')[0])]);
    expect(points).toEqual([['point_op2a', '(a)'], ['point_op2ai', '(i)'], ['point_op2aii', '(ii)'], ['point_op2b', '(b)']]);
    const sub = all(op2, 'point')[0];
    expect(all(sub, 'list')).toHaveLength(1);
    expect((all(sub, 'point')[0].parentNode as Element).localName).toBe('list');
  });

  it('writes footnotes as authorial notes at their markers, unanchored ones after the title', () => {
    const notes = all(root, 'authorialNote');
    expect(notes.map((n) => [n.getAttribute('marker'), n.getAttribute('placement')])).toEqual(
      ['1', '2', '3', '4', '5', '6'].map((m) => [m, 'bottom']));
    expect((notes[0].parentNode?.parentNode as Element).localName).toBe('longTitle');
    const pp1 = all(all(root, 'recital')[0], 'p')[0];
    expect(plain(pp1)).toBe('Recalling its resolution 78/1 of 1 December 2023,');
    expect(noteOffsets(pp1)).toEqual([29]);
    const op2aii = all(root, 'point').find((p) => p.getAttribute('eId') === 'point_op2aii') as Element;
    expect(noteOffsets(all(op2aii, 'p')[0])).toEqual([30]);
    const inPoint = all(all(root, 'point').find((p) => p.getAttribute('eId') === 'point_op2aii') as Element, 'authorialNote')[0];
    expect(all(inPoint, 'p').map(text)).toEqual(['Including the African Union;', 'and the European Union.']);
  });

  it('writes the closing lines of an adopted text as conclusions', () => {
    const r = parseXml(render(deepDraft({ kind: 'resolution', closing: '42nd plenary meeting\n4 December 2023' })));
    expect(all(all(r, 'conclusions')[0], 'p').map(text)).toEqual(['42nd plenary meeting', '4 December 2023']);
    expect(all(root, 'conclusions')).toHaveLength(0);
  });
});

describe('renderAkn: revisions', () => {
  it('carries /Rev.N in docNumber, the docType and the expression', () => {
    const r = parseXml(render(deepDraft(), 2));
    expect(text(all(r, 'docNumber')[0])).toBe('A/C.3/79/L.42/Rev.2');
    expect(text(all(r, 'docType')[0])).toBe('revised draft resolution');
    expect(attr(r, 'FRBRuri', 'value')[1]).toBe('/akn/un/statement/resolutionDraft/A-C.3-79-L.42/eng@rev-2');
    expect(attr(r, 'FRBRversionNumber', 'value')).toEqual(['Rev.2']);
    // The work stays the same draft; FRBRnumber is the base symbol.
    expect(attr(r, 'FRBRnumber', 'value')).toEqual(['A/C.3/79/L.42']);
  });
});

describe('renderAkn: eIds', () => {
  it('are unique NCNames, also for repeated paragraph ids and colliding names', () => {
    const res = deepDraft({ sponsors: ['Côte d’Ivoire', "Cote d'Ivoire", 'Sponsors', '123 Island'] });
    res.operative.push({ id: 'op1', number: 4, text: 'Repeats an id.', subparagraphs: [] });
    res.operative.push({ id: 'odd id/with_chars.é', number: 5, text: 'Odd.', subparagraphs: [] });
    const ids = eIds(parseXml(render(res)));
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(NCNAME);
    expect(ids).toContain('para_op1.2');
    expect(paragraphIdOfEid(ids.find((i) => i.startsWith('para_odd')) ?? '')).toBe('odd id/with_chars.é');
  });

  it('stay the same when a paragraph is inserted anywhere', () => {
    const before = eIdByParagraph(parseXml(render(deepDraft())));
    const res = deepDraft();
    res.operative.unshift({ id: 'opNew', number: 1, text: 'Recalls.', subparagraphs: [{ id: 'opNewA', label: '(a)', text: 'x;', subparagraphs: [] }] });
    res.operative.forEach((op, i) => { op.number = i + 1; });
    res.preamble.splice(1, 0, { id: 'ppNew', text: 'Noting,', subparagraphs: [] });
    res.operative[2].subparagraphs.unshift({ id: 'op2z', label: '(a)', text: 'first;', subparagraphs: [] });
    const after = eIdByParagraph(parseXml(render(res)));
    expect(after.size).toBe(before.size + 4);
    for (const [id, eid] of before) expect(after.get(id)).toBe(eid);
    // The labels moved, the eIds did not.
    const root = parseXml(render(res));
    const op2 = all(root, 'paragraph').find((p) => p.getAttribute('eId') === 'para_op2') as Element;
    expect(text(all(op2, 'num')[0])).toBe('3.');
  });

  it('encode any id reversibly', () => {
    for (const id of ['p0001', 'a_b', 'a.b', '_5f_', 'x y', 'é', '😀', '', 'p-1', '__', 'a__list']) {
      const enc = encodeIdPart(id);
      expect(`para_${enc}`).toMatch(NCNAME);
      expect(decodeIdPart(enc)).toBe(id);
    }
    expect(decodeIdPart('bad_zz_')).toBeNull();
  });
});

describe('renderAkn: escaping', () => {
  it('escapes markup, keeps quotes and line breaks, and strips characters XML cannot carry', () => {
    const nasty = 'Tom & Jerry <b>bold</b> "quoted" \'single\' ]]> \u0001bell\u0007 lone\uD800 CR\rhere';
    const res = deepDraft({
      title: nasty,
      sponsors: ['A & B "Union" <x>'],
      closing: 'line1\nline2',
    });
    res.operative[0].text = `Welcomes ${nasty}`;
    res.footnotes = [];
    const xml = render(res);
    expect(xml).not.toMatch(/[\u0001\u0007]/);
    const root = parseXml(xml);
    const clean = 'Tom & Jerry <b>bold</b> "quoted" \'single\' ]]> bell lone CR\rhere';
    expect(text(all(root, 'docTitle')[0])).toBe(clean);
    expect(plain(all(all(root, 'paragraph')[0], 'p')[0])).toBe(`Welcomes ${clean}`);
    expect(all(root, 'TLCOrganization').map((e) => e.getAttribute('showAs'))).toContain('A & B "Union" <x>');
    expect(all(root, 'b')).toHaveLength(0);
  });
});

describe('renderAkn: odd documents', () => {
  it('writes an empty draft as a statement with an empty main body', () => {
    const res: ResolutionJSON = { ...emptyMasthead(), kind: 'draft-resolution', sponsors: [], title: '', organ: '', preamble: [], operative: [], footnotes: [], closing: '' };
    const root = parseXml(renderAkn(buildExportDocument({ resolution: res }), { now: NOW }));
    expect(all(root, 'preface')).toHaveLength(0);
    expect(all(root, 'preamble')).toHaveLength(0);
    expect(all(root, 'mainBody')).toHaveLength(1);
    expect(attr(root, 'FRBRuri', 'value')[0]).toBe('/akn/un/statement/resolutionDraft/unnumbered');
    expect(attr(root, 'FRBRauthor', 'href')[0]).toBe('#penholder');
  });

  it('exports a compilation as its current text: proposed paragraphs and added words left out', () => {
    const doc = compileNegotiation(buildExportDocument({ resolution: deepDraft() }), deepLayer());
    expect(doc.operative.some((b) => b.negotiation?.proposedBy)).toBe(true);
    expect(doc.operative[0].inlines.some((r) => r.kind === 'ins')).toBe(true);
    const root = parseXml(renderAkn(doc, { now: NOW }));
    expect(all(root, 'paragraph').map((p) => p.getAttribute('eId'))).toEqual(['para_op1', 'para_op2', 'para_op3']);
    const op1 = all(all(root, 'paragraph')[0], 'p')[0];
    expect(plain(op1)).toBe('Welcomes the report of the Secretary-General;');
    expect(noteOffsets(op1)).toEqual([44]);
    expect(xmlHas(root, 'Encourages regional cooperation')).toBe(false);
    expect(xmlHas(root, 'annual')).toBe(false);
  });
});

describe('akn-ids helpers', () => {
  it('reads UN dates', () => {
    expect(isoDate('12 October 2023')).toBe('2023-10-12');
    expect(isoDate('4 December 2023')).toBe('2023-12-04');
    expect(isoDate('October 12, 2023')).toBe('2023-10-12');
    expect(isoDate('2024-02-29')).toBe('2024-02-29');
    expect(isoDate('31 February 2023')).toBeNull();
    expect(isoDate('Octember 3 2023')).toBeNull();
    expect(isoDate('')).toBeNull();
  });

  it('names organisations and symbols', () => {
    expect(camelName('Iran (Islamic Republic of)', 'x')).toBe('iranIslamicRepublicOf');
    expect(camelName("Lao People's Democratic Republic", 'x')).toBe('laoPeoplesDemocraticRepublic');
    expect(camelName('Türkiye', 'x')).toBe('turkiye');
    expect(camelName('中国', 'delegation')).toBe('delegation');
    expect(camelName('77 Group', 'delegation')).toBe('delegation_77Group');
    expect(symbolSegment('A/C.1/78/L.11/Rev.1')).toBe('A-C.1-78-L.11-Rev.1');
    expect(symbolSegment('S/RES/2719 (2023)')).toBe('S-RES-2719_(2023)');
    expect(symbolSegment('  ')).toBe('unnumbered');
  });
});

function xmlHas(root: Element, needle: string): boolean {
  return (root.textContent ?? '').includes(needle);
}

import { describe, expect, it } from 'vitest';
import { deepDraft } from '../../test/export/fixtures.ts';
import { sequentialIds } from '../resolution/ids.ts';
import type { ResolutionJSON } from '../resolution/types.ts';
import { AKN_NS } from './akn-ids.ts';
import { importAkn } from './akn-import.ts';
import { renderAkn } from './akn.ts';
import { buildExportDocument } from './build.ts';

const exported = (res: ResolutionJSON, extra: { revision?: number; additionalSponsors?: string[] } = {}): string =>
  renderAkn(buildExportDocument({ resolution: res, ...extra }), { now: '2024-11-02T00:00:00Z' });

function imported(xml: string): ResolutionJSON {
  const r = importAkn(xml);
  if (!r.ok) throw new Error(`import refused: ${r.message}`);
  return r.resolution;
}

/** The draft as the export prints it: sponsors in sponsor-line (alphabetical) order. */
const asPrinted = (res: ResolutionJSON): ResolutionJSON => ({ ...res, sponsors: [...res.sponsors].sort((a, b) => a.localeCompare(b, 'en')) });

describe('importAkn: round trip', () => {
  it('gives back the structure, ids, labels, footnote anchors and masthead', () => {
    const res = deepDraft();
    expect(imported(exported(res))).toEqual(asPrinted(res));
  });

  it('gives back an adopted resolution with its adoption note and closing', () => {
    const res = deepDraft({
      kind: 'resolution', sponsors: [], symbol: 'A/RES/79/12', distribution: 'General',
      adoptionNote: 'Resolution adopted by the General Assembly on 4 December 2023\n[on the report of the Third Committee (A/79/400)]',
      closing: '42nd plenary meeting\n4 December 2023',
    });
    expect(imported(exported(res))).toEqual(res);
  });

  it('gives back decisions, Security Council texts and decimal sub-paragraph labels', () => {
    const decision = deepDraft({ kind: 'draft-decision', organ: '', title: '' });
    expect(imported(exported(decision))).toEqual(asPrinted(decision));
    const council = deepDraft({ organName: 'Security Council', organ: 'The Security Council,', committee: '', session: '', symbol: 'S/2024/835' });
    council.operative[1].subparagraphs = [
      { id: 'd1', label: '2.1', text: 'States should cooperate.', subparagraphs: [{ id: 'd11', label: '2.1.1', text: 'Deeper.', subparagraphs: [] }] },
    ];
    council.footnotes = council.footnotes.filter((f) => !f.paragraphId.startsWith('op2'));
    council.footnotes.forEach((f, i) => { f.number = i + 1; });
    expect(imported(exported(council))).toEqual(asPrinted(council));
  });

  it('reads the revised symbol and keeps additional sponsors off the sponsor line (with a warning)', () => {
    const r = importAkn(exported(deepDraft(), { revision: 1, additionalSponsors: ['Fiji', 'Chile'] }));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.resolution.symbol).toBe('A/C.3/79/L.42/Rev.1');
    expect(r.resolution.sponsors).toEqual(['Brazil', "Côte d'Ivoire", 'Kenya', 'Norway']);
    expect(r.warnings.join(' ')).toMatch(/Additional sponsors.*Chile, Fiji/);
  });

  it('keeps text with markup characters, quotes and line breaks exactly', () => {
    const res = deepDraft({ title: 'A & B <c> "d" \'e\'\nnext line\r' });
    res.operative[0].text = 'Welcomes <i>this</i> & that;\n\tindented';
    res.footnotes = [{ number: 1, text: 'Note with <tags> & "quotes".', paragraphId: 'op1', offset: 8 }];
    expect(imported(exported(res))).toEqual(asPrinted(res));
  });
});

describe('importAkn: AKN written elsewhere', () => {
  const wrap = (body: string, name = 'resolutionDraft'): string =>
    `<akomaNtoso xmlns="${AKN_NS}"><statement name="${name}"><meta/>${body}</statement></akomaNtoso>`;

  it('gives fresh ids to paragraphs without Penholder eIds and numbers OPs in order', () => {
    const xml = wrap('<mainBody><paragraph eId="para_1"><num>7.</num><content><p>Decides;</p></content></paragraph>' +
      '<paragraph><num>8.</num><intro><p>Requests:</p></intro><point eId="x.y"><num>(a)</num><content><p>one</p></content></point></paragraph></mainBody>');
    const r = importAkn(xml, { newId: sequentialIds('n') });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.resolution.operative).toEqual([
      { id: '1', number: 1, text: 'Decides;', subparagraphs: [] },
      { id: 'n0001', number: 2, text: 'Requests:', subparagraphs: [{ id: 'n0002', label: '(a)', text: 'one', subparagraphs: [] }] },
    ]);
    expect(r.warnings.join(' ')).toMatch(/2 paragraph\(s\) had no Penholder eId/);
  });

  it('gives repeated ids fresh ones so ids stay unique', () => {
    const xml = wrap('<mainBody><paragraph eId="para_a"><content><p>x</p></content></paragraph><paragraph eId="para_a.2"><content><p>y</p></content></paragraph></mainBody>');
    const r = importAkn(xml, { newId: sequentialIds('n') });
    expect(r.ok && r.resolution.operative.map((o) => o.id)).toEqual(['a', 'n0001']);
  });
});

describe('importAkn: refusals', () => {
  const refusal = (xml: string): string => {
    const r = importAkn(xml);
    if (r.ok) throw new Error('expected a refusal');
    return `${r.code}: ${r.message}`;
  };

  it('refuses empty input', () => {
    expect(refusal('')).toMatch(/^empty: .*empty/);
    expect(refusal('   \n')).toMatch(/^empty/);
  });

  it('refuses malformed XML with the parser message', () => {
    expect(refusal(`<akomaNtoso xmlns="${AKN_NS}"><statement name="resolution">`)).toMatch(/not well-formed/);
    expect(refusal('<a><b></a>')).toMatch(/not well-formed/);
    expect(refusal('plain text, not XML')).toMatch(/not well-formed/);
    expect(refusal('<a>&undefined;</a>')).toMatch(/not well-formed/);
  });

  it('refuses binary input', () => {
    expect(refusal('<a>\u0000</a>')).toMatch(/^binary/);
  });

  it('refuses the wrong root element or namespace', () => {
    expect(refusal('<html><body/></html>')).toMatch(/root element is <html>, not <akomaNtoso>/);
    expect(refusal('<akomaNtoso><statement name="resolution"/></akomaNtoso>')).toMatch(/namespace "".*not the Akoma Ntoso 3.0/);
    expect(refusal('<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0/WD17"/>')).toMatch(/WD17/);
  });

  it('refuses documents that are not resolution or decision statements', () => {
    expect(refusal(`<akomaNtoso xmlns="${AKN_NS}"><act name="act"><meta/></act></akomaNtoso>`)).toMatch(/is a <act>, not a <statement>/);
    expect(refusal(`<akomaNtoso xmlns="${AKN_NS}"><statement name="report"><meta/><mainBody/></statement></akomaNtoso>`))
      .toMatch(/named "report"; only "resolutionDraft", "resolution", "decisionDraft", "decision"/);
    expect(refusal(`<akomaNtoso xmlns="${AKN_NS}"/>`)).toMatch(/holds no document/);
    expect(refusal(`<akomaNtoso xmlns="${AKN_NS}"><statement name="resolution"><meta/></statement></akomaNtoso>`)).toMatch(/no <mainBody>/);
  });

  it('never throws, whatever it is given', () => {
    const inputs = ['<', '<?xml version="1.0"?>', '<!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>', '\uFEFF<a/>', '<a xmlns:p="u"><p:b/></a>',
      exported(deepDraft()).slice(0, 500), exported(deepDraft()).replace('<mainBody>', '<mainBody><mainBody>')];
    for (const input of inputs) expect(() => importAkn(input)).not.toThrow();
    // A truncated export is malformed; the importer says so instead of reading half a document.
    expect(importAkn(exported(deepDraft()).slice(0, 500)).ok).toBe(false);
  });
});

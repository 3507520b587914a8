import { DOMParser, type Element } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { amendment, sampleDraft, sampleLayer, unzipDocx } from '../../test/export/fixtures.ts';
import { buildExportDocument } from './build.ts';
import { compileNegotiation } from './compilation.ts';
import type { ExportDocument } from './document.ts';
import { renderDocx } from './docx.ts';
import { positionsText } from './docx-compilation.ts';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

interface Run { text: string; italic: boolean; bold: boolean; underline: boolean; strike: boolean; tab: boolean; footnote: number | null }
interface Para { style: string; runs: Run[]; text: string }

const flag = (rPr: Element | undefined, name: string): boolean => {
  const el = rPr?.getElementsByTagNameNS(W, name)[0];
  return el !== undefined && el.getAttributeNS(W, 'val') !== 'false' && el.getAttributeNS(W, 'val') !== 'none';
};

/** The body paragraphs of a WordprocessingML part, with their runs and run formatting. */
function paragraphs(xml: string): Para[] {
  const dom = new DOMParser().parseFromString(xml, 'text/xml');
  const out: Para[] = [];
  const ps = dom.getElementsByTagNameNS(W, 'p');
  for (let i = 0; i < ps.length; i++) {
    const p = ps[i];
    const style = p.getElementsByTagNameNS(W, 'pStyle')[0]?.getAttributeNS(W, 'val') ?? '';
    const runs: Run[] = [];
    const rs = p.getElementsByTagNameNS(W, 'r');
    for (let j = 0; j < rs.length; j++) {
      const r = rs[j];
      const rPr = r.getElementsByTagNameNS(W, 'rPr')[0];
      const ts = r.getElementsByTagNameNS(W, 't');
      let text = '';
      for (let k = 0; k < ts.length; k++) text += ts[k].textContent ?? '';
      const ref = r.getElementsByTagNameNS(W, 'footnoteReference')[0];
      runs.push({
        text, italic: flag(rPr, 'i'), bold: flag(rPr, 'b'), underline: flag(rPr, 'u'), strike: flag(rPr, 'strike'),
        tab: r.getElementsByTagNameNS(W, 'tab').length > 0, footnote: ref ? Number(ref.getAttributeNS(W, 'id')) : null,
      });
    }
    out.push({ style, runs, text: runs.map((r) => r.text).join('') });
  }
  return out;
}

async function render(doc: ExportDocument): Promise<{ parts: Map<string, string>; body: Para[] }> {
  const bytes = await renderDocx(doc);
  expect(bytes).toBeInstanceOf(Uint8Array);
  const parts = unzipDocx(bytes);
  return { parts, body: paragraphs(parts.get('word/document.xml') ?? '') };
}

const find = (body: Para[], start: string): Para => {
  const p = body.find((x) => x.text.includes(start));
  if (!p) throw new Error(`no paragraph with "${start}" in:\n${body.map((x) => x.text).join('\n')}`);
  return p;
};

describe('renderDocx: L-document layout', () => {
  it('is a DOCX package with body, footnotes, headers, footers and styles', async () => {
    const { parts } = await render(buildExportDocument({ resolution: sampleDraft() }));
    for (const name of ['[Content_Types].xml', 'word/document.xml', 'word/footnotes.xml', 'word/styles.xml', 'word/settings.xml']) {
      expect(parts.has(name), name).toBe(true);
    }
    const doc = parts.get('word/document.xml') ?? '';
    expect(doc).toMatch(/<w:pgSz w:w="11906" w:h="16838"/); // A4
    expect(doc).toContain('<w:titlePg'); // page 1 carries the masthead instead of the running header
    expect(parts.get('word/styles.xml')).toContain('Times New Roman');
  });

  it('prints the masthead, agenda lines and the sponsor line with its italic tail', async () => {
    const exportDoc = buildExportDocument({ resolution: sampleDraft() });
    const { body } = await render(exportDoc);
    const texts = body.map((p) => p.text);
    for (const line of ['United Nations', 'A/C.1/79/L.7', 'General Assembly', 'Distr.: Limited', '14 October 2024', 'Original: English',
      'Seventy-ninth session', 'First Committee', 'Agenda item 98']) {
      expect(texts, line).toContain(line);
    }
    expect(find(body, 'General and complete disarmament').runs[0].bold).toBe(true);
    const sponsors = find(body, ': draft resolution');
    expect(sponsors.text).toBe(exportDoc.sponsorLine);
    expect(sponsors.text).toBe('Brazil, Kenya and Norway: draft resolution');
    const names = sponsors.runs.find((r) => r.text === 'Brazil, Kenya and Norway');
    const tail = sponsors.runs.find((r) => r.text === ': draft resolution');
    expect(names?.italic).toBe(false);
    expect(tail?.italic).toBe(true);
    // Order: masthead → sponsor line → bold title → italic organ line.
    const at = (s: string): number => texts.findIndex((t) => t.includes(s));
    expect(at('Distr.: Limited')).toBeLessThan(at(': draft resolution'));
    expect(at(': draft resolution')).toBeLessThan(at('Cooperation on testing'));
    expect(find(body, 'Cooperation on testing').runs[0].bold).toBe(true);
    const organ = find(body, 'The General Assembly,');
    expect(organ.runs[0].italic).toBe(true);
  });

  it('sets PP openers and OP verbs in italic, numbers OPs with a hanging label and labels sub-paragraphs', async () => {
    const { body, parts } = await render(buildExportDocument({ resolution: sampleDraft() }));
    const pp1 = find(body, 'Recalling its resolution');
    expect(pp1.style).toBe('UNPreamble');
    expect(pp1.runs[0]).toMatchObject({ text: 'Recalling', italic: true });
    expect(pp1.runs[1]).toMatchObject({ text: ' its resolution 78/1', italic: false });
    const op2 = find(body, 'Calls upon States to:');
    expect(op2.style).toBe('UNLabelled0');
    expect(op2.runs[0]).toMatchObject({ text: '2.', tab: true });
    expect(op2.runs[1]).toMatchObject({ text: 'Calls upon', italic: true });
    expect(find(body, 'Cooperate closely;')).toMatchObject({ style: 'UNLabelled1', text: '(a)Cooperate closely;' });
    expect(find(body, 'Bilaterally;')).toMatchObject({ style: 'UNLabelled2', text: '(i)Bilaterally;' });
    expect(find(body, 'the Charter;')).toMatchObject({ style: 'UNLabelled1', text: '(a)the Charter;' });
    // The labelled styles hang the label one step left of the text, with a tab stop at the text edge.
    const styles = parts.get('word/styles.xml') ?? '';
    expect(styles).toMatch(/w:styleId="UNLabelled0"[\s\S]*?<w:tab w:val="left" w:pos="1440"\/>[\s\S]*?<w:ind w:left="1440" w:hanging="720"\/>/);
    // Operative paragraphs in order with their numbers.
    const ops = body.filter((p) => p.style === 'UNLabelled0').map((p) => p.runs[0].text);
    expect(ops).toEqual(['1.', '2.', '3.']);
  });

  it('writes real Word footnotes at the markers, with their texts in footnotes.xml', async () => {
    const { body, parts } = await render(buildExportDocument({ resolution: sampleDraft() }));
    const pp1 = find(body, 'Recalling its resolution');
    const refAt = pp1.runs.findIndex((r) => r.footnote === 1);
    expect(pp1.runs.slice(0, refAt).map((r) => r.text).join('')).toBe('Recalling its resolution 78/1');
    const op1 = find(body, 'Welcomes the report');
    expect(op1.runs.find((r) => r.footnote !== null)?.footnote).toBe(2);
    const notes = paragraphs(parts.get('word/footnotes.xml') ?? '').map((p) => p.text.trim());
    expect(notes).toContain('Official Records of the General Assembly, Seventy-eighth Session.');
    expect(notes).toContain('A/79/100.');
    expect(parts.get('word/footnotes.xml')).toMatch(/<w:footnote w:id="2"/);
  });

  it('references footnotes without a paragraph marker from the title, so none is lost', async () => {
    const res = sampleDraft();
    res.footnotes.push({ number: 3, text: 'Issued without formal editing.', paragraphId: '', offset: 0 });
    const { body, parts } = await render(buildExportDocument({ resolution: res }));
    expect(find(body, 'Cooperation on testing').runs.some((r) => r.footnote === 3)).toBe(true);
    expect(paragraphs(parts.get('word/footnotes.xml') ?? '').map((p) => p.text.trim())).toContain('Issued without formal editing.');
  });

  it('puts the symbol in the running headers and page numbers in the footers', async () => {
    const { parts } = await render(buildExportDocument({ resolution: sampleDraft() }));
    const headers = [...parts].filter(([name]) => /^word\/header\d+\.xml$/.test(name)).map(([, xml]) => xml);
    const footers = [...parts].filter(([name]) => /^word\/footer\d+\.xml$/.test(name)).map(([, xml]) => xml);
    expect(headers.filter((h) => h.includes('A/C.1/79/L.7'))).toHaveLength(2); // odd and even pages
    expect(footers.length).toBeGreaterThan(0);
    for (const f of footers) {
      expect(f).toMatch(/PAGE/);
      expect(f).toMatch(/NUMPAGES/);
    }
    expect(parts.get('word/settings.xml')).toContain('evenAndOddHeaders');
  });

  it('prints "/Rev.1", "revised draft resolution" and the additional sponsors apart', async () => {
    const doc = buildExportDocument({ resolution: sampleDraft(), revision: 1, additionalSponsors: ['Fiji', 'Chile'] });
    const { body, parts } = await render(doc);
    expect(body.map((p) => p.text)).toContain('A/C.1/79/L.7/Rev.1');
    const sponsors = find(body, ': revised draft resolution');
    expect(sponsors.runs.find((r) => r.text === ': revised draft resolution')?.italic).toBe(true);
    expect(find(body, 'Additional sponsors:').text).toBe('Additional sponsors: Chile and Fiji');
    expect([...parts.values()].some((xml) => xml.includes('A/C.1/79/L.7/Rev.1</w:t>') && xml.includes('<w:hdr'))).toBe(true);
  });

  it('prints an adopted text without a sponsor line, with its adoption note and closing', async () => {
    const res = sampleDraft({
      kind: 'resolution', symbol: 'A/RES/79/7', distribution: '', sponsors: [],
      adoptionNote: 'Resolution adopted by the General Assembly on 2 December 2024', closing: '45th plenary meeting\n2 December 2024',
    });
    const { body } = await render(buildExportDocument({ resolution: res }));
    const texts = body.map((p) => p.text);
    expect(texts).toContain('Distr.: General');
    expect(texts.some((t) => t.includes('draft resolution'))).toBe(false);
    expect(find(body, 'Resolution adopted by').runs[0].bold).toBe(true);
    expect(texts.slice(-2)).toEqual(['45th plenary meeting', '2 December 2024']);
  });

  it('renders an empty draft without failing', async () => {
    const res = sampleDraft({ symbol: '', preamble: [], operative: [], footnotes: [], sponsors: [], title: '', organ: '' });
    const { body } = await render(buildExportDocument({ resolution: res }));
    expect(body.map((p) => p.text)).toContain('Distr.: Limited');
  });
});

describe('renderDocx: compilation text', () => {
  const compiled = (): ExportDocument => compileNegotiation(buildExportDocument({ resolution: sampleDraft() }), sampleLayer());

  it('shows a pending insertion as an attributed "bis" paragraph with its co-signers', async () => {
    const { body } = await render(compiled());
    const heading = find(body, 'OP1 bis [Chile]');
    expect(heading.text).toBe('OP1 bis [Chile], co-signed by Peru — proposed new paragraph');
    const next = body[body.indexOf(heading) + 1];
    expect(next.runs[0].text).toBe('1 bis.');
    expect(next.text).toContain('Encourages regional cooperation;');
  });

  it('underlines insertions and strikes deletions, each tagged with the delegation', async () => {
    const { body } = await render(compiled());
    const op1 = find(body, 'Welcomes the');
    const ins = op1.runs.find((r) => r.underline);
    expect(ins?.text.trim()).toBe('annual');
    expect(op1.runs[op1.runs.indexOf(ins as Run) + 1].text).toBe(' [Brazil]');
    expect(op1.text).toContain('[agreed ad ref]');

    const doc = compileNegotiation(buildExportDocument({ resolution: sampleDraft() }), {
      ...sampleLayer(),
      amendments: [amendment({ id: 'x', author: 'Cuba', kind: 'wording', target: 'op3', text: 'Decides to remain seized.',
        baseText: 'Decides to remain seized of the matter.' })],
    });
    const op3 = find((await render(doc)).body, 'Decides to remain seized');
    const struck = op3.runs.filter((r) => r.strike).map((r) => r.text).join('');
    expect(struck).toContain('of the matter');
    expect(op3.runs.some((r) => r.text === ' [Cuba]')).toBe(true);
    // A single contiguous edit is tagged once, not once per run.
    expect(op3.runs.filter((r) => r.text === ' [Cuba]')).toHaveLength(1);
  });

  it('brackets bracketed paragraphs, lists proposals under their paragraph and summarises positions', async () => {
    const doc = compiled();
    const { body } = await render(doc);
    const op2 = find(body, 'Calls upon States to:');
    expect(op2.text).toBe('2.[Calls upon States to:] [bracketed]');
    const del = find(body, 'Proposal [Kenya]');
    expect(del.text).toBe('Proposal [Kenya]: delete OP3');
    expect(find(body, 'Proposal [Egypt]').text).toBe('Proposal [Egypt]: move OP3 to follow OP1');
    // The sole wording on OP1 is shown in OP1's own text; its proposal line says so instead of repeating it.
    expect(find(body, 'Proposal [Brazil]').text).toContain('shown in the text above');
    expect(find(body, 'Proposal [Brazil]').text).toContain('Rationale: Precision.');
    const op1 = doc.operative.find((b) => b.id === 'op1');
    expect(op1 && positionsText(op1)).toBe('Positions on OP1: support 2 (Argentina, Norway); oppose 1 (Cuba)');
    expect(find(body, 'Positions on OP1:').runs[0].italic).toBe(true);
    expect(find(body, 'Positions on OP3:').text).toBe('Positions on OP3: none recorded');
  });
});

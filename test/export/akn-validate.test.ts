/**
 * Every Akoma Ntoso export validates against the OASIS schema (xmllint, no network), and importing
 * the XML back gives the structure the text importer gave. The XML files are kept in
 * test-artifacts/akn/ for inspection.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importAkn } from '../../shared/export/akn-import.ts';
import { renderAkn } from '../../shared/export/akn.ts';
import { buildExportDocument } from '../../shared/export/build.ts';
import { compileNegotiation } from '../../shared/export/compilation.ts';
import type { ExportDocument } from '../../shared/export/document.ts';
import { importResolution } from '../../shared/import/index.ts';
import { emptyMasthead, type ResolutionJSON } from '../../shared/resolution/types.ts';
import { CORPUS_RESOLUTIONS, corpusText, handwrittenText } from '../fixtures/corpus.ts';
import { aknSchemaPath, validateAkn } from '../helpers/akn-schema.ts';
import { all, deepDraft, deepLayer, parseXml } from './fixtures.ts';

const ARTIFACTS = fileURLToPath(new URL('../../test-artifacts/akn', import.meta.url));
const NOW = '2024-11-02T09:30:00Z';

function fromText(text: string): ResolutionJSON {
  const r = importResolution(text);
  if (!r.ok) throw new Error(`fixture does not import: ${r.message}`);
  return r.resolution;
}

const sortedSponsors = (res: ResolutionJSON): ResolutionJSON => ({ ...res, sponsors: [...res.sponsors].sort((a, b) => a.localeCompare(b, 'en')) });

function expectValid(doc: ExportDocument, name: string): string {
  const xml = renderAkn(doc, { now: NOW });
  const result = validateAkn(xml, name, ARTIFACTS);
  expect(result.output, `${name}.xml should validate`).toMatch(/validates$/);
  expect(result.ok, result.output).toBe(true);
  return xml;
}

describe('Akoma Ntoso export against akomantoso30.xsd', () => {
  beforeAll(() => {
    aknSchemaPath(); // fails the suite with the places looked in when the schema is missing
  });

  it('rejects an invalid document (the validator really validates)', () => {
    const xml = renderAkn(buildExportDocument({ resolution: deepDraft() }), { now: NOW }).replace('<content>', '<content><bogus/>');
    const result = validateAkn(xml, 'negative-control', ARTIFACTS);
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(/bogus/);
  });

  for (const name of CORPUS_RESOLUTIONS) {
    it(`validates and round-trips corpus ${name}`, () => {
      const res = fromText(corpusText(name));
      const xml = expectValid(buildExportDocument({ resolution: res }), `corpus-${name}`);
      const back = importAkn(xml);
      expect(back.ok && back.warnings).toEqual([]);
      if (!back.ok) return;
      // The corpus sponsor lines are already alphabetical, so even the sponsor order comes back.
      expect(back.resolution).toEqual(res);
    });
  }

  it('validates a Rev.1 export carrying /Rev.1 and "revised draft resolution"', () => {
    const res = { ...fromText(corpusText('A-C.1-78-L.11')), symbol: 'A/C.1/78/L.11' };
    const xml = expectValid(buildExportDocument({ resolution: res, revision: 1 }), 'L.11-Rev.1');
    const root = parseXml(xml);
    expect(all(root, 'docNumber').map((e) => e.textContent)).toEqual(['A/C.1/78/L.11/Rev.1']);
    expect(all(root, 'docType').map((e) => e.textContent)).toEqual(['revised draft resolution']);
    const back = importAkn(xml);
    expect(back.ok && back.resolution).toEqual({ ...res, symbol: 'A/C.1/78/L.11/Rev.1' });
  });

  it('validates a draft with sub-sub-paragraphs, footnotes in sub-paragraphs and on the title, and additional sponsors', () => {
    const res = deepDraft();
    const xml = expectValid(buildExportDocument({ resolution: res, additionalSponsors: ['Fiji', 'Chile'] }), 'deep-draft');
    const back = importAkn(xml);
    expect(back.ok && back.resolution).toEqual(sortedSponsors(res));
  });

  it('validates and round-trips a Security Council draft', () => {
    const res = fromText(handwrittenText('S-2024-835-clean.txt'));
    expect(res.organ).toBe('The Security Council,');
    const xml = expectValid(buildExportDocument({ resolution: res }), 'S-2024-835');
    expect(all(parseXml(xml), 'formula').map((f) => f.textContent?.trim())).toEqual(['The Security Council,']);
    const back = importAkn(xml);
    expect(back.ok && back.resolution).toEqual(sortedSponsors(res));
  });

  it('validates and round-trips an adopted Security Council resolution and a raw L-document', () => {
    for (const [file, name] of [['S-RES-2719-layout.txt', 'S-RES-2719'], ['A-C.3-79-L.99-raw.txt', 'A-C.3-79-L.99']]) {
      const res = fromText(handwrittenText(file));
      const back = importAkn(expectValid(buildExportDocument({ resolution: res }), name));
      expect(back.ok && back.resolution).toEqual(sortedSponsors(res));
    }
  });

  it('validates a compilation (exported as its current text)', () => {
    const doc = compileNegotiation(buildExportDocument({ resolution: deepDraft() }), deepLayer());
    expect(doc.compilation).toBe(true);
    const xml = expectValid(doc, 'deep-draft-compilation');
    // The pending proposals are not text yet: importing gives the draft as it stands.
    const back = importAkn(xml);
    expect(back.ok && back.resolution).toEqual(sortedSponsors(deepDraft()));
  });

  it('validates an empty draft, a decision without organ line, and hostile characters', () => {
    const empty: ResolutionJSON = { ...emptyMasthead(), kind: 'draft-resolution', sponsors: [], title: '', organ: '', preamble: [], operative: [], footnotes: [], closing: '' };
    expectValid(buildExportDocument({ resolution: empty }), 'empty-draft');
    expectValid(buildExportDocument({ resolution: deepDraft({ kind: 'decision', organ: '', sponsors: [] }) }), 'decision');
    const hostile = deepDraft({ title: 'A & B <c> ]]> "d" \u0001\uD800 \u2028', sponsors: ['<Evil> & "Co"', '123', ''], date: '31 February 2023' });
    hostile.operative[0].id = 'id with spaces/and_slashes.';
    hostile.footnotes = hostile.footnotes.map((f) => (f.paragraphId === 'op1' ? { ...f, paragraphId: hostile.operative[0].id } : f));
    expectValid(buildExportDocument({ resolution: hostile }), 'hostile');
  });
});

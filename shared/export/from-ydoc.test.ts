import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { joinDraftSponsors, markTabled } from '../negotiation/actions.ts';
import { importResolution } from '../import/index.ts';
import type { ResolutionJSON } from '../resolution/types.ts';
import { readResolutionFromYDoc, writeResolutionToYDoc } from '../resolution/ydoc.ts';
import { corpusText } from '../../test/fixtures/corpus.ts';
import { buildExportDocument } from './build.ts';
import { exportInputFromRevisionState, exportInputFromSnapshot, exportInputFromYDoc, revisionNumberOf } from './from-ydoc.ts';
import { renderText } from './text.ts';

function corpusDraft(): ResolutionJSON {
  const r = importResolution(corpusText('A-C.1-78-L.11'));
  if (!r.ok) throw new Error(r.message);
  return { ...r.resolution, symbol: 'A/C.1/78/L.11', sponsors: ['Zimbabwe', 'China', 'Cuba'] };
}

describe('revisionNumberOf', () => {
  it('reads "Rev.N" labels and gives 0 for informal ones', () => {
    expect(revisionNumberOf('Rev.1')).toBe(1);
    expect(revisionNumberOf(' rev. 12 ')).toBe(12);
    expect(revisionNumberOf('A/C.1/78/L.11/Rev.3')).toBe(3);
    expect(revisionNumberOf('informal 12 March')).toBe(0);
    expect(revisionNumberOf('Rev.2 draft')).toBe(0);
    expect(revisionNumberOf('')).toBe(0);
  });
});

describe('exportInputFromYDoc', () => {
  it('reads the text and splits main/co sponsors from additional ones', () => {
    const doc = new Y.Doc();
    writeResolutionToYDoc(doc, corpusDraft(), { now: '2024-01-01T00:00:00.000Z' });
    joinDraftSponsors(doc, 'Belarus', 'co');
    markTabled(doc);
    joinDraftSponsors(doc, 'Nicaragua');
    joinDraftSponsors(doc, 'Mali', 'additional');
    const input = exportInputFromYDoc(doc, { revision: 2 });
    expect(input.sponsors).toEqual(['Zimbabwe', 'China', 'Cuba', 'Belarus']);
    expect(input.additionalSponsors).toEqual(['Nicaragua', 'Mali']);
    expect(input.revision).toBe(2);
    expect(input.resolution.operative.map((o) => o.text)).toEqual(readResolutionFromYDoc(doc).operative.map((o) => o.text));
    const out = buildExportDocument(input);
    expect(out.sponsorLine).toBe('Belarus, China, Cuba and Zimbabwe: revised draft resolution');
    expect(out.additionalSponsors).toEqual(['Mali', 'Nicaragua']);
    expect(out.masthead.symbol).toBe('A/C.1/78/L.11/Rev.2');
  });

  it('exports the same text as the JSON it was written from', () => {
    const res = corpusDraft();
    const doc = new Y.Doc();
    writeResolutionToYDoc(doc, res);
    expect(renderText(buildExportDocument(exportInputFromYDoc(doc)))).toBe(renderText(buildExportDocument({ resolution: res })));
  });
});

describe('revision exports', () => {
  it('prints the revision text (not the live one) with the number from its label', () => {
    const doc = new Y.Doc();
    writeResolutionToYDoc(doc, corpusDraft());
    const state = Y.encodeStateAsUpdate(doc);
    // The room moves on after the revision was issued.
    const later = { ...corpusDraft(), title: 'A later title' };
    writeResolutionToYDoc(doc, later);

    const got = exportInputFromRevisionState(state, 'Rev.2');
    if (!got.ok) throw new Error(got.message);
    const out = buildExportDocument(got.input);
    expect(out.title).toBe(corpusDraft().title);
    expect(out.masthead.symbol).toBe('A/C.1/78/L.11/Rev.2');
    expect(out.sponsorLine).toMatch(/revised draft resolution$/);

    const informal = exportInputFromRevisionState(state, 'informal 12 March');
    expect(informal.ok && buildExportDocument(informal.input).masthead.symbol).toBe('A/C.1/78/L.11');
  });

  it('reports a corrupt state instead of throwing', () => {
    const got = exportInputFromRevisionState(new Uint8Array([1, 2, 3, 250, 251]), 'Rev.1');
    expect(got.ok).toBe(false);
    if (!got.ok) expect(got.message).toContain('Rev.1');
  });

  it('works from a derived snapshot, with additional sponsors kept apart', () => {
    const snapshot = { resolution: { ...corpusDraft(), sponsors: ['Cuba', 'Mali', 'China'] } };
    const input = exportInputFromSnapshot(snapshot, 'Rev.1', ['Mali']);
    const out = buildExportDocument(input);
    expect(out.sponsorLine).toBe('China and Cuba: revised draft resolution');
    expect(out.additionalSponsors).toEqual(['Mali']);
    expect(out.revision).toBe(1);
  });
});

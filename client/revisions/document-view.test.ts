import { describe, expect, it } from 'vitest';
import { importResolution } from '../../shared/import/index.ts';
import type { ResolutionJSON } from '../../shared/resolution/types.ts';
import { draftText, FULL_HEAD } from '../../test/fixtures/small-draft.ts';
import { corpusText } from '../../test/fixtures/corpus.ts';
import { documentModel, lineText } from './document-view.ts';

function parse(text: string): ResolutionJSON {
  const r = importResolution(text);
  if (!r.ok) throw new Error(r.message);
  return r.resolution;
}

const RES = parse(draftText(FULL_HEAD, `Recalling its earlier resolutions,

Expressing concern also at the situation,

1. Welcomes the report of the Secretary-General;

2. Calls upon all States:

(a) To cooperate fully;

(b) To report;

3. Decides to remain seized of the matter.
`));

describe('documentModel', () => {
  const model = documentModel(RES, { [RES.operative[0].id]: { status: 'agreed', by: 'Chair', at: '' }, [RES.preamble[1].id]: { status: 'bracketed', by: 'Chair', at: '' } });

  it('lists title, organ, PPs, OPs and sub-paragraphs with derived labels and refs', () => {
    expect(model.lines.map((l) => [l.type, l.label, l.ref])).toEqual([
      ['title', '', ''], ['organ', '', ''],
      ['preambular', '', 'PP1'], ['preambular', '', 'PP2'],
      ['operative', '1.', 'OP1'], ['operative', '2.', 'OP2'], ['operative', '(a)', 'OP2 (a)'], ['operative', '(b)', 'OP2 (b)'], ['operative', '3.', 'OP3'],
    ]);
    expect(lineText(model.lines[0])).toBe(RES.title);
    expect(lineText(model.lines[5])).toBe(RES.operative[1].text);
  });

  it('italicises the opener of paragraphs only', () => {
    const italic = (i: number) => model.lines[i].segments.filter((s) => s.kind === 'text' && s.italic).map((s) => (s.kind === 'text' ? s.text : '')).join('');
    expect(italic(2)).toBe('Recalling');
    expect(italic(3)).toBe('Expressing concern also');
    expect(italic(4)).toBe('Welcomes');
    expect(italic(5)).toBe('Calls upon');
    expect(italic(6)).toBe('');
    expect(italic(0)).toBe('');
  });

  it('carries paragraph statuses (pending when absent)', () => {
    expect(model.lines[4].status).toBe('agreed');
    expect(model.lines[3].status).toBe('bracketed');
    expect(model.lines[2].status).toBe('pending');
  });

  it('numbers footnote markers in document order at their offsets (a corpus text with footnotes)', () => {
    const res = parse(corpusText('A-RES-78-16'));
    expect(res.footnotes.length).toBeGreaterThan(0);
    const m = documentModel(res);
    expect(m.footnotes.map((f) => f.text)).toEqual([...res.footnotes].sort((a, b) => a.number - b.number).map((f) => f.text));
    const markers = m.lines.flatMap((l) => l.segments.filter((s) => s.kind === 'footnote').map((s) => (s.kind === 'footnote' ? s.number : 0)));
    expect(markers).toEqual(m.footnotes.map((f) => f.number));
    const anchored = res.footnotes.find((f) => f.paragraphId !== '');
    if (anchored) {
      const line = m.lines.find((l) => l.id === anchored.paragraphId);
      const before: string[] = [];
      for (const s of line?.segments ?? []) {
        if (s.kind === 'footnote' && s.number === anchored.number) break;
        if (s.kind === 'text') before.push(s.text);
      }
      expect(before.join('').length).toBe(anchored.offset);
    }
  });
});

/** Refusals: every bad input gets a clear error code and message, and the importer never throws. */
import { describe, expect, it } from 'vitest';
import { corpusText } from '../../test/fixtures/corpus.ts';
import { importResolution, type ImportResult } from './index.ts';
import { MAX_INPUT_BYTES } from './validate.ts';

function refusal(r: ImportResult): { code: string; message: string } {
  if (r.ok) throw new Error('expected a refusal');
  return { code: r.code, message: r.message };
}

describe('input refusals', () => {
  it('refuses empty and whitespace-only input', () => {
    expect(refusal(importResolution('')).code).toBe('empty');
    const ws = refusal(importResolution(' \n\r\n\t\f  '));
    expect(ws.code).toBe('empty');
    expect(ws.message).toMatch(/empty/);
  });

  it('refuses a non-string without throwing', () => {
    expect(refusal(importResolution(undefined as unknown as string)).code).toBe('empty');
    expect(refusal(importResolution(42 as unknown as string)).code).toBe('empty');
  });

  it('refuses binary input with NUL bytes and says what to do', () => {
    const r = refusal(importResolution('%PDF-1.7\n\u0000\u0001\u0002stream'));
    expect(r.code).toBe('binary');
    expect(r.message).toMatch(/binary/);
    expect(r.message).toMatch(/pdftotext/);
  });

  it('refuses text full of control or undecodable characters', () => {
    const junk = Array.from({ length: 400 }, (_, i) => (i % 3 === 0 ? '\uFFFD' : i % 3 === 1 ? '\u0007' : 'a')).join('');
    expect(refusal(importResolution(junk)).code).toBe('binary');
  });

  it('refuses mostly non-letter garbage', () => {
    const junk = '#$%^&*()_+=-0987654321{}[]|\\:;<>?/.,~`'.repeat(50);
    const r = refusal(importResolution(junk));
    expect(r.code).toBe('binary');
    expect(r.message).toMatch(/letters/);
  });

  it('refuses input over 2 MB, counting UTF-8 bytes', () => {
    const big = 'The General Assembly,\n\n' + 'Recalling x,\n\n'.repeat(Math.ceil(MAX_INPUT_BYTES / 14) + 10);
    const r = refusal(importResolution(big));
    expect(r.code).toBe('too-large');
    expect(r.message).toMatch(/2 MB/);
    // 750 000 three-byte characters = 2.25 MB although the string is far shorter than 2 M units.
    expect(refusal(importResolution('€'.repeat(750_000) + '\n' + 'x'.repeat(100))).code).toBe('too-large');
  });

  it('refuses the non-paper and a text with an organ line but no operative part', () => {
    expect(refusal(importResolution(corpusText('non-paper-programme-of-action'))).code).toBe('not-a-resolution');
    const onlyPreamble = refusal(importResolution('The General Assembly,\n\nRecalling its resolutions,\n\nNoting the report,\n'));
    expect(onlyPreamble.code).toBe('not-a-resolution');
    expect(onlyPreamble.message).toMatch(/no numbered operative paragraph/);
    expect(refusal(importResolution('Some title\n\nThe General Assembly,\n\n')).code).toBe('no-paragraphs');
  });

  it('handles pathological inputs (huge label runs, space runs, unmatched brackets) without an internal failure', () => {
    const cases = [
      'The General Assembly,\n\nRecalling x,\n\n1. Decides:\n\n' + '(a) x;\n\n'.repeat(20_000),
      'The General Assembly,\n\nRecalling' + ' '.repeat(200_000) + 'x,\n\n1. Decides x.',
      'The General Assembly,\n\nRecalling ' + '[abc '.repeat(30_000) + ',\n\n1. Decides x.\n',
      'The General Assembly,\n\nRecalling ' + 'ab-'.repeat(60_000) + '\n\n1. Decides x.\n',
      'A/RES/1/1\n\nThe General Assembly,\n\nRecalling x,\n\n' + 'A/RES/1/1\f'.repeat(15_000) + '1. Decides x.',
    ];
    for (const text of cases) {
      const r = importResolution(text);
      expect(r.ok ? '' : r.message).not.toMatch(/importer failed/);
      expect(r.ok).toBe(true);
      if (r.ok) expect(r.warnings.length).toBeLessThanOrEqual(26);
    }
  });

  it('never throws on arbitrary mutations of a real text', () => {
    const base = corpusText('A-RES-78-16');
    let seed = 7;
    const rnd = (n: number): number => { seed = (seed * 1103515245 + 12345) % 2 ** 31; return seed % n; };
    for (let i = 0; i < 200; i++) {
      const a = rnd(base.length);
      const b = Math.min(base.length, a + rnd(400));
      const cut = base.slice(0, a) + base.slice(b);
      const mutated = i % 2 ? cut : cut.replace(/\n\n/g, () => (rnd(5) === 0 ? '\n\f' : '\n\n'));
      expect(() => importResolution(mutated)).not.toThrow();
    }
  });
});

describe('warnings and kinds', () => {
  it('reports a draft decision from its sponsor line', () => {
    const r = importResolution('Chile and Peru: draft decision\n\nSome decision\n\nThe General Assembly,\n\n1. *Decides* to defer consideration of the item.\n');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.resolution.kind).toBe('draft-decision');
    expect(r.resolution.sponsors).toEqual(['Chile', 'Peru']);
    expect(r.resolution.title).toBe('Some decision');
  });

  it('imports an adopted decision (no organ line) with its decision number and lettered sub-paragraphs', () => {
    const text = [
      'General Assembly', 'Distr.: General', '28 December 2023', '', 'Seventy-eighth session', 'Agenda item 138', '',
      'Decision adopted by the General Assembly on 22 December 2023', '', '[on the report of the Fifth Committee (A/78/656)]', '',
      '78/548. Scale of assessments for the apportionment of the expenses of the United Nations', '',
      'At its 50th plenary meeting, on 22 December 2023, the General Assembly, on the recommendation of the Fifth Committee, decided:', '',
      '(a) To defer consideration of the item;', '', '(b) To include the item in the provisional agenda of its seventy-ninth session.',
    ].join('\n');
    const r = importResolution(text);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const d = r.resolution;
    expect([d.kind, d.symbol, d.committee, d.organ, d.organName]).toEqual(['decision', '78/548', 'Fifth Committee', '', 'General Assembly']);
    expect(d.title).toBe('Scale of assessments for the apportionment of the expenses of the United Nations');
    expect(d.preamble).toEqual([]);
    expect(d.operative).toHaveLength(1);
    expect(d.operative[0].text.startsWith('At its 50th plenary meeting')).toBe(true);
    expect(d.operative[0].subparagraphs.map((s) => s.label)).toEqual(['(a)', '(b)']);
    expect(d.closing).toBe('');
  });

  it('imports a one-sentence draft decision, but still refuses a numbered paper without a kind', () => {
    const r = importResolution('Chile and Peru: draft decision\n\nOversight\n\nThe General Assembly decides to defer consideration of the item.\n');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.resolution.kind).toBe('draft-decision');
    expect(r.resolution.organName).toBe('General Assembly');
    expect(r.resolution.operative.map((o) => o.text)).toEqual(['The General Assembly decides to defer consideration of the item.']);
    expect(refusal(importResolution('Oversight\n\nThe General Assembly decides to defer consideration.\n\n1. More text.\n')).code).toBe('not-a-resolution');
  });

  it('treats a text with structure but no kind marker as a draft resolution, with a warning', () => {
    const r = importResolution('The General Assembly,\n\nRecalling its resolutions,\n\n1. Decides to remain seized of the matter.\n');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.resolution.kind).toBe('draft-resolution');
    expect(r.warnings.join(' ')).toMatch(/treated as a draft resolution/);
  });

  it('keeps a footnote whose marker is missing, unanchored, with a warning', () => {
    const r = importResolution('The General Assembly,\n\nRecalling its resolutions,\n\n¹ A/78/1.\n\n1. Decides to remain seized of the matter.\n');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.resolution.footnotes).toEqual([{ number: 1, text: 'A/78/1.', paragraphId: '', offset: 0 }]);
    expect(r.warnings.join(' ')).toMatch(/never referenced/);
  });
});

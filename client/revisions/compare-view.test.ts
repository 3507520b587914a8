import { describe, expect, it } from 'vitest';
import { compareResolutions, type ComparePair } from '../../shared/compare/align.ts';
import { diffWords } from '../../shared/diff/word-diff.ts';
import { importResolution } from '../../shared/import/index.ts';
import type { ResolutionJSON } from '../../shared/resolution/types.ts';
import { draftText, FULL_HEAD } from '../../test/fixtures/small-draft.ts';
import { corpusText } from '../../test/fixtures/corpus.ts';
import { compareRows, pairPieces, rowRefs, summaryText, type Piece } from './compare-view.ts';

function doc(body: string): ResolutionJSON {
  const r = importResolution(draftText(FULL_HEAD, body));
  if (!r.ok) throw new Error(r.message);
  return r.resolution;
}

const text = (pieces: Piece[] | null, kinds: Piece['kind'][]): string =>
  (pieces ?? []).filter((p) => kinds.includes(p.kind)).map((p) => p.text).join('');

const OLD = doc(`Recalling its earlier resolutions,

1. Welcomes the report of the Secretary-General;

2. Encourages all States to cooperate;

3. Decides to remain seized of the matter.
`);
const NEW = doc(`Recalling its earlier resolutions,

1. Welcomes with appreciation the report of the Secretary-General;

2. Requests the Secretary-General to report back;

3. Decides to remain seized of the matter.
`);

describe('compareRows', () => {
  const c = compareResolutions(OLD, NEW);

  it('gives a changed pair kept + deleted pieces in the old column, kept + inserted in the new, all in the inline column', () => {
    const row = compareRows(c).find((r) => r.status === 'changed' && r.newRef === 'OP1');
    if (!row) throw new Error('no changed OP1');
    expect(text(row.old, ['same', 'del'])).toBe(OLD.operative[0].text);
    expect(text(row.new, ['same', 'ins'])).toBe(NEW.operative[0].text);
    expect(row.old?.some((p) => p.kind === 'ins')).toBe(false);
    expect(row.new?.some((p) => p.kind === 'del')).toBe(false);
    expect(text(row.new, ['ins'])).toContain('with appreciation');
    expect(text(row.inline, ['same', 'ins'])).toBe(NEW.operative[0].text);
    expect(text(row.inline, ['same', 'del'])).toBe(OLD.operative[0].text);
    expect(rowRefs(row)).toBe('OP1');
  });

  it('draws new and deleted paragraphs on one side only, and hides unchanged pairs on request', () => {
    const rows = compareRows(c);
    const added = rows.find((r) => r.status === 'new');
    const gone = rows.find((r) => r.status === 'deleted');
    expect(added?.old).toBeNull();
    expect(text(added?.new ?? null, ['ins'])).toBe(NEW.operative[1].text);
    expect(gone?.new).toBeNull();
    expect(text(gone?.inline ?? null, ['del'])).toBe(OLD.operative[1].text);
    expect(rows).toHaveLength(c.pairs.length);
    const visible = compareRows(c, { hideUnchanged: true });
    expect(visible.every((r) => r.status !== 'unchanged')).toBe(true);
    expect(visible).toHaveLength(c.pairs.length - c.summary.unchanged);
    expect(new Set(rows.map((r) => r.key)).size).toBe(rows.length);
  });

  it('keeps moved pairs (not hidden), shows both refs when they differ', () => {
    const pair: ComparePair = {
      status: 'moved',
      old: { section: 'operative', number: 1, ref: 'OP1', id: 'a', text: 'Decides to act;' },
      new: { section: 'operative', number: 3, ref: 'OP3', id: 'a', text: 'Decides to act;' },
    };
    const rows = compareRows({ ...c, pairs: [pair] }, { hideUnchanged: true });
    expect(rows).toHaveLength(1);
    expect(rowRefs(rows[0])).toBe('OP1 → OP3');
    expect(rows[0].inline).toEqual([{ kind: 'same', text: 'Decides to act;' }]);
  });

  it('pieces a changed pair exactly as its diff', () => {
    const diff = diffWords('the big red dog', 'the small red cat');
    const p = pairPieces({
      status: 'changed', diff,
      old: { section: 'preamble', number: 1, ref: 'PP1', id: 'x', text: 'the big red dog' },
      new: { section: 'preamble', number: 1, ref: 'PP1', id: 'x', text: 'the small red cat' },
    });
    expect(p.inline.map((x) => x.kind)).toEqual(diff.map((o) => (o.op === 'equal' ? 'same' : o.op === 'insert' ? 'ins' : 'del')));
  });
});

describe('summaryText', () => {
  it('counts every status and the total, for real resolutions (A/RES/76/19 → A/RES/78/16)', () => {
    const parse = (name: string): ResolutionJSON => {
      const r = importResolution(corpusText(name));
      if (!r.ok) throw new Error(r.message);
      return r.resolution;
    };
    const c = compareResolutions(parse('A-RES-76-19'), parse('A-RES-78-16'));
    const line = summaryText(c.summary);
    for (const s of ['changed', 'new', 'deleted', 'moved', 'unchanged'] as const) expect(line).toContain(`${c.summary[s]} ${s}`);
    expect(line).toMatch(new RegExp(`\\(${c.summary.total} paragraphs\\)$`));
  });
});

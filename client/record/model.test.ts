/** The record view's model: rows, targets, summaries, filter options and the server query. */
import { describe, expect, it } from 'vitest';
import {
  countLine, delegationOptions, describeLogActor, exportFileName, isFiltered, KIND_OPTIONS, kindLabel, logQuery, logRows,
  NO_LOG_FILTERS, paragraphOptions, refContext, summarise, targetLabel, type LogEntry, type RefContext,
} from './model.ts';
import * as Y from 'yjs';
import { proposeAmendment, readAmendments } from '../../shared/negotiation/actions.ts';
import { describeParagraphs } from '../negotiation/model.ts';

const brazil = { participant: 'Brazil', role: 'delegation', delegation: 'Brazil' };
const chair = { participant: 'Ms. Chair', role: 'chair', delegation: null };
const refs: RefContext = {
  paragraphs: new Map([['p1', 'PP1'], ['o3', 'OP3']]),
  amendments: new Map([['a1', { ref: 'OP3', author: 'Brazil', kind: 'wording' }], ['a2', { ref: 'OP3 bis', author: 'Kenya', kind: 'insert' }]]),
};
const entry = (seq: number, kind: string, target: string, detail: unknown, actor: LogEntry['actor'] = brazil): LogEntry =>
  ({ seq, at: '2026-03-01T10:00:00.000Z', actor, kind, target, detail });

describe('logQuery', () => {
  it('leaves empty filters out and encodes values', () => {
    expect(logQuery(NO_LOG_FILTERS)).toBe('');
    expect(logQuery({ delegation: "Côte d'Ivoire", paragraph: 'o3', kind: 'position' }, 'csv'))
      .toBe('?kind=position&delegation=C%C3%B4te+d%27Ivoire&paragraph=o3&format=csv');
    expect(logQuery(NO_LOG_FILTERS, 'json')).toBe('?format=json');
  });
});

describe('targets and kinds', () => {
  it('names paragraphs by reference and amendments by reference and author', () => {
    expect(targetLabel(entry(1, 'position', 'o3', {}), refs)).toBe('OP3');
    expect(targetLabel(entry(1, 'position', 'a2', {}), refs)).toBe('Amendment OP3 bis (Kenya)');
    expect(targetLabel(entry(1, 'amendment-cosigned', 'a1', {}), refs)).toBe('Amendment OP3 (Brazil)');
    expect(targetLabel(entry(1, 'amendment-withdrawn', 'gone', {}), refs)).toBe('Amendment gone');
    expect(targetLabel(entry(1, 'phase', 'draft', {}), refs)).toBe('Draft');
    expect(targetLabel(entry(1, 'access-granted', 'inv1', { participant: 'Kenya' }), refs)).toBe('Invitation of Kenya');
    expect(targetLabel(entry(1, 'revision-issued', 'r1', { label: 'Rev.1' }), refs)).toBe('Revision Rev.1');
    expect(targetLabel(entry(1, 'paragraph-status', 'unknown-id', {}), refs)).toBe('unknown-id');
  });

  it('says every kind in plain words, unknown ones from their name', () => {
    expect(kindLabel('amendment-cosigned')).toBe('Amendment co-signed');
    expect(kindLabel('something-new')).toBe('Something new');
    expect(KIND_OPTIONS.map((o) => o.value)).toContain('paragraph-status');
    expect(new Set(KIND_OPTIONS.map((o) => o.value)).size).toBe(KIND_OPTIONS.length);
  });

  it('describes the actor with delegation and role', () => {
    expect(describeLogActor(brazil)).toBe('Brazil (delegation)');
    expect(describeLogActor({ participant: 'Ana', role: 'penholder', delegation: 'Brazil' })).toBe('Ana (Brazil, penholder)');
    expect(describeLogActor(chair)).toBe('Ms. Chair (chair)');
    expect(describeLogActor(null)).toBe('server');
  });
});

describe('summaries', () => {
  it('positions: stance, previous stance, note', () => {
    expect(summarise(entry(1, 'position', 'o3', { delegation: 'Brazil', change: 'recorded', stance: 'can-accept', note: '' }), refs))
      .toBe('Brazil: can accept');
    expect(summarise(entry(1, 'position', 'o3', { delegation: 'Brazil', change: 'changed', stance: 'oppose', note: 'too weak', previous: { stance: 'support' } }), refs))
      .toBe('Brazil: oppose (was support) — “too weak”');
    expect(summarise(entry(1, 'position', 'o3', { delegation: 'Brazil', change: 'removed', removed: true }), refs)).toBe('Brazil: position removed');
  });

  it('statuses, phases, proposals, merges, access', () => {
    expect(summarise(entry(1, 'paragraph-status', 'o3', { status: 'agreed-ad-ref', previous: { status: 'bracketed' } }, chair), refs))
      .toBe('agreed ad ref (was bracketed)');
    expect(summarise(entry(1, 'paragraph-status', 'o3', { status: 'bracketed', previous: null }, chair), refs)).toBe('bracketed');
    expect(summarise(entry(1, 'phase', 'draft', { key: 'phase', value: 'negotiation', previous: null }, chair), refs)).toBe('drafting → negotiation');
    expect(summarise(entry(1, 'amendment-proposed', 'a1', { author: 'Brazil', kind: 'wording', target: 'o3' }), refs)).toBe('wording on OP3 by Brazil');
    expect(summarise(entry(1, 'amendment-accepted', 'a1', { status: 'accepted', previous: 'proposed' }, chair), refs)).toBe('proposed → accepted');
    expect(summarise(entry(1, 'amendment-merged', 'o3', { amendmentId: 'a1', author: 'Brazil', kind: 'wording', cosigners: ['Chile'], acceptedBy: 'Ms. Chair' }, chair), refs))
      .toBe("Brazil's wording amendment OP3, co-signed by Chile (accepted by Ms. Chair)");
    expect(summarise(entry(1, 'access-granted', 'i1', { participant: 'Kenya', role: 'delegation', delegation: 'Kenya' }, chair), refs)).toBe('delegation, Kenya');
    expect(summarise(entry(1, 'amendment-edited', 'a1', { fields: ['rationale', 'text'], length: 5 }), refs)).toBe('changed rationale, text');
    expect(summarise(entry(1, 'mystery', 'x', { a: 1 }), refs)).toBe('{"a":1}');
    expect(summarise(entry(1, 'mystery', 'x', null), refs)).toBe('');
  });
});

describe('rows and options', () => {
  const entries = [
    entry(1, 'draft-created', 'draft', { title: 'T' }, { participant: 'Secretariat', role: 'secretariat', delegation: null }),
    entry(2, 'position', 'o3', { delegation: 'Brazil', stance: 'support' }),
    entry(3, 'position', 'o3', { delegation: 'Kenya', stance: 'oppose' }, { participant: 'Kenya', role: 'delegation', delegation: 'Kenya' }),
  ];

  it('newest first, every column filled', () => {
    const rows = logRows(entries, refs, 'en-GB');
    expect(rows.map((r) => r.seq)).toEqual([3, 2, 1]);
    expect(rows[0]).toMatchObject({ actor: 'Kenya (delegation)', delegation: 'Kenya', kindLabel: 'Position recorded', target: 'OP3', summary: 'Kenya: oppose' });
    expect(rows[0].time).toMatch(/2026/);
  });

  it('delegations seen acting plus known ones; paragraph options in document order', () => {
    expect(delegationOptions(entries, ['Chile', 'Brazil', ''])).toEqual(['Brazil', 'Chile', 'Kenya']);
    expect(paragraphOptions([{ id: 't', ref: '', text: 'Title' }, { id: 'p1', ref: 'PP1', text: 'Recalling' }, { id: 'o3', ref: 'OP3', text: '' }]))
      .toEqual([{ value: 'p1', label: 'PP1 — Recalling' }, { value: 'o3', label: 'OP3' }]);
  });

  it('count lines and file names', () => {
    expect(countLine(0, true)).toBe('No entries match these filters.');
    expect(countLine(0, false)).toBe('Nothing recorded yet.');
    expect(countLine(1, false)).toBe('1 entry');
    expect(countLine(3, true)).toBe('3 entries match');
    expect(isFiltered(NO_LOG_FILTERS)).toBe(false);
    expect(isFiltered({ ...NO_LOG_FILTERS, kind: 'position' })).toBe(true);
    expect(exportFileName('d/1', 'csv', true)).toBe('penholder-log-d1-filtered.csv');
  });
});

describe('refContext', () => {
  it('names paragraphs and amendments from the live document', () => {
    const doc = new Y.Doc();
    proposeAmendment(doc, { author: 'Kenya', kind: 'insert', after: 'o1', paragraphKind: 'operative', text: 'x' }, { newId: () => 'ai', now: () => '2026-01-01T00:00:00Z' });
    proposeAmendment(doc, { author: 'Peru', kind: 'wording', target: 'o1', text: 'y' }, { newId: () => 'aw', now: () => '2026-01-01T00:00:01Z' });
    const paragraphs = describeParagraphs([{ type: 'title', id: 't', text: 'T' }, { type: 'preambular', id: 'p1', text: 'R' }, { type: 'operative', id: 'o1', text: 'D' }]);
    const ctx = refContext(paragraphs, readAmendments(doc));
    expect([...ctx.paragraphs]).toEqual([['p1', 'PP1'], ['o1', 'OP1']]);
    expect(targetLabel(entry(1, 'amendment-proposed', 'ai', {}), ctx)).toBe('Amendment OP1 bis (Kenya)');
    expect(summarise(entry(1, 'amendment-proposed', 'aw', { author: 'Peru', kind: 'wording', target: 'o1' }), ctx)).toBe('wording on OP1 by Peru');
  });
});

import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { joinParagraph, setParagraphStatus, setPhase, markTabled } from '../../shared/negotiation/actions.ts';
import { readNegotiationState, sameNegotiationState, sponsorSummary } from './negotiation-state.ts';
import { yTypesStore } from './stores.ts';
import { NEGOTIATION_ROOT } from '../../shared/negotiation/layout.ts';

const at = (s: string) => ({ now: () => `2026-11-23T10:00:0${s}Z` });

describe('negotiation state', () => {
  it('projects phase, tabling, statuses (pending omitted) and paragraph sponsors in join order', () => {
    const doc = new Y.Doc();
    expect(readNegotiationState(doc)).toMatchObject({ phase: 'drafting', tabledAt: '' });
    setPhase(doc, 'negotiation');
    markTabled(doc, { now: () => '2026-11-23T10:00:00Z' });
    setParagraphStatus(doc, 'o1', 'agreed', 'Chair');
    setParagraphStatus(doc, 'o2', 'pending', 'Chair');
    joinParagraph(doc, 'o1', 'Kenya', 'co', at('3'));
    joinParagraph(doc, 'o1', 'Brazil', 'proposer', at('1'));
    joinParagraph(doc, 'o1', 'Chile', 'co', at('2'));
    const s = readNegotiationState(doc);
    expect(s.phase).toBe('negotiation');
    expect(s.tabledAt).toBe('2026-11-23T10:00:00Z');
    expect([...s.statuses]).toEqual([['o1', 'agreed']]);
    expect(s.sponsors.get('o1')).toEqual({ proposer: 'Brazil', cosponsors: ['Chile', 'Kenya'] });
    expect(sponsorSummary(s.sponsors.get('o1'))).toBe('Brazil +2');
  });

  it('summarises sponsors without a proposer, alone, or none', () => {
    expect(sponsorSummary({ proposer: null, cosponsors: ['Peru'] })).toBe('Peru');
    expect(sponsorSummary({ proposer: null, cosponsors: ['Peru', 'Chile'] })).toBe('Peru +1');
    expect(sponsorSummary({ proposer: null, cosponsors: [] })).toBe('');
    expect(sponsorSummary(undefined)).toBe('');
  });

  it('keeps the snapshot when nothing visible changed', () => {
    const doc = new Y.Doc();
    const store = yTypesStore(
      [NEGOTIATION_ROOT.control, NEGOTIATION_ROOT.status, NEGOTIATION_ROOT.paragraphSponsors].map((n) => doc.getMap<unknown>(n)),
      () => readNegotiationState(doc), sameNegotiationState,
    );
    setParagraphStatus(doc, 'o1', 'bracketed', 'Chair');
    const snap = store.getSnapshot();
    expect(snap.statuses.get('o1')).toBe('bracketed');
    setParagraphStatus(doc, 'o1', 'bracketed', 'Chair'); // same status, new time
    expect(store.getSnapshot()).toBe(snap);
    setPhase(doc, 'closed');
    expect(store.getSnapshot()).not.toBe(snap);
    store.destroy();
  });
});

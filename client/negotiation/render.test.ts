/**
 * The panel, matrix and position control rendered to static HTML (react-dom/server, no DOM): the actions
 * offered follow shared/permissions/rules.ts for each actor, and the test hooks are present.
 */
import { describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import * as Y from 'yjs';
import { recordPosition, setPhase } from '../../shared/negotiation/actions.ts';
import type { Actor } from '../../shared/negotiation/layout.ts';
import { writeResolutionToYDoc } from '../../shared/resolution/ydoc.ts';
import { blocksToResolution, emptyHead } from '../../shared/resolution/blocks.ts';
import { AmendmentsPanel } from './AmendmentsPanel.tsx';
import { PositionsMatrix } from './PositionsMatrix.tsx';
import { PositionControl } from './PositionControl.tsx';
import { createViewStore } from './view-store.ts';
import { BLOCKS, putAmendment } from './testing.ts';

const brazil: Actor = { participant: 'Brazil', role: 'delegation', delegation: 'Brazil' };
const kenya: Actor = { participant: 'Kenya', role: 'delegation', delegation: 'Kenya' };
const chair: Actor = { participant: 'Chair', role: 'chair', delegation: null };

function draft(): Y.Doc {
  const doc = new Y.Doc();
  writeResolutionToYDoc(doc, blocksToResolution(BLOCKS, emptyHead()));
  setPhase(doc, 'negotiation');
  const op1 = blocksToResolution(BLOCKS, emptyHead()).operative[0].id;
  putAmendment(doc, { id: 'a1', author: 'Brazil', target: op1 }, 'Welcomes the excellent report of the Secretary-General;');
  recordPosition(doc, 'a1', 'Kenya', 'oppose', 'no');
  return doc;
}

const testIds = (html: string): string[] => [...html.matchAll(/data-testid="([^"]+)"/g)].map((m) => m[1]);
const panel = (doc: Y.Doc, actor: Actor) =>
  renderToStaticMarkup(createElement(AmendmentsPanel, { doc, actor, viewStore: createViewStore('all') }));

describe('AmendmentsPanel', () => {
  it('offers the author edit and withdraw, not co-sign or the chair\'s buttons', () => {
    const html = panel(draft(), brazil);
    const ids = testIds(html);
    expect(ids).toEqual(expect.arrayContaining(['amendments-panel', 'propose-amendment', 'amendment', 'amendment-edit', 'amendment-withdraw', 'amendment-diff']));
    expect(ids).not.toContain('amendment-cosign');
    expect(ids).not.toContain('amendment-accept');
    expect(html).toContain('data-ref="OP1"');
    expect(html).toContain('<ins>excellent </ins>');
  });

  it('offers another delegation co-signing and its position, the chair accept/reject and no proposing', () => {
    const k = testIds(panel(draft(), kenya));
    expect(k).toEqual(expect.arrayContaining(['amendment-cosign', 'position-stance']));
    expect(k).not.toContain('amendment-edit');
    expect(k).not.toContain('amendment-withdraw');
    const c = testIds(panel(draft(), chair));
    expect(c).toEqual(expect.arrayContaining(['amendment-accept', 'amendment-reject', 'position-counts']));
    expect(c).not.toContain('propose-amendment');
    expect(c).not.toContain('position-stance');
  });

  it('filters by delegation through the view store', () => {
    const doc = draft();
    const html = renderToStaticMarkup(createElement(AmendmentsPanel, { doc, actor: kenya, viewStore: createViewStore({ delegation: 'Kenya' }) }));
    expect(testIds(html)).toContain('amendments-empty');
  });
});

describe('PositionsMatrix and PositionControl', () => {
  it('renders rows, cells with stances, and the open-opposition flag', () => {
    const html = renderToStaticMarkup(createElement(PositionsMatrix, { doc: draft(), delegations: ['Norway'] }));
    expect(html).toMatch(/data-testid="matrix-row" data-target="a1" data-kind="amendment" data-open-opposition="true"/);
    expect(html).toMatch(/data-testid="matrix-cell" data-delegation="Kenya" data-stance="oppose"/);
    expect(html).toMatch(/data-testid="matrix-cell" data-delegation="Norway" data-stance="none"/);
    expect(html).toContain('OP1 · Brazil (wording)');
  });

  it('shows the actor\'s own stance and the others\' counts', () => {
    const html = renderToStaticMarkup(createElement(PositionControl, { doc: draft(), actor: brazil, target: 'a1' }));
    expect(html).toContain('data-stance="none"');
    expect(html).toContain('1 oppose');
    const mine = renderToStaticMarkup(createElement(PositionControl, { doc: draft(), actor: kenya, target: 'a1' }));
    expect(mine).toContain('data-stance="oppose"');
    expect(mine).toContain('No other positions');
  });
});

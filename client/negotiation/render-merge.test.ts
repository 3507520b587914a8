/** The merge controls in the panel's static HTML: who gets the selection checkbox, the stale notice, Rebase and Close. */
import { describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import * as Y from 'yjs';
import { blockElement, rewriteBlockText } from '../../shared/merge/body-edit.ts';
import { setPhase } from '../../shared/negotiation/actions.ts';
import type { Actor } from '../../shared/negotiation/layout.ts';
import { blocksToResolution, emptyHead } from '../../shared/resolution/blocks.ts';
import { writeResolutionToYDoc } from '../../shared/resolution/ydoc.ts';
import { AmendmentsPanel } from './AmendmentsPanel.tsx';
import { BLOCKS, putAmendment } from './testing.ts';
import { createViewStore } from './view-store.ts';

const brazil: Actor = { participant: 'Brazil', role: 'delegation', delegation: 'Brazil' };
const chair: Actor = { participant: 'Chair', role: 'chair', delegation: null };

function draft(stale: boolean): Y.Doc {
  const doc = new Y.Doc();
  const res = blocksToResolution(BLOCKS, emptyHead());
  writeResolutionToYDoc(doc, res);
  setPhase(doc, 'negotiation');
  const op1 = res.operative[0].id;
  putAmendment(doc, { id: 'a1', author: 'Brazil', target: op1, baseText: res.operative[0].text }, 'Takes note of the report of the Secretary-General;');
  if (stale) rewriteBlockText(blockElement(doc, op1) as Y.XmlElement, 'Welcomes the report of the Secretary-General of 2025;');
  return doc;
}
const panel = (doc: Y.Doc, actor: Actor): string => renderToStaticMarkup(createElement(AmendmentsPanel, { doc, actor, viewStore: createViewStore('all') }));
const has = (html: string, id: string): boolean => html.includes(`data-testid="${id}"`);

describe('merge controls', () => {
  it('the chair can select proposed amendments; delegations cannot', () => {
    expect(has(panel(draft(false), chair), 'amendment-select')).toBe(true);
    expect(has(panel(draft(false), brazil), 'amendment-select')).toBe(false);
    expect(has(panel(draft(false), chair), 'amendment-stale')).toBe(false);
  });

  it('a stale amendment is flagged; the author gets Rebase, the chair Close', () => {
    const author = panel(draft(true), brazil);
    expect(has(author, 'amendment-stale')).toBe(true);
    expect(has(author, 'amendment-rebase')).toBe(true);
    const chairs = panel(draft(true), chair);
    expect(has(chairs, 'amendment-rebase')).toBe(false);
    expect(chairs).toMatch(/data-testid="amendment-reject"[^>]*>Close</);
  });
});

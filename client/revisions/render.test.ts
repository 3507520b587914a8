/**
 * The drawer and the read-only page rendered to static HTML (react-dom/server, no DOM, no effects so
 * no fetch): the issue form follows canIssueRevision for each role, and the revision page is a
 * document with nothing editable in it.
 */
import { describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import * as Y from 'yjs';
import { ROLES, type Actor } from '../../shared/negotiation/layout.ts';
import { canIssueRevision } from '../../shared/permissions/rules.ts';
import { importResolution } from '../../shared/import/index.ts';
import { draftText, FULL_HEAD } from '../../test/fixtures/small-draft.ts';
import { RevisionsPanel } from './RevisionsPanel.tsx';
import { ResolutionDocument } from './ResolutionDocument.tsx';

const actorFor = (role: Actor['role']): Actor => ({ participant: role, role, delegation: role === 'delegation' || role === 'penholder' ? 'Kenya' : null });
const panel = (actor: Actor, disabled = false) => renderToStaticMarkup(createElement(RevisionsPanel, {
  draftId: 'd1', doc: new Y.Doc(), actor, phase: 'negotiation', currentParagraphId: undefined, disabled,
}));

describe('RevisionsPanel', () => {
  it('offers the issue form exactly to the roles canIssueRevision allows, and never on a closed connection', () => {
    for (const role of ROLES) {
      const html = panel(actorFor(role));
      expect(html.includes('data-testid="issue-revision-form"')).toBe(canIssueRevision(actorFor(role)).ok);
      expect(html).toContain('data-testid="open-compare"');
    }
    expect(panel(actorFor('chair'), true)).not.toContain('issue-revision-form');
    expect(panel(actorFor('chair'))).toContain('Issue Rev.1');
  });
});

describe('ResolutionDocument', () => {
  it('draws masthead, sponsor line, opener, OP label and bracketed status, with nothing editable', () => {
    const r = importResolution(draftText(FULL_HEAD, 'Recalling its resolutions,\n\n1. Welcomes the report;\n\n2. Decides to remain seized of the matter.\n'));
    if (!r.ok) throw new Error(r.message);
    const op1 = r.resolution.operative[0].id;
    const html = renderToStaticMarkup(createElement(ResolutionDocument, {
      resolution: r.resolution, statuses: { [op1]: { status: 'bracketed', by: 'Chair', at: '' } },
    }));
    expect(html).toContain('Brazil, Kenya and Norway: draft resolution');
    expect(html).toContain('<em class="ph-opener">Recalling</em>');
    expect(html).toMatch(/data-ref="OP1" data-depth="0" data-status="bracketed"><span class="ph-ro-label" aria-hidden="true">1\.<\/span><span class="ph-ro-bracket"[^>]*>\[<\/span>/);
    expect(html).not.toMatch(/contenteditable|<input|<textarea/);
  });
});

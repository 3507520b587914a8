/**
 * Revisions and comparison in the UI (issue 4 §2-3), in headless Chromium against a real server:
 * the chair issues Rev.1, edits OP2, issues Rev.2 (a duplicate label is refused with a message);
 * Rev.1 opens read-only with the old wording; Rev.1 and Rev.2 compare side by side and inline with the
 * word difference in OP2; and a draft made from A/RES/76/19 is compared with A/RES/78/16 pasted (and
 * uploaded), the counts matching the API's. Screenshots of the comparison view go to test-artifacts/revisions/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import type { Comparison } from '../../shared/compare/align.ts';
import { startBrowserHarness, type BrowserHarness } from '../helpers/browser-harness.ts';
import { bearer, readDraft, waitFor, type Draft } from '../server/helpers.ts';
import { draftText, FULL_HEAD } from '../fixtures/small-draft.ts';
import { corpusText } from '../fixtures/corpus.ts';

const DRAFT = draftText(FULL_HEAD, `Recalling its earlier resolutions,

1. Welcomes the report of the Secretary-General;

2. Encourages all States to cooperate;

3. Decides to remain seized of the matter.
`);
const OP2_OLD = 'Encourages all States to cooperate;';
const OP2_NEW = 'Encourages all States to cooperate fully;';
const ARTIFACTS = 'test-artifacts/revisions';

let h: BrowserHarness;

async function openAs(draft: Draft, token: string): Promise<Page> {
  const page = await h.open(draft, token);
  await page.locator('[data-testid=toggle-revisions]').click();
  await page.locator('[data-testid=revisions-panel]').waitFor();
  return page;
}

const settle = (page: Page) => page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))));

/** Caret before the final ";" of the OP starting with `prefix` (see two-users.test.ts for why the wait). */
async function caretBeforeEndOf(page: Page, prefix: string): Promise<void> {
  const para = page.locator('[data-testid=editor] .ph-op', { hasText: prefix }).first();
  // Under load a click can land before the editor settles: check where the caret is, and retry.
  const deadline = Date.now() + 10_000;
  for (;;) {
    const box = await para.boundingBox();
    if (!box) throw new Error(`paragraph "${prefix}" is not visible`);
    await para.click({ position: { x: Math.min(60, box.width / 2), y: Math.min(8, box.height / 2) } });
    await page.locator('[data-testid=editor] .ph-op.ph-current', { hasText: prefix }).waitFor();
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowLeft');
    await settle(page);
    const rest = await page.evaluate(() => {
      const sel = window.getSelection();
      return sel?.anchorNode ? (sel.anchorNode.textContent ?? '').slice(sel.anchorOffset) : null;
    });
    if (rest === ';') return;
    if (Date.now() > deadline) throw new Error(`could not put the caret before the end of "${prefix}" (text after it: ${JSON.stringify(rest)})`);
  }
}

async function issue(page: Page, label: string): Promise<void> {
  await page.locator('[data-testid=revision-label]').fill(label);
  await page.locator('[data-testid=issue-revision]').click();
}

const count = async (page: Page, status: string): Promise<number> =>
  Number(await page.locator(`[data-testid=count-${status}]`).getAttribute('data-count'));

beforeAll(async () => {
  h = await startBrowserHarness({ server: { log: () => undefined }, viewport: { width: 1400, height: 1000 } });
  fs.mkdirSync(ARTIFACTS, { recursive: true });
});

afterAll(async () => {
  await h?.close();
});

async function withScreenshots(name: string, scenario: () => Promise<void>): Promise<void> {
  try {
    await scenario();
  } catch (error) {
    await h.screenshotAll(`${ARTIFACTS}/${name}-failure`);
    throw error;
  }
}

describe('revisions and comparison in the app', () => {
  it('the chair issues Rev.1 and Rev.2, opens Rev.1 read-only and compares them side by side and inline', () => withScreenshots('revisions', async () => {
    const draft = await h.createDraft(DRAFT);
    const chairToken = await h.invite(draft, 'Chair', 'chair');
    const kenyaToken = await h.invite(draft, 'Kenya', 'delegation');
    const chair = await openAs(draft, chairToken);
    await chair.locator('[data-testid=no-revisions]').waitFor();

    // Rev.1: the empty label field issues the suggested label.
    expect(await chair.locator('[data-testid=issue-revision]').textContent()).toBe('Issue Rev.1');
    await chair.locator('[data-testid=issue-revision]').click();
    await chair.locator('[data-testid=revision-item][data-label="Rev.1"]').waitFor();
    expect(await chair.locator('[data-testid=revision-item-issuer]').first().textContent()).toBe('Chair (chair)');

    // A duplicate label is refused with a message, and nothing is issued.
    await issue(chair, 'rev.1');
    expect(await chair.locator('[data-testid=revision-error]').textContent()).toContain('already exists');
    expect(await chair.locator('[data-testid=revision-item]').count()).toBe(1);

    // The chair edits OP2; the server has it before Rev.2 is issued.
    await caretBeforeEndOf(chair, 'Encourages');
    await chair.keyboard.type(' fully');
    type DraftJson = { operative: Array<{ text: string }> };
    await waitFor(async () => ((await readDraft(h.server.url, draft)) as DraftJson).operative[1].text === OP2_NEW, 'the server has the edited OP2', 15_000);

    await chair.locator('[data-testid=revision-suggestion]').first().click();
    expect(await chair.locator('[data-testid=revision-label]').inputValue()).toBe('Rev.2');
    await chair.locator('[data-testid=issue-revision]').click();
    await chair.locator('[data-testid=revision-item][data-label="Rev.2"]').waitFor();
    expect(await chair.locator('[data-testid=revision-item]').evaluateAll((els) => els.map((e) => e.getAttribute('data-label')))).toEqual(['Rev.1', 'Rev.2']);

    // A delegation sees the timeline but is not offered the form.
    const kenya = await openAs(draft, kenyaToken);
    await kenya.locator('[data-testid=revision-item][data-label="Rev.2"]').waitFor();
    expect(await kenya.locator('[data-testid=issue-revision-form]').count()).toBe(0);

    // Rev.1 opens read-only with the old wording.
    await chair.locator('[data-testid=revision-item][data-label="Rev.1"] [data-testid=open-revision]').click();
    const view = chair.locator('[data-testid=revision-view]');
    await view.locator('[data-testid=revision-document]').waitFor();
    expect(await view.locator('[data-testid=revision-view-label]').textContent()).toBe('Rev.1');
    const op2 = view.locator('[data-testid=ro-paragraph][data-ref=OP2]');
    expect(await op2.locator('[data-testid=ro-text]').textContent()).toBe(OP2_OLD);
    expect(await op2.locator('em.ph-opener').textContent()).toBe('Encourages');
    expect(await view.locator('[data-testid=sponsor-line]').textContent()).toBe('Brazil, Kenya and Norway: draft resolution');
    expect(await view.locator('[contenteditable], input, textarea').count()).toBe(0);
    await chair.screenshot({ path: `${ARTIFACTS}/revisions-rev1-read-only.png` });
    await op2.click();
    await chair.keyboard.type('XYZ');
    expect(await op2.locator('[data-testid=ro-text]').textContent()).toBe(OP2_OLD);
    await chair.locator('[data-testid=revision-view-close]').click();
    await view.waitFor({ state: 'detached' });

    // Compare Rev.1 (old) with Rev.2 (new): the defaults with two revisions.
    await chair.locator('[data-testid=open-compare]').click();
    const cmp = chair.locator('[data-testid=compare-view]');
    expect(await cmp.locator('[data-testid=compare-from] option:checked').textContent()).toBe('Rev.1');
    expect(await cmp.locator('[data-testid=compare-to] option:checked').textContent()).toBe('Rev.2');
    await cmp.locator('[data-testid=compare-run]').click();
    await cmp.locator('[data-testid=compare-summary]').waitFor();
    expect(await count(chair, 'changed')).toBe(1);
    expect(await count(chair, 'new') + await count(chair, 'deleted') + await count(chair, 'moved')).toBe(0);
    const total = await count(chair, 'total');
    expect(await count(chair, 'unchanged')).toBe(total - 1);
    const changed = cmp.locator('[data-testid=compare-row][data-status=changed]');
    expect(await changed.getAttribute('data-old-ref')).toBe('OP2');
    expect(await changed.getAttribute('data-new-ref')).toBe('OP2');
    expect(await changed.locator('[data-testid=compare-new] ins').textContent()).toBe(' fully');
    expect(await changed.locator('[data-testid=compare-old] ins').count()).toBe(0);
    expect(await changed.locator('[data-testid=compare-old]').textContent()).toContain(OP2_OLD);
    await chair.screenshot({ path: `${ARTIFACTS}/revisions-compare-side-by-side.png` });

    await cmp.locator('[data-testid=compare-mode-inline]').click();
    expect(await changed.locator('[data-testid=compare-inline] ins').textContent()).toBe(' fully');
    expect(await changed.locator('[data-testid=compare-old]').count()).toBe(0);
    expect(await cmp.locator('[data-testid=compare-row]').count()).toBe(total);
    await cmp.locator('[data-testid=compare-hide-unchanged]').check();
    expect(await cmp.locator('[data-testid=compare-row]').count()).toBe(1);
    await chair.screenshot({ path: `${ARTIFACTS}/revisions-compare-inline.png` });
  }), 90_000);

  it('compares a draft made from A/RES/76/19 with A/RES/78/16 pasted and uploaded', () => withScreenshots('compare-text', async () => {
    const draft = await h.createDraft(corpusText('A-RES-76-19'));
    const chair = await openAs(draft, await h.invite(draft, 'Chair', 'chair'));
    const other = corpusText('A-RES-78-16');
    const expected = (await (await fetch(`${h.server.url}/api/drafts/${draft.id}/compare`, {
      method: 'POST', headers: { ...bearer(draft.token), 'content-type': 'application/json' }, body: JSON.stringify({ from: 'live', text: other, textSide: 'old' }),
    })).json()) as Comparison;
    expect(expected.summary.changed).toBeGreaterThan(0);

    await chair.locator('[data-testid=open-compare]').click();
    const cmp = chair.locator('[data-testid=compare-view]');
    // No revision yet: another text (old) against the live text (new).
    expect(await cmp.locator('[data-testid=compare-from]').inputValue()).toBe('text');
    expect(await cmp.locator('[data-testid=compare-to]').inputValue()).toBe('live');
    await cmp.locator('[data-testid=compare-run]').click();
    expect(await cmp.locator('[data-testid=compare-error]').textContent()).toContain('Paste the other text');
    await cmp.locator('[data-testid=compare-text]').fill(other);
    await cmp.locator('[data-testid=compare-run]').click();
    await cmp.locator('[data-testid=compare-summary]').waitFor();
    for (const s of ['unchanged', 'changed', 'new', 'deleted', 'moved', 'total'] as const) expect(await count(chair, s)).toBe(expected.summary[s]);
    expect(await cmp.locator('[data-testid=compare-row]').count()).toBe(expected.summary.total);
    const firstChanged = cmp.locator('[data-testid=compare-row][data-status=changed]').first();
    expect(await firstChanged.locator('ins, del').count()).toBeGreaterThan(0);
    await cmp.locator('[data-testid=compare-hide-unchanged]').check();
    expect(await cmp.locator('[data-testid=compare-row]').count()).toBe(expected.summary.total - expected.summary.unchanged);
    await chair.screenshot({ path: `${ARTIFACTS}/revisions-compare-corpus.png` });

    // The same text uploaded as the new side: new and deleted swap.
    await cmp.locator('[data-testid=compare-from]').selectOption('live');
    await cmp.locator('[data-testid=compare-to]').selectOption('text');
    await cmp.locator('[data-testid=compare-file]').setInputFiles(fileURLToPath(new URL('../fixtures/corpus/A-RES-78-16.txt', import.meta.url)));
    await waitFor(async () => (await cmp.locator('[data-testid=compare-text]').inputValue()).length > 1000, 'the upload fills the text', 10_000);
    await cmp.locator('[data-testid=compare-run]').click();
    await waitFor(async () => (await cmp.locator('[data-testid=compare-to-name]').textContent()) === 'Text from A-RES-78-16.txt', 'the uploaded comparison', 15_000);
    expect(await count(chair, 'new')).toBe(expected.summary.deleted);
    expect(await count(chair, 'deleted')).toBe(expected.summary.new);
    expect(await count(chair, 'changed')).toBe(expected.summary.changed);

    // Not a resolution: the importer's reason is shown.
    await cmp.locator('[data-testid=compare-text]').fill('Just a note about lunch.');
    await cmp.locator('[data-testid=compare-run]').click();
    expect(await cmp.locator('[data-testid=compare-error]').textContent()).toContain('the text was not imported');
  }), 90_000);
});

/**
 * Amendments and positions across three isolated browsers, each with its own invitation token: Brazil
 * proposes new wording for OP1 by editing a live copy of the paragraph, Kenya sees it inline as a tracked
 * change tagged "Brazil" and records its opposition, and the chair sees the amendment and the opposition in
 * the positions matrix. They meet only through the server (which checks every write against the rules).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { startBrowserHarness, type BrowserHarness } from '../helpers/browser-harness.ts';
import { readDraft, waitFor, type Draft } from '../server/helpers.ts';
import { draftText, FULL_HEAD } from '../fixtures/small-draft.ts';

const DRAFT = draftText(FULL_HEAD, `Recalling its earlier resolutions,

1. Welcomes the report of the Secretary-General;

2. Encourages all States to cooperate;

3. Decides to remain seized of the matter.
`);

const OP1 = 'Welcomes the report of the Secretary-General;';
const PROPOSED = 'Takes note of the report of the Secretary-General;';

let h: BrowserHarness;
let draft: Draft;
const tokens: Record<'brazil' | 'kenya' | 'chair', string> = { brazil: '', kenya: '', chair: '' };

async function openWith(token: string): Promise<Page> {
  const page = await h.open(draft, token);
  await showSide(page, 'amendments');
  return page;
}

/** Open the side drawer on the amendments panel or the positions matrix. */
async function showSide(page: Page, side: 'amendments' | 'positions'): Promise<void> {
  // The open drawer may cover the toolbar's toggles: close it first.
  const close = page.locator('[data-testid=close-side]');
  if ((await close.count()) > 0) {
    await close.click();
    await page.locator('[data-testid=side-drawer]').waitFor({ state: 'detached' });
  }
  await page.locator(`[data-testid=toggle-${side}]`).click();
  await page.locator(side === 'amendments' ? '[data-testid=amendments-panel]' : '[data-testid=positions-matrix]').waitFor({ timeout: 15_000 });
}

beforeAll(async () => {
  h = await startBrowserHarness({ server: { log: () => undefined }, viewport: { width: 1400, height: 1000 } });
  draft = await h.createDraft(DRAFT);
  tokens.brazil = await h.invite(draft, 'Brazil', 'delegation');
  tokens.kenya = await h.invite(draft, 'Kenya', 'delegation');
  tokens.chair = await h.invite(draft, 'Chair', 'chair');
});

afterAll(async () => {
  await h?.close();
});

describe('amendments and positions in three browsers', () => {
  it('Brazil proposes, Kenya sees it inline and opposes, the chair sees both in the matrix', async () => {
    try {
      await scenario();
    } catch (error) {
      // Leave the three screens behind for whoever reads the failure.
      await h.screenshotAll('test-artifacts/negotiation-failure');
      throw error;
    }
  }, 60_000);
});

/** Brazil proposes, Kenya sees and opposes, the chair sees the matrix. */
async function scenario(): Promise<void> {
  const json = (await readDraft(h.server.url, draft)) as { operative: Array<{ id: string; text: string }> };
  const op1 = json.operative[0];
  expect(op1.text).toBe(OP1);

  const brazil = await openWith(tokens.brazil);
  const kenya = await openWith(tokens.kenya);
  const chair = await openWith(tokens.chair);

  // Brazil: new wording for OP1, edited on a live copy of the paragraph.
  await brazil.locator('[data-testid=propose-amendment]').click();
  await brazil.locator('[data-testid=propose-kind]').selectOption('wording');
  await brazil.locator('[data-testid=propose-target]').selectOption(op1.id);
  await brazil.locator('[data-testid=propose-rationale]').fill('Softer language.');
  await brazil.locator('[data-testid=propose-submit]').click();
  const editor = brazil.locator('[data-testid=amendment-text]');
  await editor.waitFor();
  expect(await editor.inputValue()).toBe(OP1);
  await editor.fill(PROPOSED);
  const card = brazil.locator('[data-testid=amendment][data-author=Brazil]');
  await card.locator('[data-testid=amendment-diff] ins', { hasText: 'Takes note of' }).waitFor();
  const amendmentId = await card.getAttribute('data-amendment-id');
  if (!amendmentId) throw new Error('the amendment card has no id');

  // Kenya: the tracked change is inline in OP1, tagged Brazil, and the paragraph's own text is untouched.
  const para = kenya.locator(`[data-testid=editor] .ph-op[data-id="${op1.id}"]`);
  await para.locator('.ph-tc-ins[data-delegation="Brazil"][data-text="Takes note of"]').waitFor({ timeout: 15_000 });
  await para.locator('.ph-tc-del[data-delegation="Brazil"]', { hasText: 'Welcomes' }).waitFor();
  await para.locator('.ph-tc-tag[data-tag="Brazil"]').waitFor();
  expect(await para.textContent()).toBe(OP1);
  // The panel's view selector drives the inline overlay: clean text hides it, Brazil's proposals show it again.
  await kenya.locator('[data-testid=negotiation-view]').selectOption('clean');
  await waitFor(async () => (await para.locator('.ph-tc-ins, .ph-tc-del, .ph-tc-tag').count()) === 0, 'clean view without tracked changes');
  await kenya.locator('[data-testid=negotiation-view]').selectOption('d:Brazil');
  await para.locator('.ph-tc-ins[data-delegation="Brazil"]').waitFor();
  // ... and in its panel, where it records its opposition.
  const kenyaCard = kenya.locator(`[data-testid=amendment][data-amendment-id="${amendmentId}"]`);
  await kenyaCard.locator('[data-testid=amendment-rationale-text]', { hasText: 'Softer language.' }).waitFor();
  await kenyaCard.locator('[data-testid=position-stance]').selectOption('oppose');
  await kenyaCard.locator('[data-testid=position-control][data-stance=oppose]').waitFor();

  // The chair: the amendment and Kenya's opposition in the matrix, the row flagged, and the chair's buttons.
  await chair.locator(`[data-testid=amendment][data-amendment-id="${amendmentId}"] [data-testid=amendment-accept]`).waitFor();
  await showSide(chair, 'positions');
  const row = chair.locator(`[data-testid=positions-matrix] [data-testid=matrix-row][data-target="${amendmentId}"]`);
  await row.locator('[data-testid=matrix-cell][data-delegation=Kenya][data-stance=oppose]').waitFor({ timeout: 15_000 });
  expect(await row.getAttribute('data-open-opposition')).toBe('true');
  expect(await row.locator('th').textContent()).toContain('Brazil');
  await chair.locator('[data-testid=matrix-only-opposed]').check();
  await waitFor(async () => (await chair.locator('[data-testid=matrix-row]').count()) === 1, 'only the opposed row left');
  await chair.locator(`[data-testid=editor] .ph-op[data-id="${op1.id}"] .ph-tc-tag[data-tag="Brazil"]`).waitFor();
  // Brazil sees Kenya's opposition counted on its own amendment.
  await card.locator('[data-testid=position-counts]', { hasText: '1 oppose' }).waitFor();

  fs.mkdirSync('test-artifacts', { recursive: true });
  await kenya.screenshot({ path: 'test-artifacts/negotiation-kenya.png', fullPage: true });
  await chair.screenshot({ path: 'test-artifacts/negotiation-chair.png', fullPage: true });
}

/**
 * Merging in the UI across three isolated browsers (own invitation tokens, as in negotiation.test.ts):
 * Brazil proposes new wording for OP1 and Kenya a new paragraph after OP2; the chair clicks Accept on
 * both (the server makes the merges) and every open client shows the merged wording, the new paragraph
 * and both amendments as accepted; the server's JSON has them. The chair then undoes the newest merge
 * (the new paragraph) from the server's undo list, and every client sees it gone and the amendment open.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
const INSERTED = 'Calls upon all States to share best practices;';

let h: BrowserHarness;
let draft: Draft;
const tokens: Record<'brazil' | 'kenya' | 'chair', string> = { brazil: '', kenya: '', chair: '' };

async function openWith(token: string): Promise<Page> {
  const page = await h.open(draft, token);
  await page.locator('[data-testid=toggle-amendments]').click();
  await page.locator('[data-testid=amendments-panel]').waitFor({ timeout: 15_000 });
  return page;
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

type DraftJson = { operative: Array<{ id: string; text: string }> };

describe('merging an amendment from the chair\'s panel', () => {
  it('the chair accepts a wording and an insert, every client sees them; the undo reaches every client too', async () => {
    try {
      await scenario();
    } catch (error) {
      await h.screenshotAll('test-artifacts/merge-failure');
      throw error;
    }
  }, 90_000);
});

async function scenario(): Promise<void> {
  const op1 = ((await readDraft(h.server.url, draft)) as DraftJson).operative[0];
  expect(op1.text).toBe(OP1);

  const brazil = await openWith(tokens.brazil);
  const kenya = await openWith(tokens.kenya);
  const chair = await openWith(tokens.chair);

  await brazil.locator('[data-testid=propose-amendment]').click();
  await brazil.locator('[data-testid=propose-kind]').selectOption('wording');
  await brazil.locator('[data-testid=propose-target]').selectOption(op1.id);
  await brazil.locator('[data-testid=propose-submit]').click();
  const editor = brazil.locator('[data-testid=amendment-text]');
  await editor.waitFor();
  await editor.fill(PROPOSED);
  const card = brazil.locator('[data-testid=amendment][data-author=Brazil]');
  await card.locator('[data-testid=amendment-diff] ins', { hasText: 'Takes note of' }).waitFor();
  const amendmentId = await card.getAttribute('data-amendment-id');
  if (!amendmentId) throw new Error('the amendment card has no id');

  // The chair waits for Brazil's full wording to arrive, then accepts.
  const chairCard = chair.locator(`[data-testid=amendment][data-amendment-id="${amendmentId}"]`);
  await chairCard.locator('[data-testid=amendment-diff] ins', { hasText: 'Takes note of' }).waitFor({ timeout: 15_000 });
  await chairCard.locator('[data-testid=amendment-accept]').click();
  await chair.locator(`[data-testid=undo-merge][data-amendment-id="${amendmentId}"]`).waitFor();

  for (const page of [brazil, kenya, chair]) {
    const para = page.locator(`[data-testid=editor] .ph-op[data-id="${op1.id}"]`);
    await waitFor(async () => (await para.textContent()) === PROPOSED, 'OP1 shows the merged wording', 15_000);
    await page.locator(`[data-testid=amendment][data-amendment-id="${amendmentId}"][data-status=accepted]`).waitFor({ timeout: 15_000 });
    // Accepted amendments are not drawn inline any more.
    expect(await para.locator('.ph-tc-ins, .ph-tc-del').count()).toBe(0);
  }

  await waitFor(async () => ((await readDraft(h.server.url, draft)) as DraftJson).operative[0].text === PROPOSED, 'server JSON has the new OP1', 15_000);
  expect(((await readDraft(h.server.url, draft)) as DraftJson).operative[0].id).toBe(op1.id);

  // Kenya proposes a new paragraph after OP2; the chair accepts it (the server writes Kenya's paragraph sponsorship).
  const op2 = ((await readDraft(h.server.url, draft)) as DraftJson).operative[1];
  await kenya.locator('[data-testid=propose-amendment]').click();
  await kenya.locator('[data-testid=propose-kind]').selectOption('insert');
  await kenya.locator('[data-testid=propose-target]').selectOption(op2.id);
  await kenya.locator('[data-testid=propose-submit]').click();
  const insertEditor = kenya.locator('[data-testid=amendment-text]');
  await insertEditor.waitFor();
  await insertEditor.fill(INSERTED);
  const insertCard = kenya.locator('[data-testid=amendment][data-author=Kenya][data-kind=insert]');
  await insertCard.locator('[data-testid=amendment-diff] ins', { hasText: 'best practices' }).waitFor();
  const insertId = await insertCard.getAttribute('data-amendment-id');
  if (!insertId) throw new Error('the insert card has no id');
  const chairInsert = chair.locator(`[data-testid=amendment][data-amendment-id="${insertId}"]`);
  await chairInsert.locator('[data-testid=amendment-diff] ins', { hasText: 'best practices' }).waitFor({ timeout: 15_000 });
  await chairInsert.locator('[data-testid=amendment-accept]').click();
  await chair.locator(`[data-testid=undo-merge][data-amendment-id="${insertId}"]`).waitFor({ timeout: 15_000 });
  expect(await chair.locator('[data-testid=merge-error]').count()).toBe(0);

  const inserted = (page: Page) => page.locator('[data-testid=editor] .ph-op', { hasText: INSERTED });
  for (const page of [brazil, kenya, chair]) {
    await inserted(page).waitFor({ timeout: 15_000 });
    await page.locator(`[data-testid=amendment][data-amendment-id="${insertId}"][data-status=accepted]`).waitFor({ timeout: 15_000 });
    await page.locator(`[data-testid=amendment][data-amendment-id="${amendmentId}"][data-status=accepted]`).waitFor({ timeout: 15_000 });
  }
  await waitFor(async () => {
    const ops = ((await readDraft(h.server.url, draft)) as DraftJson).operative;
    return ops.length === 4 && ops[0].text === PROPOSED && ops[1].id === op2.id && ops[2].text === INSERTED;
  }, 'server JSON has the new paragraph after OP2', 15_000);

  // Only the newest merge can be undone; the chair takes the new paragraph back.
  expect(await chair.locator(`[data-testid=undo-merge][data-amendment-id="${amendmentId}"]`).count()).toBe(0);
  await chair.locator(`[data-testid=undo-merge][data-amendment-id="${insertId}"]`).click();
  await chair.locator('[data-testid=merge-message]', { hasText: 'Undid' }).waitFor({ timeout: 15_000 });
  for (const page of [brazil, kenya, chair]) {
    await page.locator(`[data-testid=amendment][data-amendment-id="${insertId}"][data-status=proposed]`).waitFor({ timeout: 15_000 });
    await waitFor(async () => (await inserted(page).count()) === 0, 'the new paragraph is gone', 15_000);
    expect(await page.locator(`[data-testid=editor] .ph-op[data-id="${op1.id}"]`).textContent()).toBe(PROPOSED);
  }
  // The wording merge is now the newest standing one: undoable.
  await chair.locator(`[data-testid=undo-merge][data-amendment-id="${amendmentId}"]`).waitFor({ timeout: 15_000 });
  expect(((await readDraft(h.server.url, draft)) as DraftJson).operative.length).toBe(3);
}

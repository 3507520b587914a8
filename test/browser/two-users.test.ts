/**
 * Two people in two isolated browser contexts (no shared storage, no BroadcastChannel) open one draft
 * from their personal invitation links and can only meet through the server: each sees who the other
 * is (server-stamped identity), the other's typing and caret, and inserting an operative paragraph
 * renumbers the later ones on both screens.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { startBrowserHarness, type BrowserHarness } from '../helpers/browser-harness.ts';
import { waitFor, type Draft } from '../server/helpers.ts';
import { draftText, FULL_HEAD } from '../fixtures/small-draft.ts';

const DRAFT = draftText(FULL_HEAD, `Recalling its earlier resolutions,

Noting the progress made,

1. Welcomes the report of the Secretary-General;

2. Encourages all States to cooperate;

3. Decides to remain seized of the matter.
`);

let h: BrowserHarness;
let draft: Draft;

/** Issue an invitation with the secretariat's token; returns the personal link. */
async function invite(participant: string, role: string): Promise<string> {
  return (await h.issue(draft, participant, role)).link;
}

/** Open a personal link in a fresh context; the token must leave the address bar. */
async function openLink(link: string): Promise<Page> {
  const page = await h.openLink(link);
  expect(page.url()).not.toContain('token=');
  return page;
}

/** The derived labels of the level-0 operative paragraphs, in document order, keyed by their text. */
async function operativeLabels(page: Page): Promise<Array<[string, string]>> {
  return page.$$eval('[data-testid=editor] .ph-op[data-level="0"]', (els) =>
    els.map((el) => [el.getAttribute('data-label') ?? '', (el.textContent ?? '').trim()] as [string, string]));
}

/** Two animation frames: lets the browser deliver pending `selectionchange` events to ProseMirror. */
const settle = (page: Page) => page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))));

/**
 * Put the caret at the end of the operative paragraph whose text starts with `prefix`. ProseMirror learns of
 * a click's caret through the async `selectionchange` event, so wait until the editor state (shown by the
 * `ph-current` class it derives) has the caret in that paragraph before pressing keys.
 */
async function caretAtEndOf(page: Page, prefix: string): Promise<void> {
  const para = page.locator('[data-testid=editor] .ph-op', { hasText: prefix }).first();
  // Click near the left edge: the middle of the line may be covered by another user's caret label.
  const box = await para.boundingBox();
  if (!box) throw new Error(`paragraph "${prefix}" is not visible`);
  await para.click({ position: { x: Math.min(60, box.width / 2), y: Math.min(8, box.height / 2) } });
  await page.locator('[data-testid=editor] .ph-op.ph-current', { hasText: prefix }).waitFor();
  await page.keyboard.press('End');
  await settle(page);
}

beforeAll(async () => {
  h = await startBrowserHarness();
  draft = await h.createDraft(DRAFT);
  expect(draft.token).toBeTruthy();
});

afterAll(async () => {
  await h?.close();
});

describe('two browsers on one draft', () => {
  it('see each other type, see each other\'s caret, and renumber together', async () => {
    const ann = await openLink(await invite('brazil', 'penholder'));
    const bob = await openLink(await invite('Chair', 'chair'));

    // Identity comes from the token: the directory's canonical name and the role.
    await ann.locator('[data-testid=whoami]', { hasText: 'You are: Brazil (penholder)' }).waitFor();
    await bob.locator('[data-testid=whoami]', { hasText: 'You are: Chair (chair)' }).waitFor();
    // Presence: each lists the other, by the server-stamped name and role.
    await ann.locator('[data-testid=presence-entry][data-name="Chair"][data-role="chair"]').waitFor();
    await bob.locator('[data-testid=presence-entry][data-name="Brazil"][data-role="penholder"]').waitFor();

    // Ann types into OP2; Bob sees it.
    await caretAtEndOf(ann, 'Encourages');
    await ann.keyboard.press('ArrowLeft'); // before the final ";"
    await ann.keyboard.type(' in good faith');
    await bob.locator('[data-testid=editor] .ph-op', { hasText: 'cooperate in good faith;' }).waitFor();

    // Bob types into OP1; Ann sees it, and sees Bob's caret labelled with his name.
    await caretAtEndOf(bob, 'Welcomes');
    await bob.keyboard.press('ArrowLeft');
    await bob.keyboard.type(' with appreciation');
    await ann.locator('[data-testid=editor] .ph-op', { hasText: 'Secretary-General with appreciation;' }).waitFor();
    await ann.locator('.collaboration-carets__caret[data-name="Chair"]').waitFor();
    await bob.locator('.collaboration-carets__caret[data-name="Brazil"]').waitFor();

    // Both start with OP1..OP3.
    expect((await operativeLabels(ann)).map(([l]) => l)).toEqual(['1.', '2.', '3.']);

    // Ann inserts a new operative paragraph after OP1: the later ones become 3 and 4 on both screens.
    await caretAtEndOf(ann, 'Welcomes');
    await ann.keyboard.press('Enter');
    await ann.keyboard.type('Requests the Secretary-General to report;');
    const expected: Array<[string, string]> = [
      ['1.', 'Welcomes the report of the Secretary-General with appreciation;'],
      ['2.', 'Requests the Secretary-General to report;'],
      ['3.', 'Encourages all States to cooperate in good faith;'],
      ['4.', 'Decides to remain seized of the matter.'],
    ];
    for (const page of [ann, bob]) {
      await waitFor(async () => JSON.stringify(await operativeLabels(page)) === JSON.stringify(expected), `renumbered operative paragraphs, saw ${JSON.stringify(await operativeLabels(page))}`, 15_000);
    }

    // The server's JSON agrees with what both screens show.
    const json = (await (await fetch(`${h.server.url}/api/drafts/${draft.id}`, { headers: { authorization: `Bearer ${draft.token}` } })).json()) as { operative: Array<{ number: number; text: string }> };
    expect(json.operative.map((p) => [`${p.number}.`, p.text])).toEqual(expected);

    fs.mkdirSync('test-artifacts', { recursive: true });
    await bob.screenshot({ path: 'test-artifacts/two-users-bob.png', fullPage: true });
  });
});

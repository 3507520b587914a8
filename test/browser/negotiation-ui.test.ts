/**
 * The negotiation controls in two browsers: paragraph co-sponsorship in the margin, the chair's
 * paragraph statuses (brackets, lock), phase changes making the text read-only, and a refused update
 * (an edit held back until the chair locked its paragraph) that the client recovers from by starting
 * over from the server's state, with a notice and without a page reload.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page, WebSocketRoute } from 'playwright-core';
import { startBrowserHarness, type BrowserHarness } from '../helpers/browser-harness.ts';
import { waitFor, type Draft } from '../server/helpers.ts';
import { draftText, MINIMAL_HEAD } from '../fixtures/small-draft.ts';

const DRAFT = draftText(MINIMAL_HEAD, `Recalling its earlier resolutions,

1. Welcomes the report of the Secretary-General;

2. Encourages all States to cooperate;

3. Decides to remain seized of the matter.
`);

let h: BrowserHarness;

const op = (page: Page, prefix: string) => page.locator('[data-testid=editor] .ph-op', { hasText: prefix }).first();

/** The margin entry of the operative paragraph whose text starts with `prefix`. */
async function marginOf(page: Page, prefix: string) {
  const id = await op(page, prefix).getAttribute('data-id');
  return page.locator(`[data-testid=margin-entry][data-para-id="${id}"]`);
}

async function setStatus(chair: Page, prefix: string, status: string): Promise<void> {
  const entry = await marginOf(chair, prefix);
  if ((await entry.locator('[data-testid=margin-popover]').count()) === 0) await entry.locator('[data-testid=margin-toggle]').click();
  await entry.locator(`[data-testid=set-status][data-status="${status}"]`).click();
}

async function typeAtEnd(page: Page, prefix: string, text: string): Promise<void> {
  const para = op(page, prefix);
  await para.click({ position: { x: 60, y: 8 } });
  await page.locator('[data-testid=editor] .ph-op.ph-current', { hasText: prefix }).waitFor();
  await page.keyboard.press('End');
  await page.keyboard.type(text);
}

async function serverOperatives(draft: Draft): Promise<string[]> {
  const res = await fetch(`${h.server.url}/api/drafts/${draft.id}`, { headers: { authorization: `Bearer ${draft.token}` } });
  return ((await res.json()) as { operative: Array<{ text: string }> }).operative.map((p) => p.text);
}

beforeAll(async () => {
  h = await startBrowserHarness({ viewport: { width: 1400, height: 900 } });
});

afterAll(async () => {
  await h?.close();
});

describe('negotiation controls', () => {
  it('co-sponsors a paragraph, brackets and locks paragraphs, and follows the phase', async () => {
    const draft = await h.createDraft(DRAFT);
    const brazil = await h.open(draft, await h.invite(draft, 'Brazil', 'penholder'));
    const chair = await h.open(draft, await h.invite(draft, 'Chair', 'chair'));

    // Brazil co-sponsors OP2 from the margin; both margins show it.
    const entry = await marginOf(brazil, 'Encourages');
    await entry.locator('[data-testid=margin-toggle]').click();
    await entry.locator('[data-testid=join-paragraph]').click();
    await entry.locator('[data-testid=margin-toggle]', { hasText: 'OP2 · Brazil' }).waitFor();
    await (await marginOf(chair, 'Encourages')).locator('[data-testid=margin-toggle]', { hasText: 'OP2 · Brazil' }).waitFor();
    // The penholder has no status menu; the chair has.
    expect(await entry.locator('[data-testid=set-status]').count()).toBe(0);

    // The chair brackets OP2 and agrees OP1: brackets and a lock on both screens.
    await setStatus(chair, 'Encourages', 'bracketed');
    await setStatus(chair, 'Welcomes', 'agreed');
    for (const page of [brazil, chair]) {
      await page.locator('[data-testid=editor] .ph-op[data-status=bracketed] .ph-bracket[data-mark="["]').waitFor();
      await page.locator('[data-testid=editor] .ph-op[data-status=bracketed] .ph-bracket[data-mark="]"]').waitFor();
      await page.locator('[data-testid=editor] .ph-op[data-status=agreed] .ph-lock').waitFor();
    }
    // Brackets are drawn, not stored: the text is unchanged.
    expect(await op(brazil, 'Encourages').textContent()).toBe('Encourages all States to cooperate;');

    // The agreed paragraph refuses Brazil's typing; the bracketed one does not.
    await typeAtEnd(brazil, 'Welcomes', ' LOCKED');
    await typeAtEnd(brazil, 'Decides', ' Yes.');
    await op(chair, 'Decides to remain seized of the matter. Yes.').waitFor();
    expect(await op(brazil, 'Welcomes').textContent()).toBe('Welcomes the report of the Secretary-General;');

    // Negotiation phase: only the chair edits text directly.
    await chair.locator('[data-testid=phase-select]').selectOption('negotiation');
    await brazil.locator('[data-testid=phase-badge][data-phase=negotiation]').waitFor();
    await brazil.locator('[data-testid=editor][data-readonly=true]').waitFor();
    expect(await chair.locator('[data-testid=editor]').getAttribute('data-readonly')).toBe('false');
    expect(await brazil.locator('[data-testid=phase-select]').count()).toBe(0);
    await brazil.screenshot({ path: 'test-artifacts/negotiation-brazil.png', fullPage: true });
  });

  it('recovers from a refused update: fresh state from the server, a notice, no reload', async () => {
    const draft = await h.createDraft(DRAFT);
    // Brazil's messages to the server can be held back, so an edit arrives after the chair locked its paragraph.
    let hold = false;
    const held: Array<() => void> = [];
    const brazil = await h.open(draft, await h.invite(draft, 'Brazil', 'penholder'), { prepare: async (page) => {
      await page.routeWebSocket(/\/collab\//, (ws: WebSocketRoute) => {
        const upstream = ws.connectToServer();
        ws.onMessage((m) => {
          if (hold) held.push(() => upstream.send(m));
          else upstream.send(m);
        });
        upstream.onMessage((m) => ws.send(m));
        upstream.onClose((code, reason) => ws.close({ code, reason }));
        ws.onClose((code, reason) => upstream.close({ code, reason }));
      });
    } });
    const chair = await h.open(draft, await h.invite(draft, 'Chair', 'chair'));
    await brazil.evaluate(() => { (window as unknown as { marker: string }).marker = 'same page'; });

    hold = true;
    await typeAtEnd(brazil, 'Welcomes', ' HELD');
    await op(brazil, 'Secretary-General; HELD').waitFor();
    await setStatus(chair, 'Welcomes', 'agreed');
    await brazil.locator('[data-testid=editor] .ph-op[data-status=agreed]').waitFor();
    hold = false;
    for (const send of held.splice(0)) send();

    await brazil.locator('[data-testid=refusal-notice]', { hasText: 'Your change was refused: ' }).waitFor({ timeout: 10_000 });
    await brazil.locator('[data-testid=connection-badge][data-state=connected]').waitFor({ timeout: 15_000 });
    await waitFor(async () => (await op(brazil, 'Welcomes').textContent()) === 'Welcomes the report of the Secretary-General;',
      'the refused edit to disappear');
    await brazil.locator('[data-testid=editor] .ph-op[data-status=agreed] .ph-lock').waitFor();
    expect(await brazil.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe('same page');
    expect(await serverOperatives(draft)).toEqual([
      'Welcomes the report of the Secretary-General;', 'Encourages all States to cooperate;', 'Decides to remain seized of the matter.',
    ]);
    // The fresh session works: Brazil's next edit reaches the chair.
    await typeAtEnd(brazil, 'Decides', ' Again.');
    await op(chair, 'seized of the matter. Again.').waitFor();
  });

  it('draft sponsors: co-sponsoring, withdrawing, recording on behalf, tabling and additional sponsors', async () => {
    const draft = await h.createDraft(DRAFT);
    const secretariat = await h.open(draft, draft.token);
    const kenya = await h.open(draft, await h.invite(draft, 'Kenya', 'delegation'));
    const chile = await h.open(draft, await h.invite(draft, 'Chile', 'delegation'));

    await secretariat.locator('[data-testid=record-sponsor-name]').fill('brazil');
    await secretariat.locator('[data-testid=record-sponsor-kind]').selectOption('main');
    await secretariat.locator('[data-testid=record-sponsor]').click();
    await kenya.locator('[data-testid=cosponsor-draft]').click();
    for (const page of [secretariat, kenya, chile]) {
      await page.locator('[data-testid=sponsor-line]', { hasText: 'Brazil and Kenya: draft resolution' }).waitFor();
    }
    await kenya.locator('[data-testid=withdraw-sponsorship]').click();
    await chile.locator('[data-testid=sponsor-line]', { hasText: /^Brazil: draft resolution$/ }).waitFor();

    await secretariat.locator('[data-testid=mark-tabled]').click();
    await chile.locator('[data-testid=tabled]').waitFor();
    await chile.locator('[data-testid=cosponsor-draft]').click();
    await secretariat.locator('[data-testid=additional-sponsors]', { hasText: 'Additional sponsors: Chile' }).waitFor();
    expect(await secretariat.locator('[data-testid=sponsor-line]').textContent()).toBe('Brazil: draft resolution');
  });
});

/**
 * A server started with a creation key (PENHOLDER_CREATE_KEY): the draft list asks for the key, a wrong
 * key shows the server's message and can be retried, the right key lists and creates drafts (sent on
 * the drafts collection only, never on per-draft calls), and "Forget key" clears it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserHarness, type BrowserHarness } from '../helpers/browser-harness.ts';
import { waitFor } from '../server/helpers.ts';

const KEY = 's3cret';
let h: BrowserHarness;

beforeAll(async () => {
  h = await startBrowserHarness({ server: { createKey: KEY } });
});

afterAll(async () => {
  await h?.close();
});

async function serverDraftIds(): Promise<string[]> {
  const res = await fetch(`${h.server.url}/api/drafts`, { headers: { authorization: `Bearer ${KEY}` } });
  expect(res.status).toBe(200);
  return ((await res.json()) as { drafts: Array<{ id: string }> }).drafts.map((d) => d.id);
}

describe('creation key', () => {
  it('asks for the key, shows the refusal of a wrong one, and creates and opens a draft with the right one', async () => {
    const page = await h.newPage();
    const sent: Array<{ path: string; auth: string | null }> = [];
    page.on('request', (req) => {
      const url = new URL(req.url());
      if (url.pathname.startsWith('/api/')) sent.push({ path: url.pathname, auth: req.headers().authorization ?? null });
    });

    await page.goto(`${h.server.url}/#/`);
    await page.locator('[data-testid=create-key-form]', { hasText: 'This server needs a creation key' }).waitFor();
    expect(await page.locator('[data-testid=create-key-error]').count()).toBe(0);
    expect(await page.locator('[data-testid=list-closed]').count()).toBe(0);

    await page.getByLabel('Creation key').fill('wrong-key');
    await page.locator('[data-testid=create-key-submit]').click();
    await page.locator('[data-testid=create-key-error]', { hasText: 'requires' }).waitFor();
    expect(await page.evaluate(() => localStorage.getItem('penholder.createKey'))).toBeNull();

    await page.locator('[data-testid=create-key-input]').fill(KEY);
    await page.locator('[data-testid=create-key-submit]').click();
    await page.locator('[data-testid=forget-create-key]').waitFor();
    expect(await page.locator('[data-testid=create-key-form]').count()).toBe(0);
    expect(await page.evaluate(() => localStorage.getItem('penholder.createKey'))).toBe(KEY);

    await page.locator('[data-testid=create-draft]').click();
    await page.locator('[data-testid=whoami]', { hasText: 'You are: Secretariat (secretariat)' }).waitFor({ timeout: 15_000 });
    await page.locator('[data-testid=connection-badge][data-state=connected]').waitFor({ timeout: 15_000 });
    const draftId = await page.locator('[data-testid=editor]').getAttribute('data-draft-id');
    expect(draftId).toBeTruthy();
    await waitFor(async () => (await serverDraftIds()).includes(draftId ?? ''), 'the new draft on the server');

    // Back on the list: the server lists it (key accepted), and this browser holds its secretariat token.
    await page.goto(`${h.server.url}/#/`);
    await page.locator(`[data-testid=draft-item][data-draft-id="${draftId}"][data-role=secretariat]`).waitFor();

    // The key went to the collection only; per-draft calls carried the draft token.
    const collection = sent.filter((r) => r.path === '/api/drafts');
    const perDraft = sent.filter((r) => r.path.startsWith(`/api/drafts/${draftId}`));
    expect(collection.some((r) => r.auth === `Bearer ${KEY}`)).toBe(true);
    expect(perDraft.length).toBeGreaterThan(0);
    expect(perDraft.every((r) => r.auth !== null && r.auth !== `Bearer ${KEY}`)).toBe(true);

    await page.locator('[data-testid=forget-create-key]').click();
    await page.locator('[data-testid=create-key-form]').waitFor();
    expect(await page.locator('[data-testid=create-key-error]').count()).toBe(0);
    expect(await page.evaluate(() => localStorage.getItem('penholder.createKey'))).toBeNull();
    await page.context().close();
  });
});

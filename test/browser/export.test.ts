/**
 * Export in the browser: the secretariat sets the symbol and date in the masthead form (the server's
 * gate accepts the `meta` write; another participant's sheet shows it, and has no form), then
 * downloads the Word file (a zip named after the symbol) and the Akoma Ntoso XML, opens the
 * compilation HTML and the print view in new tabs, and exports an issued revision (Rev.1 in the file
 * name). Files come through fetch + Blob: the token never appears in a URL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import type { Download, Page } from 'playwright-core';
import { startBrowserHarness, type BrowserHarness } from '../helpers/browser-harness.ts';
import { waitFor, type Draft } from '../server/helpers.ts';
import { draftText, FULL_HEAD } from '../fixtures/small-draft.ts';

const DRAFT = draftText(FULL_HEAD, `Recalling its earlier resolutions on the subject,

1. Welcomes the report of the Secretary-General;

2. Encourages all States to cooperate;

3. Decides to remain seized of the matter.
`);

let h: BrowserHarness;
/** Every URL the pages requested: none may carry a token. */
const requested: string[] = [];

/** Opens the participant's link in a fresh context that records every API URL it requests. */
async function openAs(draft: Draft, participant: string, role: string): Promise<Page> {
  return h.open(draft, await h.invite(draft, participant, role), {
    acceptDownloads: true,
    prepare: (page) => { page.context().on('request', (r) => { if (r.url().includes('/api/')) requested.push(r.url()); }); },
  });
}

async function downloadOf(page: Page, testId: string): Promise<{ download: Download; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator(`[data-testid=${testId}]`).click()]);
  const file = await download.path();
  return { download, bytes: fs.readFileSync(file) };
}

beforeAll(async () => {
  h = await startBrowserHarness({ viewport: { width: 1400, height: 900 } });
});

afterAll(async () => {
  await h?.close();
});

describe('export', () => {
  it('sets the masthead, downloads Word and Akoma Ntoso, opens the compilation', { timeout: 90_000 }, async () => {
    const draft = await h.createDraft(DRAFT);
    const officer = await openAs(draft, 'Documents Officer', 'secretariat');
    const kenya = await openAs(draft, 'Kenya', 'delegation');

    // The secretariat sets the symbol and the date in the masthead form.
    await officer.locator('[data-testid=toggle-export]').click();
    const form = officer.locator('[data-testid=masthead-form]');
    await form.waitFor();
    await form.locator('[data-testid=masthead-input-symbol]').fill('A/C.1/79/L.7');
    await form.locator('[data-testid=masthead-input-date]').fill('21 October 2024');
    await form.locator('[data-testid=masthead-save]').click();
    await officer.locator('[data-testid=masthead-saved]').waitFor();

    // Both sheets show it; the delegation has the panel but not the form.
    for (const page of [officer, kenya]) {
      await page.locator('[data-testid=masthead-symbol]', { hasText: 'A/C.1/79/L.7' }).waitFor();
      await page.locator('[data-testid=masthead] .ph-mh-distr', { hasText: '21 October 2024' }).waitFor();
    }
    await kenya.locator('[data-testid=toggle-export]').click();
    await kenya.locator('[data-testid=export-panel]').waitFor();
    expect(await kenya.locator('[data-testid=masthead-form]').count()).toBe(0);
    // The server kept the write (the gate let the secretariat's `meta` update through).
    await waitFor(async () => {
      const res = await fetch(`${h.server.url}/api/drafts/${draft.id}`, { headers: { authorization: `Bearer ${draft.token}` } });
      const body = (await res.json()) as { symbol: string; date: string };
      return body.symbol === 'A/C.1/79/L.7' && body.date === '21 October 2024';
    }, 'the masthead on the server');

    // Word: a zip whose name carries the symbol.
    const word = await downloadOf(officer, 'export-docx');
    expect(word.download.suggestedFilename()).toBe('A_C.1_79_L.7.docx');
    expect(word.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(word.bytes.includes(Buffer.from('word/document.xml'))).toBe(true);

    // Akoma Ntoso, downloaded by the delegation.
    const akn = await downloadOf(kenya, 'export-akn');
    expect(akn.download.suggestedFilename()).toBe('A_C.1_79_L.7.xml');
    const xml = akn.bytes.toString('utf8');
    expect(xml).toContain('<akomaNtoso');
    expect(xml).toContain('A/C.1/79/L.7');

    // The compilation HTML opens in a new tab.
    const [tab] = await Promise.all([
      officer.context().waitForEvent('page'),
      officer.locator('[data-testid=export-compilation-html]').click(),
    ]);
    await waitFor(async () => tab.url().startsWith('blob:') && (await tab.content()).includes('A/C.1/79/L.7'), 'the compilation tab');
    const shown = await tab.locator('body').innerText();
    expect(shown).toContain('Encourages all States to cooperate');
    expect(shown).toMatch(/OP2\s+pending/i);
    await officer.locator('[data-testid=export-done]', { hasText: 'opened in a new tab' }).waitFor();

    // The print view opens too.
    const [print] = await Promise.all([
      officer.context().waitForEvent('page'),
      officer.locator('[data-testid=export-html]').click(),
    ]);
    await waitFor(async () => print.url().startsWith('blob:') && (await print.locator('body').innerText()).includes('Cooperation on testing'), 'the print tab');

    // An issued revision: the selector offers it, and its Word file is the Rev.1.
    const issued = await fetch(`${h.server.url}/api/drafts/${draft.id}/revisions`, { method: 'POST', headers: { authorization: `Bearer ${draft.token}` } });
    expect(issued.status).toBe(201);
    const select = officer.locator('[data-testid=export-revision]');
    await select.focus();
    await officer.locator('[data-testid=export-revision] option', { hasText: 'Rev.1' }).waitFor({ state: 'attached' });
    await select.selectOption({ label: 'Rev.1' });
    await officer.locator('[data-testid=export-rev-note]', { hasText: '/Rev.1' }).waitFor();
    const rev = await downloadOf(officer, 'export-docx');
    expect(rev.download.suggestedFilename()).toBe('A_C.1_79_L.7_Rev.1.docx');

    expect(requested.filter((u) => u.includes('/export?')).length).toBeGreaterThanOrEqual(5);
    for (const url of requested) expect(url).not.toMatch(/token=|Bearer/);
    expect(await officer.locator('[data-testid=export-error]').count()).toBe(0);
  });
});

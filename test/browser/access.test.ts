/**
 * Access by invitation link: an observer's link opens the draft read-only (typing changes nothing, here
 * or on the server), a link revoked while the draft is open ends the session with the revoked message,
 * and opening a revoked link (or no link at all) asks for an invitation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startServer } from '../../server/main.ts';
import { launchChromium } from '../helpers/browser.ts';
import { tmpDataDir } from '../server/helpers.ts';
import { draftText, MINIMAL_HEAD } from '../fixtures/small-draft.ts';

const DRAFT = draftText(MINIMAL_HEAD, `Recalling its earlier resolutions,

1. Welcomes the report of the Secretary-General;

2. Decides to remain seized of the matter.
`);

let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;
let draftId: string;
let secretariatToken: string;
const contexts: BrowserContext[] = [];

async function invite(participant: string, role: string): Promise<{ link: string; id: string }> {
  const res = await fetch(`${server.url}/api/drafts/${draftId}/invitations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${secretariatToken}` },
    body: JSON.stringify({ participant, role }),
  });
  expect(res.status).toBe(201);
  return (await res.json()) as { link: string; id: string };
}

async function revoke(invitationId: string): Promise<void> {
  const res = await fetch(`${server.url}/api/drafts/${draftId}/invitations/${invitationId}`, {
    method: 'DELETE', headers: { authorization: `Bearer ${secretariatToken}` },
  });
  expect(res.status).toBe(204);
}

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  contexts.push(context);
  return context.newPage();
}

async function openLink(link: string): Promise<Page> {
  const page = await newPage();
  await page.goto(link);
  await page.locator('[data-testid=connection-badge][data-state=connected]').waitFor({ timeout: 15_000 });
  await page.locator('[data-testid=editor] .ph-op').first().waitFor();
  return page;
}

async function serverOperatives(): Promise<string[]> {
  const res = await fetch(`${server.url}/api/drafts/${draftId}`, { headers: { authorization: `Bearer ${secretariatToken}` } });
  return ((await res.json()) as { operative: Array<{ text: string }> }).operative.map((p) => p.text);
}

beforeAll(async () => {
  if (!fs.existsSync('dist/client/index.html')) throw new Error('dist/client is missing: run `npm run build` (npm test does)');
  server = await startServer({ port: 0, host: '127.0.0.1', dataDir: tmpDataDir() });
  const res = await fetch(`${server.url}/api/drafts`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: DRAFT });
  expect(res.status).toBe(201);
  const created = (await res.json()) as { id: string; token: string };
  draftId = created.id;
  secretariatToken = created.token;
  browser = await launchChromium();
});

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await server?.close();
});

describe('access by invitation link', () => {
  it('opens an observer link read-only: typing changes nothing', async () => {
    const { link } = await invite('UNICEF liaison', 'observer');
    const page = await openLink(link);
    await page.locator('[data-testid=whoami]', { hasText: 'You are: UNICEF liaison (observer)' }).waitFor();
    await page.locator('[data-testid=phase-badge][data-phase=drafting]').waitFor();
    const editor = page.locator('[data-testid=editor]');
    expect(await editor.getAttribute('data-readonly')).toBe('true');
    expect(await page.locator('[data-testid=editor] .ProseMirror').getAttribute('contenteditable')).toBe('false');
    // No controls an observer could not use.
    expect(await page.locator('[data-testid=phase-select]').count()).toBe(0);
    expect(await page.locator('[data-testid=open-invitations]').count()).toBe(0);

    const op1 = page.locator('[data-testid=editor] .ph-op', { hasText: 'Welcomes' });
    await op1.click();
    await page.keyboard.press('End');
    await page.keyboard.type(' TYPED');
    await page.keyboard.press('Enter');
    expect(await op1.textContent()).toBe('Welcomes the report of the Secretary-General;');
    expect(await page.locator('[data-testid=editor] .ph-op').count()).toBe(2);
    expect(await serverOperatives()).toEqual(['Welcomes the report of the Secretary-General;', 'Decides to remain seized of the matter.']);
  });

  it('shows the revoked message when the link is revoked while open, and on opening it again', async () => {
    const issued = await invite('Kenya', 'delegation');
    const page = await openLink(issued.link);
    await page.locator('[data-testid=whoami]', { hasText: 'You are: Kenya (delegation)' }).waitFor();
    await revoke(issued.id);
    await page.locator('[data-testid=revoked-message]', { hasText: 'Your access to this draft was revoked' }).waitFor({ timeout: 10_000 });
    await page.locator('[data-testid=connection-badge][data-state=closed]').waitFor();

    const again = await newPage();
    await again.goto(issued.link);
    await again.locator('[data-testid=revoked-message]', { hasText: 'Your access to this draft was revoked' }).waitFor({ timeout: 10_000 });
    expect(await again.locator('[data-testid=editor]').count()).toBe(0);
  });

  it('asks for an invitation link when the browser holds none, and accepts a pasted one', async () => {
    const page = await newPage();
    await page.goto(`${server.url}/#/d/${draftId}`);
    await page.locator('[data-testid=invitation-needed]', { hasText: 'You need an invitation link for this draft' }).waitFor();
    const { link } = await invite('Observer Two', 'observer');
    await page.locator('[data-testid=invite-link-input]').fill(link);
    await page.locator('[data-testid=invite-link-submit]').click();
    await page.locator('[data-testid=whoami]', { hasText: 'You are: Observer Two (observer)' }).waitFor({ timeout: 10_000 });
    await page.locator('[data-testid=editor] .ph-op').first().waitFor();
  });

  it('lets the secretariat invite from the panel, hand over the link and revoke it', async () => {
    const page = await openLink(`${server.url}/#/d/${draftId}?token=${secretariatToken}`);
    await page.locator('[data-testid=whoami]', { hasText: 'You are: Secretariat (secretariat)' }).waitFor();
    await page.locator('[data-testid=open-invitations]').click();
    await page.locator('[data-testid=invite-role]').selectOption('penholder');
    await page.locator('[data-testid=invite-participant]').fill('Atlantis');
    await page.locator('[data-testid=invite-submit]').click();
    await page.locator('[data-testid=invite-error]', { hasText: 'not in the delegation directory' }).waitFor();
    await page.locator('[data-testid=invite-participant]').fill('chile');
    await page.locator('[data-testid=invite-submit]').click();
    const link = await page.locator('[data-testid=invite-issued] [data-testid=invite-link]').inputValue();
    expect(link).toMatch(new RegExp(`/#/d/${draftId}\\?token=`));
    const item = page.locator('[data-testid=invitation-item]', { hasText: 'Chile' });
    await item.waitFor();

    // The issued link works for Chile, as the penholder.
    const chile = await openLink(link);
    await chile.locator('[data-testid=whoami]', { hasText: 'You are: Chile (penholder)' }).waitFor();

    await item.locator('[data-testid=revoke-invitation]').click();
    await page.locator('[data-testid=invitation-item][data-revoked=true]', { hasText: 'Chile' }).waitFor();
    await chile.locator('[data-testid=revoked-message]').waitFor({ timeout: 10_000 });

    // The draft list shows this browser's drafts with its role.
    await page.goto(`${server.url}/#/`);
    await page.locator(`[data-testid=draft-item][data-draft-id="${draftId}"][data-role=secretariat]`).waitFor();
  });
});

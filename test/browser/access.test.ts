/**
 * Access by invitation link: an observer's link opens the draft read-only (typing changes nothing, here
 * or on the server), a link revoked while the draft is open ends the session with the revoked message,
 * and opening a revoked link (or no link at all) asks for an invitation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserHarness, type BrowserHarness } from '../helpers/browser-harness.ts';
import type { Draft } from '../server/helpers.ts';
import { draftText, MINIMAL_HEAD } from '../fixtures/small-draft.ts';

const DRAFT = draftText(MINIMAL_HEAD, `Recalling its earlier resolutions,

1. Welcomes the report of the Secretary-General;

2. Decides to remain seized of the matter.
`);

let h: BrowserHarness;
let draft: Draft;

async function revoke(invitationId: string): Promise<void> {
  const res = await fetch(`${h.server.url}/api/drafts/${draft.id}/invitations/${invitationId}`, {
    method: 'DELETE', headers: { authorization: `Bearer ${draft.token}` },
  });
  expect(res.status).toBe(204);
}

async function serverOperatives(): Promise<string[]> {
  const res = await fetch(`${h.server.url}/api/drafts/${draft.id}`, { headers: { authorization: `Bearer ${draft.token}` } });
  return ((await res.json()) as { operative: Array<{ text: string }> }).operative.map((p) => p.text);
}

beforeAll(async () => {
  h = await startBrowserHarness();
  draft = await h.createDraft(DRAFT);
});

afterAll(async () => {
  await h?.close();
});

describe('access by invitation link', () => {
  it('opens an observer link read-only: typing changes nothing', async () => {
    const { link } = await h.issue(draft, 'UNICEF liaison', 'observer');
    const page = await h.openLink(link);
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
    const issued = await h.issue(draft, 'Kenya', 'delegation');
    const page = await h.openLink(issued.link);
    await page.locator('[data-testid=whoami]', { hasText: 'You are: Kenya (delegation)' }).waitFor();
    await revoke(issued.id);
    await page.locator('[data-testid=revoked-message]', { hasText: 'Your access to this draft was revoked' }).waitFor({ timeout: 10_000 });
    await page.locator('[data-testid=connection-badge][data-state=closed]').waitFor();

    const again = await h.newPage();
    await again.goto(issued.link);
    await again.locator('[data-testid=revoked-message]', { hasText: 'Your access to this draft was revoked' }).waitFor({ timeout: 10_000 });
    expect(await again.locator('[data-testid=editor]').count()).toBe(0);
  });

  it('asks for an invitation link when the browser holds none, and accepts a pasted one', async () => {
    const page = await h.newPage();
    await page.goto(`${h.server.url}/#/d/${draft.id}`);
    await page.locator('[data-testid=invitation-needed]', { hasText: 'You need an invitation link for this draft' }).waitFor();
    const { link } = await h.issue(draft, 'Observer Two', 'observer');
    await page.locator('[data-testid=invite-link-input]').fill(link);
    await page.locator('[data-testid=invite-link-submit]').click();
    await page.locator('[data-testid=whoami]', { hasText: 'You are: Observer Two (observer)' }).waitFor({ timeout: 10_000 });
    await page.locator('[data-testid=editor] .ph-op').first().waitFor();
  });

  it('lets the secretariat invite from the panel, hand over the link and revoke it', async () => {
    const page = await h.open(draft, draft.token);
    await page.locator('[data-testid=whoami]', { hasText: 'You are: Secretariat (secretariat)' }).waitFor();
    await page.locator('[data-testid=open-invitations]').click();
    await page.locator('[data-testid=invite-role]').selectOption('penholder');
    await page.locator('[data-testid=invite-participant]').fill('Atlantis');
    await page.locator('[data-testid=invite-submit]').click();
    await page.locator('[data-testid=invite-error]', { hasText: 'not in the delegation directory' }).waitFor();
    await page.locator('[data-testid=invite-participant]').fill('chile');
    await page.locator('[data-testid=invite-submit]').click();
    const link = await page.locator('[data-testid=invite-issued] [data-testid=invite-link]').inputValue();
    expect(link).toMatch(new RegExp(`/#/d/${draft.id}\\?token=`));
    const item = page.locator('[data-testid=invitation-item]', { hasText: 'Chile' });
    await item.waitFor();

    // The issued link works for Chile, as the penholder.
    const chile = await h.openLink(link);
    await chile.locator('[data-testid=whoami]', { hasText: 'You are: Chile (penholder)' }).waitFor();

    await item.locator('[data-testid=revoke-invitation]').click();
    await page.locator('[data-testid=invitation-item][data-revoked=true]', { hasText: 'Chile' }).waitFor();
    await chile.locator('[data-testid=revoked-message]').waitFor({ timeout: 10_000 });

    // The draft list shows this browser's drafts with its role.
    await page.goto(`${h.server.url}/#/`);
    await page.locator(`[data-testid=draft-item][data-draft-id="${draft.id}"][data-role=secretariat]`).waitFor();
  });
});

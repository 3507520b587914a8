/**
 * The setup every browser test shares: a real server on 127.0.0.1 port 0 with a fresh data directory,
 * headless Chromium, drafts and invitations made over HTTP, and pages opened in isolated browser contexts
 * (no shared storage, no BroadcastChannel) so participants can only meet through the server.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startServer, type RunningServer, type StartOptions } from '../../server/main.ts';
import { launchChromium } from './browser.ts';
import { createDraft, invite, issueInvitation, tmpDataDir, type Draft, type Invitation } from '../server/helpers.ts';

type Viewport = { width: number; height: number };

/** How a page's browser context is made. */
export interface PageOptions {
  /** Default: the harness's viewport. */
  viewport?: Viewport;
  /** Needed by tests that read downloaded files. */
  acceptDownloads?: boolean;
  /** Runs on the new page before it navigates (routes, listeners). */
  prepare?: (page: Page) => Promise<void> | void;
}

export interface HarnessOptions {
  /** Server options beyond port, host and data directory (log, createKey...). */
  server?: Omit<StartOptions, 'port' | 'host' | 'dataDir'>;
  /** Viewport of every context unless a page asks for another. Default 1280×900. */
  viewport?: Viewport;
}

export interface BrowserHarness {
  server: RunningServer;
  browser: Browser;
  /** Every context opened so far, in order (failure screenshots walk them). */
  readonly contexts: readonly BrowserContext[];
  /** A draft imported from `text`, with its creator's (secretariat) token. */
  createDraft(text: string): Promise<Draft>;
  /** Invites a participant with the draft's secretariat token (or `by`); returns the new token. */
  invite(draft: Draft, participant: string, role: string, by?: string): Promise<string>;
  /** Like `invite`, with the invitation id and the server-built link. */
  issue(draft: Draft, participant: string, role: string, by?: string): Promise<Invitation>;
  /** The personal link for `token`, as the server builds it. */
  linkFor(draft: Draft, token: string): string;
  /** A page in a fresh isolated context, not yet navigated. */
  newPage(opts?: PageOptions): Promise<Page>;
  /** Opens `link` in a fresh context and waits until the editor is connected and shows the text. */
  openLink(link: string, opts?: PageOptions): Promise<Page>;
  /** `openLink` on the draft's link for `token`. */
  open(draft: Draft, token: string, opts?: PageOptions): Promise<Page>;
  /** Full-page screenshots of every open page, to `${prefix}-${contextIndex}.png`; never throws. */
  screenshotAll(prefix: string): Promise<void>;
  /** Closes the contexts, the browser and the server. */
  close(): Promise<void>;
}

/** Starts the server and Chromium; needs the built client (`npm run build`). */
export async function startBrowserHarness(opts: HarnessOptions = {}): Promise<BrowserHarness> {
  if (!fs.existsSync('dist/client/index.html')) throw new Error('dist/client is missing: run `npm run build` (npm test does)');
  const server = await startServer({ ...opts.server, port: 0, host: '127.0.0.1', dataDir: tmpDataDir() });
  let browser: Browser;
  try {
    browser = await launchChromium();
  } catch (error) {
    await server.close();
    throw error;
  }
  const contexts: BrowserContext[] = [];
  const defaultViewport = opts.viewport ?? { width: 1280, height: 900 };

  const newPage = async (p: PageOptions = {}): Promise<Page> => {
    const context = await browser.newContext({ viewport: p.viewport ?? defaultViewport, acceptDownloads: p.acceptDownloads });
    contexts.push(context);
    const page = await context.newPage();
    if (p.prepare) await p.prepare(page);
    return page;
  };

  const openLink = async (link: string, p: PageOptions = {}): Promise<Page> => {
    const page = await newPage(p);
    await page.goto(link);
    await page.locator('[data-testid=connection-badge][data-state=connected]').waitFor({ timeout: 15_000 });
    await page.locator('[data-testid=editor] .ph-op').first().waitFor();
    return page;
  };

  const linkFor = (draft: Draft, token: string): string => `${server.url}/#/d/${draft.id}?token=${token}`;

  return {
    server,
    browser,
    contexts,
    createDraft: (text) => createDraft(server.url, { headers: { 'content-type': 'text/plain' }, body: text }),
    invite: (draft, participant, role, by) => invite(server.url, draft, participant, role, by),
    issue: (draft, participant, role, by) => issueInvitation(server.url, draft, participant, role, by),
    linkFor,
    newPage,
    openLink,
    open: (draft, token, p) => openLink(linkFor(draft, token), p),
    async screenshotAll(prefix) {
      fs.mkdirSync(path.dirname(prefix), { recursive: true });
      for (const [i, c] of contexts.entries()) {
        for (const p of c.pages()) await p.screenshot({ path: `${prefix}-${i}.png`, fullPage: true }).catch(() => undefined);
      }
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => undefined);
      await browser.close();
      await server.close();
    },
  };
}

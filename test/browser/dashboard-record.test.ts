/**
 * The chair's dashboard and the record in a real browser against a real server. Brazil, Kenya and Chile
 * (y-websocket clients with their own invitation tokens, as any client would) propose amendments and
 * record positions; the chair opens the dashboard, sees the pending amendments grouped by paragraph with
 * the right counts and the delegations still silent on OP2, brackets OP3 and agrees PP2 ad ref (the sheet
 * shows both), accepts Brazil's amendment (OP1 changes on the sheet); then opens the record, filters by
 * delegation and by kind, sees only matching rows, and downloads the filtered CSV.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { proposeAmendment, recordPosition } from '../../shared/negotiation/actions.ts';
import { startBrowserHarness, type BrowserHarness } from '../helpers/browser-harness.ts';
import { connect, readDraft, synced, waitFor, type Client, type Draft } from '../server/helpers.ts';
import { draftText, FULL_HEAD } from '../fixtures/small-draft.ts';

const DRAFT = draftText(FULL_HEAD, `Recalling its earlier resolutions,

Noting the report of the Secretary-General,

1. Welcomes the report of the Secretary-General;

2. Encourages all States to cooperate;

3. Decides to remain seized of the matter.
`);

const OP1 = 'Welcomes the report of the Secretary-General;';
const BRAZIL_TEXT = 'Takes note of the report of the Secretary-General;';

type DraftJson = { preamble: Array<{ id: string; text: string }>; operative: Array<{ id: string; text: string }>; sponsors: string[] };

let h: BrowserHarness;
let draft: Draft;
const tokens: Record<'brazil' | 'kenya' | 'chile' | 'chair', string> = { brazil: '', kenya: '', chile: '', chair: '' };
const clients: Client[] = [];

beforeAll(async () => {
  h = await startBrowserHarness({ server: { log: () => undefined }, viewport: { width: 1500, height: 1100 } });
  draft = await h.createDraft(DRAFT);
  tokens.brazil = await h.invite(draft, 'Brazil', 'delegation');
  tokens.kenya = await h.invite(draft, 'Kenya', 'delegation');
  tokens.chile = await h.invite(draft, 'Chile', 'delegation');
  tokens.chair = await h.invite(draft, 'Chair', 'chair');
});

afterAll(async () => {
  for (const c of clients) c.destroy();
  await h?.close();
});

async function delegation(token: string): Promise<Client> {
  const c = connect(h.server.url, draft.id, { token });
  clients.push(c);
  await synced(c);
  return c;
}

async function openChair(): Promise<Page> {
  return h.open(draft, tokens.chair, { acceptDownloads: true });
}

describe("the chair's dashboard and the record", () => {
  it('groups, counts, quick actions, then the record filtered and exported', async () => {
    try {
      await scenario();
    } catch (error) {
      await h.screenshotAll('test-artifacts/dashboard-record-failure');
      throw error;
    }
  }, 90_000);
});

/** Text of every cell of the record rows on screen, as [kind, delegation] pairs. */
async function shownRows(page: Page): Promise<Array<{ seq: string; kind: string; delegation: string }>> {
  return page.locator('[data-testid=record-row]').evaluateAll((rows) => rows.map((r) => ({
    seq: r.getAttribute('data-seq') ?? '', kind: r.getAttribute('data-kind') ?? '', delegation: r.getAttribute('data-delegation') ?? '',
  })));
}

async function scenario(): Promise<void> {
  const json = (await readDraft(h.server.url, draft)) as DraftJson;
  const [pp1, pp2] = json.preamble.map((p) => p.id);
  const [op1, op2, op3] = json.operative.map((p) => p.id);
  expect(json.operative[0].text).toBe(OP1);

  // Three delegations propose and take positions.
  const brazil = await delegation(tokens.brazil);
  const kenya = await delegation(tokens.kenya);
  const chile = await delegation(tokens.chile);
  const a1 = proposeAmendment(brazil.doc, { author: 'Brazil', kind: 'wording', target: op1, baseText: OP1, text: BRAZIL_TEXT });
  const a2 = proposeAmendment(kenya.doc, { author: 'Kenya', kind: 'wording', target: op1, baseText: OP1, text: 'Commends the report of the Secretary-General;' });
  const a3 = proposeAmendment(chile.doc, { author: 'Chile', kind: 'insert', after: op2, paragraphKind: 'operative', text: 'Invites further cooperation;' });
  const a4 = proposeAmendment(chile.doc, { author: 'Chile', kind: 'delete', target: pp1 });
  await waitFor(() => [a1, a2, a3].every((id) => kenya.doc.getMap('amendments').has(id)), 'amendments reached Kenya');
  recordPosition(kenya.doc, a1, 'Kenya', 'oppose', 'prefers our wording');
  recordPosition(chile.doc, a1, 'Chile', 'support');
  recordPosition(brazil.doc, a2, 'Brazil', 'can-accept');
  recordPosition(brazil.doc, op2, 'Brazil', 'support');
  recordPosition(kenya.doc, op2, 'Kenya', 'reservation');
  recordPosition(chile.doc, a3, 'Chile', 'support');
  await waitFor(() => brazil.doc.getMap('positions').size === 6 && chile.doc.getMap('positions').size === 6, 'positions everywhere');

  // The dashboard.
  const chair = await openChair();
  await chair.locator('[data-testid=toggle-dashboard]').click();
  const dash = chair.locator('[data-testid=chair-dashboard]');
  await dash.waitFor({ timeout: 15_000 });
  await dash.locator(`[data-testid=dash-amendment][data-amendment-id="${a3}"]`).waitFor({ timeout: 15_000 });
  const labels = await dash.locator('[data-testid=dash-group]').evaluateAll((gs) => gs.map((g) => g.getAttribute('data-label')));
  expect(labels).toEqual(['PP1', 'OP1', 'New paragraphs after OP2']);
  const op1Group = dash.locator('[data-testid=dash-group][data-label=OP1] [data-testid=dash-amendment]');
  // Both were proposed in the same millisecond or so: their order within the group is not the point here.
  expect((await op1Group.evaluateAll((as) => as.map((a) => a.getAttribute('data-amendment-id')))).sort()).toEqual([a1, a2].sort());
  const counts = (id: string) => dash.locator(`[data-testid=dash-amendment][data-amendment-id="${id}"] [data-testid=dash-counts]`);
  await waitFor(async () => (await counts(a1).getAttribute('data-oppose')) === '1', "Kenya's opposition counted");
  expect(await counts(a1).getAttribute('data-support')).toBe('1');
  expect(await counts(a1).getAttribute('data-reservation')).toBe('0');
  expect(await counts(a2).getAttribute('data-can-accept')).toBe('1');
  expect(await counts(a4).getAttribute('data-support')).toBe('0');

  // Silent on OP2: the draft's delegations (sponsors and invited) that said nothing.
  await dash.locator('[data-testid=dash-paragraph]').selectOption(op2);
  const expectedSilent = [...new Set([...json.sponsors, 'Brazil', 'Kenya', 'Chile'])].filter((d) => d !== 'Brazil' && d !== 'Kenya').sort();
  await waitFor(async () => {
    const silent = await dash.locator('[data-testid=dash-silent-delegation]').evaluateAll((ls) => ls.map((l) => l.getAttribute('data-delegation')));
    return JSON.stringify(silent) === JSON.stringify(expectedSilent);
  }, `silent on OP2: ${expectedSilent.join(', ')}`);
  expect(expectedSilent).toContain('Chile');

  // Quick actions: bracket OP3, agree PP2 ad ref; the sheet shows both.
  await dash.locator('[data-testid=dash-paragraph]').selectOption(op3);
  await dash.locator('[data-testid=dash-set-status][data-to=bracketed]').click();
  await dash.locator('[data-testid=dash-paragraph]').selectOption(pp2);
  await dash.locator('[data-testid=dash-set-status][data-to=agreed-ad-ref]').click();
  await chair.locator(`[data-testid=editor] .ph-op[data-id="${op3}"][data-status=bracketed]`).waitFor();
  await chair.locator(`[data-testid=editor] .ph-pp[data-id="${pp2}"][data-status=agreed-ad-ref]`).waitFor();
  await dash.locator('[data-testid=dash-status][data-status=bracketed][data-count="1"]').waitFor();
  await dash.locator('[data-testid=dash-status][data-status=agreed-ad-ref][data-count="1"]').waitFor();
  await waitFor(() => (kenya.doc.getMap('status').get(op3) as { status?: string } | undefined)?.status === 'bracketed', 'the server passed the status on');

  // Accept Brazil's amendment: OP1 takes its wording; it leaves the pending list, Kenya's stays.
  await dash.locator(`[data-testid=dash-amendment][data-amendment-id="${a1}"] [data-testid=dash-accept]`).click();
  await dash.locator('[data-testid=dash-message][data-kind=info]').waitFor({ timeout: 15_000 });
  const sheetOp1 = chair.locator(`[data-testid=editor] .ph-op[data-id="${op1}"]`);
  await waitFor(async () => (await sheetOp1.textContent()) === BRAZIL_TEXT, 'OP1 shows the accepted wording', 15_000);
  await dash.locator(`[data-testid=dash-amendment][data-amendment-id="${a1}"]`).waitFor({ state: 'detached' });
  expect(await dash.locator(`[data-testid=dash-amendment][data-amendment-id="${a2}"]`).count()).toBe(1);

  // The record: filter by delegation, then also by kind.
  await chair.locator('[data-testid=toggle-record]').click();
  const record = chair.locator('[data-testid=record-panel]');
  await record.waitFor();
  await record.locator('[data-testid=record-row][data-kind=amendment-merged]').waitFor({ timeout: 15_000 });
  await record.locator('[data-testid=record-filter-delegation]').selectOption('Kenya');
  await waitFor(async () => {
    const rows = await shownRows(chair);
    return rows.length > 0 && rows.every((r) => r.delegation === 'Kenya') && rows.some((r) => r.kind === 'amendment-proposed');
  }, "only Kenya's rows");
  await record.locator('[data-testid=record-filter-kind]').selectOption('position');
  await waitFor(async () => {
    const rows = await shownRows(chair);
    return rows.length === 2 && rows.every((r) => r.delegation === 'Kenya' && r.kind === 'position');
  }, "Kenya's two positions");
  const shown = await shownRows(chair);
  expect(shown.map((r) => Number(r.seq))).toEqual([...shown.map((r) => Number(r.seq))].sort((x, y) => y - x));
  const targets = await record.locator('[data-testid=record-target]').allTextContents();
  expect(targets).toEqual(['OP2', 'Amendment OP1 (Brazil)']);

  // The CSV export carries exactly those rows.
  const [download] = await Promise.all([chair.waitForEvent('download'), record.locator('[data-testid=record-export-csv]').click()]);
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  const csv = fs.readFileSync(await download.path(), 'utf8');
  const lines = csv.trim().split('\r\n');
  expect(lines[0].startsWith('seq,at,participant,role,delegation,kind,target')).toBe(true);
  expect(lines.slice(1).map((l) => l.split(',')[0]).sort()).toEqual(shown.map((r) => r.seq).sort());
  for (const l of lines.slice(1)) expect(l.split(',').slice(2, 6)).toEqual(['Kenya', 'delegation', 'Kenya', 'position']);

  // The paragraph filter: OP1's own rows and its amendments'.
  await record.locator('[data-testid=record-filter-delegation]').selectOption('');
  await record.locator('[data-testid=record-filter-kind]').selectOption('');
  await record.locator('[data-testid=record-filter-paragraph]').selectOption(op1);
  await waitFor(async () => {
    const rows = await shownRows(chair);
    return rows.some((r) => r.kind === 'amendment-merged') && rows.filter((r) => r.kind === 'amendment-proposed').length === 2;
  }, 'OP1 rows with both amendments');
  const op1Targets = await record.locator('[data-testid=record-target]').allTextContents();
  expect(op1Targets.some((t) => t.includes('PP') || t === 'OP2')).toBe(false);

  // The chain check.
  await record.locator('[data-testid=record-verify]').click();
  await record.locator('[data-testid=record-verify-result][data-ok=true]').waitFor();
}

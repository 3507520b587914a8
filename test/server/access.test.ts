/** Tokens over the real server: revocation closes open connections; enforcement can be turned off (benchmark only). */
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../server/main.ts';
import { bearer, connect, createDraft, invite, rawSocket, synced, tmpDataDir, typeInto, typedText, waitFor, type Client } from './helpers.ts';

const cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => { for (const f of cleanup.splice(0).reverse()) await f(); });

async function start(enforce?: boolean): Promise<RunningServer> {
  const dataDir = tmpDataDir();
  const s = await startServer({ port: 0, host: '127.0.0.1', dataDir, enforce, log: () => {} });
  cleanup.push(() => fs.rmSync(dataDir, { recursive: true, force: true }), () => s.close());
  return s;
}

function client(url: string, id: string, token: string): Client {
  const c = connect(url, id, { token });
  cleanup.push(() => c.destroy());
  return c;
}

describe('revocation', () => {
  it('closes the participant\'s open connections with 4401 token-revoked; others stay; reconnecting is refused', async () => {
    const server = await start();
    const draft = await createDraft(server.url);
    const chileToken = await invite(server.url, draft, 'Chile', 'penholder');
    const chile = client(server.url, draft.id, chileToken);
    const chile2 = client(server.url, draft.id, chileToken);
    const sec = client(server.url, draft.id, draft.token);
    for (const c of [chile, chile2, sec]) await synced(c);
    typeInto(chile.doc, 'Chile typed');
    await waitFor(() => typedText(sec.doc) === 'Chile typed', 'edit reached the secretariat');
    const closes: Array<{ code: number; reason: string }> = [];
    for (const c of [chile, chile2]) {
      c.provider.on('connection-close', (e) => { if (e) closes.push({ code: e.code, reason: e.reason }); });
    }
    const res = await fetch(`${server.url}/api/drafts/${draft.id}/invitations/${chileToken}`, { method: 'DELETE', headers: bearer(draft.token) });
    expect(res.status).toBe(204);
    await waitFor(() => closes.length === 2, 'both Chile connections closed');
    expect(closes).toEqual([{ code: 4401, reason: 'token-revoked' }, { code: 4401, reason: 'token-revoked' }]);
    expect(sec.provider.wsconnected).toBe(true);
    const raw = rawSocket(server.url, draft.id, chileToken);
    expect(await raw.closed).toEqual({ code: 4401, reason: 'token-revoked' });
    expect(raw.received).toHaveLength(0);
    typeInto(sec.doc, ' and the secretariat goes on');
    const probe = client(server.url, draft.id, draft.token);
    await waitFor(() => typedText(probe.doc) === 'Chile typed and the secretariat goes on', 'secretariat still served');
  });
});

describe('PENHOLDER_ENFORCE=0 / enforce: false (benchmark comparison only)', () => {
  it('with checks on an observer cannot type; with checks off the same edit goes through', async () => {
    for (const enforce of [true, false]) {
      const server = await start(enforce);
      const draft = await createDraft(server.url);
      const observer = client(server.url, draft.id, await invite(server.url, draft, 'Press', 'observer'));
      const sec = client(server.url, draft.id, draft.token);
      await synced(observer);
      await synced(sec);
      const closed = new Promise<number>((resolve) => observer.provider.on('connection-close', (e) => resolve(e?.code ?? 0)));
      typeInto(observer.doc, 'observer note');
      if (enforce) {
        expect(await closed).toBe(4409);
        typeInto(sec.doc, 'secretariat');
        // A fresh client sees the secretariat's edit and nothing of the observer's.
        const probe = client(server.url, draft.id, draft.token);
        await waitFor(() => typedText(probe.doc) === 'secretariat', 'secretariat edit only');
      } else {
        await waitFor(() => typedText(sec.doc) === 'observer note', 'unchecked edit applied');
      }
    }
  });
});

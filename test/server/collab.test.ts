import fs from 'node:fs';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { startServer, type RunningServer } from '../../server/main.ts';
import { encodeSyncStep1, encodeSyncUpdate } from '../../server/core/protocol.ts';
import {
  bearer, connect, createDraft, invite, rawSocket, readDraft, synced, tmpDataDir, typeInto, typedText, waitFor, type Client,
} from './helpers.ts';

const dirs: string[] = [];
const servers: RunningServer[] = [];
const clients: Client[] = [];

async function start(dataDir = tmpDataDir()): Promise<RunningServer> {
  dirs.push(dataDir);
  const s = await startServer({ port: 0, host: '127.0.0.1', dataDir, maxFrameBytes: 64 * 1024, log: () => {} });
  servers.push(s);
  return s;
}

function client(baseUrl: string, draftId: string, params?: Record<string, string>): Client {
  const c = connect(baseUrl, draftId, params);
  clients.push(c);
  return c;
}

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  for (const s of servers.splice(0)) await s.close();
});
afterAll(() => { for (const d of dirs) fs.rmSync(d, { recursive: true, force: true }); });

describe('real server with y-websocket clients', () => {
  it('two clients sync edits both ways, and presence reaches the other client', async () => {
    const server = await start();
    const draft = await createDraft(server.url);
    const { id, token } = draft;
    const a = client(server.url, id, { token: await invite(server.url, draft, 'Ana', 'chair') });
    const b = client(server.url, id, { token });
    await synced(a);
    await synced(b);
    typeInto(a.doc, 'Alpha');
    await waitFor(() => typedText(b.doc) === 'Alpha', 'B sees A');
    typeInto(b.doc, ' Beta');
    await waitFor(() => typedText(a.doc) === 'Alpha Beta', 'A sees B');
    b.doc.getMap('meta').set('symbol', 'A/C.1/80/L.1');
    await waitFor(() => a.doc.getMap('meta').get('symbol') === 'A/C.1/80/L.1', 'meta sync');

    a.provider.awareness.setLocalStateField('user', { name: 'Ana' });
    await waitFor(() => {
      const st = b.provider.awareness.getStates().get(a.doc.clientID) as { user?: { name: string } } | undefined;
      return st?.user?.name === 'Ana';
    }, 'B sees A presence');
    a.destroy();
    await waitFor(() => !b.provider.awareness.getStates().has(a.doc.clientID), 'A presence removed');

    const read = (await readDraft(server.url, draft)) as { symbol: string; id: string };
    expect(read).toMatchObject({ id, symbol: 'A/C.1/80/L.1' });
  });

  it('keeps everything across a restart on the same data dir', async () => {
    const dataDir = tmpDataDir();
    const first = await start(dataDir);
    const { id, token } = await createDraft(first.url);
    const a = client(first.url, id, { token });
    await synced(a);
    for (const ch of 'persisted') typeInto(a.doc, ch);
    a.doc.getMap('meta').set('agendaItem', '94 (b)');
    const b = client(first.url, id, { token });
    await waitFor(() => typedText(b.doc) === 'persisted' && b.doc.getMap('meta').get('agendaItem') === '94 (b)', 'B sees all');
    await first.close();
    servers.splice(servers.indexOf(first), 1);

    const second = await start(dataDir);
    const c = client(second.url, id, { token });
    await synced(c);
    expect(typedText(c.doc)).toBe('persisted');
    expect(c.doc.getMap('meta').get('agendaItem')).toBe('94 (b)');
    const list = (await (await fetch(`${second.url}/api/drafts`)).json()) as { drafts: { id: string }[] };
    expect(list.drafts.map((d) => d.id)).toContain(id);
  });

  it('no token, a bad token, a token for another draft: closed with 4401/4403 before any data', async () => {
    const server = await start();
    const mine = await createDraft(server.url);
    const other = await createDraft(server.url);
    const cases: Array<[string | undefined, { code: number; reason: string }]> = [
      [undefined, { code: 4401, reason: 'unauthorized' }],
      ['x'.repeat(43), { code: 4401, reason: 'unauthorized' }],
      ['not-even-token-shaped', { code: 4401, reason: 'unauthorized' }],
      [other.token, { code: 4403, reason: 'forbidden' }],
    ];
    for (const [token, expected] of cases) {
      const raw = rawSocket(server.url, mine.id, token);
      expect(await raw.closed).toEqual(expected);
      expect(raw.received).toHaveLength(0);
    }
    const c = client(server.url, mine.id);
    const closed = await waitFor(() => new Promise<{ code: number } | null>((resolve) => {
      c.provider.once('connection-close', (e) => resolve(e ? { code: e.code } : null));
    }), 'provider close');
    expect(closed.code).toBe(4401);
  });

  it('graceful close tells connected clients server-shutdown (1001) and keeps their edits', async () => {
    const dataDir = tmpDataDir();
    const server = await start(dataDir);
    const { id, token } = await createDraft(server.url);
    const raw = rawSocket(server.url, id, token);
    await raw.opened;
    const a = client(server.url, id, { token });
    await synced(a);
    typeInto(a.doc, 'last words');
    const probe = client(server.url, id, { token });
    await waitFor(() => typedText(probe.doc) === 'last words', 'edit stored');
    await server.close();
    servers.splice(servers.indexOf(server), 1);
    expect(await raw.closed).toEqual({ code: 1001, reason: 'server-shutdown' });
    const again = await start(dataDir);
    const c = client(again.url, id, { token });
    await synced(c);
    expect(typedText(c.doc)).toBe('last words');
  });

  it('startServer rejects (and releases the database) when the port is taken', async () => {
    const server = await start();
    const dataDir = tmpDataDir();
    dirs.push(dataDir);
    await expect(startServer({ port: server.port, dataDir, log: () => {} })).rejects.toThrow(/EADDRINUSE/);
  });

  describe('malformed frames close only the offender, with a named reason, doc unchanged', () => {
    const donor = new Y.Doc();
    donor.getXmlFragment('body').insert(0, [new Y.XmlText('injected text that is long enough to cut')]);
    const update = Y.encodeStateAsUpdate(donor);
    const cases: Array<[string, (ws: import('ws').WebSocket) => void, { code: number; reason: string }]> = [
      ['garbage bytes', (ws) => ws.send(Buffer.from([0xde, 0xad, 0xbe, 0xef, 0x01])), { code: 4400, reason: 'malformed-frame' }],
      ['truncated update', (ws) => ws.send(encodeSyncUpdate(update.subarray(0, update.length - 5))), { code: 4400, reason: 'malformed-frame' }],
      ['truncated frame', (ws) => ws.send(encodeSyncUpdate(update).subarray(0, 10)), { code: 4400, reason: 'malformed-frame' }],
      ['text frame', (ws) => ws.send('hello'), { code: 4400, reason: 'malformed-frame' }],
      ['oversized frame', (ws) => ws.send(encodeSyncUpdate(new Uint8Array(100 * 1024))), { code: 4413, reason: 'frame-too-large' }],
    ];
    for (const [name, send, expected] of cases) {
      it(name, async () => {
        const server = await start();
        const draft = await createDraft(server.url);
        const { id, token } = draft;
        const good = client(server.url, id, { token });
        await synced(good);
        typeInto(good.doc, 'before');
        const probe = client(server.url, id, { token });
        await waitFor(() => typedText(probe.doc) === 'before', 'probe synced');
        const before = await readDraft(server.url, draft);

        const raw = rawSocket(server.url, id, token);
        await raw.opened;
        raw.ws.send(encodeSyncStep1(Y.encodeStateVector(new Y.Doc())));
        await waitFor(() => raw.received.length > 0, 'raw handshake');
        send(raw.ws);
        expect(await raw.closed).toEqual(expected);

        expect(await readDraft(server.url, draft)).toEqual(before);
        expect(probe.doc.getXmlFragment('body').toString()).not.toContain('injected');
        // The server keeps serving everyone else.
        typeInto(good.doc, ' after');
        await waitFor(() => typedText(probe.doc) === 'before after', 'still serving');
        const fresh = client(server.url, id, { token });
        await waitFor(() => typedText(fresh.doc) === 'before after', 'new client syncs');
      });
    }
  });
});

describe('presence traffic stays linear', () => {
  it('one cursor move reaches each other client once and is never echoed back', async () => {
    const server = await start();
    const draft = await createDraft(server.url);
    const tokens = [await invite(server.url, draft, 'u0', 'chair')];
    for (const name of ['u1', 'u2', 'u3']) tokens.push(await invite(server.url, draft, name, 'secretariat'));
    const peers = tokens.map((token) => client(server.url, draft.id, { token }));
    for (const [i, p] of peers.entries()) {
      await synced(p);
      p.provider.awareness.setLocalStateField('user', { name: `u${i}` });
      p.provider.awareness.setLocalStateField('ready', true);
    }
    // The server stamps `user` from the token, so wait on a field only the client sets.
    const names = (p: Client): string[] =>
      [...p.provider.awareness.getStates().values()]
        .map((st) => st as { user?: { name: string }; ready?: boolean })
        .map((st) => (st.ready ? st.user?.name ?? '' : '')).sort();
    await waitFor(() => peers.every((p) => names(p).join() === 'u0,u1,u2,u3'), 'everyone sees everyone');

    const awarenessFrames = peers.map(() => 0);
    peers.forEach((p, i) => {
      p.provider.ws!.addEventListener('message', (e: MessageEvent) => {
        if (new Uint8Array(e.data as ArrayBuffer)[0] === 1) awarenessFrames[i] += 1;
      });
    });
    const [a, ...others] = peers;
    a.provider.awareness.setLocalStateField('cursor', { at: 42 });
    await waitFor(() => others.every((p) => (p.provider.awareness.getStates().get(a.doc.clientID) as { cursor?: unknown })?.cursor), 'cursor delivered');
    // Each other client has already echoed the change back (stock y-websocket does, synchronously);
    // an edit sent afterwards is processed after the echo, so once A sees all edits, any forwarded echo would have arrived.
    const fields = ['symbol', 'date', 'session'];
    others.forEach((p, i) => p.doc.getMap('meta').set(fields[i], `marker${i}`));
    await waitFor(() => others.every((_, i) => a.doc.getMap('meta').get(fields[i]) === `marker${i}`), 'markers');
    expect(awarenessFrames).toEqual([0, 1, 1, 1]);
  });
});

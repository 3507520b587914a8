/**
 * The connection tracker against a real y-websocket provider and the stock y-websocket server
 * (the protocol reference): edits made while disconnected are counted and clear once the
 * reconnect sync has carried them to the server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as Y from 'yjs';
import { WebSocketServer, WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import { setupWSConnection, docs } from '@y/websocket-server/utils';
import { connectionPhase } from './connection-state.ts';
import { trackConnection } from './tracking.ts';

let server: http.Server;
let wss: WebSocketServer;
let url = '';

beforeAll(async () => {
  server = http.createServer();
  wss = new WebSocketServer({ server });
  wss.on('connection', (conn, req) => setupWSConnection(conn, req));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const c of wss.clients) c.terminate();
  await new Promise<void>((resolve) => wss.close(() => resolve()));
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

/** Poll `check` until it holds or the deadline passes (no sleeps). */
async function until(check: () => boolean, what: string, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

function client(room: string) {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(url, room, doc, { WebSocketPolyfill: WebSocket as never, disableBc: true });
  const tracker = trackConnection(provider, doc);
  return { doc, provider, tracker, phase: () => connectionPhase(tracker.store.getSnapshot()) };
}

describe('trackConnection with a real provider', () => {
  it('counts offline edits and clears them once the reconnect sync reached the server', async () => {
    const room = `room-${Date.now()}`;
    const c = client(room);
    await until(() => c.phase() === 'connected', 'first sync');
    c.doc.getMap('meta').set('symbol', 'A/C.1/78/L.11');
    expect(c.tracker.store.getSnapshot().unsynced).toBe(0);

    c.provider.disconnect();
    await until(() => c.phase() !== 'connected', 'disconnect');
    expect(c.phase()).toBe('reconnecting');
    const text = c.doc.getText('t');
    text.insert(0, 'offline ');
    text.insert(8, 'edits');
    expect(c.tracker.store.getSnapshot().unsynced).toBe(2);
    expect(c.phase()).toBe('offline');

    c.provider.connect();
    await until(() => c.phase() === 'connected', 'reconnect sync');
    expect(c.tracker.store.getSnapshot().unsynced).toBe(0);
    expect(c.tracker.store.getSnapshot().merged).toBe(2);
    // The server's copy has the offline edits.
    const serverDoc = docs.get(room);
    await until(() => serverDoc?.getText('t').toString() === 'offline edits', 'server to hold the offline edits');

    c.tracker.destroy();
    c.provider.destroy();
  });

  it('does not count remote edits', async () => {
    const room = `room-remote-${Date.now()}`;
    const a = client(room);
    const b = client(room);
    await until(() => a.phase() === 'connected' && b.phase() === 'connected', 'both synced');
    a.provider.disconnect();
    await until(() => a.phase() === 'reconnecting', 'a disconnected');
    b.doc.getMap('meta').set('date', '12 October 2023');
    a.provider.connect();
    await until(() => a.doc.getMap('meta').get('date') === '12 October 2023', 'a to receive the remote edit');
    expect(a.tracker.store.getSnapshot().unsynced).toBe(0);
    expect(a.phase()).toBe('connected');
    for (const c of [a, b]) {
      c.tracker.destroy();
      c.provider.destroy();
    }
  });
});

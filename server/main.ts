/**
 * Starts the Penholder server: SQLite store, room registry, Hono app with REST, y-websocket
 * collaboration and the built client. Run directly (`tsx server/main.ts`) it reads PORT (default
 * 8787), HOST (default 127.0.0.1; set 0.0.0.0 to listen on all interfaces) and DATA_DIR
 * (default ./data), PENHOLDER_CREATE_KEY (unset: anyone who reaches the server may create and list
 * drafts), PENHOLDER_PUBLIC_URL (origin used in invitation links) and PENHOLDER_ENFORCE (0 turns the
 * permission checks off, for the benchmark only), and prints `penholder listening on http://HOST:PORT`.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { createNodeWebSocket } from '@hono/node-ws';
import { Hono } from 'hono';
import { CLOSE } from './core/close-codes.ts';
import { DEFAULT_MAX_FRAME_BYTES, allowAllGate } from './core/room.ts';
import { identityStamp, permissionsGate } from './auth/enforce.ts';
import { checkUpdate } from '../shared/permissions/gate.ts';
import { RoomRegistry } from './core/rooms.ts';
import { SqliteStore } from './storage/sqlite-store.ts';
import { createApp } from './http/app.ts';

export interface StartOptions {
  /** 0 picks a free port. Default 8787. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Directory of penholder.db. Default ./data. */
  dataDir?: string;
  /** Largest accepted websocket frame. Default 2 MiB. */
  maxFrameBytes?: number;
  /** Built client directory. Default dist/client. */
  clientDir?: string;
  /** How long an empty room stays loaded. Default 10 s. */
  unloadGraceMs?: number;
  /** When set, creating and listing drafts need `Authorization: Bearer <createKey>`. Default: open. */
  createKey?: string;
  /** Origin used in invitation links (e.g. https://penholder.example.org). Default: the request's. */
  publicUrl?: string;
  /** Permission checks on updates. Default true; false exists only for the benchmark comparison. */
  enforce?: boolean;
  log?: (message: string) => void;
}

export interface RunningServer {
  port: number;
  url: string;
  /** Closes sockets, stores pending updates, compacts open drafts, closes the database. */
  close(): Promise<void>;
}

export async function startServer(opts: StartOptions = {}): Promise<RunningServer> {
  const log = opts.log ?? ((m: string) => console.error(m));
  const host = opts.host ?? '127.0.0.1';
  const dataDir = path.resolve(opts.dataDir ?? './data');
  const maxFrameBytes = opts.maxFrameBytes ?? DEFAULT_MAX_FRAME_BYTES;
  const store = new SqliteStore(path.join(dataDir, 'penholder.db'));
  const enforce = opts.enforce ?? true;
  const gate = enforce ? permissionsGate(checkUpdate) : allowAllGate;
  const rooms = new RoomRegistry({
    store, maxFrameBytes, unloadGraceMs: opts.unloadGraceMs, log,
    gate, awarenessStamp: identityStamp(), history: (events) => store.access.appendEvents(events),
  });

  const root = new Hono();
  const nodeWs = createNodeWebSocket({ app: root });
  // Let frames a little over the limit reach the room, which closes with 'frame-too-large'; far
  // bigger ones are cut off by ws itself (close 1009) before they are buffered.
  nodeWs.wss.options.maxPayload = maxFrameBytes * 2 + 1024;
  root.route('/', createApp({ store, rooms, access: store.access, revisions: store.revisions, createKey: opts.createKey || undefined, publicUrl: opts.publicUrl, upgradeWebSocket: nodeWs.upgradeWebSocket, clientDir: opts.clientDir, log }));

  let server: Server;
  try {
    server = await new Promise<Server>((resolve, reject) => {
      const s = serve({ fetch: root.fetch, port: opts.port ?? 8787, hostname: host }, () => resolve(s as Server));
      (s as Server).once('error', reject);
    });
  } catch (e) {
    await rooms.stop(CLOSE.goingAway);
    await store.close();
    throw e;
  }
  nodeWs.injectWebSocket(server);
  const port = (server.address() as AddressInfo).port;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  let closing: Promise<void> | null = null;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      await rooms.stop(CLOSE.goingAway);
      // Give clients a moment to complete the close handshake so they see 1001, not 1006.
      const deadline = Date.now() + 1000;
      while (nodeWs.wss.clients.size > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
      for (const ws of nodeWs.wss.clients) ws.terminate();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections?.();
      });
      await store.close();
    })();
    return closing;
  };
  return { port, url, close };
}

const isMain = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);

if (isMain) {
  const portEnv = process.env.PORT;
  const port = portEnv === undefined || portEnv === '' ? 8787 : Number(portEnv);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`PORT must be an integer 0-65535, got ${portEnv}`);
    process.exit(2);
  }
  const running = await startServer({
    port,
    host: process.env.HOST || '127.0.0.1',
    dataDir: process.env.DATA_DIR || './data',
    createKey: process.env.PENHOLDER_CREATE_KEY || undefined,
    publicUrl: process.env.PENHOLDER_PUBLIC_URL || undefined,
    enforce: process.env.PENHOLDER_ENFORCE !== '0',
  });
  console.log(`penholder listening on ${running.url}`);
  if (process.env.PENHOLDER_ENFORCE === '0') console.error('PENHOLDER_ENFORCE=0: permission checks are OFF (benchmark use only)');
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    console.error(`${signal}: storing pending edits and shutting down`);
    running.close().then(() => process.exit(0), (e: unknown) => {
      console.error(e);
      process.exit(1);
    });
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

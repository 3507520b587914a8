/**
 * The servers under test. Each runs in its own node process (started under tsx so the pid is the
 * server itself, which is what /proc CPU and RSS readings need) and announces its port with a
 * "listening on http://127.0.0.1:NNNN" line on stdout.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { repoRoot, spawnTs, stopChild, withDeadline } from './procs.ts';

/** A started server with a room ready for clients. */
export interface RunningServer {
  name: string;
  pid: number;
  /** Base URL handed to WebsocketProvider; the room name is appended as `/<room>`. */
  wsBase: string;
  room: string;
  stop(): Promise<void>;
}

/** A server the benchmark knows how to start. */
export interface ServerSpec {
  /** Short key for BENCH_SERVERS (stock, penholder). */
  key: string;
  name: string;
  /** False (with a reason) when the server cannot be run in this checkout. */
  available(): { ok: true } | { ok: false; reason: string };
  start(): Promise<RunningServer>;
}

const LISTEN_RE = /listening on http:\/\/127\.0\.0\.1:(\d+)/;
const START_DEADLINE_MS = 30_000;

/** Waits for the listening line; fails early with the child's stderr if it exits first. */
function awaitPort(child: ChildProcess, name: string): Promise<number> {
  return withDeadline(
    `${name} start`,
    START_DEADLINE_MS,
    new Promise<number>((resolve, reject) => {
      let out = '';
      let err = '';
      child.stdout?.on('data', (chunk: Buffer) => {
        out += chunk.toString('utf8');
        const match = LISTEN_RE.exec(out);
        if (match) resolve(Number(match[1]));
      });
      child.stderr?.on('data', (chunk: Buffer) => {
        err = (err + chunk.toString('utf8')).slice(-4000);
      });
      child.once('exit', (code, signal) => {
        reject(new Error(`${name} exited before listening (code ${code}, signal ${signal}): ${err.trim()}`));
      });
    }),
  );
}

function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  // The stock server persists to LevelDB when this is set; the benchmark measures it in memory.
  delete env.YPERSISTENCE;
  return env;
}

/** Stock @y/websocket-server 0.1.1 (see stock-server.ts). */
export const stockServer: ServerSpec = {
  key: 'stock',
  name: 'y-websocket-server 0.1.1',
  available: () => ({ ok: true }),
  async start() {
    const child = spawnTs(path.join(repoRoot, 'bench/fanout/stock-server.ts'), cleanEnv({ PORT: '0', HOST: '127.0.0.1' }));
    try {
      const port = await awaitPort(child, 'stock server');
      return {
        name: this.name,
        pid: child.pid ?? -1,
        wsBase: `ws://127.0.0.1:${port}/collab`,
        room: 'bench-room',
        stop: () => stopChild(child),
      };
    } catch (error) {
      await stopChild(child);
      throw error;
    }
  },
};

const penholderMain = path.join(repoRoot, 'server/main.ts');

/** Penholder (server/main.ts), with a throw-away data directory and a draft created over the API. */
export const penholderServer: ServerSpec = {
  key: 'penholder',
  name: 'penholder',
  available: () =>
    existsSync(penholderMain) ? { ok: true } : { ok: false, reason: 'server/main.ts does not exist yet' },
  async start() {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'penholder-bench-'));
    const child = spawnTs(penholderMain, cleanEnv({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir }));
    const stop = async (): Promise<void> => {
      await stopChild(child);
      rmSync(dataDir, { recursive: true, force: true });
    };
    try {
      const port = await awaitPort(child, 'penholder server');
      const room = await withDeadline('create draft', 10_000, createDraft(port));
      return { name: this.name, pid: child.pid ?? -1, wsBase: `ws://127.0.0.1:${port}/collab`, room, stop };
    } catch (error) {
      await stop();
      throw error;
    }
  },
};

async function createDraft(port: number): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${port}/api/drafts`, { method: 'POST' });
  const body: unknown = await res.json().catch(() => null);
  if (res.status !== 201 || typeof body !== 'object' || body === null || !('id' in body) || typeof body.id !== 'string') {
    throw new Error(`POST /api/drafts answered ${res.status} ${JSON.stringify(body)}`);
  }
  return body.id;
}

/** Every server the benchmark knows, in run order. */
export const allServers: ServerSpec[] = [stockServer, penholderServer];

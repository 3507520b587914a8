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
import type { ClientTokens } from './types.ts';

/** A started server with a room ready for clients. */
export interface RunningServer {
  name: string;
  pid: number;
  /** Base URL handed to WebsocketProvider; the room name is appended as `/<room>`. */
  wsBase: string;
  room: string;
  /** Sent as `?token=` by the clients of servers that require one. */
  tokens?: ClientTokens;
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

/**
 * Penholder (server/main.ts), with a throw-away data directory and a draft created over the API.
 * Typists connect with a penholder token (allowed to type while the draft is in drafting, so every
 * edit goes through the permission check), the other clients with observer tokens. `enforce: false`
 * starts it with PENHOLDER_ENFORCE=0 (checks off) for the comparison.
 */
function penholderSpec(enforce: boolean): ServerSpec {
  return {
    key: enforce ? 'penholder' : 'penholder-nocheck',
    name: enforce ? 'penholder' : 'penholder (checks off)',
    available: () =>
      existsSync(penholderMain) ? { ok: true } : { ok: false, reason: 'server/main.ts does not exist yet' },
    async start() {
      const dataDir = mkdtempSync(path.join(os.tmpdir(), 'penholder-bench-'));
      const env: Record<string, string> = { PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, PENHOLDER_ENFORCE: enforce ? '1' : '0' };
      const child = spawnTs(penholderMain, cleanEnv(env));
      const stop = async (): Promise<void> => {
        await stopChild(child);
        rmSync(dataDir, { recursive: true, force: true });
      };
      try {
        const port = await awaitPort(child, this.name);
        const { room, tokens } = await withDeadline('create draft', 10_000, createDraft(port));
        return { name: this.name, pid: child.pid ?? -1, wsBase: `ws://127.0.0.1:${port}/collab`, room, tokens, stop };
      } catch (error) {
        await stop();
        throw error;
      }
    },
  };
}

export const penholderServer = penholderSpec(true);
export const penholderUncheckedServer = penholderSpec(false);

async function postJson(url: string, token: string | null, body: unknown): Promise<Record<string, unknown>> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await fetch(url, { method: 'POST', headers, body: JSON.stringify(body) });
  const parsed: unknown = await res.json().catch(() => null);
  if (res.status !== 201 || typeof parsed !== 'object' || parsed === null) {
    throw new Error(`POST ${url} answered ${res.status} ${JSON.stringify(parsed)}`);
  }
  return parsed as Record<string, unknown>;
}

async function createDraft(port: number): Promise<{ room: string; tokens: ClientTokens }> {
  const base = `http://127.0.0.1:${port}/api/drafts`;
  const created = await postJson(base, null, {});
  if (typeof created.id !== 'string' || typeof created.token !== 'string') throw new Error(`no id/token in ${JSON.stringify(created)}`);
  const invite = async (participant: string, role: string): Promise<string> => {
    const inv = await postJson(`${base}/${created.id as string}/invitations`, created.token as string, { participant, role });
    if (typeof inv.token !== 'string') throw new Error(`no token in ${JSON.stringify(inv)}`);
    return inv.token;
  };
  return { room: created.id, tokens: { typist: await invite('Brazil', 'penholder'), reader: await invite('Bench observer', 'observer') } };
}

/** Every server the benchmark knows, in run order. */
export const allServers: ServerSpec[] = [stockServer, penholderServer, penholderUncheckedServer];

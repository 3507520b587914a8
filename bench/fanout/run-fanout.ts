/**
 * Fan-out benchmark orchestrator: starts one server, spreads the clients over forked load
 * generators, drives the phases with a deadline each, and measures the server process from /proc.
 */
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { forkTs, monoMs, readCpuSeconds, readMachineBusySeconds, readPeakRssMb, readRssMb, repoRoot, stopChild, withDeadline } from './procs.ts';
import type { ServerSpec } from './servers.ts';
import { emptyTraffic } from './client.ts';
import { summarise } from './report.ts';
import type { ClientAssignment, FanoutLoad, FanoutResult, FromWorker, ToWorker, WorkerResult } from './types.ts';

const WORKER_FILE = path.join(repoRoot, 'bench/fanout/worker.ts');
const DRAIN_MS = 15_000;

function envInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, got "${raw}"`);
  return value;
}

/**
 * The default load (50 clients, 10 typists at 5 edits/s for 20 s, cursors moving), with BENCH_*
 * env overrides (BENCH_CURSORS=0 keeps cursors still, to isolate the cost of presence traffic).
 */
export function loadFromEnv(): FanoutLoad {
  const clients = Math.round(envInt('BENCH_CLIENTS', 50));
  const typists = Math.min(clients, Math.round(envInt('BENCH_TYPISTS', 10)));
  return {
    clients,
    typists,
    editsPerSecond: envInt('BENCH_RATE', 5),
    durationS: envInt('BENCH_DURATION_S', 20),
    workers: Math.min(clients, Math.round(envInt('BENCH_WORKERS', 5))),
    cursors: process.env.BENCH_CURSORS !== '0',
  };
}

/** One forked load generator with a typed, deadline-bounded way to await its next message. */
class WorkerHandle {
  private readonly inbox: FromWorker[] = [];
  private waiter: (() => void) | null = null;
  private exitError: Error | null = null;

  constructor(readonly child: ChildProcess, readonly id: number) {
    child.on('message', (message: FromWorker) => {
      this.inbox.push(message);
      this.waiter?.();
    });
    child.once('exit', (code, signal) => {
      this.exitError = new Error(`load worker ${id} exited (code ${code}, signal ${signal})`);
      this.waiter?.();
    });
  }

  /** A worker that died is reported by next(), so a failed send needs no handling of its own. */
  send(message: ToWorker): void {
    if (this.child.connected) this.child.send(message, () => {});
  }

  async next<T extends FromWorker['type']>(type: T): Promise<Extract<FromWorker, { type: T }>> {
    for (;;) {
      const message = this.inbox.shift();
      if (message?.type === 'error') throw new Error(`load worker ${this.id}: ${message.message}`);
      if (message?.type === type) return message as Extract<FromWorker, { type: T }>;
      if (message !== undefined) throw new Error(`load worker ${this.id}: expected ${type}, got ${message.type}`);
      if (this.exitError) throw this.exitError;
      await new Promise<void>((resolve) => {
        this.waiter = resolve;
      });
      this.waiter = null;
    }
  }
}

/** Clients go round-robin to workers; typists are clients 0..typists-1, so they spread evenly too. */
function assign(load: FanoutLoad): ClientAssignment[][] {
  const groups: ClientAssignment[][] = Array.from({ length: load.workers }, () => []);
  for (let index = 0; index < load.clients; index++) {
    groups[index % load.workers].push({ index, typist: index < load.typists });
  }
  return groups;
}

/** Optional progress sink (the CLI prints, tests stay quiet). */
export type Log = (line: string) => void;

/** Runs the fan-out benchmark against one server and returns its measurements. */
export async function runFanout(spec: ServerSpec, load: FanoutLoad, log: Log = () => {}): Promise<FanoutResult> {
  log(`[${spec.name}] starting server`);
  const server = await spec.start();
  const workers: WorkerHandle[] = [];
  try {
    log(`[${spec.name}] pid ${server.pid}, room ${server.room}; connecting ${load.clients} clients from ${load.workers} processes`);
    const groups = assign(load);
    groups.forEach((_, id) => workers.push(new WorkerHandle(forkTs(WORKER_FILE), id)));
    workers.forEach((w, id) => w.send({ type: 'init', wsBase: server.wsBase, room: server.room, clients: groups[id], load, tokens: server.tokens }));
    await withDeadline('clients connect and sync', 40_000, Promise.all(workers.map((w) => w.next('ready'))));

    const cpuBefore = readCpuSeconds(server.pid);
    const rssBeforeMb = readRssMb(server.pid);
    const machineBefore = readMachineBusySeconds();
    const selfBefore = process.cpuUsage();
    const windowStart = monoMs();
    log(`[${spec.name}] all clients synced; typing for ${load.durationS} s`);
    workers.forEach((w) => w.send({ type: 'start', startAtMs: windowStart + 200 }));
    const typed = await withDeadline(
      'typing',
      load.durationS * 1000 + 30_000,
      Promise.all(workers.map((w) => w.next('typed'))),
    );
    const expectedPerTypist: Record<string, number> = {};
    for (const t of typed) Object.assign(expectedPerTypist, t.sentPerTypist);

    const drainDeadline = monoMs() + DRAIN_MS;
    workers.forEach((w) => w.send({ type: 'drain', expectedPerTypist, deadlineMs: drainDeadline }));
    const results: WorkerResult[] = (
      await withDeadline('drain and collect', DRAIN_MS + 30_000, Promise.all(workers.map((w) => w.next('result'))))
    ).map((m) => m.result);
    const windowS = (monoMs() - windowStart) / 1000;
    const serverCpuS = readCpuSeconds(server.pid) - cpuBefore;
    const peakRssMb = readPeakRssMb(server.pid);
    const machineBusyS = readMachineBusySeconds() - machineBefore;
    const self = process.cpuUsage(selfBefore);
    const generatorCpuS = results.reduce((a, r) => a + r.cpuS, 0);

    const traffic = emptyTraffic();
    for (const r of results) {
      for (const key of Object.keys(traffic) as (keyof typeof traffic)[]) traffic[key] += r.traffic[key];
    }
    const latency = summarise(results.flatMap((r) => r.latenciesMs));
    return {
      server: spec.name,
      load,
      editsSent: Object.values(expectedPerTypist).reduce((a, b) => a + b, 0),
      expectedDeliveries: results.reduce((a, r) => a + r.expectedDeliveries, 0),
      receivedDeliveries: results.reduce((a, r) => a + r.receivedDeliveries, 0),
      lost: results.reduce((a, r) => a + r.missingFromFinalDoc, 0),
      ...latency,
      serverCpuS,
      windowS,
      serverCpuPct: (serverCpuS / windowS) * 100,
      peakRssMb,
      rssBeforeMb,
      generatorCpuS,
      otherCpuS: Math.max(0, machineBusyS - serverCpuS - generatorCpuS - (self.user + self.system) / 1e6),
      traffic,
      missingSample: results.flatMap((r) => r.missingSample).slice(0, 10),
    };
  } finally {
    for (const w of workers) w.send({ type: 'close' });
    await Promise.all(workers.map((w) => stopChild(w.child, 2000)));
    await server.stop();
  }
}

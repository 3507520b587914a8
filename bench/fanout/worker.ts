/**
 * Load-generator process (forked by the orchestrator). Hosts a share of the benchmark clients and
 * follows the orchestrator's phases over IPC: init → ready, start → typed, drain → result, close.
 */
import { BenchClient, emptyTraffic } from './client.ts';
import { monoMs } from './procs.ts';
import type { FromWorker, ToWorker, WorkerResult } from './types.ts';

const POLL_MS = 20;
const READY_DEADLINE_MS = 30_000;

let clients: BenchClient[] = [];
const latencies: number[] = [];
const traffic = emptyTraffic();
let editsPerSecond = 5;
let durationS = 20;
let typistCount = 1;
let moveCursors = true;
let cpuAtStart: NodeJS.CpuUsage | null = null;

function send(message: FromWorker): void {
  process.send?.(message);
}

function fail(error: unknown): never {
  send({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  process.exit(1);
}

/** Polls `condition` every POLL_MS until it holds or the deadline passes; resolves whether it held. */
function pollUntil(condition: () => boolean, deadlineMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const check = (): void => {
      if (condition()) resolve(true);
      else if (monoMs() > deadlineMs) resolve(false);
      else setTimeout(check, POLL_MS);
    };
    check();
  });
}

async function init(message: Extract<ToWorker, { type: 'init' }>): Promise<void> {
  ({ editsPerSecond, durationS, typists: typistCount, cursors: moveCursors } = message.load);
  clients = message.clients.map((c) => new BenchClient(c.index, c.typist, message.wsBase, message.room, traffic, latencies, message.tokens));
  const deadline = monoMs() + READY_DEADLINE_MS;
  const synced = await pollUntil(() => clients.every((c) => c.provider.synced), deadline);
  if (!synced) throw new Error('clients did not sync with the server in time');
  for (const client of clients) client.addParagraph();
  // Typing starts only once every client sees every typist's paragraph, so no edit can race its container.
  const complete = await pollUntil(() => clients.every((c) => c.benchParagraphs() >= typistCount), deadline);
  if (!complete) throw new Error('typist paragraphs did not reach every client in time');
  send({ type: 'ready' });
}

function start(startAtMs: number): void {
  cpuAtStart = process.cpuUsage();
  // Traffic counts cover the measured window only, not connection and setup.
  Object.assign(traffic, emptyTraffic());
  const periodMs = 1000 / editsPerSecond;
  const editsEach = Math.round(editsPerSecond * durationS);
  const typists = clients.filter((c) => c.typist);
  let pending = typists.length;
  const finish = (): void => {
    const sentPerTypist: Record<string, number> = {};
    for (const t of typists) sentPerTypist[String(t.index)] = t.sent;
    send({ type: 'typed', sentPerTypist });
  };
  if (pending === 0) {
    finish();
    return;
  }
  for (const typist of typists) {
    // Typists are spread evenly over the period so the room sees a steady stream, not bursts.
    const phase = (typist.index / typistCount) * periodMs;
    const next = (seq: number): void => {
      if (seq >= editsEach) {
        if (--pending === 0) finish();
        return;
      }
      // Scheduled against absolute times so a late timer does not push the remaining edits later.
      setTimeout(() => {
        try {
          typist.typeEdit(moveCursors);
        } catch (error) {
          fail(error);
        }
        next(seq + 1);
      }, Math.max(0, startAtMs + phase + seq * periodMs - monoMs()));
    };
    next(0);
  }
}

async function drain(expectedPerTypist: Record<string, number>, deadlineMs: number): Promise<void> {
  const expectedFor = (client: BenchClient): string[] => {
    const keys: string[] = [];
    for (const [typist, count] of Object.entries(expectedPerTypist)) {
      if (Number(typist) === client.index) continue;
      for (let seq = 0; seq < count; seq++) keys.push(`${typist}.${seq}`);
    }
    return keys;
  };
  const expected = new Map(clients.map((c) => [c, expectedFor(c)]));
  await pollUntil(() => clients.every((c) => c.seen.size >= (expected.get(c)?.length ?? 0)), deadlineMs);

  let expectedDeliveries = 0;
  let missingFromFinalDoc = 0;
  const missingSample: string[] = [];
  for (const client of clients) {
    const keys = expected.get(client) ?? [];
    expectedDeliveries += keys.length;
    const present = client.finalKeys();
    for (const key of keys) {
      if (present.has(key)) continue;
      missingFromFinalDoc++;
      if (missingSample.length < 10) missingSample.push(`client ${client.index} lacks ${key}`);
    }
  }
  const cpu = process.cpuUsage(cpuAtStart ?? undefined);
  const result: WorkerResult = {
    latenciesMs: latencies,
    expectedDeliveries,
    receivedDeliveries: clients.reduce((sum, c) => sum + c.seen.size, 0),
    missingFromFinalDoc,
    missingSample,
    traffic,
    cpuS: (cpu.user + cpu.system) / 1e6,
  };
  send({ type: 'result', result });
}

function close(): void {
  for (const client of clients) client.destroy();
  process.exit(0);
}

process.on('message', (raw: ToWorker) => {
  switch (raw.type) {
    case 'init':
      init(raw).catch(fail);
      break;
    case 'start':
      start(raw.startAtMs);
      break;
    case 'drain':
      drain(raw.expectedPerTypist, raw.deadlineMs).catch(fail);
      break;
    case 'close':
      close();
      break;
  }
});
// The orchestrator went away: never linger as an orphan holding sockets open.
process.on('disconnect', () => process.exit(0));
process.on('uncaughtException', fail);
process.on('unhandledRejection', fail);

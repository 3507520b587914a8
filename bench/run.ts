/**
 * `npm run bench`: runs every benchmark and prints its figures.
 *  1. Fan-out (bench/fanout/): the same load against the stock y-websocket server and Penholder.
 *  2. Micro-benchmarks: import (15 KB text), permission gate (µs per update), word diff, comparison, export.
 * Exits non-zero if a server fails or any edit is lost. See bench/README.md.
 */
import path from 'node:path';
import { runImportBench } from './import.bench.ts';
import { runGateBench } from './gate.bench.ts';
import { runDiffBench } from './diff.bench.ts';
import { runCompareBench } from './compare.bench.ts';
import { runExportBench } from './export.bench.ts';
import { killAllChildren, repoRoot, waitForQuietMachine } from './fanout/procs.ts';
import { allServers } from './fanout/servers.ts';
import { loadFromEnv, runFanout } from './fanout/run-fanout.ts';
import { formatTable, formatTraffic, writeJson, type FailedRun } from './fanout/report.ts';
import type { FanoutResult } from './fanout/types.ts';

const RESULTS_FILE = path.join(repoRoot, 'test-artifacts/bench/fanout-latest.json');
/** BENCH_ONLY=fanout|import|gate|diff|compare|export runs one benchmark; BENCH_SERVERS=stock,penholder,penholder-nocheck picks servers. */
const only = process.env.BENCH_ONLY?.trim();

async function fanout(): Promise<boolean> {
  const load = loadFromEnv();
  const wanted = process.env.BENCH_SERVERS?.split(',').map((s) => s.trim().toLowerCase());
  const servers = allServers.filter((s) => !wanted || wanted.includes(s.key));
  console.log(
    `fan-out: ${load.clients} clients in one room, ${load.typists} typing ${load.editsPerSecond} edits/s for ${load.durationS} s, ` +
      `load from ${load.workers} processes${load.cursors ? '' : ', cursors still (BENCH_CURSORS=0)'}`,
  );
  const results: FanoutResult[] = [];
  const failures: FailedRun[] = [];
  const skipped: string[] = [];
  for (const server of servers) {
    const availability = server.available();
    if (!availability.ok) {
      skipped.push(`${server.name}: skipped (${availability.reason})`);
      continue;
    }
    const quietWaitS = Number(process.env.BENCH_QUIET_WAIT_S ?? '0');
    if (quietWaitS > 0) {
      const quiet = await waitForQuietMachine(quietWaitS);
      console.log(quiet ? `[${server.name}] machine is quiet` : `[${server.name}] machine still busy after ${quietWaitS} s; measuring anyway`);
    }
    try {
      results.push(await runFanout(server, load, (line) => console.log(line)));
    } catch (error) {
      failures.push({ server: server.name, error: error instanceof Error ? error.message : String(error) });
    }
  }
  if (servers.length === 0) failures.push({ server: String(process.env.BENCH_SERVERS), error: 'no such server (use stock, penholder, penholder-nocheck)' });
  console.log('\n' + formatTable(results, failures));
  for (const line of skipped) console.log(line);
  console.log('\n' + formatTraffic(results));
  writeJson(RESULTS_FILE, { at: new Date().toISOString(), load, results, failures, skipped });
  console.log(`\nresults written to ${path.relative(process.cwd(), RESULTS_FILE)}`);
  return failures.length === 0 && results.every((r) => r.lost === 0);
}

/** The in-process micro-benchmarks: each prints its own figures. */
const MICRO_BENCHES: Record<string, { title: string; run: () => unknown }> = {
  import: { title: 'import benchmark', run: runImportBench },
  gate: { title: 'permission gate benchmark (µs per checked update)', run: runGateBench },
  diff: { title: 'word diff benchmark', run: runDiffBench },
  compare: { title: 'comparison benchmark', run: runCompareBench },
  export: { title: 'export benchmark (100 paragraphs, 200 pending amendments)', run: () => runExportBench() },
};

async function microBench(key: string): Promise<boolean> {
  const bench = MICRO_BENCHES[key];
  console.log(`\n${bench.title}:`);
  try {
    await bench.run();
    return true;
  } catch (error) {
    console.error(`${bench.title} failed:`, error);
    return false;
  }
}

async function main(): Promise<number> {
  let ok = true;
  if (only === undefined || only === '' || only === 'fanout') ok = (await fanout()) && ok;
  for (const key of Object.keys(MICRO_BENCHES)) {
    if (only === undefined || only === '' || only === key) ok = (await microBench(key)) && ok;
  }
  return ok ? 0 : 1;
}

main()
  .then((code) => {
    killAllChildren();
    process.exit(code);
  })
  .catch((error: unknown) => {
    console.error(error);
    killAllChildren();
    process.exit(1);
  });

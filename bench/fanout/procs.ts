/**
 * Child-process plumbing for the benchmark: spawning TypeScript entry points under tsx, making sure
 * no child outlives the orchestrator, and reading a process's CPU time and peak RSS from /proc.
 */
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** Repository root (bench/fanout/ is two levels down). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Every child started by the benchmark; killed on any exit path so nothing lingers. */
const live = new Set<ChildProcess>();
let hooksInstalled = false;

function installExitHooks(): void {
  if (hooksInstalled) return;
  hooksInstalled = true;
  process.on('exit', () => killAllChildren());
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.once(sig, () => {
      killAllChildren();
      process.exit(130);
    });
  }
}

function track(child: ChildProcess): ChildProcess {
  installExitHooks();
  live.add(child);
  child.once('exit', () => live.delete(child));
  return child;
}

/** SIGKILLs every child still running (by the pids this module started, nothing else). */
export function killAllChildren(): void {
  for (const child of live) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
  live.clear();
}

/** Runs a .ts file in a fresh node process with the tsx loader; the pid is the node process itself. */
export function spawnTs(
  file: string,
  env: NodeJS.ProcessEnv,
): ChildProcess {
  return track(
    spawn(process.execPath, ['--import', 'tsx', file], {
      cwd: repoRoot,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  );
}

/** Forks a .ts file with an IPC channel (load-generator workers). */
export function forkTs(file: string): ChildProcess {
  return track(
    fork(file, [], {
      cwd: repoRoot,
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    }),
  );
}

/** Stops a child: SIGTERM, then SIGKILL if it has not exited within `graceMs`. */
export async function stopChild(child: ChildProcess, graceMs = 3000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

/** Rejects after `ms` with a message naming the phase, so every wait is bounded. */
export async function withDeadline<T>(phase: string, ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${phase}: no result within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

let clockTicks: number | null = null;
function ticksPerSecond(): number {
  if (clockTicks === null) {
    try {
      clockTicks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      clockTicks = 100;
    }
  }
  return clockTicks;
}

/** User + system CPU seconds consumed so far by process `pid` (all its threads). */
export function readCpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the parenthesised command name start at field 3 (state); utime is 14, stime 15.
  const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(rest[11]);
  const stime = Number(rest[12]);
  return (utime + stime) / ticksPerSecond();
}

function readStatusKb(pid: number, field: 'VmHWM' | 'VmRSS'): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = new RegExp(`^${field}:\\s+(\\d+)\\s+kB`, 'm').exec(status);
  if (!match) throw new Error(`${field} missing from /proc/${pid}/status`);
  return Number(match[1]);
}

/** Busy CPU seconds of the whole machine so far, all cores (from the first line of /proc/stat). */
export function readMachineBusySeconds(): number {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0];
  // cpu user nice system idle iowait irq softirq steal ...: idle and iowait are not busy.
  const [user, nice, system, , , irq, softirq, steal] = line.trim().split(/\s+/).slice(1).map(Number);
  return (user + nice + system + irq + softirq + (steal || 0)) / ticksPerSecond();
}

/**
 * Waits (at most `maxS` seconds) until the machine has been nearly idle for a 2 s sample, so a
 * shared machine's other work does not land in the measured window. Resolves whether it got quiet.
 */
export async function waitForQuietMachine(maxS: number, busyShareOfCore = 0.15): Promise<boolean> {
  const deadline = monoMs() + maxS * 1000;
  const sampleMs = 2000;
  while (monoMs() < deadline) {
    const before = readMachineBusySeconds();
    await new Promise((resolve) => setTimeout(resolve, sampleMs));
    if ((readMachineBusySeconds() - before) / (sampleMs / 1000) < busyShareOfCore) return true;
  }
  return false;
}

/** Peak resident set size (VmHWM) of process `pid` over its whole life, in MB. */
export function readPeakRssMb(pid: number): number {
  return readStatusKb(pid, 'VmHWM') / 1024;
}

/** Current resident set size (VmRSS) of process `pid`, in MB. */
export function readRssMb(pid: number): number {
  return readStatusKb(pid, 'VmRSS') / 1024;
}

/** Milliseconds on CLOCK_MONOTONIC, which every process on the machine shares (sub-µs resolution). */
export function monoMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

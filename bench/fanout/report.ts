/** Latency statistics and the printed/JSON report of the fan-out benchmark. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { FanoutResult } from './types.ts';

/** Nearest-rank percentiles over all deliveries; NaN when there were none. */
export function summarise(latencies: number[]): { p50Ms: number; p99Ms: number; maxMs: number; meanMs: number } {
  if (latencies.length === 0) return { p50Ms: NaN, p99Ms: NaN, maxMs: NaN, meanMs: NaN };
  const sorted = Float64Array.from(latencies).sort();
  const rank = (p: number): number => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
  const sum = sorted.reduce((a, b) => a + b, 0);
  return { p50Ms: rank(50), p99Ms: rank(99), maxMs: sorted[sorted.length - 1], meanMs: sum / sorted.length };
}

/** A row that could not be measured (server failed to start, a phase timed out...). */
export interface FailedRun {
  server: string;
  error: string;
}

const fixed = (n: number, digits = 1): string => (Number.isFinite(n) ? n.toFixed(digits) : '-');

/** The plain-text results table. */
export function formatTable(results: FanoutResult[], failures: FailedRun[]): string {
  const header = ['server', 'clients', 'typists', 'edits sent', 'received', 'lost', 'p50 ms', 'p99 ms', 'max ms', 'server CPU s (% core)', 'peak RSS MB'];
  const rows = results.map((r) => [
    r.server,
    String(r.load.clients),
    String(r.load.typists),
    String(r.editsSent),
    `${r.receivedDeliveries}/${r.expectedDeliveries}`,
    String(r.lost),
    fixed(r.p50Ms),
    fixed(r.p99Ms),
    fixed(r.maxMs),
    `${fixed(r.serverCpuS, 2)} (${fixed(r.serverCpuPct, 0)}%)`,
    fixed(r.peakRssMb),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]): string => cells.map((c, i) => c.padEnd(widths[i])).join(' | ').trimEnd();
  const out = [line(header), widths.map((w) => '-'.repeat(w)).join('-|-'), ...rows.map(line)];
  for (const f of failures) out.push(`${f.server}: FAILED — ${f.error}`);
  return out.join('\n');
}

/** Per-server traffic and generator figures, per client per second, for reading the table. */
export function formatTraffic(results: FanoutResult[]): string {
  return results
    .map((r) => {
      const perClientPerS = (n: number): string => fixed(n / r.load.clients / r.windowS, 1);
      const t = r.traffic;
      return (
        `${r.server}: per client per second — sent sync ${perClientPerS(t.sentSync)}, sent awareness ${perClientPerS(t.sentAwareness)}, ` +
        `received sync ${perClientPerS(t.recvSync)}, received awareness ${perClientPerS(t.recvAwareness)}, ` +
        `received ${fixed(t.recvBytes / r.load.clients / r.windowS / 1024, 1)} KiB; ` +
        `echoes of own edits to typists: ${t.echoesToTypists}; mean ${fixed(r.meanMs, 2)} ms; ` +
        `server RSS ${fixed(r.rssBeforeMb, 1)} MB before typing; window ${fixed(r.windowS, 1)} s; load generators used ${fixed(r.generatorCpuS, 1)} CPU s` +
        `; other processes on the machine used ${fixed(r.otherCpuS, 1)} CPU s (${fixed((r.otherCpuS / r.windowS) * 100, 0)}% of one core)` +
        (r.otherCpuS / r.windowS > 0.1 ? ' — the machine was busy, latency tails are not representative' : '') +
        (r.missingSample.length > 0 ? `; missing e.g. ${r.missingSample.join(', ')}` : '')
      );
    })
    .join('\n');
}

/** Writes the machine-readable results (test-artifacts/ is git-ignored). */
export function writeJson(file: string, payload: unknown): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(payload, null, 2) + '\n');
}

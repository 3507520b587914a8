/**
 * Smoke test of the fan-out benchmark harness at a tiny load (4 clients, 2 typists, 2 s): the
 * harness must start each server, drive real y-websocket clients from forked load generators and
 * account for every edit. Figures are printed by `npm run bench`, never asserted here.
 */
import { describe, expect, it } from 'vitest';
import { runFanout } from '../bench/fanout/run-fanout.ts';
import { penholderServer, penholderUncheckedServer, stockServer, type ServerSpec } from '../bench/fanout/servers.ts';
import type { FanoutLoad } from '../bench/fanout/types.ts';

const load: FanoutLoad = { clients: 4, typists: 2, editsPerSecond: 5, durationS: 2, workers: 2, cursors: true };

async function check(spec: ServerSpec): Promise<void> {
  const result = await runFanout(spec, load);
  expect(result.editsSent).toBe(load.typists * load.editsPerSecond * load.durationS);
  // Each edit must reach every client except its author.
  expect(result.expectedDeliveries).toBe(result.editsSent * (load.clients - 1));
  expect(result.receivedDeliveries).toBe(result.expectedDeliveries);
  expect(result.lost).toBe(0);
  for (const figure of [result.p50Ms, result.p99Ms, result.maxMs]) {
    expect(Number.isFinite(figure)).toBe(true);
    expect(figure).toBeGreaterThanOrEqual(0);
  }
  expect(result.p50Ms).toBeLessThanOrEqual(result.p99Ms);
  expect(result.peakRssMb).toBeGreaterThan(0);
  expect(result.serverCpuS).toBeGreaterThanOrEqual(0);
  // Typists moved their cursor with every edit, so awareness frames must have flowed.
  expect(result.traffic.recvAwareness).toBeGreaterThan(0);
}

describe('fan-out benchmark harness', () => {
  it('measures the stock y-websocket server with no lost edits', async () => {
    await check(stockServer);
  }, 60_000);

  it('measures the Penholder server with no lost edits', async () => {
    await check(penholderServer);
  }, 60_000);

  it('measures the Penholder server with permission checks off', async () => {
    await check(penholderUncheckedServer);
  }, 60_000);
});

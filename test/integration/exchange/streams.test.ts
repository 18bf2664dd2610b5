import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Kline } from '../../../src-main/core/exchange/types';
import type { Simulator } from '../../../src-main/adapters/exchange/simulator/server';
import { binanceOn, simulator, until } from './harness';

let sim: Simulator;
let printer: ReturnType<typeof setInterval> | undefined;
let price = 100;

const fastStream = { staleAfterMs: 400, maxLifetimeMs: 60_000, backoff: { initialMs: 50, maxMs: 200 } };

beforeEach(async () => {
  sim = await simulator({ pingIntervalMs: 100 });
  price = 100;
});
afterEach(async () => {
  clearInterval(printer);
  await sim.close();
});

/** Prints a trade every 50 ms, so 1s candles keep rolling. */
const startTrading = () => (printer = setInterval(() => sim.trade('BTCUSDT', (price += 0.01)), 50));

function collect(conn: ReturnType<typeof binanceOn>, stream = fastStream) {
  const seen: Kline[] = [];
  const c = binanceOn(sim, { stream });
  const unsubscribe = c.exchange.subscribeKlines('BTCUSDT', '1s', (k) => seen.push(k));
  return { seen, unsubscribe, streams: c.streams, conn };
}

const closedOpenTimes = (ks: readonly Kline[]) => [...new Set(ks.filter((k) => k.closed).map((k) => k.openTime))].sort((a, b) => a - b);

describe('kline stream resilience', () => {
  it('detects a stalled stream (open, silent), reconnects and backfills the gap over REST', async () => {
    startTrading();
    const { seen, unsubscribe, streams } = collect(binanceOn(sim));
    await until(() => seen.some((k) => k.closed), 3_000);
    sim.streams.stalled = true;
    const stalledAt = Date.now();
    await until(() => Date.now() - stalledAt > 1_600, 3_000); // candles close while silent
    sim.streams.stalled = false;
    const stream = [...streams][0]!;
    await until(() => stream.health().staleReconnects >= 1 && seen.at(-1)!.openTime > stalledAt + 1_000, 5_000);
    unsubscribe();
    // Every 1s candle between the first seen and the last one is present and closed: no gap.
    const times = closedOpenTimes(seen);
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBe(1_000);
    expect(seen.every((k, i) => i === 0 || k.openTime >= seen[i - 1]!.openTime)).toBe(true);
  });

  it('reconnects with backoff after a disconnect and backfills', async () => {
    startTrading();
    const { seen, unsubscribe, streams } = collect(binanceOn(sim));
    await until(() => seen.some((k) => k.closed), 3_000);
    sim.streams.dropAll();
    const droppedAt = Date.now();
    const stream = [...streams][0]!;
    await until(() => stream.health().reconnects >= 1 && stream.health().connected && seen.at(-1)!.openTime > droppedAt, 5_000);
    const health = stream.health();
    unsubscribe();
    // Loopback: latency is small and measured, the last message is recent.
    expect(health.latencyMs).toBeGreaterThanOrEqual(0);
    expect(health.latencyMs).toBeLessThan(1_000);
    expect(health.lastMessageAgeMs).toBeLessThan(1_000);
    const times = closedOpenTimes(seen);
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBe(1_000);
  });

  it('reconnects on schedule before the venue would (24 h cut, scaled down)', async () => {
    startTrading();
    const { seen, unsubscribe, streams } = collect(binanceOn(sim), { ...fastStream, maxLifetimeMs: 300 });
    const stream = [...streams][0]!;
    await until(() => stream.health().scheduledReconnects >= 2, 5_000);
    const before = seen.length;
    await until(() => seen.length > before + 3, 3_000);
    unsubscribe();
    expect(sim.streams.connectionsOpened).toBeGreaterThanOrEqual(3);
  });
});

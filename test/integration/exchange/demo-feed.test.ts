import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { demoTradePath, startDemoFeed, type DemoFeedOptions } from '../../../src-main/adapters/exchange/simulator/demo-feed';
import { DEMO_MARKET } from '../../../src-main/cli/commands/demo';
import { SmaCross } from '../../../src-main/core/strategies/sma-cross';
import { DEMO_SMA_CROSS } from '../../../src-main/engine/demo/demo-seed';
import type { Simulator } from '../../../src-main/adapters/exchange/simulator/server';
import { binanceOn, simulator, until } from './harness';

let sim: Simulator;
beforeEach(async () => (sim = await simulator()));
afterEach(() => sim.close());

describe('simulator demo mode', () => {
  it('prints a random walk that fills resting orders and builds candles', async () => {
    const stop = startDemoFeed(sim, { prices: { BTCUSDT: 100 }, everyMs: 5, volatility: 0.01 });
    const { exchange } = binanceOn(sim);
    await until(() => sim.binance.engine.price('BTCUSDT') !== undefined);
    const p = sim.binance.engine.price('BTCUSDT')!;
    await exchange.placeOrder({ symbol: 'BTCUSDT', side: 'BUY', type: 'LIMIT', quantity: 0.1, price: Number((p * 0.995).toFixed(2)), clientOrderId: 'demo-1' });
    await until(async () => (await exchange.queryOrder('BTCUSDT', 'demo-1'))?.status === 'FILLED', 10_000);
    stop();
    const ks = await exchange.fetchKlines('BTCUSDT', '1s');
    expect(ks.length).toBeGreaterThan(0);
    expect(ks.every((k) => k.low <= k.open && k.open <= k.high && k.low <= k.close && k.close <= k.high)).toBe(true);
  });
});

describe("the demo market's promise", () => {
  /** Seconds from sma-cross's first tick (after `ticksBefore` it missed) to its first entry, on 1 s candles of 100 ms ticks. */
  function firstEntry(options: DemoFeedOptions, start: { ticksBefore: number; boundaryTick: number }): number | null {
    const next = demoTradePath(options);
    for (let i = 0; i < start.ticksBefore; i++) next();
    const strategy = new SmaCross(DEMO_SMA_CROSS);
    const ticksPerCandle = 1000 / options.everyMs;
    // The first candle the strategy sees closes at the next boundary: a partial one, as when it joins mid-second.
    let ticks = start.boundaryTick === 0 ? ticksPerCandle : start.boundaryTick;
    let elapsed = 0;
    for (let candle = 1; candle <= 30; candle++) {
      let close = 0;
      for (let t = 0; t < ticks; t++) close = next()[0]!.price;
      elapsed += ticks;
      if (strategy.onCandle({ time: candle * 1000, open: close, high: close, low: close, close, volume: 1 })?.action === 'enter') return (elapsed * options.everyMs) / 1000;
      ticks = ticksPerCandle;
    }
    return null;
  }

  const slowest = (options: DemoFeedOptions, starts: Array<{ ticksBefore: number; boundaryTick: number }>) => Math.max(...starts.map((s) => firstEntry(options, s) ?? Infinity));
  const phases = (ticksBefore: (i: number) => number, n: number) => Array.from({ length: n }, (_, i) => ({ ticksBefore: ticksBefore(i), boundaryTick: i % 10 }));

  it('gives sma-cross its first entry within 5 s of the feed starting with it, at any phase of the second', () => {
    // Its kline stream may connect up to 0.8 s after the feed's first tick.
    expect(slowest(DEMO_MARKET, phases((i) => Math.floor(i / 10), 90))).toBeLessThanOrEqual(5);
  });

  it('a feed started before the strategy, by however long startup took, does not (why the demo starts it after)', () => {
    expect(slowest(DEMO_MARKET, phases((i) => i * 3, 80))).toBeGreaterThan(7);
  });
});

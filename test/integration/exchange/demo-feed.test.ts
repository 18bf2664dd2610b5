import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startDemoFeed } from '../../../src-main/adapters/exchange/simulator/demo-feed';
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

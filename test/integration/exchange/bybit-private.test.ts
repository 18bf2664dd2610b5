import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RateBudgetRegistry } from '../../../src-main/core/exchange/rate-budget';
import type { OrderSnapshot } from '../../../src-main/core/exchange/types';
import { BybitExchange } from '../../../src-main/adapters/exchange/bybit/bybit';
import { startBybitPrivateStream } from '../../../src-main/adapters/exchange/bybit/bybit-private-stream';
import type { Simulator } from '../../../src-main/adapters/exchange/simulator/server';
import type { ResilientStream } from '../../../src-main/adapters/exchange/shared/ws-stream';
import { KEY, simulator, until } from './harness';

let sim: Simulator;
let stream: ResilientStream | undefined;
const streamOpts = { staleAfterMs: 2_000, maxLifetimeMs: 60_000, backoff: { initialMs: 50, maxMs: 200 } };

beforeEach(async () => {
  sim = await simulator({ liquidityPerTick: 0.5 });
  sim.trade('BTCUSDT', 100);
});
afterEach(async () => {
  stream?.stop();
  await sim.close();
});

describe('Bybit private stream', () => {
  it('authenticates, subscribes to orders and streams partial fills; app pings keep it fresh', async () => {
    const ex = new BybitExchange({ httpUrl: sim.httpUrl, wsUrl: sim.wsUrl, category: 'linear', credentials: { apiKey: KEY.apiKey, secret: KEY.secret }, budgets: new RateBudgetRegistry(Date.now) });
    const seen: OrderSnapshot[] = [];
    const errors: string[] = [];
    stream = startBybitPrivateStream(
      { url: `${sim.wsUrl}/v5/private`, credentials: { apiKey: KEY.apiKey, secret: KEY.secret }, serverNow: Date.now, stream: streamOpts, pingEveryMs: 100 },
      { onOrder: (o) => seen.push(o), onReconnected: () => undefined, onError: (e) => errors.push(e) },
    );
    await until(() => stream!.health().connected);
    await new Promise((r) => setTimeout(r, 150));
    await ex.placeOrder({ symbol: 'BTCUSDT', side: 'BUY', type: 'LIMIT', quantity: 1, price: 100, clientOrderId: 'bp-1' });
    sim.trade('BTCUSDT', 99.5);
    await until(() => seen.some((o) => o.status === 'FILLED'));
    expect(seen.map((o) => `${o.status}:${o.filledQty}`)).toEqual(['NEW:0', 'PARTIALLY_FILLED:0.5', 'FILLED:1']);
    await new Promise((r) => setTimeout(r, 2_300)); // silent longer than staleAfterMs, but pongs arrive
    expect(stream.health().staleReconnects).toBe(0);
    expect(errors).toEqual([]);
  });

  it('reports a failed auth', async () => {
    const errors: string[] = [];
    stream = startBybitPrivateStream(
      { url: `${sim.wsUrl}/v5/private`, credentials: { apiKey: KEY.apiKey, secret: 'bad' }, serverNow: Date.now, stream: streamOpts },
      { onOrder: () => undefined, onReconnected: () => undefined, onError: (e) => errors.push(e) },
    );
    await until(() => errors.length > 0);
    expect(errors[0]).toMatch(/auth failed/);
  });
});

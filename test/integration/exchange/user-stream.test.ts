import { afterEach, describe, expect, it } from 'vitest';
import { ClientOrderIdFactory } from '../../../src-main/core/exchange/client-order-id';
import { startBinanceUserStream } from '../../../src-main/adapters/exchange/binance/binance-user-stream';
import { OrderManager } from '../../../src-main/adapters/exchange/shared/order-manager';
import { OrderStore } from '../../../src-main/adapters/store/order-store';
import type { ResilientStream } from '../../../src-main/adapters/exchange/shared/ws-stream';
import { binanceOn, KEY, simulatorWithDb, until } from './harness';

const env = simulatorWithDb({ liquidityPerTick: 0.5, pingIntervalMs: 100 });
let stream: ResilientStream | undefined;
// Registered after the fixture, so it runs before the simulator closes (vitest runs after-hooks as a stack).
afterEach(() => stream?.stop());

describe('Binance spot user data (WS API subscribe.signature)', () => {
  it('streams executions into the store: partial fills with fees, once each; reconciles after a reconnect', async () => {
    const conn = binanceOn(env.sim);
    const store = new OrderStore(env.db, 'acct-1');
    const manager = new OrderManager(conn.exchange, store, new ClientOrderIdFactory('uds', Date.now, Math.random));
    let reconnects = 0;
    const errors: string[] = [];
    stream = startBinanceUserStream(
      { wsApiUrl: `${env.sim.wsUrl}/ws-api/v3`, credentials: { apiKey: KEY.apiKey, secret: KEY.secret }, clock: conn.clock, stream: { staleAfterMs: 1_000, maxLifetimeMs: 60_000, backoff: { initialMs: 50, maxMs: 200 } } },
      {
        onOrder: (o, f) => manager.apply(o, f),
        onReconnected: () => {
          reconnects += 1;
          void manager.reconcile();
        },
        onError: (m) => errors.push(m),
      },
    );
    await until(() => stream!.health().connected);
    await new Promise((r) => setTimeout(r, 100)); // subscription acknowledged

    const o = await manager.place({ symbol: 'BTCUSDT', side: 'BUY', type: 'LIMIT', quantity: 1.5, price: 100 });
    env.sim.trade('BTCUSDT', 99.5);
    env.sim.trade('BTCUSDT', 99.4);
    await until(() => store.get(o.clientOrderId)?.status === 'FILLED');
    const fills = store.fills(o.clientOrderId);
    expect(fills.map((f) => f.quantity)).toEqual([0.5, 0.5, 0.5]);
    expect(fills.every((f) => f.fee > 0 && f.feeAsset === 'USDT')).toBe(true);

    // Silent for longer than staleAfterMs: protocol pings keep a quiet user stream alive.
    await new Promise((r) => setTimeout(r, 1_300));
    expect(stream.health().staleReconnects).toBe(0);

    // Drop it; an order fills while we are disconnected; the reconnect reconciles it.
    env.sim.streams.dropAll();
    const p = await manager.place({ symbol: 'BTCUSDT', side: 'SELL', type: 'LIMIT', quantity: 0.5, price: 101 });
    env.sim.streams.stalled = true;
    env.sim.trade('BTCUSDT', 101.5);
    env.sim.streams.stalled = false;
    await until(() => reconnects >= 1 && store.get(p.clientOrderId)?.status === 'FILLED', 5_000);
    expect(errors).toEqual([]);
  });

  it('reports a bad signature instead of silently receiving nothing', async () => {
    const conn = binanceOn(env.sim);
    const errors: string[] = [];
    stream = startBinanceUserStream(
      { wsApiUrl: `${env.sim.wsUrl}/ws-api/v3`, credentials: { apiKey: KEY.apiKey, secret: 'wrong' }, clock: conn.clock, stream: { staleAfterMs: 5_000, maxLifetimeMs: 60_000, backoff: { initialMs: 50, maxMs: 200 } } },
      { onOrder: () => undefined, onReconnected: () => undefined, onError: (m) => errors.push(m) },
    );
    await until(() => errors.length > 0);
    expect(errors[0]).toContain('-1022');
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ClientOrderIdFactory } from '../../../src-main/core/exchange/client-order-id';
import { openDatabase, type Db } from '../../../src-main/adapters/store/database';
import { startBinanceUserStream } from '../../../src-main/adapters/exchange/binance-user-stream';
import { OrderManager } from '../../../src-main/adapters/exchange/order-manager';
import { OrderStore } from '../../../src-main/adapters/exchange/order-store';
import type { Simulator } from '../../../src-main/adapters/exchange/simulator/server';
import type { ResilientStream } from '../../../src-main/adapters/exchange/ws-stream';
import { binanceOn, KEY, simulator, tempDir, until } from './harness';

let sim: Simulator;
let db: Db;
let tmp: ReturnType<typeof tempDir>;
let stream: ResilientStream | undefined;

beforeEach(async () => {
  sim = await simulator({ liquidityPerTick: 0.5, pingIntervalMs: 100 });
  sim.trade('BTCUSDT', 100);
  tmp = tempDir();
  db = openDatabase(tmp.file);
});
afterEach(async () => {
  stream?.stop();
  db.close();
  tmp.cleanup();
  await sim.close();
});

describe('Binance spot user data (WS API subscribe.signature)', () => {
  it('streams executions into the store: partial fills with fees, once each; reconciles after a reconnect', async () => {
    const conn = binanceOn(sim);
    const store = new OrderStore(db, 'acct-1');
    const manager = new OrderManager(conn.exchange, store, new ClientOrderIdFactory('uds', Date.now, Math.random));
    let reconnects = 0;
    const errors: string[] = [];
    stream = startBinanceUserStream(
      { wsApiUrl: `${sim.wsUrl}/ws-api/v3`, credentials: { apiKey: KEY.apiKey, secret: KEY.secret }, clock: conn.clock, stream: { staleAfterMs: 1_000, maxLifetimeMs: 60_000, backoff: { initialMs: 50, maxMs: 200 } } },
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
    sim.trade('BTCUSDT', 99.5);
    sim.trade('BTCUSDT', 99.4);
    await until(() => store.get(o.clientOrderId)?.status === 'FILLED');
    const fills = store.fills(o.clientOrderId);
    expect(fills.map((f) => f.quantity)).toEqual([0.5, 0.5, 0.5]);
    expect(fills.every((f) => f.fee > 0 && f.feeAsset === 'USDT')).toBe(true);

    // Silent for longer than staleAfterMs: protocol pings keep a quiet user stream alive.
    await new Promise((r) => setTimeout(r, 1_300));
    expect(stream.health().staleReconnects).toBe(0);

    // Drop it; an order fills while we are disconnected; the reconnect reconciles it.
    sim.streams.dropAll();
    const p = await manager.place({ symbol: 'BTCUSDT', side: 'SELL', type: 'LIMIT', quantity: 0.5, price: 101 });
    sim.streams.stalled = true;
    sim.trade('BTCUSDT', 101.5);
    sim.streams.stalled = false;
    await until(() => reconnects >= 1 && store.get(p.clientOrderId)?.status === 'FILLED', 5_000);
    expect(errors).toEqual([]);
  });

  it('reports a bad signature instead of silently receiving nothing', async () => {
    const conn = binanceOn(sim);
    const errors: string[] = [];
    stream = startBinanceUserStream(
      { wsApiUrl: `${sim.wsUrl}/ws-api/v3`, credentials: { apiKey: KEY.apiKey, secret: 'wrong' }, clock: conn.clock, stream: { staleAfterMs: 5_000, maxLifetimeMs: 60_000, backoff: { initialMs: 50, maxMs: 200 } } },
      { onOrder: () => undefined, onReconnected: () => undefined, onError: (m) => errors.push(m) },
    );
    await until(() => errors.length > 0);
    expect(errors[0]).toContain('-1022');
  });
});

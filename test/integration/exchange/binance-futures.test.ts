import { afterEach, describe, expect, it } from 'vitest';
import { ClientOrderIdFactory } from '../../../src-main/core/exchange/client-order-id';
import { RateBudgetRegistry } from '../../../src-main/core/exchange/rate-budget';
import { createBinanceFutures } from '../../../src-main/adapters/exchange/binance/binance-factory';
import { ListenKeyKeeper } from '../../../src-main/adapters/exchange/binance/listen-key';
import { startBinanceFuturesUserStream } from '../../../src-main/adapters/exchange/binance/binance-futures-user-stream';
import type { ResilientStream } from '../../../src-main/adapters/exchange/shared/ws-stream';
import { OrderManager } from '../../../src-main/adapters/exchange/shared/order-manager';
import { OrderStore } from '../../../src-main/adapters/store/order-store';
import { KEY, simulatorWithDb, until } from './harness';

const env = simulatorWithDb({}, (sim) => sim.futures.engine.deposit('USDT', 100_000));

const futuresOn = () =>
  createBinanceFutures({ httpUrl: env.sim.httpUrl, wsUrl: env.sim.wsUrl, credentials: { apiKey: KEY.apiKey, secret: KEY.secret }, budgets: new RateBudgetRegistry(Date.now), recvWindow: 1_000, timeoutMs: 1_000, unknownPollMs: 50, retry: { maxAttempts: 3, baseDelayMs: 20, maxDelayMs: 2_000 } });

describe('Binance USDⓈ-M futures connector against the simulator', () => {
  it('sends conditional orders to /fapi/v1/algoOrder (the old endpoint answers -4120)', async () => {
    const { exchange, rest } = futuresOn();
    await expect(
      rest.call({ method: 'POST', path: '/fapi/v1/order', params: [['symbol', 'BTCUSDT'], ['side', 'SELL'], ['type', 'STOP_MARKET'], ['quantity', '1'], ['stopPrice', '90'], ['newClientOrderId', 'old-1']], signed: true, weight: 1, group: 'order', isWrite: true }),
    ).rejects.toMatchObject({ classified: { code: -4120 } });
    await exchange.placeOrder({ symbol: 'BTCUSDT', side: 'BUY', type: 'MARKET', quantity: 1, clientOrderId: 'f-m1' });
    const stop = await exchange.placeOrder({ symbol: 'BTCUSDT', side: 'SELL', type: 'STOP_MARKET', quantity: 1, stopPrice: 90, reduceOnly: true, clientOrderId: 'f-s1' });
    expect(stop).toMatchObject({ type: 'STOP_MARKET', status: 'NEW', stopPrice: 90, reduceOnly: true, exchangeOrderId: expect.stringMatching(/^algo-/) });
    expect((await exchange.openOrders('BTCUSDT')).map((o) => o.clientOrderId)).toEqual(['f-s1']);
    expect(await exchange.positions()).toEqual([{ symbol: 'BTCUSDT', side: 'LONG', quantity: 1, entryPrice: 100 }]);
    expect(await exchange.cancelOrder('BTCUSDT', 'f-s1')).toMatchObject({ status: 'CANCELED' });
  });

  it('bracket with algo exits: the take-profit fills, the manager cancels the stop (emulated OCO)', async () => {
    const { exchange } = futuresOn();
    const store = new OrderStore(env.db, 'fut-1');
    const manager = new OrderManager(exchange, store, new ClientOrderIdFactory('fut', Date.now, Math.random), () => undefined, { emulateOco: true });
    const b = await manager.placeBracket({ symbol: 'BTCUSDT', side: 'BUY', quantity: 1, entryPrice: 99, takeProfit: 105, stopLoss: 95 });
    env.sim.trade('BTCUSDT', 98.9);
    env.sim.trade('BTCUSDT', 105.5);
    await manager.reconcile(); // learns: entry and take-profit filled → cancels the stop
    await manager.settled();
    expect(store.get(b.takeProfit.clientOrderId)?.status).toBe('FILLED');
    expect(store.get(b.stopLoss.clientOrderId)?.status).toBe('CANCELED');
    expect(env.sim.futures.engine.get(b.stopLoss.clientOrderId)?.status).toBe('CANCELED');
    expect(env.sim.futures.engine.positionList()).toEqual([]);
  });

  it('an algo order answered with 5xx after placement is found, not resent', async () => {
    const { exchange } = futuresOn();
    env.sim.futures.faults.inject('/fapi/v1/algoOrder', { kind: 'error-after-handling', status: 503 }, { method: 'POST' });
    const o = await exchange.placeOrder({ symbol: 'BTCUSDT', side: 'SELL', type: 'TAKE_PROFIT_MARKET', quantity: 1, stopPrice: 120, reduceOnly: true, clientOrderId: 'f-tp' });
    expect(o).toMatchObject({ clientOrderId: 'f-tp', status: 'NEW' });
    expect(env.sim.futures.engine.openOrders()).toHaveLength(1);
  });

  it('keeps the listenKey alive and replaces it after -1125', async () => {
    const { rest } = futuresOn();
    const keys: string[] = [];
    const keeper = new ListenKeyKeeper(rest, { onNewKey: (k) => keys.push(k), keepAliveMs: 60_000 });
    const first = await keeper.start();
    await keeper.keepAlive();
    expect(keys).toEqual([first]);
    env.sim.listenKeys.expireAll();
    await keeper.keepAlive();
    expect(keys).toHaveLength(2);
    expect(keeper.listenKey).toBe(keys[1]);
    expect(env.sim.listenKeys.valid(keys[1]!, Date.now())).toBe(true);
    await keeper.stop();
    expect(env.sim.listenKeys.valid(keys[1]!, Date.now())).toBe(false);
  });
});

describe('Binance futures user stream (listenKey)', () => {
  let stream: ResilientStream | undefined;
  afterEach(() => stream?.stop());

  it('streams plain and algo order updates into the store, and survives listenKeyExpired', async () => {
    const { exchange, rest } = futuresOn();
    const store = new OrderStore(env.db, 'fut-2');
    const manager = new OrderManager(exchange, store, new ClientOrderIdFactory('fus', Date.now, Math.random), () => undefined, { emulateOco: true });
    let reconnects = 0;
    const keeper = new ListenKeyKeeper(rest, { onNewKey: () => stream?.reconnectIfUrlChanged(), keepAliveMs: 60_000 });
    await keeper.start();
    stream = startBinanceFuturesUserStream(
      { baseUrl: `${env.sim.wsUrl}/fws`, keeper, stream: { staleAfterMs: 5_000, maxLifetimeMs: 60_000, backoff: { initialMs: 50, maxMs: 200 } } },
      { onOrder: (o, f) => manager.apply(o, f), onReconnected: () => void (reconnects += 1, manager.reconcile()) },
    );
    await until(() => stream!.health().connected);
    const entry = await manager.place({ symbol: 'BTCUSDT', side: 'BUY', type: 'MARKET', quantity: 1 });
    const stop = await manager.place({ symbol: 'BTCUSDT', side: 'SELL', type: 'STOP_MARKET', quantity: 1, stopPrice: 95, reduceOnly: true }, { role: 'stop-loss' });
    expect(store.fills(entry.clientOrderId)).toHaveLength(1);

    const firstKey = keeper.listenKey;
    env.sim.streams.expireFuturesUserStreams();
    await until(() => keeper.listenKey !== firstKey && reconnects >= 1 && stream!.health().connected, 5_000);

    env.sim.trade('BTCUSDT', 94); // the stop fires; the event arrives on the new key's stream
    await until(() => store.get(stop.clientOrderId)?.status === 'FILLED', 5_000);
    expect(store.fills(stop.clientOrderId).map((f) => f.quantity)).toEqual([1]);
    expect(env.sim.futures.engine.positionList()).toEqual([]);
    await keeper.stop();
  });
});

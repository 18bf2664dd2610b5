import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RateBudgetRegistry } from '../../../src-main/core/exchange/rate-budget';
import type { Kline } from '../../../src-main/core/exchange/types';
import { BybitExchange, type BybitSetup } from '../../../src-main/adapters/exchange/bybit/bybit';
import type { Simulator } from '../../../src-main/adapters/exchange/simulator/server';
import { KEY, simulator, until, WITHDRAW_KEY } from './harness';

let sim: Simulator;
const bybitOn = (extra: Partial<BybitSetup> = {}) =>
  new BybitExchange({ httpUrl: sim.httpUrl, wsUrl: sim.wsUrl, category: 'linear', credentials: { apiKey: KEY.apiKey, secret: KEY.secret }, budgets: new RateBudgetRegistry(Date.now), recvWindow: 1_000, timeoutMs: 1_000, retry: { maxAttempts: 3, baseDelayMs: 20, maxDelayMs: 2_000 }, unknownPollMs: 50, ...extra });

beforeEach(async () => {
  sim = await simulator();
  sim.trade('BTCUSDT', 100);
});
afterEach(() => sim.close());

describe('Bybit v5 connector against the simulator', () => {
  it('places, queries and cancels; market orders open a position', async () => {
    const ex = bybitOn();
    expect(await ex.placeOrder({ symbol: 'BTCUSDT', side: 'BUY', type: 'LIMIT', quantity: 1, price: 90, clientOrderId: 'by-l1' })).toMatchObject({ status: 'NEW', price: 90 });
    expect((await ex.openOrders('BTCUSDT')).map((o) => o.clientOrderId)).toEqual(['by-l1']);
    expect(await ex.cancelOrder('BTCUSDT', 'by-l1')).toMatchObject({ status: 'CANCELED' });
    expect(await ex.placeOrder({ symbol: 'BTCUSDT', side: 'SELL', type: 'MARKET', quantity: 2, clientOrderId: 'by-m1' })).toMatchObject({ status: 'FILLED', filledQty: 2 });
    expect(await ex.positions()).toEqual([{ symbol: 'BTCUSDT', side: 'SHORT', quantity: 2, entryPrice: 100 }]);
    expect(await ex.queryOrder('BTCUSDT', 'nope')).toBeNull();
  });

  it('attaches TP/SL on create and the take-profit closes the position', async () => {
    const ex = bybitOn();
    const b = await ex.placeBracket({ symbol: 'BTCUSDT', side: 'BUY', quantity: 1, entryPrice: 99, takeProfit: 105, stopLoss: 95, clientOrderId: 'by-b1' });
    expect(b.entry.status).toBe('NEW');
    expect(b.takeProfit).toMatchObject({ type: 'TAKE_PROFIT_MARKET', stopPrice: 105, reduceOnly: true });
    sim.trade('BTCUSDT', 98);
    expect(await ex.positions()).toMatchObject([{ side: 'LONG', quantity: 1 }]);
    sim.trade('BTCUSDT', 106);
    expect(await ex.positions()).toEqual([]);
    expect(await ex.queryOrder('BTCUSDT', 'by-b1.sl')).toMatchObject({ status: 'EXPIRED' });
  });

  it('a market entry carries its stop: the venue makes it under its own id, which queries, amends and cancels it', async () => {
    const ex = bybitOn();
    expect(await ex.placeOrder({ symbol: 'BTCUSDT', side: 'BUY', type: 'MARKET', quantity: 2, stopLoss: 90, clientOrderId: 'by-sl1' })).toMatchObject({ status: 'FILLED', filledQty: 2 });
    const [stop, ...others] = await ex.openOrders('BTCUSDT');
    expect(others).toEqual([]);
    expect(stop).toMatchObject({ clientOrderId: expect.stringMatching(/^bybit:sim-\d+$/), type: 'STOP_MARKET', side: 'SELL', status: 'NEW', stopPrice: 90, quantity: 2, reduceOnly: true });
    const id = stop!.clientOrderId;
    expect(await ex.queryOrder('BTCUSDT', id)).toMatchObject({ clientOrderId: id, stopPrice: 90 });
    expect(await ex.amendOrder('BTCUSDT', id, { stopPrice: 95, quantity: 2 })).toMatchObject({ clientOrderId: id, stopPrice: 95 });
    expect(await ex.cancelOrder('BTCUSDT', id)).toMatchObject({ clientOrderId: id, status: 'CANCELED' });
    expect(await ex.openOrders('BTCUSDT')).toEqual([]);
    // A stop on the wrong side of the price is refused with the entry: nothing is placed.
    await expect(ex.placeOrder({ symbol: 'BTCUSDT', side: 'BUY', type: 'MARKET', quantity: 1, stopLoss: 120, clientOrderId: 'by-sl2' })).rejects.toMatchObject({ classified: { code: 10001 } });
    expect(sim.bybit.engine.get('by-sl2')).toBeUndefined();
    expect(sim.bybit.engine.positionList()).toMatchObject([{ quantity: 2 }]);
  });

  it('handles 10002 skew (resync + retry), rejects a bad signature (10004), refuses withdraw keys', async () => {
    sim.bybit.skewMs = -4_000;
    const ex = bybitOn();
    expect(await ex.placeOrder({ symbol: 'BTCUSDT', side: 'BUY', type: 'MARKET', quantity: 1, clientOrderId: 'by-skew' })).toMatchObject({ status: 'FILLED' });
    expect(Math.abs(ex.clock.offsetMs + 4_000)).toBeLessThan(200);
    await expect(bybitOn({ credentials: { apiKey: KEY.apiKey, secret: 'bad' } }).balances()).rejects.toMatchObject({ kind: 'auth', classified: { code: 10004 } });
    await expect(ex.assertNoWithdrawPermission()).resolves.toBeUndefined();
    await expect(bybitOn({ credentials: { apiKey: WITHDRAW_KEY.apiKey, secret: WITHDRAW_KEY.secret } }).assertNoWithdrawPermission()).rejects.toMatchObject({ kind: 'auth' });
  });

  it('5xx with the order placed resolves to the one order; 403 blocks the host', async () => {
    const ex = bybitOn();
    sim.bybit.faults.inject('/v5/order/create', { kind: 'error-after-handling', status: 502 });
    expect(await ex.placeOrder({ symbol: 'BTCUSDT', side: 'BUY', type: 'MARKET', quantity: 1, clientOrderId: 'by-5xx' })).toMatchObject({ status: 'FILLED' });
    expect(sim.bybit.engine.positionList()).toMatchObject([{ quantity: 1 }]);
    sim.bybit.faults.inject('/v5/order/create', { kind: 'status', status: 403 });
    await expect(ex.placeOrder({ symbol: 'BTCUSDT', side: 'BUY', type: 'MARKET', quantity: 1, clientOrderId: 'by-403' })).rejects.toMatchObject({ kind: 'ip-banned' });
    await expect(ex.balances()).rejects.toMatchObject({ kind: 'rate-limited' });
    expect(sim.bybit.engine.get('by-403')).toBeUndefined();
  });

  it('10006 waits until X-Bapi-Limit-Reset-Timestamp, then sends once', async () => {
    const ex = bybitOn();
    const reset = Date.now() + 400;
    sim.bybit.faults.inject('/v5/order/create', { kind: 'status', status: 200, body: { retCode: 10006, retMsg: 'Too many visits!', result: {}, retExtInfo: {}, time: Date.now() }, headers: { 'X-Bapi-Limit-Status': '0', 'X-Bapi-Limit': '10', 'X-Bapi-Limit-Reset-Timestamp': String(reset) } });
    const t0 = Date.now();
    expect(await ex.placeOrder({ symbol: 'BTCUSDT', side: 'BUY', type: 'MARKET', quantity: 1, clientOrderId: 'by-10006' })).toMatchObject({ status: 'FILLED' });
    expect(Date.now()).toBeGreaterThanOrEqual(reset - 50);
    expect(Date.now() - t0).toBeLessThan(3_000);
    expect(sim.bybit.engine.positionList()).toMatchObject([{ quantity: 1 }]);
  });

  it('streams klines over the public topic with app-level pings', async () => {
    const ex = bybitOn({ stream: { staleAfterMs: 5_000, maxLifetimeMs: 60_000, backoff: { initialMs: 50, maxMs: 200 }, appPing: { everyMs: 100, frame: '{"op":"ping"}' } } });
    const seen: Kline[] = [];
    const stop = ex.subscribeKlines('BTCUSDT', '1', (k) => seen.push(k));
    await new Promise((r) => setTimeout(r, 200));
    sim.trade('BTCUSDT', 101);
    sim.trade('BTCUSDT', 102);
    await until(() => seen.length >= 2);
    stop();
    expect(seen.at(-1)).toMatchObject({ symbol: 'BTCUSDT', interval: '1', close: 102, high: 102, closed: false });
  });
});

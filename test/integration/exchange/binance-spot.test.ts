import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ExchangeError } from '../../../src-main/core/exchange/errors';
import type { Simulator } from '../../../src-main/adapters/exchange/simulator/server';
import { binanceOn, KEY, simulator, WITHDRAW_KEY } from './harness';

let sim: Simulator;
beforeEach(async () => {
  sim = await simulator();
  sim.trade('BTCUSDT', 100);
});
afterEach(() => sim.close());

describe('Binance spot connector against the simulator', () => {
  it('places, queries, lists and cancels a limit order', async () => {
    const { exchange } = binanceOn(sim);
    const placed = await exchange.placeOrder({ symbol: 'BTCUSDT', side: 'BUY', type: 'LIMIT', quantity: 0.5, price: 95, clientOrderId: 'lim-1' });
    expect(placed).toMatchObject({ clientOrderId: 'lim-1', status: 'NEW', quantity: 0.5, price: 95 });
    expect(await exchange.queryOrder('BTCUSDT', 'lim-1')).toMatchObject({ status: 'NEW' });
    expect((await exchange.openOrders('BTCUSDT')).map((o) => o.clientOrderId)).toEqual(['lim-1']);
    expect(await exchange.cancelOrder('BTCUSDT', 'lim-1')).toMatchObject({ clientOrderId: 'lim-1', status: 'CANCELED' });
    expect(await exchange.queryOrder('BTCUSDT', 'nope')).toBeNull();
  });

  it('fills a market order and shows the balance change', async () => {
    const { exchange } = binanceOn(sim);
    const o = await exchange.placeOrder({ symbol: 'BTCUSDT', side: 'BUY', type: 'MARKET', quantity: 2, clientOrderId: 'mkt-1' });
    expect(o).toMatchObject({ status: 'FILLED', filledQty: 2, avgPrice: 100 });
    const balances = await exchange.balances();
    expect(balances.find((b) => b.asset === 'BTC')?.free).toBe(2);
    expect(balances.find((b) => b.asset === 'USDT')?.free).toBeCloseTo(100_000 - 200 - 0.2);
    expect(await exchange.positions()).toEqual([{ symbol: 'BTCUSDT', side: 'LONG', quantity: 2, entryPrice: 0 }]);
  });

  it('reports partial fills as they happen', async () => {
    await sim.close();
    sim = await simulator({ liquidityPerTick: 0.4 });
    sim.trade('BTCUSDT', 100);
    const { exchange } = binanceOn(sim);
    const o = await exchange.placeOrder({ symbol: 'BTCUSDT', side: 'BUY', type: 'LIMIT', quantity: 1, price: 100, clientOrderId: 'part-1' });
    expect(o).toMatchObject({ status: 'PARTIALLY_FILLED', filledQty: 0.4 });
    sim.trade('BTCUSDT', 99);
    sim.trade('BTCUSDT', 99);
    expect(await exchange.queryOrder('BTCUSDT', 'part-1')).toMatchObject({ status: 'FILLED', filledQty: 1 });
  });

  it('places a native OTOCO bracket whose stop closes the position', async () => {
    const { exchange } = binanceOn(sim);
    const b = await exchange.placeBracket({ symbol: 'BTCUSDT', side: 'BUY', quantity: 1, entryPrice: 99, takeProfit: 110, stopLoss: 95, clientOrderId: 'brk-1' });
    expect(b.entry).toMatchObject({ status: 'NEW', type: 'LIMIT' });
    expect(b.takeProfit).toMatchObject({ clientOrderId: 'brk-1.tp', type: 'TAKE_PROFIT_MARKET', stopPrice: 110, reduceOnly: true });
    expect(b.stopLoss).toMatchObject({ clientOrderId: 'brk-1.sl', type: 'STOP_MARKET', stopPrice: 95 });
    sim.trade('BTCUSDT', 98.5);
    expect(await exchange.queryOrder('BTCUSDT', 'brk-1')).toMatchObject({ status: 'FILLED' });
    sim.trade('BTCUSDT', 94);
    expect(await exchange.queryOrder('BTCUSDT', 'brk-1.sl')).toMatchObject({ status: 'FILLED' });
    expect(await exchange.queryOrder('BTCUSDT', 'brk-1.tp')).toMatchObject({ status: 'EXPIRED' });
  });

  it('is refused with a bad signature or key, and refuses keys that can withdraw', async () => {
    const bad = binanceOn(sim, { credentials: { apiKey: KEY.apiKey, secret: 'wrong' } }).exchange;
    await expect(bad.balances()).rejects.toMatchObject({ kind: 'auth', classified: { code: -1022 } });
    const unknown = binanceOn(sim, { credentials: { apiKey: 'who', secret: 'x' } }).exchange;
    await expect(unknown.balances()).rejects.toMatchObject({ kind: 'auth', classified: { code: -2015 } });
    await expect(binanceOn(sim).exchange.assertNoWithdrawPermission()).resolves.toBeUndefined();
    const withdraw = binanceOn(sim, { credentials: { apiKey: WITHDRAW_KEY.apiKey, secret: WITHDRAW_KEY.secret } }).exchange;
    await expect(withdraw.assertNoWithdrawPermission()).rejects.toBeInstanceOf(ExchangeError);
  });

  it('rejects a duplicate client order id without placing a second order', async () => {
    const { exchange } = binanceOn(sim);
    await exchange.placeOrder({ symbol: 'BTCUSDT', side: 'BUY', type: 'LIMIT', quantity: 1, price: 90, clientOrderId: 'dup-1' });
    // Duplicate = the order exists: the connector answers with the existing order.
    const again = await exchange.placeOrder({ symbol: 'BTCUSDT', side: 'BUY', type: 'LIMIT', quantity: 1, price: 90, clientOrderId: 'dup-1' });
    expect(again).toMatchObject({ clientOrderId: 'dup-1', status: 'NEW' });
    expect(sim.binance.engine.openOrders()).toHaveLength(1);
  });

  it('fetches klines built from the trades', async () => {
    sim.trade('BTCUSDT', 101, 2);
    const ks = await binanceOn(sim).exchange.fetchKlines('BTCUSDT', '1m');
    expect(ks.length).toBeGreaterThanOrEqual(1);
    expect(ks.at(-1)).toMatchObject({ symbol: 'BTCUSDT', interval: '1m', close: 101, high: 101, low: 100 });
  });
});

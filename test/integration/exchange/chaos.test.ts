import { describe, expect, it } from 'vitest';
import { ClientOrderIdFactory } from '../../../src-main/core/exchange/client-order-id';
import { OrderManager } from '../../../src-main/adapters/exchange/shared/order-manager';
import { OrderStore } from '../../../src-main/adapters/store/order-store';
import { binanceOn, simulatorWithDb } from './harness';

/**
 * Each fault in turn, through the order manager onto the simulator. Invariants after every one:
 * no duplicate order, no lost order (store == exchange), position reconciled.
 */
const env = simulatorWithDb();

function setup() {
  const conn = binanceOn(env.sim);
  const store = new OrderStore(env.db, 'acct-1');
  const logs: string[] = [];
  const manager = new OrderManager(conn.exchange, store, new ClientOrderIdFactory('chaos', Date.now, Math.random), (_l, m) => logs.push(m));
  return { ...conn, store, manager, logs };
}

async function buyMarket(m: OrderManager, qty = 1) {
  return m.place({ symbol: 'BTCUSDT', side: 'BUY', type: 'MARKET', quantity: qty });
}

function assertInvariants(store: OrderStore, expectedBtc: number) {
  const engineOrders = env.sim.binance.engine.openOrders().length;
  const stored = store.all();
  // No duplicate: every stored id is unique and each exchange order is stored exactly once.
  expect(new Set(stored.map((o) => o.clientOrderId)).size).toBe(stored.length);
  for (const o of stored) {
    const ex = env.sim.binance.engine.get(o.clientOrderId);
    if (o.status === 'REJECTED') expect(ex).toBeUndefined();
    else expect(ex?.status, `order ${o.clientOrderId}`).toBe(o.status);
  }
  expect(engineOrders).toBe(store.open().length);
  const btc = env.sim.binance.engine.balanceList().find((b) => b.asset === 'BTC')?.free ?? 0;
  expect(btc).toBeCloseTo(expectedBtc);
}

describe('chaos: one fault at a time', () => {
  it('5xx with the order actually placed: queried, not resent', async () => {
    const { manager, store } = setup();
    env.sim.binance.faults.inject('/api/v3/order', { kind: 'error-after-handling', status: 503 }, { method: 'POST' });
    const o = await buyMarket(manager);
    expect(o.status).toBe('FILLED');
    expect(env.sim.binance.engine.get(o.clientOrderId)?.orderId).toBe(1);
    assertInvariants(store, 1);
  });

  it('-1007 (backend timeout, order placed): queried, not resent', async () => {
    const { manager, store } = setup();
    env.sim.binance.faults.inject('/api/v3/order', { kind: 'error-after-handling', status: 408, body: { code: -1007, msg: 'Timeout waiting for response from backend server. Send status unknown; execution status unknown.' } }, { method: 'POST' });
    const o = await manager.place({ symbol: 'BTCUSDT', side: 'BUY', type: 'LIMIT', quantity: 1, price: 90 });
    expect(o.status).toBe('NEW');
    assertInvariants(store, 0);
  });

  it('client timeout after the order was placed: queried, not resent', async () => {
    const { manager, store } = setup();
    env.sim.binance.faults.inject('/api/v3/order', { kind: 'hang-after-handling' }, { method: 'POST' });
    const o = await buyMarket(manager, 2);
    expect(o).toMatchObject({ status: 'FILLED', filledQty: 2 });
    assertInvariants(store, 2);
  });

  it('5xx without the order placed: declared REJECTED only after recvWindow, nothing placed', async () => {
    const { manager, store } = setup();
    env.sim.binance.faults.inject('/api/v3/order', { kind: 'status', status: 502 }, { method: 'POST' });
    const t0 = Date.now();
    const o = await buyMarket(manager);
    expect(o.status).toBe('REJECTED');
    expect(Date.now() - t0).toBeGreaterThanOrEqual(1_000);
    assertInvariants(store, 0);
  });

  it('429 with Retry-After: waits, then places exactly once', async () => {
    const { manager, store, rest } = setup();
    env.sim.binance.faults.inject('/api/v3/order', { kind: 'status', status: 429, retryAfterSec: 1 }, { method: 'POST' });
    const t0 = Date.now();
    const o = await buyMarket(manager);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(900);
    expect(o.status).toBe('FILLED');
    expect(rest).toBeDefined();
    assertInvariants(store, 1);
  });

  it('418 ban: stops, records REJECTED, and sends nothing to that host until the ban ends', async () => {
    const { manager, store } = setup();
    env.sim.binance.faults.inject('/api/v3/order', { kind: 'status', status: 418, retryAfterSec: 120 }, { method: 'POST' });
    await expect(buyMarket(manager)).rejects.toMatchObject({ kind: 'ip-banned' });
    // The shared budget now blocks every request to the host, without touching the network.
    await expect(buyMarket(manager)).rejects.toMatchObject({ kind: 'rate-limited' });
    expect(store.all().map((o) => o.status)).toEqual(['REJECTED', 'REJECTED']);
    assertInvariants(store, 0);
  });

  it('clock skew (-1021): re-syncs server time and retries once', async () => {
    const { manager, store, clock } = setup();
    env.sim.binance.skewMs = 5_000;
    const o = await buyMarket(manager);
    expect(o.status).toBe('FILLED');
    expect(Math.abs(clock.offsetMs - 5_000)).toBeLessThan(200);
    assertInvariants(store, 1);
  });

  it('orders that change while we are away are reconciled; an order we never stored is imported', async () => {
    const { manager, store } = setup();
    const resting = await manager.place({ symbol: 'BTCUSDT', side: 'BUY', type: 'LIMIT', quantity: 1, price: 99 });
    env.sim.binance.engine.submit({ symbol: 'BTCUSDT', side: 'BUY', type: 'LIMIT', quantity: 1, price: 50, clientOrderId: 'manual-1' });
    env.sim.trade('BTCUSDT', 98); // fills our resting order while "disconnected"
    const plan = await manager.reconcile();
    expect(plan.importOrders.map((o) => o.clientOrderId)).toEqual(['manual-1']);
    expect(plan.resolveVanished.map((o) => o.clientOrderId)).toEqual([resting.clientOrderId]);
    expect(store.get(resting.clientOrderId)).toMatchObject({ status: 'FILLED', filledQty: 1 });
    expect(store.positions()).toEqual([{ symbol: 'BTCUSDT', side: 'LONG', quantity: 1, entryPrice: 0 }]);
    expect(store.fills(resting.clientOrderId)).toHaveLength(1);
    assertInvariants(store, 1);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ClientOrderIdFactory } from '../../../src-main/core/exchange/client-order-id';
import { openDatabase } from '../../../src-main/adapters/store/database';
import { OrderManager } from '../../../src-main/adapters/exchange/shared/order-manager';
import { OrderStore } from '../../../src-main/adapters/store/order-store';
import type { Simulator } from '../../../src-main/adapters/exchange/simulator/server';
import { binanceOn, simulator, tempDir } from './harness';

let sim: Simulator;
let tmp: ReturnType<typeof tempDir>;

/** A fresh process: new DB handle on the same file, new connector, new manager. */
function boot() {
  const db = openDatabase(tmp.file);
  const store = new OrderStore(db, 'acct-1');
  const logs: string[] = [];
  const manager = new OrderManager(binanceOn(sim).exchange, store, new ClientOrderIdFactory('rst', Date.now, Math.random), (_l, m) => logs.push(m));
  return { db, store, manager, logs };
}

beforeEach(async () => {
  sim = await simulator();
  sim.trade('BTCUSDT', 100);
  tmp = tempDir();
});
afterEach(async () => {
  tmp.cleanup();
  await sim.close();
});

describe('restart with an open bracket', () => {
  it('comes back intact, re-creates a stop removed while away, and closes out when it fires', async () => {
    const a = boot();
    const b = await a.manager.placeBracket({ symbol: 'BTCUSDT', side: 'BUY', quantity: 1, entryPrice: 99, takeProfit: 110, stopLoss: 95 });
    a.db.close(); // process exits; the entry fills while we are down
    sim.trade('BTCUSDT', 98.8);

    const second = boot();
    const plan = await second.manager.reconcile();
    expect(plan.importOrders).toEqual([]);
    expect(plan.recreateStops).toEqual([]);
    expect(second.store.get(b.entry.clientOrderId)).toMatchObject({ status: 'FILLED', role: 'entry' });
    expect(second.store.get(b.takeProfit.clientOrderId)).toMatchObject({ status: 'NEW', role: 'take-profit', parentClientOrderId: b.entry.clientOrderId, stopPrice: 110 });
    expect(second.store.get(b.stopLoss.clientOrderId)).toMatchObject({ status: 'NEW', role: 'stop-loss', stopPrice: 95 });
    expect(second.store.positions()).toMatchObject([{ symbol: 'BTCUSDT', side: 'LONG', quantity: 1 }]);
    // A second reconcile finds nothing to do: the bracket is intact.
    expect((await second.manager.reconcile()).discrepancies).toEqual([]);
    second.db.close();

    // Someone cancels the exits on the exchange while we are down (OCO: both go).
    sim.binance.engine.cancel(b.stopLoss.clientOrderId);
    const third = boot();
    const plan3 = await third.manager.reconcile();
    expect(plan3.recreateStops).toMatchObject([{ symbol: 'BTCUSDT', side: 'SELL', quantity: 1, stopPrice: 95 }]);
    const stops = sim.binance.engine.openOrders('BTCUSDT').filter((o) => o.type === 'STOP_MARKET');
    expect(stops).toHaveLength(1);
    expect(stops[0]).toMatchObject({ side: 'SELL', stopPrice: 95, quantity: 1 });
    expect(third.store.get(stops[0]!.clientOrderId)).toMatchObject({ role: 'stop-loss', status: 'NEW', parentClientOrderId: b.entry.clientOrderId });

    sim.trade('BTCUSDT', 94);
    const plan4 = await third.manager.reconcile();
    expect(plan4.removePositions).toEqual(['BTCUSDT']);
    expect(third.store.get(stops[0]!.clientOrderId)?.status).toBe('FILLED');
    expect(third.store.positions()).toEqual([]);
    third.db.close();
  });
});

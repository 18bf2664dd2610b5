import { beforeEach, describe, expect, it } from 'vitest';
import { ClientOrderIdFactory } from '../../../src-main/core/exchange/client-order-id';
import { OrderManager } from '../../../src-main/adapters/exchange/shared/order-manager';
import { OrderStore } from '../../../src-main/adapters/store/order-store';
import { binanceOn, simulatorWithDb } from './harness';

const env = simulatorWithDb();
let manager: OrderManager;
let store: OrderStore;
let logs: string[];

beforeEach(() => {
  store = new OrderStore(env.db, 'acct-1');
  logs = [];
  manager = new OrderManager(binanceOn(env.sim).exchange, store, new ClientOrderIdFactory('om', Date.now, Math.random), (_l, m) => logs.push(m));
});

describe('order manager', () => {
  it('cancel-and-replace: the replacement goes out only after the cancel is confirmed', async () => {
    const first = await manager.place({ symbol: 'BTCUSDT', side: 'BUY', type: 'LIMIT', quantity: 1, price: 90 }, { role: 'entry' });
    const second = await manager.cancelReplace('BTCUSDT', first.clientOrderId, { symbol: 'BTCUSDT', side: 'BUY', type: 'LIMIT', quantity: 1, price: 95 });
    expect(store.get(first.clientOrderId)?.status).toBe('CANCELED');
    expect(second).toMatchObject({ status: 'NEW', price: 95, role: 'entry' });
    expect(env.sim.binance.engine.openOrders().map((o) => o.clientOrderId)).toEqual([second.clientOrderId]);
  });

  it('refuses to replace an order that filled before the cancel arrived', async () => {
    const o = await manager.place({ symbol: 'BTCUSDT', side: 'BUY', type: 'LIMIT', quantity: 1, price: 99 });
    env.sim.trade('BTCUSDT', 98); // fills first
    await expect(manager.cancelReplace('BTCUSDT', o.clientOrderId, { symbol: 'BTCUSDT', side: 'BUY', type: 'LIMIT', quantity: 1, price: 97 })).rejects.toThrow(/not replacing/);
    expect(store.get(o.clientOrderId)?.status).toBe('FILLED');
    expect(env.sim.binance.engine.openOrders()).toEqual([]);
  });

  it('ignores stale reports that would move an order backwards, and logs them', async () => {
    const o = await manager.place({ symbol: 'BTCUSDT', side: 'BUY', type: 'MARKET', quantity: 1 });
    manager.apply({ ...o, status: 'NEW', filledQty: 0 });
    expect(store.get(o.clientOrderId)).toMatchObject({ status: 'FILLED', filledQty: 1 });
    expect(logs.some((l) => l.includes('illegal transition FILLED -> NEW'))).toBe(true);
    expect(store.fills(o.clientOrderId)).toHaveLength(1);
  });

  it('records an exchange rejection as REJECTED, with nothing on the exchange', async () => {
    await expect(manager.place({ symbol: 'NOPEUSDT', side: 'BUY', type: 'MARKET', quantity: 1 })).rejects.toMatchObject({ kind: 'fatal' });
    expect(store.all().map((x) => x.status)).toEqual(['REJECTED']);
  });
});

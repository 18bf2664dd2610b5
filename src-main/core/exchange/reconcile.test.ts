import { describe, expect, it } from 'vitest';
import { reconcile } from './reconcile';
import type { OrderSnapshot } from './types';

const o = (id: string, extra: Partial<OrderSnapshot> = {}): OrderSnapshot => ({ clientOrderId: id, symbol: 'BTCUSDT', side: 'BUY', type: 'LIMIT', status: 'NEW', quantity: 1, price: 100, filledQty: 0, reduceOnly: false, updatedAt: 0, ...extra });

describe('reconcile', () => {
  it('imports unknown orders, resolves vanished ones, updates changed ones', () => {
    const plan = reconcile({
      storedOpen: [o('a'), o('b'), o('c', { status: 'UNKNOWN' })],
      exchangeOpen: [o('a'), o('b', { status: 'PARTIALLY_FILLED', filledQty: 0.5 }), o('x')],
      storedPositions: [],
      exchangePositions: [],
      protectiveStops: [],
    });
    expect(plan.importOrders.map((x) => x.clientOrderId)).toEqual(['x']);
    expect(plan.updateOrders.map((x) => x.clientOrderId)).toEqual(['b']);
    expect(plan.resolveVanished.map((x) => x.clientOrderId)).toEqual(['c']);
    expect(plan.discrepancies).toHaveLength(3);
  });

  it('re-creates a missing protective stop and syncs positions', () => {
    const plan = reconcile({
      storedOpen: [],
      exchangeOpen: [o('tp', { side: 'SELL', type: 'TAKE_PROFIT_MARKET', stopPrice: 120, reduceOnly: true })],
      storedPositions: [{ symbol: 'ETHUSDT', side: 'LONG', quantity: 1, entryPrice: 10 }],
      exchangePositions: [{ symbol: 'BTCUSDT', side: 'LONG', quantity: 1, entryPrice: 100 }],
      protectiveStops: [{ symbol: 'BTCUSDT', stopPrice: 90, lastClientOrderId: 'sl' }],
    });
    expect(plan.recreateStops).toEqual([{ symbol: 'BTCUSDT', side: 'SELL', quantity: 1, stopPrice: 90, replacesClientOrderId: 'sl' }]);
    expect(plan.setPositions.map((p) => p.symbol)).toEqual(['BTCUSDT']);
    expect(plan.removePositions).toEqual(['ETHUSDT']);
  });

  it('leaves a guarded position alone', () => {
    const plan = reconcile({
      storedOpen: [],
      exchangeOpen: [o('sl', { side: 'SELL', type: 'STOP_MARKET', stopPrice: 90, reduceOnly: true })],
      storedPositions: [{ symbol: 'BTCUSDT', side: 'LONG', quantity: 1, entryPrice: 100 }],
      exchangePositions: [{ symbol: 'BTCUSDT', side: 'LONG', quantity: 1, entryPrice: 100 }],
      protectiveStops: [{ symbol: 'BTCUSDT', stopPrice: 90, lastClientOrderId: 'sl' }],
    });
    expect(plan.recreateStops).toEqual([]);
    expect(plan.importOrders.map((x) => x.clientOrderId)).toEqual(['sl']);
  });
});

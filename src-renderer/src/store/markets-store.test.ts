import { describe, expect, it } from 'vitest';
import type { OrderRow } from '../../../src-shared/contract';
import { staleAfter, upsertOrder } from './markets-store';

const order = (clientOrderId: string, updatedAt: number, status: OrderRow['status'] = 'NEW', accountId = 'paper-1'): OrderRow => ({
  accountId,
  clientOrderId,
  symbol: 'BTCUSDT',
  side: 'BUY',
  type: 'LIMIT',
  status,
  quantity: 0.01,
  price: 60_000,
  stopPrice: null,
  filledQty: status === 'FILLED' ? 0.01 : 0,
  avgPrice: status === 'FILLED' ? 60_000 : null,
  role: null,
  strategy: null,
  updatedAt,
});

describe('markets store: patched from events', () => {
  it('an order event replaces that order in place of a refetch, newest change first', () => {
    const list = [order('b', 20), order('a', 10)];
    const filled = upsertOrder(list, order('a', 30, 'FILLED'));
    expect(filled.map((o) => [o.clientOrderId, o.status])).toEqual([
      ['a', 'FILLED'],
      ['b', 'NEW'],
    ]);
    // The same id on another account is another order.
    expect(upsertOrder(list, order('a', 5, 'NEW', 'paper-2'))).toHaveLength(3);
  });

  it('keeps no more orders than the first load asked for', () => {
    const list = Array.from({ length: 200 }, (_, i) => order(`o${i}`, 1000 - i));
    const next = upsertOrder(list, order('new', 2000));
    expect(next).toHaveLength(200);
    expect(next[0]!.clientOrderId).toBe('new');
    expect(next.at(-1)!.clientOrderId).toBe('o198');
  });

  it('refetches only what a change makes stale: a fill moves positions and P&L, which no event carries', () => {
    expect(staleAfter('order')).toEqual(['positions', 'pnl']);
    expect(staleAfter('position')).toEqual(['positions', 'pnl']);
    expect(staleAfter('account')).toEqual(['accounts', 'positions', 'pnl']);
    expect(staleAfter('strategy')).toEqual(['strategies']);
  });
});

import { describe, expect, it } from 'vitest';
import { applyOrderUpdate, canTransition } from './order-state';
import type { OrderSnapshot } from './types';

const base: OrderSnapshot = { clientOrderId: 'c1', symbol: 'BTCUSDT', side: 'BUY', type: 'LIMIT', status: 'NEW', quantity: 2, price: 100, filledQty: 0, reduceOnly: false, updatedAt: 1 };

describe('order lifecycle', () => {
  it('walks NEW -> PARTIALLY_FILLED -> FILLED', () => {
    const p = applyOrderUpdate(base, { ...base, status: 'PARTIALLY_FILLED', filledQty: 1, updatedAt: 2 });
    expect(p.ok && p.changed).toBe(true);
    if (!p.ok) return;
    const f = applyOrderUpdate(p.order, { ...base, status: 'FILLED', filledQty: 2, avgPrice: 99, updatedAt: 3 });
    expect(f.ok && f.order.status).toBe('FILLED');
  });

  it('rejects leaving a terminal state and fill regressions', () => {
    expect(applyOrderUpdate({ ...base, status: 'FILLED', filledQty: 2 }, { ...base, status: 'NEW' })).toMatchObject({ ok: false });
    expect(applyOrderUpdate({ ...base, status: 'CANCELED' }, { ...base, status: 'PARTIALLY_FILLED', filledQty: 1 })).toMatchObject({ ok: false });
    const r = applyOrderUpdate({ ...base, status: 'PARTIALLY_FILLED', filledQty: 1.5 }, { ...base, status: 'PARTIALLY_FILLED', filledQty: 1 });
    expect(r).toMatchObject({ ok: false, reason: expect.stringContaining('regression') });
    expect(applyOrderUpdate(base, { ...base, status: 'FILLED', filledQty: 1 })).toMatchObject({ ok: false });
    expect(applyOrderUpdate(base, { ...base, status: 'PARTIALLY_FILLED', filledQty: 3 })).toMatchObject({ ok: false });
  });

  it('resolves UNKNOWN to whatever the exchange reports, and a duplicate event is a no-op', () => {
    expect(canTransition('UNKNOWN', 'FILLED')).toBe(true);
    expect(canTransition('UNKNOWN', 'REJECTED')).toBe(true);
    expect(canTransition('NEW', 'REJECTED')).toBe(false);
    expect(canTransition('FILLED', 'UNKNOWN')).toBe(false);
    const same = applyOrderUpdate(base, base);
    expect(same.ok && same.changed).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { cumulativeOf, trimOverlap } from './fill-overlap';
import type { Fill } from './types';

const fill = (cum: number, quantity: number, price: number, fee = 0): Fill => ({ clientOrderId: 'o', tradeId: `o@${cum}`, symbol: 'BTCUSDT', side: 'BUY', price, quantity, fee, at: 0 });

describe('derived fills give way to the venue’s own trade reports', () => {
  it('reads the cumulative quantity from a fill id', () => {
    expect(cumulativeOf('ck-1@0.2')).toBe(0.2);
    expect(cumulativeOf('12345')).toBeUndefined();
  });

  it('shrinks a snapshot fill that covered a reported trade, keeping the total quote', () => {
    // REST saw 0 → 1 at avg 100.5; the stream then reported the first half at 100.
    const trimmed = trimOverlap(fill(1, 1, 100.5), fill(0.5, 0.5, 100, 0.05));
    expect(trimmed).toMatchObject({ tradeId: 'o@1', quantity: 0.5, price: 101 });
  });

  it('drops a snapshot fill wholly covered by the report, and leaves disjoint or identical ids alone', () => {
    expect(trimOverlap(fill(0.5, 0.5, 100), fill(0.5, 0.5, 100))).toBeUndefined(); // same id: replaced in place by the store
    expect(trimOverlap(fill(0.5, 0.5, 100), fill(1, 0.5, 101))).toBeUndefined();
    expect(trimOverlap(fill(0.3, 0.3, 100), { ...fill(0.5, 0.5, 100), tradeId: 'o@0.5' })).toBeNull();
    expect(trimOverlap({ ...fill(1, 1, 100), clientOrderId: 'p' }, fill(0.5, 0.5, 100))).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { kellyFraction, sizePosition } from './sizing';

const base = { equity: 10_000, cash: 10_000, price: 100, feeRate: 0 };

describe('sizePosition', () => {
  it('risk-percent: risking 1% with a 10% stop buys 1,000 quote (10 units)', () => {
    const r = sizePosition({ mode: 'risk-percent', riskPerTrade: 0.01 }, { ...base, stopPrice: 90 }, 1, null);
    expect(r).toEqual({ ok: true, quantity: 10 });
  });

  it('risk-percent refuses without a stop', () => {
    expect(sizePosition({ mode: 'risk-percent', riskPerTrade: 0.01 }, base, 1, null).ok).toBe(false);
  });

  it('fixed-quote spends the fixed amount, scaled by the size hint', () => {
    expect(sizePosition({ mode: 'fixed-quote', quote: 500 }, { ...base, sizeHint: 0.5 }, 1, null)).toEqual({ ok: true, quantity: 2.5 });
  });

  it('all-in makes notional + fee equal the cash', () => {
    const r = sizePosition({ mode: 'all-in' }, { ...base, feeRate: 0.001 }, 1, null);
    expect(r.ok && r.quantity * 100 * 1.001).toBeCloseTo(10_000, 9);
  });

  it('caps at maxPositionFraction of equity and at the cash available', () => {
    expect(sizePosition({ mode: 'fixed-quote', quote: 9_000 }, base, 0.25, null)).toEqual({ ok: true, quantity: 25 });
    expect(sizePosition({ mode: 'fixed-quote', quote: 9_000 }, { ...base, cash: 1_000 }, 1, null)).toEqual({ ok: true, quantity: 10 });
  });

  it('Kelly cap limits the notional to equity × cap and refuses a negative edge', () => {
    expect(sizePosition({ mode: 'fixed-quote', quote: 9_000 }, base, 1, 0.1)).toEqual({ ok: true, quantity: 10 });
    expect(sizePosition({ mode: 'fixed-quote', quote: 9_000 }, base, 1, -0.2)).toEqual({ ok: false, reason: 'kelly cap: no edge (f* <= 0)' });
  });
});

describe('kellyFraction', () => {
  it('is W − (1−W)/R', () => {
    expect(kellyFraction(0.6, 1)).toBeCloseTo(0.2, 12);
    expect(kellyFraction(0.5, 2)).toBeCloseTo(0.25, 12);
    expect(kellyFraction(0.3, 1)).toBeLessThan(0);
  });
});

import { describe, expect, it } from 'vitest';
import { fitGrowth, predict } from './curve-fit';
import { syntheticReads } from './synthetic-reads.test-support';

const T0 = 1_763_000_000_000;

describe('fitGrowth', () => {
  it('recovers bustabit rate from floored reads to 0.2%', () => {
    const fit = fitGrowth(syntheticReads({ flightStartAt: T0, rate: 0.00006, until: 1.6, seed: 7 }))!;
    expect(Math.abs(fit.rate / 0.00006 - 1)).toBeLessThan(0.002);
    // The curve passes through 1.00x at the flight start: ln m(T0) ≈ 0.
    expect(Math.abs(fit.intercept + fit.rate * (T0 - fit.origin))).toBeLessThan(0.002);
    expect(predict(fit, T0 + Math.log(1.5) / 0.00006)).toBeCloseTo(1.5, 2);
  });

  it('recovers a fast game rate (Aviator-like) without being told it', () => {
    const fit = fitGrowth(syntheticReads({ flightStartAt: T0, rate: 0.00025, until: 3, seed: 3 }))!;
    expect(Math.abs(fit.rate / 0.00025 - 1)).toBeLessThan(0.003);
  });

  it('drops OCR misreads (lost decimal point) instead of bending the curve', () => {
    const reads = syntheticReads({ flightStartAt: T0, rate: 0.00006, until: 1.5, seed: 11 });
    const clean = fitGrowth(reads)!;
    const misread = reads.map((r, i) => (i % 25 === 10 ? { ...r, multiplier: r.multiplier * 100 } : r));
    const fit = fitGrowth(misread)!;
    expect(fit.used).toBeLessThan(misread.length);
    expect(Math.abs(fit.rate / clean.rate - 1)).toBeLessThan(0.001);
  });

  it('refuses too few or flat reads', () => {
    expect(fitGrowth([])).toBeNull();
    expect(fitGrowth([{ at: 1, multiplier: 1.5 }, { at: 2, multiplier: 1.6 }])).toBeNull();
    expect(fitGrowth([1, 2, 3].map((at) => ({ at, multiplier: 2 })))).toBeNull();
    expect(fitGrowth([1, 2, 3].map((at) => ({ at: 5, multiplier: at })))).toBeNull();
  });
});

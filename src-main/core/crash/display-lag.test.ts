import { describe, expect, it } from 'vitest';
import { DisplayLagEstimator, lagLowerBoundMs } from './display-lag';

const RATE = 0.00015;
/** What the game pays when the click lands `lateMs` after the fitted curve says the multiplier was `fitted`. */
const payout = (fitted: number, lateMs: number) => Math.floor(fitted * Math.exp(RATE * lateMs) * 100 + 1e-9) / 100;

describe('lagLowerBoundMs', () => {
  it('recovers the lag the fit missed, never more than the truth', () => {
    for (const fitted of [1.5, 2.003, 4.9971, 5.0042]) {
      const bound = lagLowerBoundMs({ paid: payout(fitted, 25), fittedAtClick: fitted, rate: RATE, lagUsedMs: 8 })!;
      expect(bound).toBeLessThanOrEqual(8 + 25 + 1e-9);
      // Flooring to cents hides at most one cent of multiplier: 0.01 / (m·r) ms.
      expect(bound).toBeGreaterThan(8 + 25 - 0.01 / (fitted * RATE));
    }
  });

  it('ignores observations that cannot be payouts', () => {
    expect(lagLowerBoundMs({ paid: 0, fittedAtClick: 2, rate: RATE, lagUsedMs: 8 })).toBeNull();
    expect(lagLowerBoundMs({ paid: 2, fittedAtClick: 2, rate: 0, lagUsedMs: 8 })).toBeNull();
  });
});

describe('DisplayLagEstimator.observe', () => {
  it('believes a payout a few frames late, not one that implies the stake was taken late', () => {
    const lag = new DisplayLagEstimator();
    expect(lag.observe({ paid: payout(2, 30), fittedAtClick: 2, rate: RATE, lagUsedMs: 8 })).not.toBeNull();
    // Balance read before the game took a stake of 1 at 2x: the change is 1.00, read as a 1x payout.
    expect(lag.observe({ paid: 1, fittedAtClick: 2, rate: RATE, lagUsedMs: 8 })).toBeNull();
    expect(lag.observe({ paid: 3, fittedAtClick: 2, rate: RATE, lagUsedMs: 8 })).toBeNull();
    expect(lag.count()).toBe(1);
  });
});

describe('DisplayLagEstimator', () => {
  it('starts at half a frame and moves to the lower quartile of what payouts showed', () => {
    const lag = new DisplayLagEstimator();
    expect(lag.current()).toBe(8);
    const fitted = [5.0012, 5.0031, 5.0047, 5.0063, 5.0078, 5.0094, 4.9989];
    for (const m of fitted) lag.observe({ paid: payout(m, 22), fittedAtClick: m, rate: RATE, lagUsedMs: 8 });
    // Every bound is within one cent (13 ms at 5x) below the true 30 ms, and none above it.
    expect(lag.current()).toBeGreaterThan(30 - 0.01 / (5 * RATE));
    expect(lag.current()).toBeLessThanOrEqual(30 + 1e-9);
  });

  it('is not moved by one outlier, and stays within its bounds', () => {
    const lag = new DisplayLagEstimator({ initialMs: 8, minMs: 8, maxMs: 100, window: 5 });
    for (let i = 0; i < 4; i++) lag.observe({ paid: payout(5, 20), fittedAtClick: 5, rate: RATE, lagUsedMs: 8 });
    lag.observe({ paid: payout(5, 900), fittedAtClick: 5, rate: RATE, lagUsedMs: 8 });
    expect(lag.current()).toBeLessThan(30);
    const early = new DisplayLagEstimator();
    early.observe({ paid: 1.9, fittedAtClick: 2, rate: RATE, lagUsedMs: 8 });
    expect(early.current()).toBe(8);
  });
});

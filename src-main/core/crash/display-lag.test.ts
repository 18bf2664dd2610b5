import { describe, expect, it } from 'vitest';
import { DisplayLagEstimator, lagBracket, paidRange } from './display-lag';
import { PAYOUT_TEST_RATE as RATE, payout, playRounds } from './payout-loop.test-support';
import { seededRandom } from './synthetic-reads.test-support';

describe('paidRange', () => {
  it('finds the whole-cent multiplier behind a credit, whether the game floors or rounds it to the cent', () => {
    for (const stake of [1, 2, 2.5, 3, 7.3, 10]) {
      for (const cents of [101, 158, 361, 499, 1234]) {
        const m = cents / 100;
        for (const credit of [Math.floor(m * stake * 100 + 1e-9) / 100, Math.round(m * stake * 100) / 100]) {
          const range = paidRange(credit, stake);
          expect(range.low, `${stake} × ${m} credited ${credit}`).toBeLessThanOrEqual(m + 1e-9);
          expect(range.below).toBeGreaterThan(m);
        }
      }
    }
    expect(paidRange(9.02, 2.5)).toEqual({ low: 3.61, below: 3.62 });
    expect(paidRange(3.61, 1)).toEqual({ low: 3.61, below: 3.62 });
  });

  it('widens over every cent a small stake cannot tell apart', () => {
    // 0.5 × 3.61 = 1.805, credited 1.80 or 1.81: 3.59 to 3.61 all fit.
    expect(paidRange(1.8, 0.5)).toEqual({ low: 3.59, below: 3.62 });
  });
});

describe('lagBracket', () => {
  it('brackets the lag the fit missed within one cent of growth', () => {
    for (const fitted of [1.5, 2.003, 4.9971, 5.0042]) {
      const { loMs, hiMs } = lagBracket({ paid: payout(fitted, 25), fittedAtClick: fitted, rate: RATE, lagUsedMs: 8 })!;
      expect(loMs).toBeLessThanOrEqual(8 + 25 + 1e-9);
      expect(hiMs).toBeGreaterThan(8 + 25);
      // Flooring to cents hides at most one cent of multiplier: 0.01 / (m·r) ms.
      expect(hiMs - loMs).toBeLessThan(0.01 / (fitted * RATE) + 1e-6);
    }
  });

  it('refuses observations that cannot be payouts', () => {
    expect(lagBracket({ paid: 0, fittedAtClick: 2, rate: RATE, lagUsedMs: 8 })).toBeNull();
    expect(lagBracket({ paid: 2, fittedAtClick: 2, rate: 0, lagUsedMs: 8 })).toBeNull();
  });
});

const cycle = (targets: readonly number[], rounds: number) => Array.from({ length: rounds }, (_, i) => targets[i % targets.length]!);
const medianError = (results: { error: number }[]) => results.map((r) => r.error).sort((a, b) => a - b)[Math.floor(results.length / 2)]!;
const FRAME = 1000 / 60;

describe('DisplayLagEstimator', () => {
  it('learns the lag from payouts that cross a cent, so 5x cash-outs pay the target, and never pays below it', () => {
    const lag = new DisplayLagEstimator();
    expect(lag.current()).toBe(8);
    const next = seededRandom(7);
    const results = playRounds(lag, cycle([1.5, 2, 3, 5], 200), () => 24 + (next() - 0.5) * 4.4);
    expect(results.filter((r) => r.error < 0)).toEqual([]);
    const atFive = results.filter((r) => r.target === 5).slice(2);
    // Assuming the 8 ms it starts with, a 5x click lands 18 ms (more than a cent) late: 5.01 every time.
    expect(medianError(atFive)).toBe(0);
    expect(Math.max(...atFive.map((r) => r.error))).toBeLessThanOrEqual(0.01);
    expect(lag.current()).toBeGreaterThan(14);
    expect(lag.current()).toBeLessThanOrEqual(24 - 2.2);
  });

  it('keeps to the faster frame mode once seen, so the lag dropping back by a frame never pays below the target', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const lag = new DisplayLagEstimator();
      const next = seededRandom(seed);
      // Frame modes of 15 to 40 rounds, starting with the faster one.
      const modes: number[] = [];
      for (let slow = 0; modes.length < 300; slow = 1 - slow) modes.push(...Array<number>(15 + Math.floor(next() * 25)).fill(slow));
      const results = playRounds(lag, cycle([1.5, 2, 5], 300), (round) => 24 + modes[round]! * FRAME + (next() - 0.5) * 4.4);
      expect(results.filter((r) => r.error < 0)).toEqual([]);
      // In the slower mode a 5x click lands a frame (16.7 ms, more than a cent) later than in the faster one.
      expect(medianError(results.filter((r, round) => r.target === 5 && round > 10 && modes[round] === 1))).toBeLessThanOrEqual(0.01);
    }
  });

  it('is not taught by payouts whose cent is wider than a frame', () => {
    const lag = new DisplayLagEstimator();
    // At 1.5x a cent is 44 ms of growth: a click 50 ms late pays 1.51, and says little about the lag.
    playRounds(lag, cycle([1.5], 10), () => 60);
    expect(lag.current()).toBe(8);
    expect(lag.count()).toBe(0);
  });

  it('is not raised by one payout made late by a one-off delay', () => {
    const lag = new DisplayLagEstimator();
    playRounds(lag, cycle([5], 12), () => 24);
    const learned = lag.current();
    playRounds(lag, [5], () => 24 + FRAME / 2);
    expect(lag.current()).toBeLessThanOrEqual(learned);
  });

  it('follows a lag that drops by a frame, with only the first click after the drop below the target', () => {
    const lag = new DisplayLagEstimator();
    playRounds(lag, cycle([5], 12), () => 40);
    const after = playRounds(lag, cycle([5], 12), () => 40 - FRAME);
    expect(after.slice(1).filter((r) => r.error < 0)).toEqual([]);
    expect(lag.current()).toBeLessThanOrEqual(40 - FRAME);
  });

  it('believes a payout a few frames late, not one that implies the stake was taken late', () => {
    const lag = new DisplayLagEstimator();
    expect(lag.observe({ paid: payout(5, 30), fittedAtClick: 5, rate: RATE, lagUsedMs: 8 })).not.toBeNull();
    // Balance read before the game took a stake of 1 at 2x: the change is 1.00, read as a 1x payout.
    expect(lag.observe({ paid: 1, fittedAtClick: 2, rate: RATE, lagUsedMs: 8 })).toBeNull();
    expect(lag.observe({ paid: 3, fittedAtClick: 2, rate: RATE, lagUsedMs: 8 })).toBeNull();
    expect(lag.count()).toBe(1);
  });

  it('stays within its bounds', () => {
    const lag = new DisplayLagEstimator({ initialMs: 8, minMs: 8, maxMs: 40, memory: 50, frameMs: FRAME, jitterMs: 3 });
    playRounds(lag, cycle([5], 6), () => 200);
    expect(lag.current()).toBe(40);
  });
});

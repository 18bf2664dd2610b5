import { describe, expect, it } from 'vitest';
import { displayedCentsAt } from '../../../src-shared/crash/growth';
import { planCashout, planFromSteps, type StepSeen } from './cashout-plan';
import { seededRandom, syntheticReads } from './synthetic-reads.test-support';

const T0 = 1_763_000_000_000;
const trueCrossing = (rate: number, target: number) => T0 + Math.log(target) / rate;

describe('planCashout', () => {
  it('predicts the 2.00x crossing within a few ms from reads up to 1.95x', () => {
    const rate = 0.00006;
    const samples = syntheticReads({ flightStartAt: T0, rate, until: 1.95, seed: 5 });
    const plan = planCashout({ samples, target: 2, clickLatencyMs: 40 })!;
    expect(Math.abs(plan.crossingAt - trueCrossing(rate, 2))).toBeLessThan(5);
    expect(plan.crossingSigmaMs).toBeLessThan(5);
    expect(plan.sendAt).toBeCloseTo(plan.landAt - 40, 9);
    expect(plan.landAt).toBeGreaterThan(trueCrossing(rate, 2));
  });

  it('extrapolates from early reads with a wider, still safe margin', () => {
    const rate = 0.00006;
    const samples = syntheticReads({ flightStartAt: T0, rate, until: 1.3, seed: 9 });
    const plan = planCashout({ samples, target: 2, clickLatencyMs: 0 })!;
    expect(Math.abs(plan.crossingAt - trueCrossing(rate, 2))).toBeLessThan(3 * plan.crossingSigmaMs + 2);
    expect(plan.landAt).toBeGreaterThan(trueCrossing(rate, 2));
    expect(plan.landAt - trueCrossing(rate, 2)).toBeLessThan(150);
  });

  /** Worst case for safety: the click is exactly as fast as the low end of the measured latency. */
  function simulate(safetyZ: number) {
    const random = seededRandom(42);
    let belowTarget = 0;
    const overshootMs: number[] = [];
    for (let game = 0; game < 300; game++) {
      const rate = 0.00003 + random() * 0.00027;
      const target = Math.round((1.1 + random() * 4) * 100) / 100;
      // Reads arrive until about 300 ms before the crossing, as a live autopilot would replan.
      const until = target * Math.exp(-rate * 300);
      const frameLagMs = game % 2 ? 16 : 0;
      const samples = syntheticReads({ flightStartAt: T0, rate, until, seed: game + 1, frameLagMs, jitterMs: 12 });
      const latencyLow = 20 + random() * 40;
      const plan = planCashout({ samples, target, clickLatencyMs: latencyLow, safetyZ, minMarginMs: safetyZ > 0 ? 2 : 0 })!;
      const landedAt = plan.sendAt + latencyLow + (game % 3 ? 0 : random() * 15);
      if (displayedCentsAt(landedAt - T0, rate) < Math.round(target * 100)) belowTarget++;
      overshootMs.push(landedAt - trueCrossing(rate, target));
    }
    overshootMs.sort((a, b) => a - b);
    return { belowTarget, medianOvershootMs: overshootMs[150]! };
  }

  it('never cashes out below the target across random games, latencies and stale frames', () => {
    const { belowTarget, medianOvershootMs } = simulate(3);
    expect(belowTarget).toBe(0);
    // Safety costs little: the median click lands within ~20 ms of the crossing.
    expect(medianOvershootMs).toBeLessThan(20);
  });

  it('needs its margin: aiming at the bare predicted crossing lands below the target in some games', () => {
    expect(simulate(0).belowTarget).toBeGreaterThan(10);
  });

  it('returns null without a usable fit or target', () => {
    expect(planCashout({ samples: [], target: 2, clickLatencyMs: 30 })).toBeNull();
    const samples = syntheticReads({ flightStartAt: T0, rate: 0.00006, until: 1.2 });
    expect(planCashout({ samples, target: 1, clickLatencyMs: 30 })).toBeNull();
    expect(planCashout({ samples, target: 2, clickLatencyMs: -1 })).toBeNull();
  });
});

describe('planFromSteps (a display with 0 or 1 decimals)', () => {
  /**
   * A game drawing floor(m, decimals) on 60 Hz frames, read every 12–20 ms; the plan is remade at every read and the
   * click committed once its send time is within 40 ms, as the executor does. Returns the payouts in multiplier units
   * above the target.
   */
  function play(decimals: 0 | 1, games: number, seed: number): { below: number; errors: number[] } {
    const random = seededRandom(seed);
    const scale = 10 ** decimals;
    let below = 0;
    const errors: number[] = [];
    for (let game = 0; game < games; game++) {
      const rate = 0.00004 + random() * 0.00026;
      const target = Math.round((1.2 + random() * (decimals === 0 ? 8 : 4)) * 100) / 100;
      const latency = 20 + random() * 40;
      const frameOffset = random() * 16.7;
      const shown = (t: number) => Math.floor(Math.exp(rate * (Math.floor((t - frameOffset) / 16.7) * 16.7 + frameOffset)) * scale + 1e-9) / scale;
      const steps: StepSeen[] = [];
      let last: { at: number; value: number } | null = null;
      for (let t = 0; t < 60_000; t += 12 + random() * 8) {
        const value = shown(t);
        if (last && value > last.value) steps.push({ at: (last.at + t) / 2, value, gapMs: t - last.at });
        last = { at: t, value };
        if (value >= target) break;
        const plan = planFromSteps({ steps, target, clickLatencyMs: latency });
        if (plan && plan.sendAt - t <= 40) {
          const paid = Math.floor(Math.exp(rate * (Math.max(t, plan.sendAt) + latency)) * 100) / 100;
          if (paid < target) below++;
          errors.push(paid - target);
          break;
        }
      }
    }
    errors.sort((a, b) => a - b);
    return { below, errors };
  }

  it('one decimal: never below the target, median within 0.01, from as few as two steps', () => {
    const { below, errors } = play(1, 300, 7);
    expect(below).toBe(0);
    expect(errors.length).toBeGreaterThan(250);
    expect(errors[errors.length >> 1]!).toBeLessThanOrEqual(0.01);
    // The read alone (click when the display shows the target) pays up to a whole step late.
    expect(errors[Math.floor(errors.length * 0.9)]!).toBeLessThan(0.05);
  });

  it('no decimals: never below the target', () => {
    const { below, errors } = play(0, 200, 11);
    expect(below).toBe(0);
    expect(errors[errors.length >> 1]!).toBeLessThanOrEqual(0.02);
  });

  it('needs two steps and a target above 1', () => {
    const steps = [{ at: 600, value: 1.1, gapMs: 15 }];
    expect(planFromSteps({ steps, target: 1.5, clickLatencyMs: 30 })).toBeNull();
    expect(planFromSteps({ steps: [...steps, { at: 1200, value: 1.2, gapMs: 15 }], target: 1, clickLatencyMs: 30 })).toBeNull();
    expect(planFromSteps({ steps: [...steps, { at: 1200, value: 1.2, gapMs: 15 }], target: 1.5, clickLatencyMs: 30 })).not.toBeNull();
  });
});

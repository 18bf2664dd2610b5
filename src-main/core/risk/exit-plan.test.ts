import { describe, expect, it } from 'vitest';
import { ExitPlan, type ExitFill, type ExitRules } from './exit-plan';

const none: ExitRules = { stopLoss: null, breakevenAt: null, trailingStop: null, takeProfits: [] };
const defaults: ExitRules = { stopLoss: 0.15, breakevenAt: 0.1, trailingStop: 0.2, takeProfits: [{ at: 0.3, fraction: 0.33 }, { at: 0.75, fraction: 0.33 }] };

function expectFills(got: ExitFill[], want: [number, number, ExitFill['reason']][]): void {
  expect(got).toHaveLength(want.length);
  want.forEach(([price, quantity, reason], i) => {
    expect(got[i]!.price).toBeCloseTo(price, 9);
    expect(got[i]!.quantity).toBeCloseTo(quantity, 9);
    expect(got[i]!.reason).toBe(reason);
  });
}

function bar(plan: ExitPlan, open: number, high: number, low: number): ExitFill[] {
  const out: ExitFill[] = [];
  plan.onBar(open, high, low, out);
  return out;
}

describe('ExitPlan (long, entry 100, qty 10)', () => {
  it('initial stop at −15% fills at the stop price', () => {
    const p = new ExitPlan('long', 100, 10, { ...none, stopLoss: 0.15 });
    expect(bar(p, 100, 101, 86)).toEqual([]);
    expect(bar(p, 90, 91, 84)).toEqual([{ price: 85, quantity: 10, reason: 'stop-loss' }]);
    expect(p.open).toBe(false);
  });

  it('a gap through the stop fills at the open, not the stop', () => {
    const p = new ExitPlan('long', 100, 10, { ...none, stopLoss: 0.15 });
    expect(bar(p, 80, 82, 78)).toEqual([{ price: 80, quantity: 10, reason: 'stop-loss' }]);
  });

  it('stop first when one bar touches both the stop and a target (conservative)', () => {
    const p = new ExitPlan('long', 100, 10, { ...none, stopLoss: 0.15, takeProfits: [{ at: 0.3, fraction: 0.5 }] });
    expect(bar(p, 100, 135, 80)).toEqual([{ price: 85, quantity: 10, reason: 'stop-loss' }]);
  });

  it('tiered take-profits sell 33% of the initial quantity at +30% and +75%', () => {
    const p = new ExitPlan('long', 100, 10, { ...none, takeProfits: defaults.takeProfits });
    expectFills(bar(p, 100, 131, 99), [[130, 3.3, 'take-profit']]);
    expectFills(bar(p, 131, 180, 130), [[175, 3.3, 'take-profit']]);
    expect(p.remaining).toBeCloseTo(3.4, 12);
    expect(p.pendingTargets()).toEqual([]);
  });

  it('breakeven moves the stop to entry after +10%, from the next bar on', () => {
    const p = new ExitPlan('long', 100, 10, { ...none, stopLoss: 0.15, breakevenAt: 0.1 });
    expect(bar(p, 100, 111, 99)).toEqual([]); // this bar's own high cannot protect it
    expect(p.stopPrice).toBe(100);
    expect(bar(p, 105, 106, 99)).toEqual([{ price: 100, quantity: 10, reason: 'breakeven' }]);
  });

  it('trailing stop follows the highest high at 20% and never loosens', () => {
    const p = new ExitPlan('long', 100, 10, { ...none, trailingStop: 0.2 });
    expect(p.stopPrice).toBe(80);
    bar(p, 100, 150, 100);
    expect(p.stopPrice).toBe(120);
    bar(p, 140, 140, 125);
    expect(p.stopPrice).toBe(120);
    expect(bar(p, 125, 126, 119)).toEqual([{ price: 120, quantity: 10, reason: 'trailing-stop' }]);
  });

  it('a strategy stop hint tighter than the profile stop wins; a looser one does not', () => {
    expect(new ExitPlan('long', 100, 1, { ...none, stopLoss: 0.15 }, { stopPrice: 95 }).stopPrice).toBe(95);
    expect(new ExitPlan('long', 100, 1, { ...none, stopLoss: 0.15 }, { stopPrice: 70 }).stopPrice).toBe(85);
  });

  it('a take-profit hint closes the rest at that price', () => {
    const p = new ExitPlan('long', 100, 10, none, { takeProfitPrice: 110 });
    expect(bar(p, 100, 112, 100)).toEqual([{ price: 110, quantity: 10, reason: 'take-profit' }]);
  });
});

describe('ExitPlan (short mirrors long)', () => {
  it('stop above entry, targets below, trailing from the lowest low', () => {
    const p = new ExitPlan('short', 100, 10, { ...defaults, breakevenAt: null });
    expect(p.stopPrice).toBeCloseTo(115, 12);
    expectFills(bar(p, 100, 101, 69), [[70, 3.3, 'take-profit']]);
    expect(p.stopPrice).toBeCloseTo(69 * 1.2, 12);
    expectFills(bar(p, 83, 90, 79), [[83, 6.7, 'trailing-stop']]); // opens above the 82.8 stop: fill at the open
  });
});

import { describe, expect, it } from 'vitest';
import { barsPerYearFromSpacing, MetricsAccumulator } from './metrics';

describe('MetricsAccumulator', () => {
  it('Sharpe and Sortino from per-bar returns (+10%, −10%, +10%), annualized by √barsPerYear', () => {
    const m = new MetricsAccumulator(100);
    [110, 99, 108.9].forEach((e) => m.onBar(e, true));
    // mean 1/30; sample sd √(2·(1/15)² + (2/15)²)/√2 = 0.11547; downside √(0.01/3) = 0.057735
    const r1 = m.result(1);
    expect(r1.sharpe).toBeCloseTo(1 / 30 / Math.sqrt(((2 / 30) ** 2 * 2 + (4 / 30) ** 2) / 2), 12);
    expect(r1.sortino).toBeCloseTo(1 / 30 / Math.sqrt(0.01 / 3), 12);
    expect(m.result(4).sharpe).toBeCloseTo(r1.sharpe * 2, 12);
    expect(r1.maxDrawdown).toBeCloseTo(0.1, 12);
    expect(r1.exposure).toBe(1);
  });

  it('profit factor is null without losing trades; win rate and averages', () => {
    const m = new MetricsAccumulator(100);
    m.onTrade(5, 2, 120, 0.1);
    m.onTrade(7, 4, 240, 0.1);
    const r = m.result(365);
    expect(r.profitFactor).toBeNull();
    expect(r.winRate).toBe(1);
    expect(r.avgHoldBars).toBe(3);
    expect(r.avgHoldTime).toBe(180);
    expect(r.fees).toBeCloseTo(0.2, 12);
  });

  it('bars per year from candle spacing', () => {
    expect(barsPerYearFromSpacing(60_000, 1)).toBeCloseTo(525_960, 6);
    expect(barsPerYearFromSpacing(86_400, 1000)).toBeCloseTo(365.25, 9);
    expect(barsPerYearFromSpacing(Infinity, 1)).toBe(365);
  });
});

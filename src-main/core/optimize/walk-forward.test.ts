import { describe, expect, it } from 'vitest';
import type { Metrics } from '../backtest/types';
import { stitchEquity, walkForwardFolds, walkForwardReport, type FoldOutcome } from './walk-forward';

describe('walk-forward folds', () => {
  it.each([
    [1000, 1],
    [1000, 4],
    [997, 5],
    [12, 3],
  ])('%i bars, %i folds: test windows never overlap their training data and follow it', (bars, folds) => {
    const f = walkForwardFolds(bars, folds);
    expect(f).toHaveLength(folds);
    for (const { train, test } of f) {
      expect(train.from).toBeLessThan(train.to);
      expect(test.from).toBeLessThan(test.to);
      expect(train.to).toBeLessThanOrEqual(test.from); // no shared bar, test strictly later
    }
    // Rolling: each test window is the next fold's training window, and the last one ends at the data's end.
    for (let k = 1; k < f.length; k++) expect(f[k]!.train).toEqual(f[k - 1]!.test);
    expect(f.at(-1)!.test.to).toBe(bars);
    expect(f[0]!.train.from).toBe(0);
  });

  it('has no folds for 0', () => expect(walkForwardFolds(100, 0)).toEqual([]));
});

const metrics = (initial: number, final: number, trades = 1): Metrics => ({
  initialEquity: initial,
  finalEquity: final,
  netPnl: final - initial,
  netPnlPct: final / initial - 1,
  trades,
  winRate: 0,
  profitFactor: null,
  sharpe: 0,
  sortino: 0,
  maxDrawdown: 0,
  maxDrawdownQuote: 0,
  exposure: 0,
  avgHoldBars: 0,
  avgHoldTime: 0,
  fees: 0,
  barsPerYear: 1,
});

describe('the out-of-sample curve', () => {
  it('chains the test windows: each starts at the previous final equity, so returns compound', () => {
    const curve = stitchEquity([
      { equity: [{ time: 1, equity: 100 }, { time: 2, equity: 110 }], metrics: metrics(100, 110) },
      { equity: [{ time: 3, equity: 100 }, { time: 4, equity: 90 }], metrics: metrics(100, 90) },
    ]);
    [100, 110, 110, 99].forEach((e, i) => expect(curve[i]!.equity).toBeCloseTo(e, 9));
  });

  const fold = (k: number, is: number, oos: number, final: number): FoldOutcome => ({
    fold: k,
    train: { from: 0, to: 1 },
    test: { from: 1, to: 2 },
    values: {},
    params: {},
    inSample: { score: is, metrics: metrics(100, 120) },
    outOfSample: { score: oos, metrics: metrics(100, final) },
  });

  it('warns when out of sample falls apart, and not when it holds', () => {
    const bad = walkForwardReport([fold(1, 2, -0.5, 95), fold(2, 1.5, -0.2, 97)], [[], []]);
    expect(bad.warning).toMatch(/falls apart/);
    expect(bad.outOfSample.netPnlPct).toBeCloseTo(0.95 * 0.97 - 1, 12);
    const good = walkForwardReport([fold(1, 2, 1.6, 105), fold(2, 1.5, 1.2, 104)], [[], []]);
    expect(good.warning).toBeNull();
    expect(good.efficiency).toBeCloseTo(1.4 / 1.75, 12);
  });
});

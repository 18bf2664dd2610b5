// Runs in: anywhere (pure).
import { WilderAverage } from './ema';
import { assertPeriod } from './sma';
import type { ScalarIndicator } from './types';

/**
 * Relative Strength Index with Wilder smoothing, as TradingView's ta.rsi and TA-Lib's RSI:
 * the first average gain/loss is the simple mean of the first `period` changes, later ones are
 * Wilder-smoothed. The first value is at index `period` (it needs `period` changes).
 * When there were no losses RSI is 100 (TradingView), including the flat case.
 */
export class Rsi implements ScalarIndicator {
  private readonly gains: WilderAverage;
  private readonly losses: WilderAverage;
  private prev = NaN;
  value = NaN;

  constructor(readonly period = 14) {
    assertPeriod(period);
    this.gains = new WilderAverage(period);
    this.losses = new WilderAverage(period);
  }

  get ready(): boolean {
    return this.gains.ready;
  }

  update(x: number): number {
    const prev = this.prev;
    this.prev = x;
    if (prev !== prev) return (this.value = NaN); // first value: no change yet
    const change = x - prev;
    const up = this.gains.update(change > 0 ? change : 0);
    const down = this.losses.update(change < 0 ? -change : 0);
    if (up !== up) return (this.value = NaN);
    if (down === 0) return (this.value = 100);
    return (this.value = 100 - 100 / (1 + up / down));
  }

  reset(): void {
    this.gains.reset();
    this.losses.reset();
    this.prev = NaN;
    this.value = NaN;
  }
}

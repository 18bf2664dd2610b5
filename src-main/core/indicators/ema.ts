import { assertPeriod } from './sma';
import type { ScalarIndicator } from './types';

/**
 * Exponential moving average, alpha = 2 / (period + 1), seeded with the SMA of the first
 * `period` values (TA-Lib's default and TradingView's ta.ema), so the first value is at index period-1.
 */
export class Ema implements ScalarIndicator {
  private readonly alpha: number;
  private seedSum = 0;
  private count = 0;
  value = NaN;

  constructor(readonly period: number) {
    assertPeriod(period);
    this.alpha = 2 / (period + 1);
  }

  get ready(): boolean {
    return this.count >= this.period;
  }

  update(x: number): number {
    if (this.count >= this.period) return (this.value += this.alpha * (x - this.value));
    this.seedSum += x;
    this.count++;
    return (this.value = this.count === this.period ? this.seedSum / this.period : NaN);
  }

  reset(): void {
    this.seedSum = 0;
    this.count = 0;
    this.value = NaN;
  }
}

/**
 * Wilder's smoothing (TradingView ta.rma): alpha = 1 / period, seeded with the SMA of the first
 * `period` values. Used by RSI and ATR.
 */
export class WilderAverage implements ScalarIndicator {
  private seedSum = 0;
  private count = 0;
  value = NaN;

  constructor(readonly period: number) {
    assertPeriod(period);
  }

  get ready(): boolean {
    return this.count >= this.period;
  }

  update(x: number): number {
    if (this.count >= this.period) return (this.value = (this.value * (this.period - 1) + x) / this.period);
    this.seedSum += x;
    this.count++;
    return (this.value = this.count === this.period ? this.seedSum / this.period : NaN);
  }

  reset(): void {
    this.seedSum = 0;
    this.count = 0;
    this.value = NaN;
  }
}

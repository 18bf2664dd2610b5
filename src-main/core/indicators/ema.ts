// Runs in: anywhere (pure).
import { assertPeriod } from './sma';
import type { ScalarIndicator } from './types';

/**
 * An average seeded with the SMA of its first `period` values, then stepped recursively, so the
 * first value is at index period-1. TA-Lib and TradingView seed both EMA and Wilder's RMA this way;
 * each keeps its own step formula, as the references are matched to the last bit.
 */
abstract class SmaSeededAverage implements ScalarIndicator {
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
    if (this.count >= this.period) return (this.value = this.step(this.value, x));
    this.seedSum += x;
    this.count++;
    return (this.value = this.count === this.period ? this.seedSum / this.period : NaN);
  }

  reset(): void {
    this.seedSum = 0;
    this.count = 0;
    this.value = NaN;
  }

  protected abstract step(previous: number, x: number): number;
}

/** Exponential moving average, alpha = 2 / (period + 1) (TA-Lib's default and TradingView's ta.ema). */
export class Ema extends SmaSeededAverage {
  private readonly alpha: number;

  constructor(period: number) {
    super(period);
    this.alpha = 2 / (period + 1);
  }

  protected step(previous: number, x: number): number {
    return previous + this.alpha * (x - previous);
  }
}

/** Wilder's smoothing (TradingView ta.rma): alpha = 1 / period. Used by RSI and ATR. */
export class WilderAverage extends SmaSeededAverage {
  protected step(previous: number, x: number): number {
    return (previous * (this.period - 1) + x) / this.period;
  }
}

// Runs in: anywhere (pure).
import { RingWindow, sumOf } from './ring-window';
import type { ScalarIndicator } from './types';

export function assertPeriod(period: number, min = 1): void {
  if (!Number.isInteger(period) || period < min) throw new RangeError(`period must be an integer >= ${min}, got ${period}`);
}

/** Simple moving average over a ring window (running sum, rebuilt exactly at each lap). */
export class Sma implements ScalarIndicator {
  private readonly window: RingWindow;
  private sum = 0;
  value = NaN;

  constructor(readonly period: number) {
    assertPeriod(period);
    this.window = new RingWindow(period);
  }

  get ready(): boolean {
    return this.window.full;
  }

  update(x: number): number {
    this.sum += x - this.window.push(x);
    if (this.window.lapped) this.sum = sumOf(this.window.values);
    return (this.value = this.window.full ? this.sum / this.period : NaN);
  }

  reset(): void {
    this.window.reset();
    this.sum = 0;
    this.value = NaN;
  }
}

// Runs in: anywhere (pure).
import { assertPeriod } from './sma';
import type { ScalarIndicator } from './types';

/**
 * Rolling maximum (or minimum) over the last `period` values with a monotonic deque held in
 * typed arrays: O(1) amortized per update, no allocation.
 */
export class RollingExtreme implements ScalarIndicator {
  private readonly values: Float64Array;
  private readonly indices: Float64Array;
  private head = 0; // deque front, ring position
  private size = 0;
  private index = 0; // count of values seen
  value = NaN;

  constructor(
    readonly period: number,
    private readonly kind: 'max' | 'min',
  ) {
    assertPeriod(period);
    this.values = new Float64Array(period);
    this.indices = new Float64Array(period);
  }

  get ready(): boolean {
    return this.index >= this.period;
  }

  update(x: number): number {
    const cap = this.period;
    const isMax = this.kind === 'max';
    // Drop the front when it has left the window.
    if (this.size > 0 && (this.indices[this.head] as number) <= this.index - cap) {
      this.head = this.head + 1 === cap ? 0 : this.head + 1;
      this.size--;
    }
    // Drop dominated values from the back.
    while (this.size > 0) {
      const back = (this.head + this.size - 1) % cap;
      const v = this.values[back] as number;
      if (isMax ? v > x : v < x) break;
      this.size--;
    }
    const slot = (this.head + this.size) % cap;
    this.values[slot] = x;
    this.indices[slot] = this.index;
    this.size++;
    this.index++;
    return (this.value = this.index >= cap ? (this.values[this.head] as number) : NaN);
  }

  reset(): void {
    this.head = this.size = this.index = 0;
    this.value = NaN;
  }
}

/** Donchian channel: highest high and lowest low of the last `period` bars. */
export class Donchian {
  private readonly highs: RollingExtreme;
  private readonly lows: RollingExtreme;
  upper = NaN;
  lower = NaN;

  constructor(readonly period = 20) {
    this.highs = new RollingExtreme(period, 'max');
    this.lows = new RollingExtreme(period, 'min');
  }

  get ready(): boolean {
    return this.highs.ready;
  }

  get middle(): number {
    return (this.upper + this.lower) / 2;
  }

  update(high: number, low: number): number {
    this.upper = this.highs.update(high);
    this.lower = this.lows.update(low);
    return this.upper;
  }

  reset(): void {
    this.highs.reset();
    this.lows.reset();
    this.upper = this.lower = NaN;
  }
}

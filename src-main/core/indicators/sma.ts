import type { ScalarIndicator } from './types';

export function assertPeriod(period: number, min = 1): void {
  if (!Number.isInteger(period) || period < min) throw new RangeError(`period must be an integer >= ${min}, got ${period}`);
}

/**
 * Simple moving average over a ring buffer. The running sum is rebuilt from the buffer each
 * time the ring wraps, so floating-point drift cannot accumulate over millions of updates
 * while the cost stays O(1) amortized.
 */
export class Sma implements ScalarIndicator {
  private readonly ring: Float64Array;
  private sum = 0;
  private count = 0;
  private pos = 0;
  value = NaN;

  constructor(readonly period: number) {
    assertPeriod(period);
    this.ring = new Float64Array(period);
  }

  get ready(): boolean {
    return this.count >= this.period;
  }

  update(x: number): number {
    const ring = this.ring;
    const pos = this.pos;
    this.sum += x - (ring[pos] as number);
    ring[pos] = x;
    this.pos = pos + 1 === this.period ? 0 : pos + 1;
    if (this.pos === 0) this.sum = sumOf(ring);
    if (this.count < this.period) {
      this.count++;
      if (this.count < this.period) return (this.value = NaN);
    }
    return (this.value = this.sum / this.period);
  }

  reset(): void {
    this.ring.fill(0);
    this.sum = 0;
    this.count = 0;
    this.pos = 0;
    this.value = NaN;
  }
}

export function sumOf(values: Float64Array): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i] as number;
  return s;
}

// Runs in: anywhere (pure).
import type { EquityPoint } from './types';

/**
 * Streaming downsampler: keeps every `stride`-th point; when the buffer fills, drops every other
 * point and doubles the stride. Memory is bounded by `maxPoints` whatever the candle count.
 */
export class EquityCurve {
  private readonly times: Float64Array;
  private readonly values: Float64Array;
  private size = 0;
  private stride = 1;
  private seen = 0;
  private lastTime = NaN;
  private lastValue = NaN;

  constructor(readonly maxPoints = 1000) {
    if (maxPoints < 4) throw new RangeError('maxPoints must be >= 4');
    this.times = new Float64Array(maxPoints);
    this.values = new Float64Array(maxPoints);
  }

  push(time: number, equity: number): void {
    this.lastTime = time;
    this.lastValue = equity;
    const index = this.seen++;
    if (index % this.stride !== 0) return;
    if (this.size === this.maxPoints) {
      this.compact();
      if (index % this.stride !== 0) return;
    }
    this.times[this.size] = time;
    this.values[this.size++] = equity;
  }

  /** The kept points plus the final one. */
  points(): EquityPoint[] {
    const out: EquityPoint[] = [];
    for (let i = 0; i < this.size; i++) out.push({ time: this.times[i] as number, equity: this.values[i] as number });
    if (this.size > 0 && this.times[this.size - 1] !== this.lastTime) out.push({ time: this.lastTime, equity: this.lastValue });
    return out;
  }

  private compact(): void {
    let j = 0;
    for (let i = 0; i < this.size; i += 2, j++) {
      this.times[j] = this.times[i] as number;
      this.values[j] = this.values[i] as number;
    }
    this.size = j;
    this.stride *= 2;
  }
}

import { assertPeriod, sumOf } from './sma';

/**
 * Bollinger Bands: middle = SMA(period), bands = middle ± k · population standard deviation
 * (TA-Lib BBANDS with MA type SMA, TradingView ta.bb). Running sums are rebuilt each time the
 * ring wraps so drift cannot accumulate.
 */
export class Bollinger {
  private readonly ring: Float64Array;
  private sum = 0;
  private sumSq = 0;
  private count = 0;
  private pos = 0;
  middle = NaN;
  upper = NaN;
  lower = NaN;
  stdDev = NaN;

  constructor(
    readonly period = 20,
    readonly k = 2,
  ) {
    assertPeriod(period);
    this.ring = new Float64Array(period);
  }

  get ready(): boolean {
    return this.count >= this.period;
  }

  /** Returns the middle band; read upper/lower/stdDev from the instance. */
  update(x: number): number {
    const ring = this.ring;
    const old = ring[this.pos] as number;
    this.sum += x - old;
    this.sumSq += x * x - old * old;
    ring[this.pos] = x;
    this.pos = this.pos + 1 === this.period ? 0 : this.pos + 1;
    if (this.pos === 0) this.rebuildSums();
    if (this.count < this.period && ++this.count < this.period) return this.middle;
    const n = this.period;
    const mean = this.sum / n;
    const variance = this.sumSq / n - mean * mean;
    const sd = variance > 0 ? Math.sqrt(variance) : 0;
    this.stdDev = sd;
    this.upper = mean + this.k * sd;
    this.lower = mean - this.k * sd;
    return (this.middle = mean);
  }

  /** Width of the bands relative to the middle band. */
  get bandwidth(): number {
    return (this.upper - this.lower) / this.middle;
  }

  /** Where x sits in the bands: 0 at the lower band, 1 at the upper band. */
  percentB(x: number): number {
    return (x - this.lower) / (this.upper - this.lower);
  }

  reset(): void {
    this.ring.fill(0);
    this.sum = this.sumSq = this.count = this.pos = 0;
    this.middle = this.upper = this.lower = this.stdDev = NaN;
  }

  private rebuildSums(): void {
    this.sum = sumOf(this.ring);
    let sq = 0;
    for (let i = 0; i < this.ring.length; i++) sq += (this.ring[i] as number) ** 2;
    this.sumSq = sq;
  }
}

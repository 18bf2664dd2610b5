// Runs in: anywhere (pure).
import { RingWindow, sumOf } from './ring-window';
import { assertPeriod } from './sma';

/**
 * Bollinger Bands: middle = SMA(period), bands = middle ± k · population standard deviation
 * (TA-Lib BBANDS with MA type SMA, TradingView ta.bb). Both running sums are rebuilt at each lap
 * of the window so drift cannot accumulate.
 */
export class Bollinger {
  private readonly window: RingWindow;
  private sum = 0;
  private sumSq = 0;
  middle = NaN;
  upper = NaN;
  lower = NaN;
  stdDev = NaN;

  constructor(
    readonly period = 20,
    readonly k = 2,
  ) {
    assertPeriod(period);
    this.window = new RingWindow(period);
  }

  get ready(): boolean {
    return this.window.full;
  }

  /** Returns the middle band; read upper/lower/stdDev from the instance. */
  update(x: number): number {
    const old = this.window.push(x);
    this.sum += x - old;
    this.sumSq += x * x - old * old;
    if (this.window.lapped) this.rebuildSums();
    if (!this.window.full) return this.middle;
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
    this.window.reset();
    this.sum = this.sumSq = 0;
    this.middle = this.upper = this.lower = this.stdDev = NaN;
  }

  private rebuildSums(): void {
    const values = this.window.values;
    this.sum = sumOf(values);
    let sq = 0;
    for (let i = 0; i < values.length; i++) sq += (values[i] as number) ** 2;
    this.sumSq = sq;
  }
}

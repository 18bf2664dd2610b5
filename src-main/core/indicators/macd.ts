// Runs in: anywhere (pure).
import { Ema } from './ema';

/**
 * MACD: line = EMA(fast) − EMA(slow), signal = EMA(signal) of the line, histogram = line − signal.
 * Each EMA is SMA-seeded on its own input (TradingView ta.macd, technicalindicators), so the
 * line starts at index slow-1 and the signal at slow+signal-2.
 */
export class Macd {
  private readonly fastEma: Ema;
  private readonly slowEma: Ema;
  private readonly signalEma: Ema;
  macd = NaN;
  signal = NaN;
  histogram = NaN;

  constructor(
    readonly fast = 12,
    readonly slow = 26,
    readonly signalPeriod = 9,
  ) {
    if (fast >= slow) throw new RangeError(`MACD fast period (${fast}) must be below slow (${slow})`);
    this.fastEma = new Ema(fast);
    this.slowEma = new Ema(slow);
    this.signalEma = new Ema(signalPeriod);
  }

  get ready(): boolean {
    return this.signalEma.ready;
  }

  /** Returns the MACD line; read signal/histogram from the instance. */
  update(x: number): number {
    const f = this.fastEma.update(x);
    const s = this.slowEma.update(x);
    if (s !== s) return this.macd;
    this.macd = f - s;
    this.signal = this.signalEma.update(this.macd);
    this.histogram = this.macd - this.signal;
    return this.macd;
  }

  reset(): void {
    this.fastEma.reset();
    this.slowEma.reset();
    this.signalEma.reset();
    this.macd = this.signal = this.histogram = NaN;
  }
}

// Runs in: anywhere (pure).
import { WilderAverage } from './ema';
import type { Bar } from './types';

export function trueRange(high: number, low: number, prevClose: number): number {
  const range = high - low;
  const up = Math.abs(high - prevClose);
  const down = Math.abs(low - prevClose);
  return range > up ? (range > down ? range : down) : up > down ? up : down;
}

/**
 * Average True Range with Wilder smoothing, TA-Lib convention: the first bar has no previous
 * close so it yields no true range; the first ATR is the mean of the true ranges of bars
 * 1..period (index `period`), then Wilder-smoothed.
 */
export class Atr {
  private readonly avg: WilderAverage;
  private prevClose = NaN;
  value = NaN;

  constructor(readonly period = 14) {
    this.avg = new WilderAverage(period);
  }

  get ready(): boolean {
    return this.avg.ready;
  }

  update(bar: Bar): number {
    return this.updateHlc(bar.high, bar.low, bar.close);
  }

  updateHlc(high: number, low: number, close: number): number {
    const prev = this.prevClose;
    this.prevClose = close;
    if (prev !== prev) return this.value;
    return (this.value = this.avg.update(trueRange(high, low, prev)));
  }

  reset(): void {
    this.avg.reset();
    this.prevClose = NaN;
    this.value = NaN;
  }
}

// Runs in: anywhere (pure).
import { Ema } from '../indicators/ema';

/**
 * Higher-timeframe trend filter: every `factor` candles form one higher-timeframe bar (counted,
 * so it works for any candle unit); its close is compared with an EMA of those closes.
 * trend() is +1 above, −1 below, 0 until the EMA is defined.
 */
export class HtfTrend {
  private readonly ema: Ema;
  private seen = 0;
  private state = 0;

  constructor(
    readonly factor: number,
    readonly emaPeriod: number,
  ) {
    if (!Number.isInteger(factor) || factor < 1) throw new RangeError(`factor must be an integer >= 1, got ${factor}`);
    this.ema = new Ema(emaPeriod);
  }

  update(close: number): number {
    if (++this.seen % this.factor !== 0) return this.state;
    const e = this.ema.update(close);
    this.state = e !== e ? 0 : close > e ? 1 : close < e ? -1 : 0;
    return this.state;
  }

  get emaValue(): number {
    return this.ema.value;
  }

  trend(): number {
    return this.state;
  }
}

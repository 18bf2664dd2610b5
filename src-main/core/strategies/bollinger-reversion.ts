// Runs in: anywhere (pure).
import { Bollinger } from '../indicators/bollinger';
import type { Candle, Intent, Strategy } from './types';

export interface BollingerReversionParams {
  readonly period: number;
  readonly stdDev: number;
}

const ENTER: Intent = Object.freeze({ action: 'enter', side: 'long', reason: 'bollinger-reversion: close crossed below the lower band' });
const EXIT: Intent = Object.freeze({ action: 'exit', side: 'long', reason: 'bollinger-reversion: close back at the middle band' });

/** Mean reversion, long only: buy the cross below the lower band, sell the return to the middle band. */
export class BollingerReversion implements Strategy {
  readonly name = 'bollinger-reversion';
  private readonly bands: Bollinger;
  private prevClose = NaN;
  private prevLower = NaN;
  private prevMiddle = NaN;
  private lastBias = 0;

  constructor(params: BollingerReversionParams) {
    this.bands = new Bollinger(params.period, params.stdDev);
  }

  onCandle(c: Candle): Intent | null {
    const middle = this.bands.update(c.close);
    const lower = this.bands.lower;
    const pc = this.prevClose;
    const pl = this.prevLower;
    const pm = this.prevMiddle;
    this.prevClose = c.close;
    this.prevLower = lower;
    this.prevMiddle = middle;
    if (middle !== middle) return null;
    // Below the lower band is bullish for a reversion trader, above the upper band bearish.
    const b = this.bands.percentB(c.close);
    this.lastBias = b === b ? Math.max(-1, Math.min(1, 1 - 2 * b)) : 0;
    if (pl !== pl) return null;
    if (c.close < lower && pc >= pl) return ENTER;
    if (c.close >= middle && pc < pm) return EXIT;
    return null;
  }

  bias(): number {
    return this.lastBias;
  }

  indicators(): Readonly<Record<string, number>> {
    return { middleBand: this.prevMiddle, lowerBand: this.prevLower, upperBand: this.bands.upper };
  }
}

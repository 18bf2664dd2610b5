// Runs in: anywhere (pure).
import { Rsi } from '../indicators/rsi';
import type { Candle, Intent, Strategy } from './types';

export interface RsiMomentumParams {
  readonly period: number;
  /** Enter when RSI crosses above this level. */
  readonly entryLevel: number;
  /** Exit when RSI crosses below this level. */
  readonly exitLevel: number;
}

const ENTER: Intent = Object.freeze({ action: 'enter', side: 'long', reason: 'rsi-momentum: RSI crossed above the entry level' });
const EXIT: Intent = Object.freeze({ action: 'exit', side: 'long', reason: 'rsi-momentum: RSI crossed below the exit level' });

/** Momentum on Wilder RSI (TradingView-identical values), long only. */
export class RsiMomentum implements Strategy {
  readonly name = 'rsi-momentum';
  private readonly rsi: Rsi;
  private prev = NaN;

  constructor(private readonly params: RsiMomentumParams) {
    this.rsi = new Rsi(params.period);
  }

  onCandle(c: Candle): Intent | null {
    const r = this.rsi.update(c.close);
    const p = this.prev;
    this.prev = r;
    if (p !== p || r !== r) return null;
    if (r > this.params.entryLevel && p <= this.params.entryLevel) return ENTER;
    if (r < this.params.exitLevel && p >= this.params.exitLevel) return EXIT;
    return null;
  }

  bias(): number {
    const r = this.prev;
    return r === r ? Math.max(-1, Math.min(1, (r - 50) / 20)) : 0;
  }

  indicators(): Readonly<Record<string, number>> {
    return { rsi: this.prev };
  }
}

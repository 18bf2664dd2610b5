// Runs in: anywhere (pure).
import { Sma } from '../indicators/sma';
import type { Candle, Intent, Strategy } from './types';

export interface SmaCrossParams {
  readonly fast: number;
  readonly slow: number;
}

const ENTER: Intent = Object.freeze({ action: 'enter', side: 'long', reason: 'sma-cross: fast crossed above slow' });
const EXIT: Intent = Object.freeze({ action: 'exit', side: 'long', reason: 'sma-cross: fast crossed below slow' });

/**
 * Long-only SMA cross (the CLI's reference semantics):
 * enter when fast[i] > slow[i] and fast[i−1] <= slow[i−1]; exit when fast[j] < slow[j] and
 * fast[j−1] >= slow[j−1]; both averages must be defined at i−1.
 */
export class SmaCross implements Strategy {
  readonly name = 'sma-cross';
  private readonly fast: Sma;
  private readonly slow: Sma;
  private prevFast = NaN;
  private prevSlow = NaN;

  constructor(params: SmaCrossParams) {
    this.fast = new Sma(params.fast);
    this.slow = new Sma(params.slow);
  }

  onCandle(candle: Candle): Intent | null {
    const f = this.fast.update(candle.close);
    const s = this.slow.update(candle.close);
    const pf = this.prevFast;
    const ps = this.prevSlow;
    this.prevFast = f;
    this.prevSlow = s;
    // NaN !== NaN: skip until both averages are defined at i−1 (then they are at i too).
    if (pf !== pf || ps !== ps) return null;
    if (f > s && pf <= ps) return ENTER;
    if (f < s && pf >= ps) return EXIT;
    return null;
  }

  bias(): number {
    const f = this.prevFast;
    const s = this.prevSlow;
    return f > s ? 1 : f < s ? -1 : 0;
  }

  indicators(): Readonly<Record<string, number>> {
    return { fastSma: this.prevFast, slowSma: this.prevSlow };
  }
}

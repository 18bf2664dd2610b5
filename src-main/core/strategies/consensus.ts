// Runs in: anywhere (pure).
import { BollingerReversion, type BollingerReversionParams } from './bollinger-reversion';
import { Breakout, type BreakoutParams } from './breakout';
import { HtfTrend } from './htf-trend';
import { RsiMomentum, type RsiMomentumParams } from './rsi-momentum';
import { SmaCross, type SmaCrossParams } from './sma-cross';
import type { Candle, Intent, Strategy } from './types';

export interface ConsensusParams {
  readonly weights: { readonly smaCross: number; readonly breakout: number; readonly bollinger: number; readonly rsi: number };
  /** Weighted score in [−1, 1] needed to go long. */
  readonly entryThreshold: number;
  /** Exit when the score falls to or below this. */
  readonly exitThreshold: number;
  /** The entry/exit condition must hold this many consecutive candles before it fires. */
  readonly debounce: number;
  readonly htfFactor: number;
  readonly htfEmaPeriod: number;
  readonly smaCross: SmaCrossParams;
  readonly breakout: BreakoutParams;
  readonly bollinger: BollingerReversionParams;
  readonly rsi: RsiMomentumParams;
}

const ENTER: Intent = Object.freeze({ action: 'enter', side: 'long', reason: 'consensus: weighted votes above threshold in an up-trend' });
const EXIT: Intent = Object.freeze({ action: 'exit', side: 'long', reason: 'consensus: votes or higher-timeframe trend turned' });

/**
 * Weighted vote of the other strategies' stances, gated by a higher-timeframe trend filter,
 * with a conviction threshold and debouncing so one noisy candle cannot flip the position.
 */
export class Consensus implements Strategy {
  readonly name = 'consensus';
  private readonly members: readonly Strategy[];
  private readonly weights: Float64Array;
  private readonly totalWeight: number;
  private readonly htf: HtfTrend;
  private score = 0;
  private long = false;
  private enterStreak = 0;
  private exitStreak = 0;

  constructor(private readonly params: ConsensusParams) {
    const w = params.weights;
    this.members = [new SmaCross(params.smaCross), new Breakout(params.breakout), new BollingerReversion(params.bollinger), new RsiMomentum(params.rsi)];
    this.weights = Float64Array.of(w.smaCross, w.breakout, w.bollinger, w.rsi);
    this.totalWeight = w.smaCross + w.breakout + w.bollinger + w.rsi;
    if (!(this.totalWeight > 0)) throw new RangeError('consensus needs at least one positive weight');
    this.htf = new HtfTrend(params.htfFactor, params.htfEmaPeriod);
  }

  onCandle(c: Candle): Intent | null {
    let sum = 0;
    for (let i = 0; i < this.members.length; i++) {
      const m = this.members[i] as Strategy;
      m.onCandle(c);
      sum += (this.weights[i] as number) * m.bias();
    }
    this.score = sum / this.totalWeight;
    const trend = this.htf.update(c.close);
    const p = this.params;
    if (!this.long) {
      this.enterStreak = this.score >= p.entryThreshold && trend > 0 ? this.enterStreak + 1 : 0;
      if (this.enterStreak < p.debounce) return null;
      this.long = true;
      this.enterStreak = 0;
      return ENTER;
    }
    this.exitStreak = this.score <= p.exitThreshold || trend < 0 ? this.exitStreak + 1 : 0;
    if (this.exitStreak < p.debounce) return null;
    this.long = false;
    this.exitStreak = 0;
    return EXIT;
  }

  bias(): number {
    return this.score;
  }

  /** The members' indicators under their names (e.g. `smaCross.fastSma`), the vote and the trend filter. */
  indicators(): Readonly<Record<string, number>> {
    const out: Record<string, number> = { score: this.score, htfEma: this.htf.emaValue, htfTrend: this.htf.trend() };
    const names = ['smaCross', 'breakout', 'bollinger', 'rsi'];
    this.members.forEach((m, i) => {
      for (const [k, v] of Object.entries(m.indicators?.() ?? {})) out[`${names[i]}.${k}`] = v;
    });
    return out;
  }
}

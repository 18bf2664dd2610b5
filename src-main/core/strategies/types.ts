// Runs in: anywhere (pure).
/** One closed candle. `time` is the open time as a number (epoch ms for exchange data). */
export interface Candle {
  readonly time: number;
  readonly open: number;
  readonly high: number;
  readonly low: number;
  readonly close: number;
  readonly volume: number;
}

export type Side = 'long' | 'short';

/** Open a position at this candle's close. Hints are advisory: the risk engine has the last word. */
export interface EnterIntent {
  readonly action: 'enter';
  readonly side: Side;
  /** Fraction (0, 1] of the size the risk engine would otherwise allow. */
  readonly sizeHint?: number;
  /** Protective stop price suggested by the strategy (e.g. a channel low). */
  readonly stopPrice?: number;
  /** Price at which to take the remaining position off. */
  readonly takeProfitPrice?: number;
  readonly reason: string;
}

/** Close (part of) the position on `side` at this candle's close. */
export interface ExitIntent {
  readonly action: 'exit';
  readonly side: Side;
  /** Fraction (0, 1] of the open quantity; the whole position when omitted. */
  readonly fraction?: number;
  readonly reason: string;
}

export type Intent = EnterIntent | ExitIntent;

/**
 * A strategy turns closed candles into intents. It is deterministic and does no I/O, and it is
 * position-agnostic: it reports what the market says (crosses, breakouts); the executor decides
 * whether an intent applies (an entry while already in a position is ignored, so is an exit while flat).
 * That is what lets the same instance run in backtest, paper and live unchanged.
 */
export interface Strategy {
  readonly name: string;
  /** Feed the next closed candle (strictly increasing time); returns an intent to act at its close, or null. */
  onCandle(candle: Candle): Intent | null;
  /** Current stance in [-1, 1] after the last candle (−1 bearish, +1 bullish); consensus votes with it. */
  bias(): number;
  /** The indicator values after the last candle, by name (NaN while warming up); `check-bias` compares them across runs. */
  indicators?(): Readonly<Record<string, number>>;
}

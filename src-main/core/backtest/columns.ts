// Runs in: anywhere (pure).
import type { Candle } from '../strategies/types';
import { Backtester } from './backtester';
import type { BacktestConfig, BacktestResult } from './types';

const FIELDS = ['time', 'open', 'high', 'low', 'close', 'volume'] as const;

/**
 * Candles as six Float64 columns over one buffer. With a SharedArrayBuffer the optimizer's worker
 * threads read the same memory the main thread loaded: no copy per worker, none per trial.
 */
export interface CandleColumns {
  readonly length: number;
  readonly buffer: ArrayBufferLike;
  readonly time: Float64Array;
  readonly open: Float64Array;
  readonly high: Float64Array;
  readonly low: Float64Array;
  readonly close: Float64Array;
  readonly volume: Float64Array;
}

/** Views over a buffer laid out by `toColumns` (what a worker rebuilds from the shared buffer it was given). */
export function columnsOver(buffer: ArrayBufferLike, length: number): CandleColumns {
  const view = (i: number) => new Float64Array(buffer, i * length * 8, length);
  return { length, buffer, time: view(0), open: view(1), high: view(2), low: view(3), close: view(4), volume: view(5) };
}

export function toColumns(candles: readonly Candle[], shared = true): CandleColumns {
  const n = candles.length;
  const bytes = FIELDS.length * n * 8;
  const cols = columnsOver(shared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes), n);
  for (let i = 0; i < n; i++) {
    const c = candles[i] as Candle;
    cols.time[i] = c.time;
    cols.open[i] = c.open;
    cols.high[i] = c.high;
    cols.low[i] = c.low;
    cols.close[i] = c.close;
    cols.volume[i] = c.volume;
  }
  return cols;
}

export function candleAt(cols: CandleColumns, i: number): Candle {
  return { time: cols.time[i] as number, open: cols.open[i] as number, high: cols.high[i] as number, low: cols.low[i] as number, close: cols.close[i] as number, volume: cols.volume[i] as number };
}

type MutableCandle = { -readonly [K in keyof Candle]: Candle[K] };

/**
 * Calls `each` for bars [from, to) with one candle object refilled per bar: strategies and the
 * backtester read a candle during the call and keep numbers, never the object, so no allocation per bar.
 */
export function forEachCandle(cols: CandleColumns, from: number, to: number, each: (c: Candle, bar: number) => void): void {
  const c: MutableCandle = { time: 0, open: 0, high: 0, low: 0, close: 0, volume: 0 };
  const { time, open, high, low, close, volume } = cols;
  for (let i = from; i < to; i++) {
    c.time = time[i] as number;
    c.open = open[i] as number;
    c.high = high[i] as number;
    c.low = low[i] as number;
    c.close = close[i] as number;
    c.volume = volume[i] as number;
    each(c, i);
  }
}

/** Backtests bars [from, to) of the columns: the same run as `runBacktest` over the same candles as objects. */
export function backtestColumns(cols: CandleColumns, cfg: BacktestConfig, from = 0, to = cols.length): BacktestResult {
  const bt = new Backtester(cfg);
  forEachCandle(cols, from, to, (c) => bt.push(c));
  return bt.finish();
}

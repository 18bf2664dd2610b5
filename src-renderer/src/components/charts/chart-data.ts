// Runs in: renderer. Pure conversions from engine data (candle time units) to lightweight-charts inputs.
import type { BacktestTrade, ChartCandle } from '../../../../src-shared/contract';

/** Engine candle times are epoch ms (exchange, ISO CSV) or seconds (numeric CSV below 1e11), like the backtester's rule. */
export const toChartSeconds = (t: number): number => (t >= 1e11 ? Math.floor(t / 1000) : t);

export interface TimedValue {
  time: number;
  value: number;
}

/** Strictly increasing chart times (the library rejects repeats): the last value of a second wins. */
export function toTimedValues<T>(items: readonly T[], time: (x: T) => number, value: (x: T) => number | null): TimedValue[] {
  const out: TimedValue[] = [];
  for (const item of items) {
    const v = value(item);
    if (v === null || !Number.isFinite(v)) continue;
    const t = toChartSeconds(time(item));
    const last = out.at(-1);
    if (last && t <= last.time) {
      if (t === last.time) last.value = v;
      continue;
    }
    out.push({ time: t, value: v });
  }
  return out;
}

/** Index of the candle containing time t (the last one opening at or before it); -1 before the first. */
export function candleIndexAt(candles: readonly ChartCandle[], t: number): number {
  let lo = 0;
  let hi = candles.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((candles[mid] as ChartCandle).time <= t) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

export interface TradeMarker {
  time: number;
  position: 'aboveBar' | 'belowBar';
  shape: 'arrowUp' | 'arrowDown';
  kind: 'entry' | 'exit';
  text: string;
}

/** Entry and exit markers snapped onto the (possibly aggregated) candles they fall in; many trades drop the labels (they would overlap; the trade list has them). */
export function tradeMarkers(trades: readonly BacktestTrade[], candles: readonly ChartCandle[], labels = trades.length <= 40): TradeMarker[] {
  const markers: TradeMarker[] = [];
  const at = (t: number) => {
    const i = candleIndexAt(candles, t);
    return i < 0 ? null : toChartSeconds((candles[i] as ChartCandle).time);
  };
  for (const trade of trades) {
    const long = trade.side === 'long';
    const entry = at(trade.entryTime);
    const exit = at(trade.exitTime);
    if (entry !== null) markers.push({ time: entry, kind: 'entry', position: long ? 'belowBar' : 'aboveBar', shape: long ? 'arrowUp' : 'arrowDown', text: labels ? (long ? 'Buy' : 'Sell short') : '' });
    const pct = `${trade.pnl >= 0 ? '+' : '−'}${Math.abs(trade.returnPct * 100).toFixed(1)}%`;
    if (exit !== null) markers.push({ time: exit, kind: 'exit', position: long ? 'aboveBar' : 'belowBar', shape: long ? 'arrowDown' : 'arrowUp', text: labels ? `${long ? 'Sell' : 'Cover'} ${pct}` : '' });
  }
  // The marker plugin wants them in time order.
  return markers.sort((a, b) => a.time - b.time);
}

/** Equity as % return from the start, so runs with different starting equity overlay fairly. */
export function returnCurve(equity: readonly { time: number; equity: number }[], initial: number): TimedValue[] {
  return toTimedValues(equity, (p) => p.time, (p) => (initial > 0 ? (p.equity / initial - 1) * 100 : null));
}

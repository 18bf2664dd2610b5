// Runs in: engine.
import { intervalMs } from '../../../core/exchange/interval';
import type { Kline } from '../../../core/exchange/types';

/** Builds candles of any requested interval from the trades the simulator prints. */
export class CandleBook {
  private readonly series = new Map<string, Kline[]>();

  /** Returns the updated candle per tracked interval; a candle whose period ended is marked closed first. */
  trade(symbol: string, price: number, qty: number, at: number, intervals: readonly string[]): Kline[] {
    const out: Kline[] = [];
    for (const interval of intervals) {
      const key = `${symbol}|${interval}`;
      const list = this.series.get(key) ?? [];
      this.series.set(key, list);
      const ms = intervalMs(interval);
      const openTime = at - (at % ms);
      const last = list[list.length - 1];
      if (last && last.openTime === openTime) {
        const k: Kline = { ...last, high: Math.max(last.high, price), low: Math.min(last.low, price), close: price, volume: last.volume + qty };
        list[list.length - 1] = k;
        out.push(k);
      } else {
        if (last && !last.closed) {
          list[list.length - 1] = { ...last, closed: true };
          out.push(list[list.length - 1]!);
        }
        const k: Kline = { symbol, interval, openTime, closeTime: openTime + ms - 1, open: price, high: price, low: price, close: price, volume: qty, closed: false };
        list.push(k);
        out.push(k);
      }
    }
    return out;
  }

  /** Oldest first from startTime, like the venues' REST klines (endTime inclusive, on open time). */
  range(symbol: string, interval: string, startTime = 0, limit = 500, endTime = Infinity): Kline[] {
    return (this.series.get(`${symbol}|${interval}`) ?? []).filter((k) => k.openTime >= startTime && k.openTime <= endTime).slice(0, limit);
  }
}

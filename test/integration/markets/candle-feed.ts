// Market data for strategy-trader tests: recorded 1h BTCUSDT candles pushed as a stream would, with no history.
import type { Kline, MarketData } from '../../../src-main/core/exchange/types';
import type { Candle } from '../../../src-main/core/strategies/types';

export class CandleFeed implements MarketData {
  private readonly listeners = new Set<(k: Kline) => void>();

  subscribeKlines(_symbol: string, _interval: string, onKline: (k: Kline) => void) {
    this.listeners.add(onKline);
    return () => this.listeners.delete(onKline);
  }

  async fetchKlines(): Promise<Kline[]> {
    return [];
  }

  /** One frame of `c`: in progress (`closed` false) or closed. */
  play(c: Candle, closed: boolean): void {
    const k: Kline = { symbol: 'BTCUSDT', interval: '1h', openTime: c.time, closeTime: c.time + 3_599_999, open: c.open, high: c.high, low: c.low, close: c.close, volume: c.volume, closed };
    for (const l of this.listeners) l(k);
  }
}

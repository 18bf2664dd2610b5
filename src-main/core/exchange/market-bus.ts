import type { Kline } from './types';

type KlineListener = (k: Kline) => void;

/**
 * Fan-out of parsed market data to strategies and charts, keyed by symbol and interval. Listener
 * failures are isolated so one broken consumer cannot stall the feed.
 */
export class MarketBus {
  // symbol → interval → listeners; nested maps avoid building a key string per message.
  private readonly klineListeners = new Map<string, Map<string, KlineListener[]>>();
  private failures = 0;

  onKline(symbol: string, interval: string, fn: KlineListener): () => void {
    let bySymbol = this.klineListeners.get(symbol);
    if (!bySymbol) this.klineListeners.set(symbol, (bySymbol = new Map()));
    const intervals = bySymbol;
    intervals.set(interval, [...(intervals.get(interval) ?? []), fn]);
    return () => intervals.set(interval, (intervals.get(interval) ?? []).filter((f) => f !== fn));
  }

  publishKline(k: Kline): void {
    const list = this.klineListeners.get(k.symbol)?.get(k.interval);
    if (!list) return;
    for (const fn of list) {
      try {
        fn(k);
      } catch {
        this.failures += 1;
      }
    }
  }

  get listenerFailures(): number {
    return this.failures;
  }
}

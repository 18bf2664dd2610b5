// Runs in: anywhere (pure).
import type { BookTicker, Kline } from './types';

type KlineListener = (k: Kline) => void;
type BookListener = (t: BookTicker) => void;

/**
 * Fan-out of parsed market data to strategies and charts, keyed by symbol and interval. Listener
 * failures are isolated so one broken consumer cannot stall the feed.
 */
export class MarketBus {
  // symbol → interval → listeners; nested maps avoid building a key string per message.
  private readonly klineListeners = new Map<string, Map<string, KlineListener[]>>();
  private readonly bookListeners = new Map<string, BookListener[]>();
  /** Last update id per symbol: a book frame older than one already published is dropped. */
  private readonly bookUpdateIds = new Map<string, number>();
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

  onBookTicker(symbol: string, fn: BookListener): () => void {
    this.bookListeners.set(symbol, [...(this.bookListeners.get(symbol) ?? []), fn]);
    return () => this.bookListeners.set(symbol, (this.bookListeners.get(symbol) ?? []).filter((f) => f !== fn));
  }

  publishBookTicker(t: BookTicker): void {
    const last = this.bookUpdateIds.get(t.symbol);
    // Bybit re-sends a level-1 snapshot with the same id after 3 s without change: equal ids pass.
    if (last !== undefined && t.updateId < last) return;
    this.bookUpdateIds.set(t.symbol, t.updateId);
    for (const fn of this.bookListeners.get(t.symbol) ?? []) {
      try {
        fn(t);
      } catch {
        this.failures += 1;
      }
    }
  }

  get listenerFailures(): number {
    return this.failures;
  }
}

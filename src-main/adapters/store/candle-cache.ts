// Runs in: engine.
import type { CandleSeriesInfo } from '../../../src-shared/contract';
import type { Db } from './database';
import { listCachedSeries } from './series-catalog';
import type { KlineKey } from '../../core/backtest/klines';
import type { Candle } from '../../core/strategies/types';

interface CandleRow {
  open_time: number;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
}

/** Klines cached in the `candles` table, keyed by exchange, symbol and interval. */
export class CandleCache {
  private readonly insert;
  private readonly range;
  private readonly times;
  private readonly stats;

  constructor(private readonly db: Db) {
    this.insert = db.prepare(
      `INSERT OR REPLACE INTO candles (exchange, symbol, interval, open_time, open, high, low, close, volume)
       VALUES (@exchange, @symbol, @interval, @time, @open, @high, @low, @close, @volume)`,
    );
    this.range = db.prepare(
      `SELECT open_time, open, high, low, close, volume FROM candles
       WHERE exchange = ? AND symbol = ? AND interval = ? AND open_time BETWEEN ? AND ? ORDER BY open_time`,
    );
    this.times = db
      .prepare(`SELECT open_time FROM candles WHERE exchange = ? AND symbol = ? AND interval = ? AND open_time BETWEEN ? AND ? ORDER BY open_time`)
      .pluck();
    this.stats = db.prepare(`SELECT COUNT(*) AS count, MIN(open_time) AS first, MAX(open_time) AS last FROM candles WHERE exchange = ? AND symbol = ? AND interval = ?`);
  }

  /** Stores candles in one transaction (a page from a download, or a CSV import). */
  upsert(key: KlineKey, candles: Iterable<Candle>): number {
    let n = 0;
    this.db.transaction(() => {
      for (const c of candles) {
        this.insert.run({ ...key, time: c.time, open: c.open, high: c.high, low: c.low, close: c.close, volume: c.volume });
        n++;
      }
    })();
    return n;
  }

  /** Streams candles in [from, to] by open time, without loading the range into memory. */
  *iterate(key: KlineKey, from = -Infinity, to = Infinity): Generator<Candle> {
    for (const r of this.range.iterate(key.exchange, key.symbol, key.interval, clamp(from), clamp(to)) as Iterable<CandleRow>) {
      yield { time: r.open_time, open: r.open, high: r.high, low: r.low, close: r.close, volume: r.volume };
    }
  }

  openTimes(key: KlineKey, from: number, to: number): Iterable<number> {
    return this.times.iterate(key.exchange, key.symbol, key.interval, clamp(from), clamp(to)) as Iterable<number>;
  }

  summary(key: KlineKey): { count: number; first: number | null; last: number | null } {
    return this.stats.get(key.exchange, key.symbol, key.interval) as { count: number; first: number | null; last: number | null };
  }

  /** Which series are cached, with their counts and first/last open times (`series-catalog.ts`). */
  listSeries(): CandleSeriesInfo[] {
    return listCachedSeries(this.db);
  }
}

// SQLite integers cannot bind ±Infinity.
function clamp(t: number): number {
  return Math.max(Number.MIN_SAFE_INTEGER, Math.min(Number.MAX_SAFE_INTEGER, t));
}

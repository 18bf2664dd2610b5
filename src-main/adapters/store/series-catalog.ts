// Runs in: engine. Which candle series are cached (the candle-cache adapter answers per key; this lists the keys).
import type { CandleSeriesInfo } from '../../../src-shared/contract';
import type { Db } from './database';

export function listCachedSeries(db: Db): CandleSeriesInfo[] {
  return db
    .prepare(
      `SELECT exchange, symbol, interval, COUNT(*) AS count, MIN(open_time) AS first, MAX(open_time) AS last
       FROM candles GROUP BY exchange, symbol, interval ORDER BY exchange, symbol, interval LIMIT 500`,
    )
    .all() as CandleSeriesInfo[];
}

// Runs in: engine.
import { barsIn } from '../../core/backtest/kline-range';
import { findGaps, intervalMs, type Gap, type KlineKey, type KlineSource } from '../../core/backtest/klines';
import type { CandleCache } from '../store/candle-cache';

export interface SyncResult {
  readonly fetched: number;
  readonly pages: number;
  readonly gapsFound: readonly Gap[];
  /** Ranges the source had no data for (exchange downtime, pre-listing); still missing. */
  readonly unfilled: readonly Gap[];
}

/** Reported once the gaps are known (`fetched` 0) and after every stored page. */
export interface SyncProgress {
  /** Bars missing from the cache when the sync started. */
  readonly missing: number;
  readonly fetched: number;
  readonly pages: number;
}

/**
 * Fills the cache for [from, to] from `source`. Resume and gap repair are the same thing:
 * the missing ranges are computed from what is cached, and each fetched page is stored before
 * the next request, so an interrupted sync continues where it stopped on the next call.
 */
export async function syncKlines(
  source: KlineSource,
  cache: CandleCache,
  key: KlineKey,
  from: number,
  to: number,
  pageLimit = 1000,
  onProgress?: (p: SyncProgress) => void,
): Promise<SyncResult> {
  const step = intervalMs(key.interval);
  const gapsFound = findGaps(cache.openTimes(key, from, to), step, from, to);
  const missing = barsIn(gapsFound, step);
  let fetched = 0;
  let pages = 0;
  onProgress?.({ missing, fetched, pages });
  for (const gap of gapsFound) {
    let start = gap.from;
    while (start <= gap.to) {
      const page = await source.fetchKlines({ symbol: key.symbol, interval: key.interval, startTime: start, endTime: gap.to, limit: pageLimit });
      pages++;
      const inRange = page.filter((c) => c.time >= start && c.time <= gap.to);
      if (inRange.length === 0) break; // nothing more from the source here
      fetched += cache.upsert(key, inRange);
      onProgress?.({ missing, fetched, pages });
      start = (inRange[inRange.length - 1]?.time as number) + step;
    }
  }
  const unfilled = gapsFound.length === 0 ? [] : findGaps(cache.openTimes(key, from, to), step, from, to);
  return { fetched, pages, gapsFound, unfilled };
}

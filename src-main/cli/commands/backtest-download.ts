// Runs in: Node (CLI). Brings an exchange series into the candle cache, then streams it back.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { CandleCache } from '../../adapters/store/candle-cache';
import { syncKlines } from '../../adapters/backtest/kline-sync';
import { createKlineSource, type KlineSourceOptions } from '../../adapters/exchange/shared/kline-venues';
import { openDatabase, type Db } from '../../adapters/store/database';
import { barsIn as bars } from '../../core/backtest/kline-range';
import { alignDown, intervalMs, type KlineKey } from '../../core/backtest/klines';
import type { Candle } from '../../core/strategies/types';
import { resolveDataDir } from '../../engine/data-dir';
import type { ExchangeSeries } from './backtest-options';

export interface CachedSeries {
  readonly db: Db;
  readonly key: KlineKey;
  readonly candles: Iterable<Candle>;
}

const iso = (t: number) => new Date(t).toISOString();

/**
 * Opens the app's database (the same cockpit.sqlite the engine uses, so the Backtest view lists
 * the series), fetches only the bars the cache lacks and reports fetched vs cached on `log`.
 * The caller closes `db` after iterating.
 */
export async function cacheExchangeSeries(s: ExchangeSeries, log: (line: string) => void, source: KlineSourceOptions = {}, now = Date.now): Promise<CachedSeries> {
  const dir = resolveDataDir(s.dataDir);
  mkdirSync(dir, { recursive: true });
  const db = openDatabase(join(dir, 'cockpit.sqlite'));
  try {
    const key: KlineKey = { exchange: s.exchange, symbol: s.symbol, interval: s.interval };
    const step = intervalMs(s.interval);
    const cache = new CandleCache(db);
    // The bar still forming can never be cached; asking for it would only report it missing.
    const to = Math.min(s.to, alignDown(now(), step) - step);
    const r = await syncKlines(createKlineSource(s.exchange, { ...source, baseUrl: s.baseUrl }), cache, key, s.from, to);
    const wanted = Math.max(0, bars([{ from: Math.ceil(s.from / step) * step, to: alignDown(to, step) }], step));
    const missing = bars(r.gapsFound, step);
    log(`${s.exchange} ${s.symbol} ${s.interval} ${iso(s.from)} → ${iso(to)}: ${wanted - missing} cached, ${r.fetched} fetched in ${r.pages} request(s)`);
    // Bars the venue does not have (before listing, maintenance, or not yet closed) stay missing.
    for (const g of r.unfilled.slice(0, 10)) log(`  no data from the exchange for ${iso(g.from)} → ${iso(g.to)} (${bars([g], step)} bar(s))`);
    if (r.unfilled.length > 10) log(`  … and ${r.unfilled.length - 10} more ranges without data`);
    if (wanted - bars(r.unfilled, step) <= 0) throw new Error(`no candles for ${s.symbol} ${s.interval} in that range on ${s.exchange}`);
    return { db, key, candles: cache.iterate(key, s.from, to) };
  } catch (err) {
    db.close();
    throw err;
  }
}

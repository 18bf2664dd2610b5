import { describe, expect, it } from 'vitest';
import { CandleCache } from '../../../src-main/adapters/store/candle-cache';
import { syncKlines } from '../../../src-main/adapters/backtest/kline-sync';
import { openDatabase } from '../../../src-main/adapters/store/database';
import { runBacktest } from '../../../src-main/core/backtest/backtester';
import { findGaps, type KlineSource } from '../../../src-main/core/backtest/klines';
import { createStrategy } from '../../../src-main/core/strategies/registry';
import type { Candle } from '../../../src-main/core/strategies/types';
import { walk } from './helpers';

const M = 60_000;
const T0 = 1_700_000_040_000 - (1_700_000_040_000 % M);
const key = { exchange: 'binance-spot', symbol: 'BTCUSDT', interval: '1m' };

/** An exchange stand-in: serves a fixed history in pages, can fail after N calls, can have holes. */
class MemorySource implements KlineSource {
  calls = 0;
  failAfter = Infinity;
  constructor(private readonly history: readonly Candle[]) {}
  async fetchKlines(req: { startTime: number; endTime: number; limit: number }): Promise<readonly Candle[]> {
    if (++this.calls > this.failAfter) throw new Error('connection reset');
    return this.history.filter((c) => c.time >= req.startTime && c.time <= req.endTime).slice(0, req.limit);
  }
}

describe('findGaps', () => {
  it('finds leading, inner and trailing holes on the interval grid', () => {
    expect(findGaps([2, 3, 6, 7].map((i) => i * M), M, 0, 9 * M)).toEqual([
      { from: 0, to: M },
      { from: 4 * M, to: 5 * M },
      { from: 8 * M, to: 9 * M },
    ]);
    expect(findGaps([0, M, 2 * M], M, 0, 2 * M)).toEqual([]);
  });
});

describe('klines cache with download, resume and gap repair', () => {
  const history = walk(2500, 5, T0, M);
  const to = T0 + 2499 * M;

  it('downloads in pages, resumes after an interruption without refetching, and streams back for a backtest', async () => {
    const db = openDatabase(':memory:');
    const cache = new CandleCache(db);
    const source = new MemorySource(history);
    source.failAfter = 2;
    await expect(syncKlines(source, cache, key, T0, to, 1000)).rejects.toThrow('connection reset');
    expect(cache.summary(key).count).toBe(2000); // the two pages that arrived are kept

    const resumed = new MemorySource(history);
    const r = await syncKlines(resumed, cache, key, T0, to, 1000);
    expect(r.gapsFound).toEqual([{ from: T0 + 2000 * M, to }]);
    expect(r.fetched).toBe(500);
    expect(resumed.calls).toBe(1);
    expect(r.unfilled).toEqual([]);
    expect([...cache.iterate(key)]).toEqual(history);

    const fromCache = runBacktest(cache.iterate(key), { strategy: createStrategy('sma-cross') });
    const fromMemory = runBacktest(history, { strategy: createStrategy('sma-cross') });
    expect(fromCache.trades).toEqual(fromMemory.trades);
    db.close();
  });

  it('detects and repairs holes, and reports ranges the exchange has no data for', async () => {
    const db = openDatabase(':memory:');
    const cache = new CandleCache(db);
    await syncKlines(new MemorySource(history), cache, key, T0, to);
    db.prepare('DELETE FROM candles WHERE open_time BETWEEN ? AND ?').run(T0 + 100 * M, T0 + 109 * M);
    db.prepare('DELETE FROM candles WHERE open_time = ?').run(T0 + 2000 * M);
    const holey = new MemorySource(history.filter((c) => c.time !== T0 + 2000 * M)); // exchange downtime
    const r = await syncKlines(holey, cache, key, T0, to);
    expect(r.gapsFound).toEqual([
      { from: T0 + 100 * M, to: T0 + 109 * M },
      { from: T0 + 2000 * M, to: T0 + 2000 * M },
    ]);
    expect(r.fetched).toBe(10);
    expect(r.unfilled).toEqual([{ from: T0 + 2000 * M, to: T0 + 2000 * M }]);
    const again = await syncKlines(holey, cache, key, T0, to);
    expect(again.fetched).toBe(0);
    db.close();
  });
});

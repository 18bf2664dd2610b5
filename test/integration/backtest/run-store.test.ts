import { describe, expect, it } from 'vitest';
import { BacktestRunStore } from '../../../src-main/adapters/store/run-store';
import { openDatabase } from '../../../src-main/adapters/store/database';
import { runBacktest } from '../../../src-main/core/backtest/backtester';
import { createStrategy } from '../../../src-main/core/strategies/registry';
import { walk } from './helpers';

describe('BacktestRunStore', () => {
  it('saves runs and reads them back for comparison', () => {
    const db = openDatabase(':memory:');
    const store = new BacktestRunStore(db);
    const candles = walk(2000, 8);
    const a = runBacktest(candles, { strategy: createStrategy('sma-cross'), maxEquityPoints: 200 });
    const b = runBacktest(candles, { strategy: createStrategy('rsi-momentum') });
    const ida = store.save({ strategy: 'sma-cross', params: { fast: 10, slow: 30 }, source: 'test', result: a, createdAt: 1 });
    const idb = store.save({ strategy: 'rsi-momentum', params: {}, source: 'test', result: b, createdAt: 2 });
    expect(store.list().map((r) => r.id)).toEqual([idb, ida]);
    const got = store.get(ida)!;
    expect(got.trades).toEqual(a.trades);
    expect(got.equity).toEqual(a.equity);
    expect(got.equity.length).toBeLessThanOrEqual(201);
    expect(got.metrics).toEqual(a.metrics);
    expect(got.params).toEqual({ fast: 10, slow: 30 });
    expect(store.delete(ida)).toBe(true);
    expect(store.get(ida)).toBeNull();
    db.close();
  });
});

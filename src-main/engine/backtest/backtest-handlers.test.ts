import { afterEach, describe, expect, it } from 'vitest';
import { BacktestRunInput, CallFailure, type BacktestProgress } from '../../../src-shared/contract';
import { tempDir } from '../../../test/support/temp-dir';
import { CandleCache } from '../../adapters/store/candle-cache';
import { BacktestRunStore } from '../../adapters/store/run-store';
import { openDatabase, type Db } from '../../adapters/store/database';
import { runBacktest } from '../../core/backtest/backtester';
import { batch } from '../../core/indicators';
import type { Candle } from '../../core/strategies/types';
import { createStrategy } from '../../core/strategies/registry';
import { EventBus } from '../event-bus';
import { backtestHandlers } from './backtest-handlers';
import { BacktestJobs } from './backtest-jobs';
import { loadSeries } from './chart-series';

const open: Array<{ db: Db; cleanup(): void }> = [];
afterEach(() => open.splice(0).forEach((o) => (o.db.close(), o.cleanup())));

function setup() {
  const dir = tempDir('cockpit-bt-handlers-');
  const db = openDatabase(`${dir.path}/cockpit.sqlite`);
  open.push({ db, cleanup: dir.cleanup });
  const bus = new EventBus();
  const progress: BacktestProgress[] = [];
  bus.on('backtest.progress', (p) => progress.push(p));
  return { db, bus, progress, handlers: backtestHandlers({ cache: new CandleCache(db), runs: new BacktestRunStore(db) }, bus) };
}

/** Hourly candles on a wave with a drift, so SMA crosses happen many times. */
function waves(n: number, start = 1_700_000_000_000): Candle[] {
  return Array.from({ length: n }, (_, i) => {
    const close = 100 + 15 * Math.sin(i / 25) + 4 * Math.sin(i / 7) + i * 0.01;
    const open = close - Math.cos(i / 3);
    return { time: start + i * 3_600_000, open, high: Math.max(open, close) + 0.5, low: Math.min(open, close) - 0.5, close, volume: 100 + (i % 17) };
  });
}

const csvOf = (candles: readonly Candle[]) => ['time,open,high,low,close,volume', ...candles.map((c) => [c.time, c.open, c.high, c.low, c.close, c.volume].join(','))].join('\n');

const until = (progress: BacktestProgress[], jobId: string) =>
  new Promise<BacktestProgress>((resolve) => {
    const check = () => {
      const last = progress.filter((p) => p.jobId === jobId && p.state !== 'running').at(-1);
      if (last) resolve(last);
      else setTimeout(check, 5);
    };
    check();
  });

describe('backtest handlers', () => {
  it('lists every registry strategy with its defaults and a JSON schema of its params', async () => {
    const { handlers } = setup();
    const list = await handlers.strategies();
    const sma = list.find((s) => s.name === 'sma-cross')!;
    expect(list.map((s) => s.name)).toContain('consensus');
    expect(sma.defaults).toEqual({ fast: 10, slow: 30 });
    expect((sma.schema.properties as Record<string, { type: string; minimum: number }>).fast).toMatchObject({ type: 'integer', minimum: 1 });
  });

  it('runs a CSV in the background, stores the run, and its trades and metrics equal a direct run of the core backtester', async () => {
    const { handlers, progress } = setup();
    const candles = waves(3000);
    const input = BacktestRunInput.parse({ strategy: 'sma-cross', params: { fast: 5, slow: 20 }, source: { kind: 'csv', name: 'waves.csv', text: csvOf(candles) }, fee: 0.001 });
    const { jobId, candles: total } = await handlers.run(input);
    expect(total).toBe(3000);
    const end = await until(progress, jobId);
    expect(end).toMatchObject({ state: 'done', done: 3000, total: 3000, error: null });

    const expected = runBacktest(candles, { strategy: createStrategy('sma-cross', { fast: 5, slow: 20 }), feeRate: 0.001 });
    expect(expected.trades.length).toBeGreaterThan(10);
    const run = await handlers.getRun({ id: end.runId!, maxCandles: 1500 });
    expect(run.trades).toEqual(expected.trades);
    expect(run.metrics).toEqual(expected.metrics);
    expect(run.params).toMatchObject({ fast: 5, slow: 20, fee: 0.001, risk: false });
    expect(run.sourceLabel).toBe('csv · waves.csv');
    // The CSV is now a cached series: the run's chart reads it back, aggregated 2:1 to fit 1500 candles.
    expect(run.chart.bucket).toBe(2);
    expect(run.chart.candles).toHaveLength(1500);
    expect(run.chart.candles[0]).toMatchObject({ time: candles[0]!.time, open: candles[0]!.open, close: candles[1]!.close, volume: candles[0]!.volume + candles[1]!.volume });
    expect((await handlers.listSeries())[0]).toMatchObject({ exchange: 'csv', interval: '1h', count: 3000 });
    expect((await handlers.listRuns({ limit: 10 })).map((r) => r.id)).toEqual([end.runId]);
  });

  it('refuses a CSV with bad rows, naming the line, before starting anything', async () => {
    const { handlers, progress } = setup();
    const text = `${csvOf(waves(50))}\n1800000000000,1,2,3,oops,5`;
    const input = BacktestRunInput.parse({ strategy: 'sma-cross', source: { kind: 'csv', name: 'bad.csv', text } });
    expect(() => handlers.run(input)).toThrow(CallFailure);
    expect(() => handlers.run(input)).toThrow(/line 52: close is not a number/);
    expect(progress).toEqual([]);
  });

  it('refuses params the strategy schema rejects', () => {
    const { handlers } = setup();
    const input = BacktestRunInput.parse({ strategy: 'sma-cross', params: { fast: 40, slow: 20 }, source: { kind: 'csv', name: 'a.csv', text: csvOf(waves(50)) } });
    expect(() => handlers.run(input)).toThrow(/fast must be shorter than slow/);
  });
});

describe('backtest jobs', () => {
  it('reports progress chunk by chunk from the cache and leaves the event loop free between chunks', async () => {
    const { db, bus, progress } = setup();
    const cache = new CandleCache(db);
    const key = { exchange: 'binance', symbol: 'BTCUSDT', interval: '1h' };
    cache.upsert(key, waves(10_000));
    const jobs = new BacktestJobs({ bus, cache, runs: new BacktestRunStore(db), chunkSize: 1000, progressEveryMs: 0 });
    let turns = 0;
    const ticker = setInterval(() => turns++, 0);
    const { finished } = jobs.start(BacktestRunInput.parse({ strategy: 'consensus', source: { kind: 'cache', ...key } }));
    const end = await finished;
    clearInterval(ticker);
    expect(end.state).toBe('done');
    const dones = progress.filter((p) => p.state === 'running').map((p) => p.done);
    expect(dones).toEqual([0, ...Array.from({ length: 10 }, (_, i) => (i + 1) * 1000)]);
    expect(turns).toBeGreaterThan(0); // timers fired while the run was going
    const expected = runBacktest(waves(10_000), { strategy: createStrategy('consensus') });
    expect(new BacktestRunStore(db).get(end.runId!)!.metrics).toEqual(expected.metrics);
  });

  it('cancels between chunks without storing a run', async () => {
    const { db, bus } = setup();
    const cache = new CandleCache(db);
    const key = { exchange: 'x', symbol: 'Y', interval: '1h' };
    cache.upsert(key, waves(10_000));
    const runs = new BacktestRunStore(db);
    const jobs = new BacktestJobs({ bus, cache, runs, chunkSize: 500 });
    const { jobId, finished } = jobs.start(BacktestRunInput.parse({ strategy: 'sma-cross', source: { kind: 'cache', ...key } }));
    expect(jobs.cancel(jobId)).toBe(true);
    expect((await finished).state).toBe('cancelled');
    expect(runs.list()).toEqual([]);
  });
});

describe('chart series', () => {
  it('aggregates OHLCV into buckets and samples overlays computed on the raw candles', () => {
    const { db } = setup();
    const cache = new CandleCache(db);
    const key = { exchange: 'x', symbol: 'Y', interval: '1h' };
    const candles = waves(100);
    cache.upsert(key, candles);
    const data = loadSeries(cache, key, -Infinity, Infinity, 10, [{ kind: 'sma', period: 5 }, { kind: 'bollinger', period: 20, stdDev: 2 }]);
    expect(data.bucket).toBe(10);
    expect(data.candles).toHaveLength(10);
    const first = candles.slice(0, 10);
    expect(data.candles[0]).toEqual({
      time: first[0]!.time,
      open: first[0]!.open,
      high: Math.max(...first.map((c) => c.high)),
      low: Math.min(...first.map((c) => c.low)),
      close: first[9]!.close,
      volume: first.reduce((s, c) => s + c.volume, 0),
    });
    const closes = candles.map((c) => c.close);
    const sma = batch.sma(closes, 5);
    const bb = batch.bollinger(closes, 20, 2);
    expect(data.overlays.map((o) => o.label)).toEqual(['SMA(5)', 'BB(20, 2) upper', 'BB(20, 2) middle', 'BB(20, 2) lower']);
    expect(data.overlays[0]!.values[0]).toBeCloseTo(sma[9]!, 10);
    expect(data.overlays[1]!.values[0]).toBeNull(); // still warming up after 10 candles
    expect(data.overlays[1]!.values[1]).toBeCloseTo(bb.upper[19]!, 10);
    expect(data.overlays[3]!.values[9]).toBeCloseTo(bb.lower[99]!, 10);
  });
});

// The app's kline download (`backtest.downloadKlines`) end to end in the engine: the contract's checks, the job against
// the real exchange simulator over HTTP, progress on the bus, a repeat that fetches only gaps, and failures in words.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { backtestService, KlineDownloadInput, type KlineDownloadProgress } from '../../../src-shared/contract';
import { CandleCache } from '../../../src-main/adapters/store/candle-cache';
import { BacktestRunStore } from '../../../src-main/adapters/store/run-store';
import { fetchSend, type HttpSend } from '../../../src-main/adapters/exchange/shared/http';
import { startSimulator, type Simulator } from '../../../src-main/adapters/exchange/simulator/server';
import { openDatabase, type Db } from '../../../src-main/adapters/store/database';
import { backtestHandlers } from '../../../src-main/engine/backtest/backtest-handlers';
import { createDispatcher } from '../../../src-main/engine/dispatcher';
import { EventBus } from '../../../src-main/engine/event-bus';
import { walk } from './helpers';

const H = 3_600_000;
const T0 = Date.UTC(2024, 0, 1);
const N = 2500; // three pages of at most 1000
const TO = T0 + (N - 1) * H;
const SYMBOL = 'BTCUSDT';
const contract = { backtest: backtestService };

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator();
  // The simulator builds candles from trade prints: four prints per bar reproduce each bar.
  for (const c of walk(N, 3, T0, H)) [c.open, c.high, c.low, c.close].forEach((price, k) => sim.futures.candles.trade(SYMBOL, price, c.volume / 4, c.time + k, ['1h']));
  for (const c of walk(N, 5, T0, H)) [c.open, c.high, c.low, c.close].forEach((price, k) => sim.binance.candles.trade(SYMBOL, price, c.volume / 4, c.time + k, ['1h']));
});
afterAll(() => sim.close());

const open: Db[] = [];
afterEach(() => open.splice(0).forEach((db) => db.close()));

/** An engine's backtest service on a fresh database, its downloads aimed at the simulator as the test harness does. */
function setup() {
  const db = openDatabase(':memory:');
  open.push(db);
  const bus = new EventBus();
  const progress: KlineDownloadProgress[] = [];
  bus.on('backtest.downloadProgress', (p) => progress.push(p));
  let klineCalls = 0;
  const send: HttpSend = (req) => (/\/klines?$/.test(new URL(req.url).pathname) && klineCalls++, fetchSend(req));
  const handlers = backtestHandlers({ cache: new CandleCache(db), runs: new BacktestRunStore(db) }, bus, { baseUrl: sim.httpUrl, source: { send, retry: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 10 } } });
  const dispatch = createDispatcher(contract, { backtest: handlers });
  const finished = (jobId: string) =>
    expect.poll(() => progress.filter((p) => p.jobId === jobId && p.state !== 'running').at(-1), { timeout: 10_000, interval: 10 }).toBeDefined().then(() => progress.filter((p) => p.jobId === jobId).at(-1)!);
  const download = async (input: Record<string, unknown>) => {
    const r = await dispatch('backtest.downloadKlines', input);
    if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
    const { jobId, total } = r.data as { jobId: string; total: number };
    return { jobId, total, final: await finished(jobId) };
  };
  return { db, dispatch, progress, download, klineCalls: () => klineCalls, handlers };
}

const range = { venue: 'binance-futures', symbol: SYMBOL, interval: '1h', from: T0, to: TO };

describe('backtest.downloadKlines', () => {
  it('downloads a range page by page with progress, lists the series, and runs a backtest on it', async () => {
    const t = setup();
    const { jobId, total, final } = await t.download(range);
    expect(total).toBe(N);
    const mine = t.progress.filter((p) => p.jobId === jobId);
    expect(mine.map((p) => [p.state, p.cached, p.fetched])).toEqual([
      ['running', 0, 0],
      ['running', 0, 1000],
      ['running', 0, 2000],
      ['running', 0, 2500],
      ['done', 0, 2500],
    ]);
    expect(final).toMatchObject({ venue: 'binance-futures', symbol: SYMBOL, interval: '1h', total: N, cached: 0, fetched: N, pages: 3, missing: 0, error: null });
    expect(t.klineCalls()).toBe(3);
    expect(await t.handlers.listSeries()).toEqual([{ exchange: 'binance-futures', symbol: SYMBOL, interval: '1h', count: N, first: T0, last: TO }]);

    const run = await t.dispatch('backtest.run', { strategy: 'sma-cross', source: { kind: 'cache', exchange: 'binance-futures', symbol: SYMBOL, interval: '1h' } });
    expect(run).toMatchObject({ ok: true, data: { candles: N } });
  });

  it('a second download of the same range fetches nothing; after a hole is cut, only the hole', async () => {
    const t = setup();
    await t.download(range);
    const again = await t.download(range);
    expect(again.final).toMatchObject({ state: 'done', total: N, cached: N, fetched: 0, pages: 0 });
    expect(t.klineCalls()).toBe(3);

    t.db.prepare('DELETE FROM candles WHERE open_time BETWEEN ? AND ?').run(T0 + 1200 * H, T0 + 1299 * H);
    const repaired = await t.download(range);
    expect(repaired.final).toMatchObject({ state: 'done', total: N, cached: N - 100, fetched: 100, pages: 1 });
    expect(t.klineCalls()).toBe(4);
    expect(new CandleCache(t.db).summary({ exchange: 'binance-futures', symbol: SYMBOL, interval: '1h' }).count).toBe(N);
  });

  it('a malformed reply ends the job failed, saying which venue, series and page, and caches nothing from it', async () => {
    const t = setup();
    sim.futures.faults.inject('/fapi/v1/klines', { kind: 'status', status: 200, body: '[[1704067200000, "4' });
    const { final } = await t.download(range);
    expect(final.state).toBe('failed');
    expect(final.error).toMatch(/^binance-futures BTCUSDT 1h klines from 2024-01-01T00:00:00.000Z: reply is not JSON/);
    expect(await t.handlers.listSeries()).toEqual([]);
  });

  it('a symbol the venue does not have ends failed in words, not "done, 0 bars"', async () => {
    const t = setup();
    const { final } = await t.download({ ...range, symbol: 'NOPEUSDT' });
    expect(final).toMatchObject({ state: 'failed', fetched: 0, missing: N });
    expect(final.error).toBe('binance-futures has no NOPEUSDT 1h candles between 2024-01-01T00:00:00Z and 2024-04-14T03:00:00Z. Is NOPEUSDT listed there?');
  });

  it('keeps the pages before a broken one; the next download fetches only the rest', async () => {
    const t = setup();
    const key = { exchange: 'binance', symbol: SYMBOL, interval: '1h' };
    sim.binance.faults.inject('/api/v3/klines', { kind: 'status', status: 200, body: 'oops' });
    expect((await t.download({ ...range, venue: 'binance', from: T0 + 1000 * H })).final.state).toBe('failed');
    expect(new CandleCache(t.db).summary(key).count).toBe(0);
    await t.download({ ...range, venue: 'binance', to: T0 + 999 * H });
    const rest = await t.download({ ...range, venue: 'binance' });
    expect(rest.final).toMatchObject({ state: 'done', cached: 1000, fetched: N - 1000, pages: 2 });
  });

  it('refuses bad input before any request: the contract checks symbol, interval, order and size of the range', async () => {
    const t = setup();
    const refused = async (input: Record<string, unknown>) => {
      const r = await t.dispatch('backtest.downloadKlines', { ...range, ...input });
      expect(r.ok).toBe(false);
      return r.ok ? null : r.error;
    };
    expect(await refused({ symbol: 'btcusdt' })).toMatchObject({ code: 'BAD_INPUT', message: expect.stringMatching(/symbol: must be an upper-case pair/) });
    expect(await refused({ symbol: 'BTC/USDT?x=1' })).toMatchObject({ code: 'BAD_INPUT' });
    expect(await refused({ venue: 'kraken' })).toMatchObject({ code: 'BAD_INPUT' });
    expect(await refused({ interval: '1w' })).toMatchObject({ code: 'BAD_INPUT' });
    expect(await refused({ venue: 'bybit-spot', interval: '8h' })).toMatchObject({ code: 'BAD_INPUT', message: expect.stringMatching(/bybit-spot has no 8h klines/) });
    expect(await refused({ from: TO, to: T0 })).toMatchObject({ code: 'BAD_INPUT', message: expect.stringMatching(/to: must be after from/) });
    expect(await refused({ interval: '1s', to: T0 + 2_000_000_000 })).toMatchObject({ code: 'BAD_INPUT', message: expect.stringMatching(/download it in parts/) });
    expect(await refused({ from: Date.UTC(2005, 0, 1) })).toMatchObject({ code: 'BAD_INPUT' });
    const future = Date.now() + 10 * H;
    expect(await refused({ from: future, to: future + 5 * H })).toMatchObject({ code: 'BAD_INPUT', message: expect.stringMatching(/has closed yet/) });
    expect(t.klineCalls()).toBe(0);
  });

  it('ignores a base URL sent by the caller: the engine alone chooses the host', async () => {
    const t = setup();
    expect(KlineDownloadInput.parse({ ...range, baseUrl: 'http://169.254.169.254' })).not.toHaveProperty('baseUrl');
    const r = await t.dispatch('backtest.downloadKlines', { ...range, to: T0 + 9 * H, baseUrl: 'http://169.254.169.254' });
    expect(r.ok).toBe(true);
    const { jobId } = (r as { data: { jobId: string } }).data;
    await expect.poll(() => t.progress.find((p) => p.jobId === jobId && p.state !== 'running')?.state).toBe('done');
  });

  it('refuses a second download of the same series while one runs', async () => {
    const t = setup();
    const first = await t.dispatch('backtest.downloadKlines', range);
    const second = await t.dispatch('backtest.downloadKlines', range);
    expect(first.ok).toBe(true);
    expect(second).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: 'binance-futures BTCUSDT 1h is already downloading; wait for it to finish.' } });
    await expect.poll(() => t.progress.some((p) => p.state === 'done'), { timeout: 10_000 }).toBe(true);
  });
});

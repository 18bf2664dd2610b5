import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CandleCache } from '../../../src-main/adapters/store/candle-cache';
import { syncKlines } from '../../../src-main/adapters/backtest/kline-sync';
import { fetchSend, type HttpSend } from '../../../src-main/adapters/exchange/shared/http';
import { createKlineSource, KLINE_VENUES, type KlineVenue } from '../../../src-main/adapters/exchange/shared/kline-venues';
import { startSimulator, type Simulator } from '../../../src-main/adapters/exchange/simulator/server';
import type { CandleBook } from '../../../src-main/adapters/exchange/simulator/candles';
import { openDatabase } from '../../../src-main/adapters/store/database';
import type { Candle } from '../../../src-main/core/strategies/types';
import run from '../../../src-main/cli/commands/backtest';
import { capture, csvOf, tempDir, writeCsv } from './helpers';

const H = 3_600_000;
const T0 = Date.UTC(2024, 0, 1);
const N = 2500; // three pages of at most 1000
const TO = T0 + (N - 1) * H;
const SYMBOL = 'BTCUSDT';

/** Cent prices and volumes in quarters, so the venues' decimal strings round-trip exactly. */
function history(n: number): Candle[] {
  let s = 7;
  const rnd = () => (s = (s * 16807) % 2147483647) / 2147483647;
  let p = 40_000;
  return Array.from({ length: n }, (_, i) => {
    const open = p;
    p = Math.round(p * (1 + (rnd() - 0.5) * 0.02) * 100) / 100;
    const high = Math.round(Math.max(open, p) * (1 + rnd() * 0.003) * 100) / 100;
    const low = Math.round(Math.min(open, p) * (1 - rnd() * 0.003) * 100) / 100;
    return { time: T0 + i * H, open, high, low, close: p, volume: 4 * (1 + Math.floor(rnd() * 500)) };
  });
}

/** The simulator builds candles from trade prints: four prints per bar reproduce its OHLCV. */
function seed(book: CandleBook, interval: string, candles: readonly Candle[]): void {
  for (const c of candles) {
    [c.open, c.high, c.low, c.close].forEach((price, k) => book.trade(SYMBOL, price, c.volume / 4, c.time + k, [interval]));
  }
}

/** Counts kline requests on their way to the simulator; can swap one reply for a broken one. */
function counting(): { send: HttpSend; klineCalls: () => number; breakCall: (n: number, text: string) => void } {
  let calls = 0;
  const broken = new Map<number, string>();
  return {
    klineCalls: () => calls,
    breakCall: (n, text) => broken.set(n, text),
    send: async (req) => {
      if (!/\/klines?$/.test(new URL(req.url).pathname)) return fetchSend(req);
      calls += 1;
      const res = await fetchSend(req);
      const text = broken.get(calls);
      return text === undefined ? res : { ...res, text };
    },
  };
}

const PATH: Record<KlineVenue, string> = { binance: '/api/v3/klines', 'binance-futures': '/fapi/v1/klines', 'bybit-spot': '/v5/market/kline', 'bybit-linear': '/v5/market/kline' };
const key = (exchange: KlineVenue) => ({ exchange, symbol: SYMBOL, interval: '1h' });
const series = history(N);
let sim: Simulator;

beforeAll(async () => {
  sim = await startSimulator();
  seed(sim.binance.candles, '1h', series);
  seed(sim.futures.candles, '1h', series);
  seed(sim.bybit.candles, '60', series); // Bybit names 1h "60"
});
afterAll(() => sim.close());

describe.each(KLINE_VENUES)('%s klines download into the candle cache', (venue) => {
  it('downloads the range page by page, equal to the venue series, then repairs a deleted slice with one request', async () => {
    const db = openDatabase(':memory:');
    const cache = new CandleCache(db);
    const first = counting();
    const r = await syncKlines(createKlineSource(venue, { baseUrl: sim.httpUrl, send: first.send }), cache, key(venue), T0, TO);
    expect(r).toMatchObject({ fetched: N, pages: 3, unfilled: [] });
    expect(first.klineCalls()).toBe(3);
    expect([...cache.iterate(key(venue))]).toEqual(series);

    db.prepare('DELETE FROM candles WHERE open_time BETWEEN ? AND ?').run(T0 + 1200 * H, T0 + 1299 * H);
    const second = counting();
    const again = await syncKlines(createKlineSource(venue, { baseUrl: sim.httpUrl, send: second.send }), cache, key(venue), T0, TO);
    expect(again.gapsFound).toEqual([{ from: T0 + 1200 * H, to: T0 + 1299 * H }]);
    expect(again.fetched).toBe(100);
    expect(second.klineCalls()).toBe(1);
    expect([...cache.iterate(key(venue))]).toEqual(series);
    db.close();
  });

  it('fails clearly on a malformed or wrongly shaped reply and caches nothing from it', async () => {
    const db = openDatabase(':memory:');
    const cache = new CandleCache(db);
    const sim_ = venue.startsWith('bybit') ? sim.bybit : venue === 'binance' ? sim.binance : sim.futures;
    sim_.faults.inject(PATH[venue], { kind: 'status', status: 200, body: '[[1704067200000, "4' });
    const source = () => createKlineSource(venue, { baseUrl: sim.httpUrl, retry: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 10 } });
    const malformed = venue.startsWith('bybit') ? /not a Bybit v5 envelope/ : /reply is not JSON/;
    await expect(syncKlines(source(), cache, key(venue), T0, TO)).rejects.toThrow(new RegExp(`^${venue} BTCUSDT 1h klines from 2024-01-01T00:00:00.000Z: .*${malformed.source}`));

    const wrong = venue.startsWith('bybit') ? { retCode: 0, retMsg: 'OK', result: { list: [{ start: 1 }] } } : [{ t: T0, o: '1' }];
    sim_.faults.inject(PATH[venue], { kind: 'status', status: 200, body: wrong });
    await expect(syncKlines(source(), cache, key(venue), T0, TO)).rejects.toThrow(/not a (Binance klines array|Bybit kline result)/);
    expect(cache.summary(key(venue)).count).toBe(0);
    db.close();
  });
});

describe('a broken page in the middle of a download', () => {
  it('keeps the whole pages before it, and the next sync sees the rest as a gap instead of a complete range', async () => {
    const db = openDatabase(':memory:');
    const cache = new CandleCache(db);
    const c = counting();
    c.breakCall(2, '[[1704067200000,"1","2"]]');
    await expect(syncKlines(createKlineSource('binance', { baseUrl: sim.httpUrl, send: c.send }), cache, key('binance'), T0, TO)).rejects.toThrow(/malformed reply|not a Binance klines array/);
    expect(cache.summary(key('binance')).count).toBe(1000);
    const resumed = await syncKlines(createKlineSource('binance', { baseUrl: sim.httpUrl }), cache, key('binance'), T0, TO);
    expect(resumed.gapsFound).toEqual([{ from: T0 + 1000 * H, to: TO }]);
    expect([...cache.iterate(key('binance'))]).toEqual(series);
    db.close();
  });
});

describe('cockpit backtest --exchange', () => {
  const dir = tempDir();
  const args = (...extra: string[]) => ['--strategy', 'sma-cross', '--exchange', 'bybit-linear', '--symbol', SYMBOL, '--interval', '1h', '--from', '2024-01-01T00:00:00Z', '--to', new Date(TO).toISOString(), '--base-url', sim.httpUrl, '--data', dir, ...extra];

  it('downloads once, then runs from the cache, printing the same JSON as the --csv path on the same candles', async () => {
    const first = await capture(run, args('--json'));
    expect(first.code).toBe(0);
    expect(first.err).toContain(': 0 cached, 2500 fetched in 3 request(s)');
    const second = await capture(run, args('--json'));
    expect(second.code).toBe(0);
    expect(second.err).toContain(': 2500 cached, 0 fetched in 0 request(s)');

    const csv = await capture(run, ['--strategy', 'sma-cross', '--csv', writeCsv(dir, 'series.csv', csvOf(series)), '--json']);
    const strip = (out: string) => {
      const { candlesPerSecond, ...rest } = JSON.parse(out) as Record<string, unknown>;
      expect(candlesPerSecond).toBeGreaterThan(0);
      return rest;
    };
    expect(Object.keys(JSON.parse(second.out))).toEqual(['candles', 'trades', 'metrics', 'candlesPerSecond']);
    expect(strip(second.out)).toEqual(strip(csv.out));
    expect(strip(first.out)).toEqual(strip(csv.out));
    expect((strip(first.out) as { candles: number }).candles).toBe(N);

    const db = openDatabase(join(dir, 'cockpit.sqlite'));
    expect(new CandleCache(db).summary(key('bybit-linear'))).toEqual({ count: N, first: T0, last: TO });
    db.close();
  });

  it('exits 1 with the venue and page in the message when the exchange answers garbage', async () => {
    sim.bybit.faults.inject('/v5/market/kline', { kind: 'status', status: 200, body: 'not json' });
    const r = await capture(run, args('--interval', '4h', '--json'));
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/^cockpit backtest: bybit-linear BTCUSDT 4h klines from 2024-01-01T00:00:00.000Z: reply is not a Bybit v5 envelope/m);
  });

  it('refuses mixed or incomplete sources as usage errors', async () => {
    expect((await capture(run, [...args(), '--csv', 'x.csv'])).code).toBe(2);
    expect((await capture(run, ['--strategy', 'sma-cross', '--exchange', 'kraken', '--symbol', SYMBOL, '--interval', '1h', '--from', '2024-01-01'])).err).toMatch(/--exchange must be one of/);
    expect((await capture(run, ['--strategy', 'sma-cross', '--exchange', 'bybit-spot', '--symbol', SYMBOL, '--interval', '8h', '--from', '2024-01-01'])).err).toMatch(/Bybit has no "8h" klines/);
  });
});

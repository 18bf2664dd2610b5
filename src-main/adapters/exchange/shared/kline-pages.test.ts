import { describe, expect, it } from 'vitest';
import { BybitEnvelope } from '../bybit/bybit-schemas';
import binanceReply from './fixtures/binance-klines-btcusdt-1h.json';
import bybitReply from './fixtures/bybit-kline-linear-btcusdt-60.json';
import { binanceKlinePage, bybitKlinePage, KlineReplyError } from './kline-pages';

const H = 3_600_000;
const T0 = Date.UTC(2024, 0, 1); // 1704067200000, the first bar in both fixtures
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

describe('Binance /api/v3/klines page (real reply format: 12 fields, prices as strings)', () => {
  it('maps open time and OHLCV, oldest first, and drops the bar still forming', () => {
    const asOf = T0 + 3 * H + 1_512_345; // during the fourth bar
    const page = binanceKlinePage(binanceReply, asOf);
    expect(page.map((c) => c.time)).toEqual([T0, T0 + H, T0 + 2 * H]);
    expect(page[0]).toEqual({ time: T0, open: 42283.58, high: 42554.57, low: 42261.02, close: 42475.23, volume: 1271.68108 });
  });

  it('keeps a bar whose close time has just passed', () => {
    expect(binanceKlinePage(binanceReply, T0 + 4 * H)).toHaveLength(4);
    expect(binanceKlinePage(binanceReply, T0 + 4 * H - 1)).toHaveLength(3);
  });

  it('rejects the whole page on a wrong shape, a non-numeric price or an impossible bar', () => {
    const asOf = T0 + 10 * H;
    expect(() => binanceKlinePage({ code: -1121, msg: 'Invalid symbol.' }, asOf)).toThrow(KlineReplyError);
    const short = clone(binanceReply);
    (short[1] as unknown[]).splice(4);
    expect(() => binanceKlinePage(short, asOf)).toThrow(/not a Binance klines array.*at 1/);
    const nan = clone(binanceReply);
    (nan[2] as unknown[])[4] = 'abc';
    expect(() => binanceKlinePage(nan, asOf)).toThrow(/not a number: abc/);
    const inverted = clone(binanceReply);
    (inverted[0] as unknown[])[2] = '1.0'; // high below open
    expect(() => binanceKlinePage(inverted, asOf)).toThrow(/bar 0 .*impossible OHLCV/);
    const shuffled = clone(binanceReply).reverse();
    expect(() => binanceKlinePage(shuffled, asOf)).toThrow(/not strictly increasing/);
  });

  it('accepts an empty page (no data in the window)', () => {
    expect(binanceKlinePage([], T0)).toEqual([]);
  });
});

describe('Bybit /v5/market/kline page (real reply format: strings, newest first)', () => {
  const result = BybitEnvelope.parse(bybitReply).result;

  it('sorts ascending, parses strings and drops the bar still forming', () => {
    const page = bybitKlinePage(result, H, bybitReply.time);
    expect(page.map((c) => c.time)).toEqual([T0, T0 + H, T0 + 2 * H]);
    expect(page[2]).toEqual({ time: T0 + 2 * H, open: 42610, high: 42641.9, low: 42500, close: 42582.1, volume: 2253.207 });
    expect(bybitKlinePage(result, H, T0 + 4 * H)).toHaveLength(4);
  });

  it('rejects a wrong shape, an empty price and a non-integer start time', () => {
    const asOf = T0 + 10 * H;
    expect(() => bybitKlinePage({ list: 'nope' }, H, asOf)).toThrow(/not a Bybit kline result/);
    expect(() => bybitKlinePage({ list: [['1704067200000', '1', '2', '0.5']] }, H, asOf)).toThrow(KlineReplyError);
    const empty = clone(result) as { list: string[][] };
    (empty.list[0] as string[])[3] = ''; // low missing
    expect(() => bybitKlinePage(empty, H, asOf)).toThrow(/impossible OHLCV/);
    const fractional = clone(result) as { list: string[][] };
    (fractional.list[1] as string[])[0] = '1704074400000.5';
    expect(() => bybitKlinePage(fractional, H, asOf)).toThrow(/row 1: startTime/);
  });
});

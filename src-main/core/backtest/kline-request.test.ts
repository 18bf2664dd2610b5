import { describe, expect, it } from 'vitest';
import { assertBinanceInterval, bybitIntervalName, pageWindow } from './kline-request';

const H = 3_600_000;

describe('kline request helpers', () => {
  it('names intervals the Bybit v5 way and refuses ones it lacks', () => {
    expect(['1m', '15m', '1h', '4h', '12h', '1d'].map(bybitIntervalName)).toEqual(['1', '15', '60', '240', '720', 'D']);
    expect(() => bybitIntervalName('8h')).toThrow(/Bybit has no "8h"/);
    expect(() => bybitIntervalName('1s')).toThrow(RangeError);
  });

  it('accepts Binance intervals on the epoch grid only', () => {
    expect(() => assertBinanceInterval('8h')).not.toThrow();
    expect(() => assertBinanceInterval('1w')).toThrow(/no "1w"/);
    expect(() => assertBinanceInterval('1M')).toThrow(RangeError);
  });

  it('caps a page window at `limit` bars (at most 1000) so either venue answers the same bars', () => {
    expect(pageWindow(0, 10_000 * H, 1000, '1h')).toEqual({ startTime: 0, endTime: 1000 * H - 1, limit: 1000 });
    expect(pageWindow(0, 10_000 * H, 5000, '1h').limit).toBe(1000);
    expect(pageWindow(0, 5 * H, 1000, '1h')).toEqual({ startTime: 0, endTime: 5 * H, limit: 1000 });
    expect(pageWindow(7 * H, 7 * H, 1, '1h')).toEqual({ startTime: 7 * H, endTime: 7 * H, limit: 1 });
  });
});

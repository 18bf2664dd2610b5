import { describe, expect, it } from 'vitest';
import { MarketBus } from './market-bus';
import type { BookTicker, Kline } from './types';

const k: Kline = { symbol: 'BTCUSDT', interval: '1m', openTime: 0, closeTime: 59_999, open: 1, high: 1, low: 1, close: 1, volume: 1, closed: false };

describe('MarketBus', () => {
  it('routes by symbol and interval, isolates failing listeners, unsubscribes', () => {
    const bus = new MarketBus();
    const got: number[] = [];
    bus.onKline('BTCUSDT', '1m', () => {
      throw new Error('broken consumer');
    });
    const off = bus.onKline('BTCUSDT', '1m', (x) => got.push(x.close));
    bus.onKline('ETHUSDT', '1m', () => got.push(-1));
    bus.publishKline(k);
    off();
    bus.publishKline(k);
    expect(got).toEqual([1]);
    expect(bus.listenerFailures).toBe(2);
  });

  it('routes book tickers by symbol and drops one older than the last published', () => {
    const bus = new MarketBus();
    const got: number[] = [];
    const t = (updateId: number, bidPrice: number): BookTicker => ({ symbol: 'BTCUSDT', bidPrice, bidQty: 1, askPrice: bidPrice + 1, askQty: 1, updateId });
    bus.onBookTicker('BTCUSDT', (x) => got.push(x.bidPrice));
    bus.publishBookTicker(t(5, 100));
    bus.publishBookTicker(t(4, 99)); // late frame after a reconnect
    bus.publishBookTicker(t(5, 100)); // Bybit's unchanged re-snapshot
    bus.publishBookTicker(t(6, 101));
    expect(got).toEqual([100, 100, 101]);
  });
});

import { describe, expect, it } from 'vitest';
import { PaperExchange } from './paper-exchange';
import type { Kline, MarketData } from './types';

const candle = (i: number, o: number, h: number, l: number, c: number): Kline => ({ symbol: 'BTCUSDT', interval: '1m', openTime: i * 60_000, closeTime: i * 60_000 + 59_999, open: o, high: h, low: l, close: c, volume: 10, closed: true });

/** Recorded candles as a market: subscribing replays them in order. */
function recorded(candles: Kline[]): MarketData {
  return {
    subscribeKlines: (_s, _i, on) => {
      candles.forEach(on);
      return () => undefined;
    },
    fetchKlines: async () => candles,
  };
}

const paper = (candles: Kline[], liquidityPerTick = Infinity) =>
  new PaperExchange({ market: recorded(candles), symbols: [{ symbol: 'BTCUSDT', base: 'BTC', quote: 'USDT' }], feeRate: 0.001, slippageBps: 5, liquidityPerTick, balances: { USDT: 10_000 }, now: () => 0 });

describe('paper exchange', () => {
  it('runs an emulated bracket on recorded candles with fees', async () => {
    const p = paper([candle(1, 100, 101, 99, 100), candle(2, 100, 100.5, 97.5, 98), candle(3, 98, 106, 98, 105)]);
    p.feedKline(candle(0, 100, 100, 100, 100));
    const b = await p.placeBracket({ symbol: 'BTCUSDT', side: 'BUY', quantity: 1, entryPrice: 98, takeProfit: 105, stopLoss: 95, clientOrderId: 'pb1' });
    expect(b.entry.status).toBe('NEW');
    p.subscribeKlines('BTCUSDT', '1m', () => undefined);
    expect(await p.queryOrder('BTCUSDT', 'pb1')).toMatchObject({ status: 'FILLED', avgPrice: 98 });
    expect(await p.queryOrder('BTCUSDT', 'pb1.tp')).toMatchObject({ status: 'FILLED' });
    expect(await p.queryOrder('BTCUSDT', 'pb1.sl')).toMatchObject({ status: 'EXPIRED' });
    const usdt = (await p.balances()).find((x) => x.asset === 'USDT')!.free;
    const exit = 105 * (1 - 0.0005);
    expect(usdt).toBeCloseTo(10_000 - 98 - 0.098 + exit - exit * 0.001, 6);
    expect(await p.positions()).toEqual([]);
  });

  it('fills a large market order partially across price steps', async () => {
    const p = paper([], 3);
    p.feedKline(candle(0, 100, 100, 100, 100));
    const o = await p.placeOrder({ symbol: 'BTCUSDT', side: 'BUY', type: 'MARKET', quantity: 10, clientOrderId: 'big' });
    expect(o).toMatchObject({ status: 'PARTIALLY_FILLED', filledQty: 3 });
    p.feedKline(candle(1, 100, 100, 100, 100)); // four steps, 3 each
    expect(await p.queryOrder('BTCUSDT', 'big')).toMatchObject({ status: 'FILLED', filledQty: 10 });
    await expect(p.placeOrder({ symbol: 'BTCUSDT', side: 'BUY', type: 'MARKET', quantity: 1, clientOrderId: 'big' })).rejects.toMatchObject({ kind: 'duplicate' });
  });
});

import { describe, expect, it } from 'vitest';
import { PaperExchange } from '../../core/exchange/paper-exchange';
import type { StoredOrder } from '../../core/exchange/reconcile';
import type { Fill, Kline, MarketData } from '../../core/exchange/types';
import { paperBook } from './paper-book';

const SYMBOLS = [{ symbol: 'BTCUSDT', base: 'BTC', quote: 'USDT' }];
const kline = (o: number, h: number, l: number, c: number): Kline => ({ symbol: 'BTCUSDT', interval: '1m', openTime: 0, closeTime: 59_999, open: o, high: h, low: l, close: c, volume: 1, closed: true });
const none: MarketData = { subscribeKlines: () => () => undefined, fetchKlines: async () => [] };
const fresh = () => new PaperExchange({ market: none, symbols: SYMBOLS, feeRate: 0.001, slippageBps: 0, liquidityPerTick: Infinity, balances: { USDT: 10_000 }, now: () => 0 });

const fill = (clientOrderId: string, side: 'BUY' | 'SELL', price: number, quantity: number): Fill => ({ clientOrderId, tradeId: `${clientOrderId}@${quantity}`, symbol: 'BTCUSDT', side, price, quantity, fee: 0, at: 0 });
const order = (clientOrderId: string, o: Partial<StoredOrder>): StoredOrder => ({ clientOrderId, symbol: 'BTCUSDT', side: 'SELL', type: 'STOP_MARKET', status: 'NEW', quantity: 1, filledQty: 0, reduceOnly: true, updatedAt: 0, ...o });

describe('paper book: what a restarted paper engine is given back', () => {
  it('balances and position from the fills (engine fee on each), resting orders only, bracket legs linked', () => {
    const orders = [
      order('e1', { side: 'BUY', type: 'MARKET', status: 'FILLED', quantity: 2, filledQty: 2, avgPrice: 100, role: 'entry' }),
      order('s1', { stopPrice: 85, quantity: 1.5, parentClientOrderId: 'e1', role: 'stop-loss' }),
      order('p1', { status: 'PENDING', stopPrice: 90, parentClientOrderId: 'e1' }),
      order('b1', { side: 'BUY', type: 'LIMIT', price: 90, role: 'entry' }),
      order('b1.tp', { type: 'TAKE_PROFIT_MARKET', stopPrice: 120, parentClientOrderId: 'b1', role: 'take-profit' }),
      order('b1.sl', { stopPrice: 80, parentClientOrderId: 'b1', role: 'stop-loss' }),
    ];
    const byId = new Map(orders.map((o) => [o.clientOrderId, o]));
    const book = paperBook({ fills: [fill('e1', 'BUY', 100, 2), fill('x1', 'SELL', 110, 0.5)], open: orders.filter((o) => !['FILLED'].includes(o.status)), order: (id) => byId.get(id) }, SYMBOLS, 0.001);
    expect(book.balanceChanges.BTC).toBeCloseTo(1.5, 12);
    expect(book.balanceChanges.USDT).toBeCloseTo(-200 - 0.2 + 55 - 0.055, 9);
    expect(book.positions).toEqual([{ symbol: 'BTCUSDT', side: 'LONG', quantity: 1.5, entryPrice: 100 }]);
    expect(book.orders.map((o) => [o.order.clientOrderId, o.activatesAfter, o.ocoWith])).toEqual([
      ['s1', undefined, undefined],
      ['b1', undefined, undefined],
      ['b1.tp', 'b1', 'b1.sl'],
      ['b1.sl', 'b1', 'b1.tp'],
    ]);
  });

  it('a restored stop keeps its id, sells the restored coins at its level on the next candle, and cash adds up', async () => {
    const stop = order('s1', { stopPrice: 85, quantity: 2, parentClientOrderId: 'e1', role: 'stop-loss' });
    const paper = fresh();
    expect(paper.restore(paperBook({ fills: [fill('e1', 'BUY', 100, 2)], open: [stop], order: () => undefined }, SYMBOLS, 0.001))).toEqual([]);
    expect(await paper.openOrders()).toMatchObject([{ clientOrderId: 's1', status: 'NEW', stopPrice: 85 }]);
    paper.feedKline(kline(100, 101, 80, 82));
    expect(await paper.queryOrder('BTCUSDT', 's1')).toMatchObject({ status: 'FILLED', filledQty: 2, avgPrice: 85 });
    const usdt = (await paper.balances()).find((b) => b.asset === 'USDT')!.free;
    expect(usdt).toBeCloseTo(10_000 - 200 - 0.2 + 170 - 0.17, 9);
    expect(await paper.positions()).toEqual([]);
  });

  it('an order it cannot rebuild (a trailing stop: the store keeps no distance) is answered, not silently dropped', () => {
    const trailing = order('t1', { type: 'TRAILING_STOP_MARKET' });
    expect(fresh().restore(paperBook({ fills: [], open: [trailing], order: () => undefined }, SYMBOLS, 0.001))).toEqual(['t1']);
  });
});

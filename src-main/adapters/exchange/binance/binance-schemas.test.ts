import { describe, expect, it } from 'vitest';
import { BinanceAccount, BinanceKlineEvent, BinanceKlines, BinanceOrder, BinanceOtocoReply, parseBinanceKlineFrame, toKlines, toSnapshot } from './binance-schemas';
import { otocoParams, spotOrderParams } from './binance-spot';
import { encodeParams } from '../shared/signing';

// Shapes as printed in Binance's API docs (spot REST and streams).
const ORDER_FULL = {
  symbol: 'BTCUSDT', orderId: 28, orderListId: -1, clientOrderId: '6gCrw2kRUAF9CvJDGP16IP', transactTime: 1507725176595,
  price: '0.00000000', origQty: '10.00000000', executedQty: '10.00000000', origQuoteOrderQty: '0.000000', cummulativeQuoteQty: '10.00000000',
  status: 'FILLED', timeInForce: 'GTC', type: 'MARKET', side: 'SELL', workingTime: 1507725176595, selfTradePreventionMode: 'NONE',
  fills: [{ price: '4000.00000000', qty: '1.00000000', commission: '4.00000000', commissionAsset: 'USDT', tradeId: 56 }],
};
const ORDER_QUERY = {
  symbol: 'LTCBTC', orderId: 1, orderListId: -1, clientOrderId: 'myOrder1', price: '0.1', origQty: '1.0', executedQty: '0.0', cummulativeQuoteQty: '0.0',
  status: 'NEW', timeInForce: 'GTC', type: 'LIMIT', side: 'BUY', stopPrice: '0.0', icebergQty: '0.0', time: 1499827319559, updateTime: 1499827319559,
  isWorking: true, workingTime: 1499827319559, origQuoteOrderQty: '0.000000', selfTradePreventionMode: 'NONE',
};
const CANCEL = { symbol: 'LTCBTC', origClientOrderId: 'myOrder1', orderId: 4, orderListId: -1, clientOrderId: 'cancelMyOrder1', transactTime: 1684804350068, price: '2.00000000', origQty: '1.00000000', executedQty: '0.00000000', cummulativeQuoteQty: '0.00000000', status: 'CANCELED', timeInForce: 'GTC', type: 'LIMIT', side: 'BUY', selfTradePreventionMode: 'NONE' };
const KLINES = [[1499040000000, '0.01634790', '0.80000000', '0.01575800', '0.01577100', '148976.11427815', 1499644799999, '2434.19055334', 308, '1756.87402397', '28.46694368', '0']];
const KLINE_EVENT = { e: 'kline', E: 1672515782136, s: 'BNBBTC', k: { t: 1672515780000, T: 1672515839999, s: 'BNBBTC', i: '1m', f: 100, L: 200, o: '0.0010', c: '0.0020', h: '0.0025', l: '0.0015', v: '1000', n: 100, x: false, q: '1.0000', V: '500', Q: '0.500', B: '123456' } };

describe('Binance parsers on documented responses', () => {
  it('parses order replies into snapshots', () => {
    expect(toSnapshot(BinanceOrder.parse(ORDER_FULL))).toMatchObject({ clientOrderId: '6gCrw2kRUAF9CvJDGP16IP', status: 'FILLED', type: 'MARKET', side: 'SELL', filledQty: 10, avgPrice: 1 });
    expect(toSnapshot(BinanceOrder.parse(ORDER_QUERY))).toMatchObject({ status: 'NEW', price: 0.1, stopPrice: undefined, quantity: 1, updatedAt: 1499827319559 });
    // A cancel reply's clientOrderId is the cancel request's; the order's own id is origClientOrderId.
    expect(toSnapshot(BinanceOrder.parse(CANCEL))).toMatchObject({ clientOrderId: 'myOrder1', status: 'CANCELED' });
  });
  it('rejects malformed replies', () => {
    expect(BinanceOrder.safeParse({ ...ORDER_QUERY, origQty: 'abc' }).success).toBe(false);
    expect(BinanceOrder.safeParse({ ...ORDER_QUERY, side: 'HOLD' }).success).toBe(false);
    expect(() => toSnapshot(BinanceOrder.parse({ ...ORDER_QUERY, status: 'WEIRD' }))).toThrow();
    expect(BinanceAccount.safeParse({ canTrade: true, balances: [{ asset: 'BTC', free: 'x', locked: '0' }] }).success).toBe(false);
    expect(BinanceOtocoReply.safeParse({ orderListId: 1, contingencyType: 'OTO', listClientOrderId: 'a', symbol: 'X', orderReports: [] }).success).toBe(false);
  });
  it('parses klines (REST rows and stream frames) identically through the fast and zod paths', () => {
    expect(toKlines('LTCBTC', '1d', BinanceKlines.parse(KLINES), 1499644800000)).toEqual([
      { symbol: 'LTCBTC', interval: '1d', openTime: 1499040000000, open: 0.0163479, high: 0.8, low: 0.015758, close: 0.015771, volume: 148976.11427815, closeTime: 1499644799999, closed: true },
    ]);
    const fast = parseBinanceKlineFrame(JSON.stringify(KLINE_EVENT));
    const viaZod = BinanceKlineEvent.parse(KLINE_EVENT).k;
    expect(fast).toEqual({ symbol: 'BNBBTC', interval: '1m', openTime: viaZod.t, closeTime: viaZod.T, open: viaZod.o, high: viaZod.h, low: viaZod.l, close: viaZod.c, volume: viaZod.v, closed: false, eventTime: 1672515782136 });
    expect(parseBinanceKlineFrame(JSON.stringify({ stream: 'bnbbtc@kline_1m', data: KLINE_EVENT }))).toEqual(fast);
    expect(parseBinanceKlineFrame(JSON.stringify({ ...KLINE_EVENT, k: { ...KLINE_EVENT.k, c: 'NaN' } }))).toBeUndefined();
    expect(parseBinanceKlineFrame(JSON.stringify({ ...KLINE_EVENT, k: { ...KLINE_EVENT.k, c: '' } }))).toBeUndefined();
    expect(parseBinanceKlineFrame(JSON.stringify({ result: null, id: 1 }))).toBeUndefined();
  });
});

describe('Binance request building', () => {
  it('builds POST /api/v3/order params per type', () => {
    expect(encodeParams(spotOrderParams({ symbol: 'BTCUSDT', side: 'BUY', type: 'LIMIT', quantity: 0.001, price: 25000.5, clientOrderId: 'c1' }))).toBe(
      'symbol=BTCUSDT&side=BUY&type=LIMIT&quantity=0.001&timeInForce=GTC&price=25000.5&newClientOrderId=c1&newOrderRespType=FULL',
    );
    expect(encodeParams(spotOrderParams({ symbol: 'BTCUSDT', side: 'SELL', type: 'STOP_MARKET', quantity: 1e-7, stopPrice: 9000, clientOrderId: 'c2' }))).toBe(
      'symbol=BTCUSDT&side=SELL&type=STOP_LOSS&quantity=0.0000001&stopPrice=9000&newClientOrderId=c2&newOrderRespType=FULL',
    );
    expect(encodeParams(spotOrderParams({ symbol: 'BTCUSDT', side: 'SELL', type: 'TRAILING_STOP_MARKET', quantity: 1, trailingBips: 150, clientOrderId: 'c3' }))).toContain('type=STOP_LOSS&quantity=1&trailingDelta=150');
  });
  it('builds OTOCO with the take-profit above and the stop below for a long, reversed for a short', () => {
    const long = new URLSearchParams(encodeParams(otocoParams({ symbol: 'BTCUSDT', side: 'BUY', quantity: 1, entryPrice: 100, takeProfit: 110, stopLoss: 95, clientOrderId: 'e1' })));
    expect([long.get('workingType'), long.get('pendingSide'), long.get('pendingAboveType'), long.get('pendingAboveStopPrice'), long.get('pendingBelowType'), long.get('pendingBelowStopPrice')]).toEqual(['LIMIT', 'SELL', 'TAKE_PROFIT', '110', 'STOP_LOSS', '95']);
    const short = new URLSearchParams(encodeParams(otocoParams({ symbol: 'BTCUSDT', side: 'SELL', quantity: 1, entryPrice: 100, takeProfit: 90, stopLoss: 105, clientOrderId: 'e2' })));
    expect([short.get('pendingSide'), short.get('pendingAboveType'), short.get('pendingAboveStopPrice'), short.get('pendingBelowType'), short.get('pendingBelowClientOrderId')]).toEqual(['BUY', 'STOP_LOSS', '105', 'TAKE_PROFIT', 'e2.tp']);
  });
});

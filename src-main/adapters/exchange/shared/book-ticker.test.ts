import { describe, expect, it } from 'vitest';
import { parseBinanceBookTicker, parseBybitBookTicker } from './book-ticker';

// Frames as printed in the venues' docs.
const SPOT = { u: 400900217, s: 'BNBUSDT', b: '25.35190000', B: '31.21000000', a: '25.36520000', A: '40.66000000' };
const FUTURES = { e: 'bookTicker', u: 400900217, E: 1568014460893, T: 1568014460891, s: 'BNBUSDT', b: '25.35190000', B: '31.21000000', a: '25.36520000', A: '40.66000000' };
const BYBIT = { topic: 'orderbook.1.BTCUSDT', type: 'snapshot', ts: 1672304484978, data: { s: 'BTCUSDT', b: [['16493.50', '0.006']], a: [['16611.00', '0.029']], u: 18521288, seq: 7961638724 }, cts: 1672304484976 };

describe('book ticker frames', () => {
  it('parses Binance spot, futures and combined-stream bookTicker frames', () => {
    expect(parseBinanceBookTicker(JSON.stringify(SPOT))).toEqual({ symbol: 'BNBUSDT', bidPrice: 25.3519, bidQty: 31.21, askPrice: 25.3652, askQty: 40.66, updateId: 400900217, eventTime: undefined });
    expect(parseBinanceBookTicker(JSON.stringify(FUTURES))).toMatchObject({ eventTime: 1568014460893, askQty: 40.66 });
    expect(parseBinanceBookTicker(JSON.stringify({ stream: 'bnbusdt@bookTicker', data: SPOT }))).toMatchObject({ symbol: 'BNBUSDT' });
  });

  it('parses a Bybit level-1 snapshot', () => {
    expect(parseBybitBookTicker(JSON.stringify(BYBIT))).toEqual({ symbol: 'BTCUSDT', bidPrice: 16493.5, bidQty: 0.006, askPrice: 16611, askQty: 0.029, updateId: 18521288, eventTime: 1672304484978 });
  });

  it('drops malformed frames and everything that is not a top-of-book', () => {
    expect(parseBinanceBookTicker(JSON.stringify({ ...SPOT, b: 'lots' }))).toBeUndefined();
    expect(parseBinanceBookTicker(JSON.stringify({ result: null, id: 1 }))).toBeUndefined();
    expect(parseBybitBookTicker(JSON.stringify({ ...BYBIT, topic: 'orderbook.50.BTCUSDT' }))).toBeUndefined();
    expect(parseBybitBookTicker(JSON.stringify({ ...BYBIT, type: 'delta' }))).toBeUndefined();
    expect(parseBybitBookTicker(JSON.stringify({ ...BYBIT, data: { ...BYBIT.data, a: [] } }))).toBeUndefined();
    expect(parseBybitBookTicker(JSON.stringify({ success: true, op: 'subscribe' }))).toBeUndefined();
  });
});

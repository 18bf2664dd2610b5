import { describe, expect, it } from 'vitest';
import { bybitBracketBody, bybitOrderBody, bybitTrailingStopBody } from './bybit';
import { BybitEnvelope, BybitExecutionTopic, BybitKlines, BybitOrderList, BybitPositionList, bybitExecutionFill, bybitKlines, bybitOrderRef, bybitPositions, bybitSnapshot, parseBybitKlineFrame } from './bybit-schemas';

// Shapes as printed in Bybit's v5 docs.
const REALTIME = {
  retCode: 0,
  retMsg: 'OK',
  result: {
    list: [
      {
        orderId: 'fd4300ae-7847-404e-b947-b46980a4d140', orderLinkId: 'test-000005', blockTradeId: '', symbol: 'ETHUSDT', price: '1600.00', qty: '0.10', side: 'Buy', isLeverage: '', positionIdx: 1,
        orderStatus: 'PartiallyFilled', cancelType: 'UNKNOWN', rejectReason: 'EC_NoError', avgPrice: '1599.5', leavesQty: '0.05', leavesValue: '80', cumExecQty: '0.05', cumExecValue: '79.975', cumExecFee: '0.048',
        timeInForce: 'GTC', orderType: 'Limit', stopOrderType: '', orderIv: '', triggerPrice: '0.00', takeProfit: '2500.00', stopLoss: '1500.00', tpTriggerBy: 'LastPrice', slTriggerBy: 'LastPrice',
        triggerDirection: 0, triggerBy: 'UNKNOWN', lastPriceOnCreated: '', reduceOnly: false, closeOnTrigger: false, smpType: 'None', smpGroup: 0, smpOrderId: '', tpslMode: 'Full',
        tpLimitPrice: '', slLimitPrice: '', placeType: '', createdTime: '1684738540559', updatedTime: '1684738540561',
      },
      {
        orderId: '2b1a8d39-0001', orderLinkId: '', symbol: 'ETHUSDT', price: '0', qty: '0.10', side: 'Sell', orderStatus: 'Untriggered', avgPrice: '', cumExecQty: '0', orderType: 'Market', stopOrderType: 'StopLoss',
        triggerPrice: '1500.00', reduceOnly: true, updatedTime: '1684738540600',
      },
    ],
    nextPageCursor: 'page_args%3Dfd4300ae',
    category: 'linear',
  },
  retExtInfo: {},
  time: 1684765770483,
};

describe('Bybit parsers on documented responses', () => {
  it('parses order/realtime, including venue-made TP/SL orders without an orderLinkId', () => {
    const env = BybitEnvelope.parse(REALTIME);
    const [entry, stop] = BybitOrderList.parse(env.result).list.map(bybitSnapshot);
    expect(entry).toMatchObject({ clientOrderId: 'test-000005', status: 'PARTIALLY_FILLED', type: 'LIMIT', side: 'BUY', quantity: 0.1, filledQty: 0.05, avgPrice: 1599.5, price: 1600 });
    expect(stop).toMatchObject({ clientOrderId: 'bybit:2b1a8d39-0001', status: 'NEW', type: 'STOP_MARKET', stopPrice: 1500, reduceOnly: true });
  });
  it('parses positions and klines (newest-first → oldest-first) and kline frames', () => {
    const pos = BybitPositionList.parse({ list: [{ symbol: 'BTCUSDT', side: 'Sell', size: '0.5', avgPrice: '30000' }, { symbol: 'ETHUSDT', side: '', size: '0', avgPrice: '0' }] });
    expect(bybitPositions(pos)).toEqual([{ symbol: 'BTCUSDT', side: 'SHORT', quantity: 0.5, entryPrice: 30000 }]);
    const k = BybitKlines.parse({ list: [['1670608800000', '17071', '17073', '17027', '17055.5', '268611', '15.74462667'], ['1670605200000', '17071.5', '17071.5', '17061', '17071', '4177', '0.24469757']] });
    expect(bybitKlines('BTCUSD', '60', 3_600_000, k, 1670608800000).map((x) => [x.openTime, x.closed])).toEqual([[1670605200000, true], [1670608800000, false]]);
    const frame = { topic: 'kline.5.BTCUSDT', data: [{ start: 1672324800000, end: 1672325099999, interval: '5', open: '16649.5', close: '16677', high: '16677', low: '16608', volume: '2.081', turnover: '34666.4005', confirm: false, timestamp: 1672324988882 }], ts: 1672324988882, type: 'snapshot' };
    expect(parseBybitKlineFrame(JSON.stringify(frame))).toMatchObject({ symbol: 'BTCUSDT', interval: '5', close: 16677, closed: false, eventTime: 1672324988882 });
    expect(parseBybitKlineFrame(JSON.stringify({ success: true, ret_msg: 'pong', op: 'ping' }))).toBeUndefined();
  });
  it('rejects malformed replies', () => {
    expect(BybitOrderList.safeParse({ list: [{ ...REALTIME.result.list[0], qty: 'lots' }] }).success).toBe(false);
    expect(() => bybitSnapshot(BybitOrderList.parse({ list: [{ ...REALTIME.result.list[0], orderStatus: 'Weird' }] }).list[0]!)).toThrow();
  });
});

// The private `execution` push as printed in the v5 docs (websocket/private/execution), trimmed of option-only fields.
const EXECUTION = {
  id: '592324803b2785-26fa-4214-9963-bdd4727f07be',
  topic: 'execution',
  creationTime: 1672364174455,
  data: [
    {
      category: 'linear', symbol: 'XRPUSDT', execFee: '0.005061', execId: '7e2ae69c-4edf-5800-a352-893d52b446aa', execPrice: '0.3374', execQty: '0.2', execType: 'Trade', execValue: '25.3065',
      isMaker: false, feeRate: '0.0002', tradeIv: '', markIv: '', blockTradeId: '', markPrice: '0.3391', indexPrice: '', underlyingPrice: '', leavesQty: '0.1', orderId: 'f6e324ff-99c2-4e89-9739-3086e47f9381',
      orderLinkId: 'ck-1', orderPrice: '0.3207', orderQty: '0.3', orderType: 'Market', stopOrderType: 'UNKNOWN', side: 'Sell', execTime: '1672364174443', isLeverage: '0', closedSize: '', seq: 4688002127,
    },
    { category: 'linear', symbol: 'XRPUSDT', execFee: '0', execId: 'f1', execPrice: '0.34', execQty: '0.3', execType: 'Funding', leavesQty: '0', orderId: 'x', orderLinkId: '', orderQty: '0', side: 'Buy', execTime: '1672364174500' },
  ],
};

describe('Bybit execution push', () => {
  it('becomes a fill keyed by the cumulative quantity after it (orderQty − leavesQty, float-safe); non-trades are skipped', () => {
    const [trade, funding] = BybitExecutionTopic.parse(EXECUTION).data;
    // 0.3 − 0.1 is 0.19999999999999998 in floats: the id must still match the order topic's cumExecQty "0.2".
    expect(bybitExecutionFill(trade!)).toEqual({ clientOrderId: 'ck-1', tradeId: 'ck-1@0.2', symbol: 'XRPUSDT', side: 'SELL', price: 0.3374, quantity: 0.2, fee: 0.005061, feeAsset: 'USDT', at: 1672364174443 });
    expect(bybitExecutionFill(funding!)).toBeUndefined();
    expect(BybitExecutionTopic.safeParse({ ...EXECUTION, data: [{ ...EXECUTION.data[0], execQty: 'a lot' }] }).success).toBe(false);
  });
});

describe('Bybit request building', () => {
  it('builds create bodies: limit, conditional stop with trigger direction, tpsl bracket', () => {
    expect(bybitOrderBody('linear', { symbol: 'BTCUSDT', side: 'BUY', type: 'LIMIT', quantity: 0.01, price: 25000, clientOrderId: 'x1' })).toEqual({ category: 'linear', symbol: 'BTCUSDT', side: 'Buy', orderType: 'Limit', qty: '0.01', orderLinkId: 'x1', price: '25000', timeInForce: 'GTC' });
    expect(bybitOrderBody('linear', { symbol: 'BTCUSDT', side: 'SELL', type: 'STOP_MARKET', quantity: 1, stopPrice: 90, reduceOnly: true, clientOrderId: 'x2' })).toMatchObject({ orderType: 'Market', triggerPrice: '90', triggerDirection: 2, reduceOnly: true });
    expect(bybitOrderBody('linear', { symbol: 'BTCUSDT', side: 'SELL', type: 'TAKE_PROFIT_MARKET', quantity: 1, stopPrice: 120, clientOrderId: 'x3' })).toMatchObject({ triggerDirection: 1 });
    expect(bybitBracketBody('linear', { symbol: 'BTCUSDT', side: 'BUY', quantity: 1, entryPrice: 100, takeProfit: 110, stopLoss: 95, clientOrderId: 'b' })).toMatchObject({ orderType: 'Limit', price: '100', takeProfit: '110', stopLoss: '95', tpslMode: 'Full', tpOrderType: 'Market', slOrderType: 'Market' });
    expect(() => bybitOrderBody('linear', { symbol: 'BTCUSDT', side: 'SELL', type: 'TRAILING_STOP_MARKET', quantity: 1, trailingBips: 50, clientOrderId: 'x4' })).toThrow(/trading-stop/);
  });

  it('attaches a stop to a market entry on create (tpsl, Full, market exit on the last price); never to another type', () => {
    expect(bybitOrderBody('linear', { symbol: 'BTCUSDT', side: 'BUY', type: 'MARKET', quantity: 10, stopLoss: 85, clientOrderId: 'e1' })).toEqual({ category: 'linear', symbol: 'BTCUSDT', side: 'Buy', orderType: 'Market', qty: '10', orderLinkId: 'e1', stopLoss: '85', slTriggerBy: 'LastPrice', tpslMode: 'Full', slOrderType: 'Market' });
    expect(() => bybitOrderBody('linear', { symbol: 'BTCUSDT', side: 'BUY', type: 'LIMIT', quantity: 1, price: 100, stopLoss: 85, clientOrderId: 'e2' })).toThrow(/MARKET/);
  });

  it('names an order by orderLinkId, or by orderId when the venue made it', () => {
    expect(bybitOrderRef('ck-1')).toEqual(['orderLinkId', 'ck-1']);
    expect(bybitOrderRef('bybit:2b1a8d39-0001')).toEqual(['orderId', '2b1a8d39-0001']);
  });

  it('builds the trading-stop body: a price distance, optional activation price, one-way full-position mode', () => {
    expect(bybitTrailingStopBody('BTCUSDT', 125.5)).toEqual({ category: 'linear', symbol: 'BTCUSDT', tpslMode: 'Full', positionIdx: 0, trailingStop: '125.5' });
    expect(bybitTrailingStopBody('ETHUSDT', 0.00001, 2500)).toMatchObject({ trailingStop: '0.00001', activePrice: '2500' });
    expect(() => bybitTrailingStopBody('BTCUSDT', 0)).toThrow(/positive/);
  });
});

// Runs in: engine.
import type { EngineEvent, EngineOrder } from '../../../core/exchange/matching/engine-types';
import type { Kline } from '../../../core/exchange/types';

const TYPE: Readonly<Record<EngineOrder['type'], string>> = {
  MARKET: 'MARKET',
  LIMIT: 'LIMIT',
  STOP_MARKET: 'STOP_LOSS',
  TAKE_PROFIT_MARKET: 'TAKE_PROFIT',
  TRAILING_STOP_MARKET: 'STOP_LOSS',
};

const s8 = (n: number | undefined): string => (n ?? 0).toFixed(8);

/** Binance's order status: pending OTOCO legs show PENDING_NEW until their working order fills. */
export const binanceStatus = (o: EngineOrder): string => (o.status === 'NEW' && !o.active ? 'PENDING_NEW' : o.status);

/** GET /api/v3/order shape, as Binance prints it (decimals as strings). */
export function binanceOrder(o: EngineOrder): Record<string, unknown> {
  return {
    symbol: o.symbol,
    orderId: o.orderId,
    orderListId: o.listId ?? -1,
    clientOrderId: o.clientOrderId,
    price: s8(o.price),
    origQty: s8(o.quantity),
    executedQty: s8(o.filledQty),
    cummulativeQuoteQty: s8(o.cumQuote),
    status: binanceStatus(o),
    timeInForce: 'GTC',
    type: TYPE[o.type],
    side: o.side,
    stopPrice: s8(o.stopPrice),
    ...(o.trailingBips ? { trailingDelta: o.trailingBips } : {}),
    icebergQty: '0.00000000',
    time: o.createdAt,
    updateTime: o.updatedAt,
    isWorking: o.active,
    workingTime: o.createdAt,
    origQuoteOrderQty: '0.00000000',
    selfTradePreventionMode: 'EXPIRE_MAKER',
  };
}

export function binanceKlineRow(k: Kline): unknown[] {
  return [k.openTime, s8(k.open), s8(k.high), s8(k.low), s8(k.close), s8(k.volume), k.closeTime, s8(k.volume * k.close), 1, '0', '0', '0'];
}

export function binanceKlineEvent(k: Kline, eventTime: number): Record<string, unknown> {
  return {
    e: 'kline',
    E: eventTime,
    s: k.symbol,
    k: { t: k.openTime, T: k.closeTime, s: k.symbol, i: k.interval, f: 0, L: 0, o: s8(k.open), c: s8(k.close), h: s8(k.high), l: s8(k.low), v: s8(k.volume), n: 1, x: k.closed, q: '0', V: '0', Q: '0', B: '0' },
  };
}

/** User-data `executionReport` for one engine event (uses the event's snapshot, not the live order). */
export function executionReport(ev: EngineEvent, eventTime: number): Record<string, unknown> {
  const o = ev.order;
  const f = ev.fill;
  return {
    e: 'executionReport',
    E: eventTime,
    s: o.symbol,
    c: o.clientOrderId,
    S: o.side,
    o: TYPE[o.type],
    f: 'GTC',
    q: s8(o.quantity),
    p: s8(o.price),
    P: s8(o.stopPrice),
    x: f ? 'TRADE' : o.status === 'NEW' ? 'NEW' : o.status,
    X: o.status,
    i: Number(o.exchangeOrderId),
    l: s8(f?.quantity),
    z: s8(o.filledQty),
    L: s8(f?.price),
    n: s8(f?.fee),
    N: f ? (f.feeAsset ?? null) : null,
    T: o.updatedAt,
    t: f ? Number(f.tradeId) : -1,
    Z: s8((o.avgPrice ?? 0) * o.filledQty),
  };
}

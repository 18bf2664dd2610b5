// Runs in: engine.
import { z } from 'zod';
import { fillId } from '../../../core/exchange/fill-id';
import type { Fill, Kline, OrderSnapshot, OrderStatus, Position } from '../../../core/exchange/types';

const num = z.string().transform((v, ctx) => {
  const n = v === '' ? 0 : Number(v);
  if (!Number.isFinite(n)) {
    ctx.addIssue({ code: 'custom', message: `not a number: ${v}` });
    return z.NEVER;
  }
  return n;
});

/** Every Bybit v5 reply: HTTP 200 with retCode; non-zero means failure. */
export const BybitEnvelope = z.object({ retCode: z.number(), retMsg: z.string(), result: z.unknown(), time: z.number().optional() });

export const BybitTime = z.object({ timeSecond: z.string(), timeNano: z.string() });

export const BybitOrder = z.object({
  orderId: z.string(),
  orderLinkId: z.string(),
  symbol: z.string(),
  side: z.enum(['Buy', 'Sell']),
  orderType: z.enum(['Market', 'Limit']),
  price: num,
  qty: num,
  orderStatus: z.string(),
  avgPrice: num,
  cumExecQty: num,
  stopOrderType: z.string(),
  triggerPrice: num,
  reduceOnly: z.boolean(),
  updatedTime: z.string(),
});
export const BybitOrderList = z.object({ list: z.array(BybitOrder) });

export const BybitPositionList = z.object({ list: z.array(z.object({ symbol: z.string(), side: z.enum(['Buy', 'Sell', '']), size: num, avgPrice: num })) });
export const BybitWallet = z.object({ list: z.array(z.object({ coin: z.array(z.object({ coin: z.string(), walletBalance: num, locked: num })) })) });
export const BybitKlines = z.object({ list: z.array(z.tuple([z.string(), num, num, num, num, num, num])) });
export const BybitApiKeyInfo = z.object({ readOnly: z.number(), permissions: z.record(z.string(), z.array(z.string())) });

const STATUS: Readonly<Record<string, OrderStatus>> = {
  Created: 'NEW',
  New: 'NEW',
  Untriggered: 'NEW',
  Triggered: 'NEW',
  PartiallyFilled: 'PARTIALLY_FILLED',
  Filled: 'FILLED',
  Cancelled: 'CANCELED',
  PartiallyFilledCanceled: 'CANCELED',
  Rejected: 'REJECTED',
  Deactivated: 'EXPIRED',
};

/** Orders the venue makes (position TP/SL, trailing stops) carry no orderLinkId: they are keyed by orderId under this prefix. */
export const VENUE_MADE = 'bybit:';

/** The field that names an order in a request: its orderLinkId, or for a venue-made order its orderId. */
export const bybitOrderRef = (clientOrderId: string): ['orderId' | 'orderLinkId', string] =>
  clientOrderId.startsWith(VENUE_MADE) ? ['orderId', clientOrderId.slice(VENUE_MADE.length)] : ['orderLinkId', clientOrderId];

export function bybitSnapshot(o: z.infer<typeof BybitOrder>): OrderSnapshot {
  const status = STATUS[o.orderStatus];
  if (!status) throw new Error(`unknown Bybit order status ${o.orderStatus}`);
  const type = o.stopOrderType === 'StopLoss' || o.stopOrderType === 'Stop' ? 'STOP_MARKET' : o.stopOrderType === 'TakeProfit' ? 'TAKE_PROFIT_MARKET' : o.stopOrderType === 'TrailingStop' ? 'TRAILING_STOP_MARKET' : o.orderType === 'Limit' ? 'LIMIT' : 'MARKET';
  return {
    // Venue-made orders (position TP/SL on real Bybit) carry no orderLinkId: key them by orderId.
    clientOrderId: o.orderLinkId || `${VENUE_MADE}${o.orderId}`,
    exchangeOrderId: o.orderId,
    symbol: o.symbol,
    side: o.side === 'Buy' ? 'BUY' : 'SELL',
    type,
    status,
    quantity: o.qty,
    price: o.orderType === 'Limit' && o.price > 0 ? o.price : undefined,
    stopPrice: o.triggerPrice > 0 ? o.triggerPrice : undefined,
    filledQty: o.cumExecQty,
    avgPrice: o.cumExecQty > 0 ? o.avgPrice : undefined,
    reduceOnly: o.reduceOnly,
    updatedAt: Number(o.updatedTime),
  };
}

export const bybitPositions = (r: z.infer<typeof BybitPositionList>): Position[] =>
  r.list.filter((p) => p.size > 0 && p.side !== '').map((p) => ({ symbol: p.symbol, side: p.side === 'Buy' ? 'LONG' : 'SHORT', quantity: p.size, entryPrice: p.avgPrice }));

/** Bybit lists newest first; Kline consumers want oldest first. */
export const bybitKlines = (symbol: string, interval: string, intervalMs: number, r: z.infer<typeof BybitKlines>, now: number): Kline[] =>
  r.list
    .map((row) => ({ symbol, interval, openTime: Number(row[0]), open: row[1], high: row[2], low: row[3], close: row[4], volume: row[5], closeTime: Number(row[0]) + intervalMs - 1, closed: Number(row[0]) + intervalMs <= now }))
    .sort((a, b) => a.openTime - b.openTime);

const BybitKlineFrame = z.object({ topic: z.string(), ts: z.number().optional(), data: z.array(z.object({ start: z.number(), end: z.number(), interval: z.string(), open: num, close: num, high: num, low: num, volume: num, confirm: z.boolean() })) });

export function parseBybitKlineFrame(text: string): Kline | undefined {
  const r = BybitKlineFrame.safeParse(JSON.parse(text));
  if (!r.success || !r.data.topic.startsWith('kline.')) return undefined;
  const d = r.data.data[r.data.data.length - 1];
  if (!d) return undefined;
  return { symbol: r.data.topic.split('.')[2] ?? '', interval: d.interval, openTime: d.start, closeTime: d.end, open: d.open, high: d.high, low: d.low, close: d.close, volume: d.volume, closed: d.confirm, eventTime: r.data.ts };
}

/** One entry of the private `execution` topic (v5 docs: websocket/private/execution). */
export const BybitExecution = z.object({
  category: z.string(),
  symbol: z.string(),
  orderId: z.string(),
  orderLinkId: z.string(),
  side: z.enum(['Buy', 'Sell']),
  orderQty: num,
  leavesQty: num,
  execId: z.string(),
  execPrice: num,
  execQty: num,
  execFee: num,
  execType: z.string(),
  execTime: z.string(),
});
export const BybitExecutionTopic = z.object({ topic: z.literal('execution'), data: z.array(BybitExecution) });

/**
 * A trade execution → Fill; undefined for funding, ADL and other non-trade executions. The fill id
 * is the cumulative quantity after it (orderQty − leavesQty), the same key the order topic and a REST
 * query produce, so one fill seen three ways is stored once. Rounded because 0.3 − 0.1 ≠ 0.2 in floats.
 */
export function bybitExecutionFill(e: z.infer<typeof BybitExecution>): Fill | undefined {
  if (e.execType !== 'Trade' || !(e.execQty > 0)) return undefined;
  const clientOrderId = e.orderLinkId || `${VENUE_MADE}${e.orderId}`;
  const cumulative = Number((e.orderQty - e.leavesQty).toFixed(10));
  // Linear contracts settle (and charge fees) in USDT; spot fees are in the received coin, not known here.
  const feeAsset = e.category === 'linear' ? 'USDT' : undefined;
  return { clientOrderId, tradeId: fillId(clientOrderId, cumulative), symbol: e.symbol, side: e.side === 'Buy' ? 'BUY' : 'SELL', price: e.execPrice, quantity: e.execQty, fee: e.execFee, feeAsset, at: Number(e.execTime) };
}

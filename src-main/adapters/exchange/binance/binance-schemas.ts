// Runs in: engine.
import { z } from 'zod';
import { fillId } from '../../../core/exchange/fill-id';
import type { Balance, Fill, Kline, OrderSnapshot, OrderStatus, OrderType } from '../../../core/exchange/types';

/** Binance replies are untrusted input: every one is parsed here before use. */
const num = z.union([z.string(), z.number()]).transform((v, ctx) => {
  const n = typeof v === 'number' ? v : Number(v);
  if (!Number.isFinite(n)) {
    ctx.addIssue({ code: 'custom', message: `not a number: ${v}` });
    return z.NEVER;
  }
  return n;
});

export const BinanceErrorBody = z.object({ code: z.number(), msg: z.string() });
export const BinanceServerTime = z.object({ serverTime: z.number() });

export const BinanceOrder = z.object({
  symbol: z.string(),
  orderId: z.number(),
  orderListId: z.number().optional(),
  clientOrderId: z.string(),
  origClientOrderId: z.string().optional(),
  price: num.optional(),
  origQty: num,
  executedQty: num,
  cummulativeQuoteQty: num.optional(),
  status: z.string(),
  type: z.string(),
  side: z.enum(['BUY', 'SELL']),
  stopPrice: num.optional(),
  trailingDelta: z.number().optional(),
  time: z.number().optional(),
  updateTime: z.number().optional(),
  transactTime: z.number().optional(),
});
export type BinanceOrder = z.infer<typeof BinanceOrder>;

export const BinanceOrderList = z.array(BinanceOrder);

/** POST /api/v3/order/cancelReplace, both parts succeeded. */
export const BinanceCancelReplaceReply = z.object({
  cancelResult: z.literal('SUCCESS'),
  newOrderResult: z.literal('SUCCESS'),
  cancelResponse: BinanceOrder,
  newOrderResponse: BinanceOrder,
});

export const BinanceOtocoReply = z.object({
  orderListId: z.number(),
  contingencyType: z.string(),
  listClientOrderId: z.string(),
  symbol: z.string(),
  orderReports: z.array(BinanceOrder).length(3),
});

export const BinanceAccount = z.object({
  canTrade: z.boolean(),
  canWithdraw: z.boolean().optional(),
  balances: z.array(z.object({ asset: z.string(), free: num, locked: num })),
});

export const BinanceApiRestrictions = z.object({ enableWithdrawals: z.boolean(), enableReading: z.boolean().optional(), enableSpotAndMarginTrading: z.boolean().optional() });

const klineRow = z.tuple([z.number(), num, num, num, num, num, z.number()]).rest(z.unknown());
export const BinanceKlines = z.array(klineRow);

export const BinanceKlineEvent = z.object({
  e: z.literal('kline'),
  E: z.number(),
  s: z.string(),
  k: z.object({ t: z.number(), T: z.number(), s: z.string(), i: z.string(), o: num, c: num, h: num, l: num, v: num, x: z.boolean() }),
});

const STATUS: Readonly<Record<string, OrderStatus>> = {
  NEW: 'NEW',
  PENDING_NEW: 'NEW',
  PARTIALLY_FILLED: 'PARTIALLY_FILLED',
  FILLED: 'FILLED',
  CANCELED: 'CANCELED',
  PENDING_CANCEL: 'NEW',
  REJECTED: 'REJECTED',
  EXPIRED: 'EXPIRED',
  EXPIRED_IN_MATCH: 'EXPIRED',
};

function orderType(type: string, trailing: boolean): OrderType {
  if (trailing) return 'TRAILING_STOP_MARKET';
  if (type === 'STOP_LOSS' || type === 'STOP_LOSS_LIMIT' || type === 'STOP_MARKET') return 'STOP_MARKET';
  if (type === 'TAKE_PROFIT' || type === 'TAKE_PROFIT_LIMIT' || type === 'TAKE_PROFIT_MARKET') return 'TAKE_PROFIT_MARKET';
  if (type === 'TRAILING_STOP_MARKET') return 'TRAILING_STOP_MARKET';
  if (type === 'MARKET') return 'MARKET';
  return 'LIMIT';
}

export function toSnapshot(o: BinanceOrder, reduceOnly = false): OrderSnapshot {
  const status = STATUS[o.status];
  if (!status) throw new Error(`unknown Binance order status ${o.status}`);
  const quote = o.cummulativeQuoteQty ?? 0;
  return {
    clientOrderId: o.status === 'CANCELED' && o.origClientOrderId ? o.origClientOrderId : o.clientOrderId,
    exchangeOrderId: String(o.orderId),
    symbol: o.symbol,
    side: o.side,
    type: orderType(o.type, o.trailingDelta !== undefined && o.trailingDelta > 0),
    status,
    quantity: o.origQty,
    price: o.price !== undefined && o.price > 0 ? o.price : undefined,
    stopPrice: o.stopPrice !== undefined && o.stopPrice > 0 ? o.stopPrice : undefined,
    filledQty: o.executedQty,
    avgPrice: o.executedQty > 0 && quote > 0 ? quote / o.executedQty : undefined,
    reduceOnly,
    updatedAt: o.updateTime ?? o.transactTime ?? o.time ?? 0,
  };
}

export const toBalances = (a: z.infer<typeof BinanceAccount>): Balance[] => a.balances.map((b) => ({ asset: b.asset, free: b.free, locked: b.locked }));

export const toKlines = (symbol: string, interval: string, rows: z.infer<typeof BinanceKlines>, now: number): Kline[] =>
  rows.map((r) => ({ symbol, interval, openTime: r[0], open: r[1], high: r[2], low: r[3], close: r[4], volume: r[5], closeTime: r[6], closed: r[6] < now }));

const finite = (v: unknown): number => {
  const n = typeof v === 'string' ? Number(v) : typeof v === 'number' ? v : NaN;
  return v === '' ? NaN : n;
};

/**
 * One raw-stream kline frame → Kline; undefined for anything else (a combined-stream wrapper is
 * unwrapped). Hot path: the same checks as BinanceKlineEvent, hand-written, because a zod parse per
 * frame halves throughput. A frame with any missing or non-numeric field is dropped.
 */
export function parseBinanceKlineFrame(text: string): Kline | undefined {
  let v = JSON.parse(text) as Record<string, unknown> | null;
  if (v === null || typeof v !== 'object') return undefined;
  if ('stream' in v && typeof v.data === 'object') v = v.data as Record<string, unknown> | null;
  if (v === null || v.e !== 'kline' || typeof v.k !== 'object' || v.k === null) return undefined;
  const k = v.k as Record<string, unknown>;
  const open = finite(k.o);
  const high = finite(k.h);
  const low = finite(k.l);
  const close = finite(k.c);
  const volume = finite(k.v);
  if (typeof k.s !== 'string' || typeof k.i !== 'string' || typeof k.x !== 'boolean' || !Number.isSafeInteger(k.t) || !Number.isSafeInteger(k.T)) return undefined;
  if (!Number.isFinite(open) || !Number.isFinite(high) || !Number.isFinite(low) || !Number.isFinite(close) || !Number.isFinite(volume)) return undefined;
  return { symbol: k.s, interval: k.i, openTime: k.t as number, closeTime: k.T as number, open, high, low, close, volume, closed: k.x, eventTime: typeof v.E === 'number' ? v.E : undefined };
}

/** Spot user-data `executionReport` (WS API subscription event). */
export const BinanceExecutionReport = z.object({
  e: z.literal('executionReport'),
  E: z.number(),
  s: z.string(),
  c: z.string(),
  C: z.string().optional(),
  S: z.enum(['BUY', 'SELL']),
  o: z.string(),
  q: num,
  p: num,
  P: num,
  x: z.string(),
  X: z.string(),
  i: z.number(),
  l: num,
  z: num,
  L: num,
  n: num,
  N: z.string().nullable(),
  T: z.number(),
  t: z.number(),
  Z: num,
});
export type BinanceExecutionReport = z.infer<typeof BinanceExecutionReport>;

export function executionToSnapshot(r: BinanceExecutionReport): { order: OrderSnapshot; fill?: Fill } {
  // On a cancel, `c` is the cancel request's id and `C` the order's own.
  const clientOrderId = r.X === 'CANCELED' && r.C ? r.C : r.c;
  const order = toSnapshot({ symbol: r.s, orderId: r.i, clientOrderId, side: r.S, type: r.o, status: r.X, origQty: r.q, executedQty: r.z, cummulativeQuoteQty: r.Z, price: r.p, stopPrice: r.P, updateTime: r.T });
  const fill: Fill | undefined = r.x === 'TRADE' && r.l > 0 ? { clientOrderId, tradeId: fillId(clientOrderId, r.z), symbol: r.s, side: r.S, price: r.L, quantity: r.l, fee: r.n, feeAsset: r.N ?? undefined, at: r.T } : undefined;
  return { order, fill };
}

// Runs in: engine.
import { z } from 'zod';
import type { Balance, OrderSnapshot, OrderStatus, OrderType, Position } from '../../../core/exchange/types';

const num = z.union([z.string(), z.number()]).transform((v, ctx) => {
  const n = typeof v === 'number' ? v : Number(v);
  if (!Number.isFinite(n) || v === '') {
    ctx.addIssue({ code: 'custom', message: `not a number: ${v}` });
    return z.NEVER;
  }
  return n;
});

export const FuturesOrder = z.object({
  orderId: z.number(),
  symbol: z.string(),
  status: z.string(),
  clientOrderId: z.string(),
  price: num,
  avgPrice: num,
  origQty: num,
  executedQty: num,
  type: z.string(),
  side: z.enum(['BUY', 'SELL']),
  reduceOnly: z.boolean(),
  updateTime: z.number(),
});

export const FuturesAlgoOrder = z.object({
  algoId: z.number(),
  clientAlgoId: z.string(),
  algoType: z.literal('CONDITIONAL'),
  orderType: z.string(),
  symbol: z.string(),
  side: z.enum(['BUY', 'SELL']),
  quantity: num,
  algoStatus: z.string(),
  triggerPrice: num.optional(),
  reduceOnly: z.boolean().optional(),
  executedQty: num.optional(),
  avgPrice: num.optional(),
  updateTime: z.number().optional(),
  createTime: z.number().optional(),
});

export const FuturesPositions = z.array(z.object({ symbol: z.string(), positionAmt: num, entryPrice: num }));
export const FuturesBalances = z.array(z.object({ asset: z.string(), balance: num, availableBalance: num }));
export const ListenKeyReply = z.object({ listenKey: z.string().min(1) });

const PLAIN_STATUS: Readonly<Record<string, OrderStatus>> = { NEW: 'NEW', PARTIALLY_FILLED: 'PARTIALLY_FILLED', FILLED: 'FILLED', CANCELED: 'CANCELED', REJECTED: 'REJECTED', EXPIRED: 'EXPIRED', EXPIRED_IN_MATCH: 'EXPIRED' };

export function futuresSnapshot(o: z.infer<typeof FuturesOrder>): OrderSnapshot {
  const status = PLAIN_STATUS[o.status];
  if (!status) throw new Error(`unknown futures order status ${o.status}`);
  return {
    clientOrderId: o.clientOrderId,
    exchangeOrderId: String(o.orderId),
    symbol: o.symbol,
    side: o.side,
    type: o.type === 'MARKET' ? 'MARKET' : 'LIMIT',
    status,
    quantity: o.origQty,
    price: o.price > 0 ? o.price : undefined,
    filledQty: o.executedQty,
    avgPrice: o.executedQty > 0 ? o.avgPrice : undefined,
    reduceOnly: o.reduceOnly,
    updatedAt: o.updateTime,
  };
}

const ALGO_TYPE: Readonly<Record<string, OrderType>> = { STOP_MARKET: 'STOP_MARKET', STOP: 'STOP_MARKET', TAKE_PROFIT_MARKET: 'TAKE_PROFIT_MARKET', TAKE_PROFIT: 'TAKE_PROFIT_MARKET', TRAILING_STOP_MARKET: 'TRAILING_STOP_MARKET' };

/**
 * Algo (conditional) order → lifecycle status. NEW/TRIGGERING are still waiting (TRIGGERING is a
 * known place for a stop to hang: reconciliation treats only a confirmed open stop as protection);
 * FINISHED is FILLED only when fully executed.
 */
export function algoSnapshot(o: z.infer<typeof FuturesAlgoOrder>): OrderSnapshot {
  const filled = o.executedQty ?? 0;
  const byStatus: Readonly<Record<string, OrderStatus>> = {
    NEW: 'NEW',
    TRIGGERING: 'NEW',
    TRIGGERED: filled > 0 ? 'PARTIALLY_FILLED' : 'NEW',
    FINISHED: filled + 1e-12 >= o.quantity ? 'FILLED' : 'CANCELED',
    CANCELED: 'CANCELED',
    EXPIRED: 'EXPIRED',
    REJECTED: 'REJECTED',
  };
  const status = byStatus[o.algoStatus];
  const type = ALGO_TYPE[o.orderType];
  if (!status || !type) throw new Error(`unknown algo order ${o.algoStatus}/${o.orderType}`);
  return {
    clientOrderId: o.clientAlgoId,
    exchangeOrderId: `algo-${o.algoId}`,
    symbol: o.symbol,
    side: o.side,
    type,
    status,
    quantity: o.quantity,
    stopPrice: o.triggerPrice !== undefined && o.triggerPrice > 0 ? o.triggerPrice : undefined,
    filledQty: status === 'FILLED' ? o.quantity : filled,
    avgPrice: filled > 0 ? o.avgPrice : undefined,
    reduceOnly: o.reduceOnly ?? false,
    updatedAt: o.updateTime ?? o.createTime ?? 0,
  };
}

export const futuresPositions = (rows: z.infer<typeof FuturesPositions>): Position[] =>
  rows.filter((r) => r.positionAmt !== 0).map((r) => ({ symbol: r.symbol, side: r.positionAmt > 0 ? 'LONG' : 'SHORT', quantity: Math.abs(r.positionAmt), entryPrice: r.entryPrice }));

export const futuresBalances = (rows: z.infer<typeof FuturesBalances>): Balance[] => rows.map((r) => ({ asset: r.asset, free: r.availableBalance, locked: r.balance - r.availableBalance }));

export const OrderTradeUpdate = z.object({
  e: z.literal('ORDER_TRADE_UPDATE'),
  o: z.object({ s: z.string(), c: z.string(), S: z.enum(['BUY', 'SELL']), o: z.string(), q: num, p: num, ap: num, x: z.string(), X: z.string(), i: z.number(), l: num, z: num, L: num, N: z.string().nullable().optional(), n: num.optional(), T: z.number(), R: z.boolean() }),
});

export const AlgoUpdate = z.object({
  e: z.literal('ALGO_UPDATE'),
  T: z.number(),
  o: z.object({ caid: z.string(), aid: z.number(), at: z.literal('CONDITIONAL'), o: z.string(), s: z.string(), S: z.enum(['BUY', 'SELL']), q: num, X: z.string(), ap: num.optional(), aq: num.optional(), tp: num.optional(), R: z.boolean().optional() }),
});

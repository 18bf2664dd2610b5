// Runs in: anywhere (pure).
import type { Fill } from '../exchange/types';

/** One round trip on one symbol: from flat back to flat (or through flat), fees of every fill included. */
export interface ClosedTrade {
  readonly symbol: string;
  readonly openedAt: number;
  readonly closedAt: number;
  readonly pnl: number;
}

const EPS = 1e-12;

/**
 * The same average-cost fold as the Markets P&L (engine/markets/fill-ledger.ts), but keeping each round trip: a
 * report names its best and worst trade, and a trade that opened before the report's window still counts when it closes in it.
 */
export function closedTrades(fills: readonly Fill[]): ClosedTrade[] {
  const open = new Map<string, { quantity: number; entryPrice: number; realized: number; openedAt: number }>();
  const trades: ClosedTrade[] = [];
  for (const f of [...fills].sort((a, b) => a.at - b.at)) {
    const l = open.get(f.symbol) ?? { quantity: 0, entryPrice: 0, realized: 0, openedAt: f.at };
    const signed = f.side === 'BUY' ? f.quantity : -f.quantity;
    l.realized -= f.fee;
    if (l.quantity === 0 || Math.sign(l.quantity) === Math.sign(signed)) {
      if (l.quantity === 0) l.openedAt = f.at;
      const total = l.quantity + signed;
      l.entryPrice = (l.entryPrice * Math.abs(l.quantity) + f.price * f.quantity) / Math.abs(total);
      l.quantity = total;
    } else {
      const closing = Math.min(Math.abs(signed), Math.abs(l.quantity));
      l.realized += closing * (f.price - l.entryPrice) * Math.sign(l.quantity);
      const rest = l.quantity + signed;
      if (Math.abs(rest) <= EPS * Math.max(1, Math.abs(l.quantity))) {
        trades.push({ symbol: f.symbol, openedAt: l.openedAt, closedAt: f.at, pnl: l.realized });
        open.delete(f.symbol);
        continue;
      }
      if (Math.sign(rest) !== Math.sign(l.quantity)) {
        // Flipped through flat: the trade closes here and the remainder opens a new one at this fill's price.
        trades.push({ symbol: f.symbol, openedAt: l.openedAt, closedAt: f.at, pnl: l.realized });
        open.set(f.symbol, { quantity: rest, entryPrice: f.price, realized: 0, openedAt: f.at });
        continue;
      }
      l.quantity = rest;
    }
    open.set(f.symbol, l);
  }
  return trades;
}

// Runs in: anywhere (pure).
import { applyFill, type CostLine } from '../exchange/average-cost';
import type { Fill } from '../exchange/types';

/** One round trip on one symbol: from flat back to flat (or through flat), fees of every fill included. */
export interface ClosedTrade {
  readonly symbol: string;
  readonly openedAt: number;
  readonly closedAt: number;
  readonly pnl: number;
}

/**
 * The Markets P&L's average-cost fold, keeping each round trip instead of a total: a report names its best and worst trade, and a trade that opened before the report's window still counts when it closes in it.
 */
export function closedTrades(fills: readonly Fill[]): ClosedTrade[] {
  const open = new Map<string, CostLine & { openedAt: number }>();
  const trades: ClosedTrade[] = [];
  for (const f of [...fills].sort((a, b) => a.at - b.at)) {
    const l = open.get(f.symbol) ?? { quantity: 0, entryPrice: 0, realized: 0, openedAt: f.at };
    if (l.quantity === 0) l.openedAt = f.at;
    const step = applyFill(l, f);
    if (step === 'open') {
      open.set(f.symbol, l);
      continue;
    }
    trades.push({ symbol: f.symbol, openedAt: l.openedAt, closedAt: f.at, pnl: l.realized });
    // Flipped through flat: the remainder opens a new trade at this fill.
    if (step === 'flipped') open.set(f.symbol, { quantity: l.quantity, entryPrice: l.entryPrice, realized: 0, openedAt: f.at });
    else open.delete(f.symbol);
  }
  return trades;
}

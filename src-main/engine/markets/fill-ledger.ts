// Runs in: engine (pure). Positions and P&L per symbol folded from the recorded fills (average cost), so they survive restarts.
import type { Fill } from '../../core/exchange/types';

export interface LedgerLine {
  readonly symbol: string;
  /** Signed: > 0 long, < 0 short. */
  readonly quantity: number;
  readonly entryPrice: number;
  readonly realized: number;
  readonly fees: number;
  /** Round trips closed back to flat. */
  readonly trades: number;
}

const EPS = 1e-12;

export function foldFills(fills: readonly Fill[]): LedgerLine[] {
  const lines = new Map<string, { quantity: number; entryPrice: number; realized: number; fees: number; trades: number }>();
  for (const f of fills) {
    const l = lines.get(f.symbol) ?? { quantity: 0, entryPrice: 0, realized: 0, fees: 0, trades: 0 };
    const signed = f.side === 'BUY' ? f.quantity : -f.quantity;
    l.fees += f.fee;
    l.realized -= f.fee;
    if (l.quantity === 0 || Math.sign(l.quantity) === Math.sign(signed)) {
      // Opening or adding: the entry becomes the quantity-weighted average.
      const total = l.quantity + signed;
      l.entryPrice = (l.entryPrice * Math.abs(l.quantity) + f.price * f.quantity) / Math.abs(total);
      l.quantity = total;
    } else {
      const closing = Math.min(Math.abs(signed), Math.abs(l.quantity));
      l.realized += closing * (f.price - l.entryPrice) * Math.sign(l.quantity);
      const rest = l.quantity + signed;
      if (Math.abs(rest) <= EPS * Math.max(1, Math.abs(l.quantity))) {
        l.quantity = 0;
        l.entryPrice = 0;
        l.trades++;
      } else if (Math.sign(rest) !== Math.sign(l.quantity)) {
        // Flipped through flat: the remainder opens at this fill's price.
        l.trades++;
        l.quantity = rest;
        l.entryPrice = f.price;
      } else {
        l.quantity = rest;
      }
    }
    lines.set(f.symbol, l);
  }
  return [...lines].map(([symbol, l]) => ({ symbol, ...l }));
}

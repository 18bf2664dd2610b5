// Runs in: anywhere (pure). One fill applied to an average-cost position: the fold behind the Markets P&L and the reports' trades.
import type { Fill } from './types';

export interface CostLine {
  /** Signed: > 0 long, < 0 short. */
  quantity: number;
  entryPrice: number;
  /** Realized P&L, fees subtracted. */
  realized: number;
}

const EPS = 1e-12;

/**
 * Applies `f` (its fee included) to `l` in place. `closed`: back to flat; `flipped`: through flat, the remainder now
 * open at this fill's price; `open`: still (or newly) open on the same side.
 */
export function applyFill(l: CostLine, f: Fill): 'open' | 'closed' | 'flipped' {
  const signed = f.side === 'BUY' ? f.quantity : -f.quantity;
  l.realized -= f.fee;
  if (l.quantity === 0 || Math.sign(l.quantity) === Math.sign(signed)) {
    // Opening or adding: the entry becomes the quantity-weighted average.
    const total = l.quantity + signed;
    l.entryPrice = (l.entryPrice * Math.abs(l.quantity) + f.price * f.quantity) / Math.abs(total);
    l.quantity = total;
    return 'open';
  }
  const closing = Math.min(Math.abs(signed), Math.abs(l.quantity));
  l.realized += closing * (f.price - l.entryPrice) * Math.sign(l.quantity);
  const rest = l.quantity + signed;
  if (Math.abs(rest) <= EPS * Math.max(1, Math.abs(l.quantity))) {
    l.quantity = 0;
    l.entryPrice = 0;
    return 'closed';
  }
  if (Math.sign(rest) !== Math.sign(l.quantity)) {
    l.quantity = rest;
    l.entryPrice = f.price;
    return 'flipped';
  }
  l.quantity = rest;
  return 'open';
}

// Runs in: engine (pure). Positions and P&L per symbol folded from the recorded fills (average cost), so they survive restarts.
import { applyFill, type CostLine } from '../../core/exchange/average-cost';
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

export function foldFills(fills: readonly Fill[]): LedgerLine[] {
  const lines = new Map<string, CostLine & { fees: number; trades: number }>();
  for (const f of fills) {
    const l = lines.get(f.symbol) ?? { quantity: 0, entryPrice: 0, realized: 0, fees: 0, trades: 0 };
    l.fees += f.fee;
    if (applyFill(l, f) !== 'open') l.trades++;
    lines.set(f.symbol, l);
  }
  return [...lines].map(([symbol, l]) => ({ symbol, ...l }));
}

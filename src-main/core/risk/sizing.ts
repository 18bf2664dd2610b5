// Runs in: anywhere (pure).
import type { SizingConfig } from './config';

export interface SizingInput {
  readonly equity: number;
  /** Cash available for a new position (longs cannot spend more). */
  readonly cash: number;
  readonly price: number;
  /** Protective stop price; required by risk-percent sizing. */
  readonly stopPrice?: number;
  /** Strategy's size hint in (0, 1]. */
  readonly sizeHint?: number;
  /** Fee rate per side, so the entry's notional plus fee fits in the budget. */
  readonly feeRate: number;
}

export type SizingResult = { readonly ok: true; readonly quantity: number } | { readonly ok: false; readonly reason: string };

/** Quantity from the sizing mode, then capped by the position limit, Kelly cap and available cash. */
export function sizePosition(cfg: SizingConfig, input: SizingInput, maxPositionFraction: number, kellyFraction: number | null): SizingResult {
  const { equity, cash, price, feeRate } = input;
  if (!(price > 0) || !(equity > 0)) return { ok: false, reason: 'no equity or bad price' };
  let notional: number;
  switch (cfg.mode) {
    case 'all-in':
      notional = cash / (1 + feeRate);
      break;
    case 'fixed-quote':
      notional = cfg.quote;
      break;
    case 'risk-percent': {
      const stop = input.stopPrice;
      if (stop === undefined || !(stop > 0) || stop === price) return { ok: false, reason: 'risk-percent sizing needs a stop distinct from the entry' };
      const riskPerUnit = Math.abs(price - stop) / price; // fraction lost if stopped
      notional = (equity * cfg.riskPerTrade) / riskPerUnit;
      break;
    }
  }
  notional *= input.sizeHint ?? 1;
  notional = Math.min(notional, equity * maxPositionFraction);
  if (kellyFraction !== null) {
    if (!(kellyFraction > 0)) return { ok: false, reason: 'kelly cap: no edge (f* <= 0)' };
    notional = Math.min(notional, equity * kellyFraction);
  }
  notional = Math.min(notional, cash / (1 + feeRate));
  if (!(notional > 0)) return { ok: false, reason: 'no cash for a position' };
  return { ok: true, quantity: notional / price };
}

/** Kelly fraction f* = W − (1 − W) / R for win rate W and payoff ratio R (avg win / avg loss). */
export function kellyFraction(winRate: number, payoff: number): number {
  if (!(payoff > 0)) return winRate >= 1 ? 1 : 0;
  return winRate - (1 - winRate) / payoff;
}

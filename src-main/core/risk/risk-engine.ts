// Runs in: anywhere (pure).
import type { Side } from '../strategies/types';
import type { RiskConfig } from './config';
import { ExitPlan, type ExitHints } from './exit-plan';
import { RiskLimits } from './limits';
import { kellyFraction, sizePosition } from './sizing';

export interface EntryRequest {
  readonly symbol: string;
  readonly side: Side;
  readonly price: number;
  readonly equity: number;
  readonly cash: number;
  readonly now: number;
  readonly feeRate: number;
  readonly stopPrice?: number;
  readonly sizeHint?: number;
}

export interface RiskStats {
  readonly wins: number;
  readonly losses: number;
  readonly winSum: number;
  readonly lossSum: number;
}

export type EntryDecision = { readonly ok: true; readonly quantity: number } | { readonly ok: false; readonly reason: string };

/**
 * The risk gate every entry passes through, in backtest, paper and live alike:
 * limits first, then sizing (with the stop the exit plan will actually use), then the Kelly cap.
 */
export class RiskEngine {
  readonly limits: RiskLimits;
  private wins = 0;
  private losses = 0;
  private winSum = 0;
  private lossSum = 0;

  constructor(readonly config: RiskConfig) {
    this.limits = new RiskLimits(config);
  }

  evaluateEntry(req: EntryRequest): EntryDecision {
    const gate = this.limits.canOpen(req.symbol, req.now);
    if (!gate.ok) return gate;
    const stopPrice = this.effectiveStop(req.side, req.price, req.stopPrice);
    return sizePosition(
      this.config.sizing,
      { equity: req.equity, cash: req.cash, price: req.price, stopPrice, sizeHint: req.sizeHint, feeRate: req.feeRate },
      this.config.maxPositionFraction,
      this.kellyCap(),
    );
  }

  exitPlan(side: Side, entryPrice: number, quantity: number, hints: ExitHints = {}): ExitPlan {
    return new ExitPlan(side, entryPrice, quantity, this.config, hints);
  }

  /** Record a closed position (its total P&L in quote and return on its entry notional). */
  recordClose(symbol: string, pnl: number, returnOnNotional: number, now: number): void {
    this.limits.onClosed(symbol, pnl, now);
    if (pnl > 0) {
      this.wins++;
      this.winSum += returnOnNotional;
    } else if (pnl < 0) {
      this.losses++;
      this.lossSum -= returnOnNotional;
    }
  }

  /** Win/loss statistics behind the Kelly cap, for persistence. */
  stats(): RiskStats {
    return { wins: this.wins, losses: this.losses, winSum: this.winSum, lossSum: this.lossSum };
  }

  restoreStats(s: RiskStats): void {
    ({ wins: this.wins, losses: this.losses, winSum: this.winSum, lossSum: this.lossSum } = s);
  }

  /** The initial stop the exit plan will use: the tighter of the profile's stop and the strategy's hint. */
  private effectiveStop(side: Side, price: number, hint: number | undefined): number | undefined {
    const dir = side === 'long' ? 1 : -1;
    const sl = this.config.stopLoss;
    let stop = sl === null ? undefined : price * (1 - dir * sl);
    if (hint !== undefined && dir * (price - hint) > 0 && (stop === undefined || dir * (hint - stop) > 0)) stop = hint;
    return stop;
  }

  private kellyCap(): number | null {
    const k = this.config.kelly;
    if (!k) return null;
    let winRate = k.winRate;
    let payoff = k.payoff;
    const n = this.wins + this.losses;
    if (winRate === undefined || payoff === undefined) {
      if (n < k.minTrades) return null;
      winRate ??= this.wins / n;
      payoff ??= this.losses === 0 ? Infinity : this.wins === 0 ? 0 : this.winSum / this.wins / (this.lossSum / this.losses);
    }
    return k.fraction * kellyFraction(winRate, payoff);
  }
}

// Runs in: anywhere (pure).
import type { ExitPlan } from '../risk/exit-plan';
import type { Side } from '../strategies/types';
import type { Trade, TradeExitReason } from './types';

/** An open position and its running accounting until it becomes a Trade. */
export class OpenPosition {
  readonly dir: 1 | -1;
  remaining: number;
  private exitQty = 0;
  private exitValue = 0;
  private pnl: number;
  private fees: number;
  private fills = 0;
  private lastExitPrice = NaN;

  constructor(
    readonly side: Side,
    readonly entryTime: number,
    readonly entryBar: number,
    readonly entryPrice: number,
    readonly quantity: number,
    readonly entryFee: number,
    readonly plan: ExitPlan | null,
  ) {
    this.dir = side === 'long' ? 1 : -1;
    this.remaining = quantity;
    this.pnl = -entryFee;
    this.fees = entryFee;
  }

  /** Books an exit fill; returns the cash it releases into the account (signed for shorts). */
  reduce(quantity: number, price: number, fee: number): number {
    const q = Math.min(quantity, this.remaining);
    this.remaining -= q;
    if (this.remaining <= this.quantity * 1e-12) this.remaining = 0;
    this.exitQty += q;
    this.exitValue += q * price;
    this.pnl += this.dir * (price - this.entryPrice) * q - fee;
    this.fees += fee;
    this.fills++;
    this.lastExitPrice = price;
    return this.dir * q * price - fee;
  }

  get closed(): boolean {
    return this.remaining === 0;
  }

  toTrade(exitTime: number, exitBar: number, exitReason: TradeExitReason): Trade {
    const cost = this.entryPrice * this.quantity + this.entryFee;
    return {
      side: this.side,
      entryTime: this.entryTime,
      entryPrice: this.entryPrice,
      exitTime,
      // One fill reports its exact price; several, the quantity-weighted average.
      exitPrice: this.fills === 1 ? this.lastExitPrice : this.exitValue / this.exitQty,
      quantity: this.quantity,
      pnl: this.pnl,
      returnPct: cost > 0 ? this.pnl / cost : 0,
      fees: this.fees,
      entryBar: this.entryBar,
      exitBar,
      exitReason,
      exitFills: this.fills,
    };
  }
}

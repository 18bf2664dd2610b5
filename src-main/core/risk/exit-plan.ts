// Runs in: anywhere (pure).
import type { Side } from '../strategies/types';

export interface ExitRules {
  readonly stopLoss: number | null;
  readonly breakevenAt: number | null;
  readonly trailingStop: number | null;
  readonly takeProfits: readonly { readonly at: number; readonly fraction: number }[];
}

export interface ExitHints {
  readonly stopPrice?: number;
  readonly takeProfitPrice?: number;
}

export type ExitReason = 'stop-loss' | 'breakeven' | 'trailing-stop' | 'take-profit';

export interface ExitFill {
  readonly price: number;
  readonly quantity: number;
  readonly reason: ExitReason;
}

interface Target {
  readonly price: number;
  readonly quantity: number;
  done: boolean;
}

/** What a restart needs to continue the plan exactly where it was (levels, trailing extreme, tiers done). */
export interface ExitPlanState {
  readonly stop: number | null;
  readonly stopReason: ExitReason;
  readonly best: number;
  readonly remaining: number;
  readonly targets: readonly { readonly price: number; readonly quantity: number; readonly done: boolean }[];
}

/**
 * Protective exits of one open position, evaluated bar by bar with only the bar's OHLC:
 *  - the stop is checked first; if the bar opens through it the fill is at the open (gap), else at the stop;
 *  - when a bar touches both the stop and a target, the stop wins (we cannot know the intrabar order, so assume the worst);
 *  - targets fill at their limit price, each selling its fraction of the initial quantity;
 *  - breakeven and trailing levels move only after a bar completes, from that bar's extreme, so a bar
 *    never raises the stop that it is itself tested against.
 * Works for both sides: `dir` flips every comparison.
 */
export class ExitPlan {
  private readonly dir: 1 | -1;
  private readonly targets: Target[];
  private stop = NaN;
  private stopReason: ExitReason = 'stop-loss';
  private best: number;
  remaining: number;

  constructor(
    readonly side: Side,
    readonly entryPrice: number,
    readonly quantity: number,
    private rules: ExitRules,
    hints: ExitHints = {},
  ) {
    const dir = (this.dir = side === 'long' ? 1 : -1);
    this.remaining = quantity;
    this.best = entryPrice;
    if (rules.stopLoss !== null) this.tighten(entryPrice * (1 - dir * rules.stopLoss), 'stop-loss');
    if (hints.stopPrice !== undefined && dir * (entryPrice - hints.stopPrice) > 0) this.tighten(hints.stopPrice, 'stop-loss');
    this.targets = rules.takeProfits
      .map((t) => ({ price: entryPrice * (1 + dir * t.at), quantity: quantity * t.fraction, done: false }))
      .sort((a, b) => dir * (a.price - b.price));
    if (hints.takeProfitPrice !== undefined && dir * (hints.takeProfitPrice - entryPrice) > 0) {
      this.targets.push({ price: hints.takeProfitPrice, quantity, done: false });
      this.targets.sort((a, b) => dir * (a.price - b.price));
    }
    this.updateTrailing();
  }

  state(): ExitPlanState {
    return { stop: Number.isNaN(this.stop) ? null : this.stop, stopReason: this.stopReason, best: this.best, remaining: this.remaining, targets: this.targets.map((t) => ({ ...t })) };
  }

  /** A plan as it was saved by state(); the rules only matter for later trailing and breakeven moves. */
  static restore(side: Side, entryPrice: number, quantity: number, rules: ExitRules, s: ExitPlanState): ExitPlan {
    const plan = new ExitPlan(side, entryPrice, quantity, { ...rules, takeProfits: [] });
    plan.stop = s.stop ?? NaN;
    plan.stopReason = s.stopReason;
    plan.best = s.best;
    plan.remaining = s.remaining;
    plan.targets.push(...s.targets.map((t) => ({ ...t })));
    plan.rules = rules;
    return plan;
  }

  /** Targets with their quantities, pending or not (what rests on the venue). */
  targetList(): readonly { readonly price: number; readonly quantity: number; readonly done: boolean }[] {
    return this.targets;
  }

  get stopPrice(): number {
    return this.stop;
  }

  get open(): boolean {
    return this.remaining > this.quantity * 1e-12;
  }

  /** Target prices still pending (for charts: TP lines). */
  pendingTargets(): number[] {
    return this.targets.filter((t) => !t.done).map((t) => t.price);
  }

  /** Evaluates one bar; appends fills to `out` and returns how many were added. */
  onBar(open: number, high: number, low: number, out: ExitFill[]): number {
    if (!this.open) return 0;
    const dir = this.dir;
    const adverse = dir === 1 ? low : high;
    const favorable = dir === 1 ? high : low;
    const stop = this.stop;
    if (stop === stop && dir * (adverse - stop) <= 0) {
      const price = dir * (open - stop) <= 0 ? open : stop;
      out.push({ price, quantity: this.remaining, reason: this.stopReason });
      this.remaining = 0;
      return 1;
    }
    let added = 0;
    for (const t of this.targets) {
      if (t.done) continue;
      if (dir * (favorable - t.price) < 0) break; // sorted nearest first
      t.done = true;
      const qty = Math.min(t.quantity, this.remaining);
      if (qty <= 0) continue;
      out.push({ price: t.price, quantity: qty, reason: 'take-profit' });
      this.remaining -= qty;
      added++;
      if (!this.open) {
        this.remaining = 0;
        return added;
      }
    }
    if (dir * (favorable - this.best) > 0) this.best = favorable;
    this.updateTrailing();
    return added;
  }

  /** A strategy or manual exit took `quantity` off the position. */
  reduce(quantity: number): void {
    this.remaining = Math.max(0, this.remaining - quantity);
  }

  private updateTrailing(): void {
    const { breakevenAt, trailingStop } = this.rules;
    const gain = (this.dir * (this.best - this.entryPrice)) / this.entryPrice;
    if (breakevenAt !== null && gain >= breakevenAt) this.tighten(this.entryPrice, 'breakeven');
    if (trailingStop !== null) this.tighten(this.best * (1 - this.dir * trailingStop), 'trailing-stop');
  }

  /** Moves the stop only towards the price, never away. */
  private tighten(level: number, reason: ExitReason): void {
    if (this.stop !== this.stop || this.dir * (level - this.stop) > 0) {
      this.stop = level;
      this.stopReason = reason;
    }
  }
}

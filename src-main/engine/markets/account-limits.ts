// Runs in: engine. Portfolio limits per account, shared by all its strategies and manual orders, persisted: max concurrent
// positions, daily loss and max drawdown. Asked before every new position, in the engine, whoever sends it.
import { z } from 'zod';
import type { StrategyStateRepo } from '../../adapters/store/strategy-state-repo';

export const AccountLimitsConfig = z.object({
  maxPositions: z.number().int().min(1).default(5),
  /** Fraction of the day's starting equity (UTC day). */
  dailyLoss: z.number().gt(0).lt(1).nullable().default(0.05),
  /** Fraction below the highest equity seen. */
  maxDrawdown: z.number().gt(0).lt(1).nullable().default(0.25),
});
export type AccountLimitsConfig = z.output<typeof AccountLimitsConfig>;

const State = z.object({ day: z.number(), dayStartEquity: z.number(), peakEquity: z.number() });
type State = z.output<typeof State>;

const DAY_MS = 86_400_000;

export interface AccountSnapshot {
  /** Symbols with an open position on the account (any strategy, or manual). */
  readonly openPositions: number;
  /** Quote balance plus open positions at their mark. */
  readonly equity: number;
  readonly now: number;
}

export class AccountLimits {
  constructor(
    private readonly repo: StrategyStateRepo,
    private readonly config: (accountId: string) => AccountLimitsConfig,
  ) {}

  /** Why a new position may not open on this account now; null when it may. Updates and persists the day start and peak. */
  check(accountId: string, s: AccountSnapshot): string | null {
    const cfg = this.config(accountId);
    const day = Math.floor(s.now / DAY_MS);
    const prev = this.repo.accountState(accountId, State);
    const state: State = !prev ? { day, dayStartEquity: s.equity, peakEquity: s.equity } : { day, dayStartEquity: prev.day === day ? prev.dayStartEquity : s.equity, peakEquity: Math.max(prev.peakEquity, s.equity) };
    this.repo.saveAccountState(accountId, state);
    if (s.openPositions >= cfg.maxPositions) return `account limit: ${cfg.maxPositions} positions already open`;
    if (cfg.dailyLoss !== null && s.equity <= state.dayStartEquity * (1 - cfg.dailyLoss)) return `account limit: daily loss of ${cfg.dailyLoss * 100}% reached`;
    if (cfg.maxDrawdown !== null && s.equity <= state.peakEquity * (1 - cfg.maxDrawdown)) return `account limit: drawdown of ${cfg.maxDrawdown * 100}% from the peak reached`;
    return null;
  }
}

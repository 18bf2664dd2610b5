// Runs in: anywhere (pure).
import type { SafetyLimits } from '../../../src-shared/contract/services/settings';

export interface BetHistory {
  /** Net P&L of today's live bets (negative is a loss). */
  todayPnl: number;
  /** Losses in a row, newest first, until the last win. */
  consecutiveLosses: number;
  /** Bets placed in the last 60 minutes. */
  betsLastHour: number;
}

/** Returns why a bet of `stake` must not be placed, or null. Checked by the engine before every Bet click. */
export function betRefusal(stake: number, limits: SafetyLimits, history: BetHistory): string | null {
  if (!(stake > 0) || !Number.isFinite(stake)) return `stake ${stake} is not a positive amount`;
  if (stake > limits.maxStake) return `stake ${stake} exceeds the max stake ${limits.maxStake}`;
  // A bet may lose its whole stake: refuse one that could cross the daily loss limit.
  if (-history.todayPnl + stake > limits.dailyLossLimit) {
    return `daily loss limit: today ${formatMoney(history.todayPnl)}, a loss of ${stake} would exceed −${limits.dailyLossLimit}`;
  }
  if (history.consecutiveLosses >= limits.maxConsecutiveLosses) return `${history.consecutiveLosses} losses in a row (limit ${limits.maxConsecutiveLosses})`;
  if (history.betsLastHour >= limits.maxBetsPerHour) return `${history.betsLastHour} bets in the last hour (limit ${limits.maxBetsPerHour})`;
  return null;
}

function formatMoney(n: number): string {
  return `${n < 0 ? '−' : '+'}${Math.abs(n).toFixed(2)}`;
}

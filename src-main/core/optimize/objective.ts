// Runs in: anywhere (pure).
import type { Metrics } from '../backtest/types';

import type { Objective } from '../../../src-shared/optimize-space';

export { OBJECTIVES, type Objective } from '../../../src-shared/optimize-space';

/** Scores are finite so they store, sort and print as numbers: a perfect record caps rather than becoming Infinity. */
const CAP = 1e9;
export const FAILED_SCORE = -Infinity;

/**
 * Higher is better for every objective. profit: net P&L %; calmar: net P&L % over max drawdown
 * (over the whole run, not annualized, so windows of different lengths compare); profit-factor:
 * gross profit / gross loss, capped when nothing lost.
 */
export function objectiveScore(objective: Objective, m: Metrics): number {
  let s: number;
  switch (objective) {
    case 'sharpe':
      s = m.sharpe;
      break;
    case 'sortino':
      s = m.sortino;
      break;
    case 'profit':
      s = m.netPnlPct;
      break;
    case 'calmar':
      s = m.maxDrawdown > 0 ? m.netPnlPct / m.maxDrawdown : m.netPnlPct > 0 ? CAP : m.netPnlPct;
      break;
    case 'profit-factor':
      s = m.profitFactor ?? (m.trades > 0 ? CAP : 0);
      break;
  }
  return Number.isNaN(s) ? FAILED_SCORE : Math.max(-CAP, Math.min(CAP, s));
}

/** Best first; ties go to the earlier trial so every ordering is deterministic. */
export function byScore(a: { score: number; index: number }, b: { score: number; index: number }): number {
  return b.score - a.score || a.index - b.index;
}

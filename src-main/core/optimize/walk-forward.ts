// Runs in: anywhere (pure).
import type { EquityPoint, Metrics } from '../backtest/types';

/** Bars [from, to) of the data. */
export interface BarRange {
  readonly from: number;
  readonly to: number;
}

export interface WalkForwardFold {
  readonly fold: number;
  readonly train: BarRange;
  readonly test: BarRange;
}

/**
 * Rolling walk-forward: the data is cut into `folds + 1` equal segments; fold k optimizes on
 * segment k and tests the winner on segment k + 1. Train and test never share a bar, and every
 * test segment is later than its training segment.
 */
export function walkForwardFolds(bars: number, folds: number): WalkForwardFold[] {
  if (!Number.isInteger(folds) || folds < 0) throw new RangeError('folds must be a non-negative integer');
  const cut = (j: number) => Math.floor((j * bars) / (folds + 1));
  const out: WalkForwardFold[] = [];
  for (let k = 0; k < folds; k++) out.push({ fold: k + 1, train: { from: cut(k), to: cut(k + 1) }, test: { from: cut(k + 1), to: cut(k + 2) } });
  return out;
}

export interface FoldOutcome {
  readonly fold: number;
  readonly train: BarRange;
  readonly test: BarRange;
  /** The in-sample winner's searched values and its full params. */
  readonly values: Record<string, unknown>;
  readonly params: Record<string, unknown>;
  readonly inSample: { readonly score: number; readonly metrics: Metrics };
  readonly outOfSample: { readonly score: number; readonly metrics: Metrics };
}

export interface WalkForwardReport {
  readonly folds: FoldOutcome[];
  /** The test windows' curves chained: each starts where the previous one ended (returns compound). */
  readonly equity: EquityPoint[];
  readonly outOfSample: { readonly netPnlPct: number; readonly maxDrawdown: number; readonly trades: number };
  /** Mean out-of-sample score over mean in-sample score (walk-forward efficiency); null when in-sample ≤ 0. */
  readonly efficiency: number | null;
  readonly warning: string | null;
}

export function walkForwardReport(folds: FoldOutcome[], testCurves: readonly (readonly EquityPoint[])[]): WalkForwardReport {
  const initialEquity = folds[0]?.outOfSample.metrics.initialEquity ?? 1;
  const equity = stitchEquity(folds.map((f, i) => ({ equity: testCurves[i] ?? [], metrics: f.outOfSample.metrics })));
  let peak = initialEquity;
  let maxDrawdown = 0;
  for (const p of equity) {
    peak = Math.max(peak, p.equity);
    maxDrawdown = Math.max(maxDrawdown, (peak - p.equity) / peak);
  }
  const final = folds.reduce((level, f) => (level * f.outOfSample.metrics.finalEquity) / f.outOfSample.metrics.initialEquity, initialEquity);
  const mean = (xs: number[]) => xs.reduce((a, x) => a + x, 0) / Math.max(1, xs.length);
  const is = mean(folds.map((f) => f.inSample.score));
  const oos = mean(folds.map((f) => f.outOfSample.score));
  const efficiency = is > 0 ? oos / is : null;
  const netPnlPct = final / initialEquity - 1;
  return {
    folds,
    equity,
    outOfSample: { netPnlPct, maxDrawdown, trades: folds.reduce((a, f) => a + f.outOfSample.metrics.trades, 0) },
    efficiency,
    warning: verdict(folds, is, oos, efficiency, netPnlPct),
  };
}

/** Says so when what was optimized does not carry over: the in-sample optimum is then likely fitted to noise. */
function verdict(folds: readonly FoldOutcome[], is: number, oos: number, efficiency: number | null, netPnlPct: number): string | null {
  const losing = folds.filter((f) => f.outOfSample.metrics.netPnl < 0).length;
  if (is > 0 && oos <= 0) return `Out of sample falls apart: mean in-sample score ${is.toFixed(2)}, out-of-sample ${oos.toFixed(2)}; the optimum looks overfitted.`;
  if (efficiency !== null && efficiency < 0.5) return `Out-of-sample keeps only ${(efficiency * 100).toFixed(0)}% of the in-sample score; treat the optimum with suspicion.`;
  if (netPnlPct < 0 && losing * 2 > folds.length) return `${losing} of ${folds.length} test windows lost money out of sample.`;
  return null;
}

/** Each window's curve rescaled to start at the previous window's final equity (its own run started at `initialEquity`). */
export function stitchEquity(windows: readonly { readonly equity: readonly EquityPoint[]; readonly metrics: Metrics }[]): EquityPoint[] {
  const out: EquityPoint[] = [];
  let scale = 1;
  for (const w of windows) {
    for (const p of w.equity) out.push({ time: p.time, equity: p.equity * scale });
    scale *= w.metrics.finalEquity / w.metrics.initialEquity;
  }
  return out;
}

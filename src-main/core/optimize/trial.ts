// Runs in: anywhere (pure).
import { backtestColumns, type CandleColumns } from '../backtest/columns';
import { splitRunParams } from '../backtest/run-params';
import type { BacktestResult } from '../backtest/types';
import { createStrategy, StrategyConfigError } from '../strategies/registry';
import { withValues, type ParamValues } from './space';
import type { BarRange } from './walk-forward';

/** What every trial of a search shares: the strategy, the fixed params under the searched ones, the fee. */
export interface TrialSetup {
  readonly strategy: string;
  readonly baseParams: Readonly<Record<string, unknown>>;
  readonly fee: number;
}

export type TrialRun =
  | { readonly ok: true; readonly params: Record<string, unknown>; readonly result: BacktestResult }
  /** `invalid`: the params were refused (e.g. fast ≥ slow) — recorded, never retried. */
  | { readonly ok: false; readonly params: Record<string, unknown>; readonly error: string; readonly invalid: boolean };

/**
 * One trial: exactly `cockpit backtest --params <params> --fee <fee>` on bars [from, to), so a
 * trial's metrics are the ones the backtest command prints for the same params and data.
 */
export function runTrial(cols: CandleColumns, setup: TrialSetup, values: ParamValues, range: BarRange = { from: 0, to: cols.length }): TrialRun {
  const params = withValues(setup.baseParams, values);
  const split = splitRunParams(params);
  if (!split.ok) return { ok: false, params, error: split.error, invalid: true };
  let strategy;
  try {
    strategy = createStrategy(setup.strategy, split.value.strategyParams);
  } catch (error) {
    if (error instanceof StrategyConfigError || error instanceof RangeError) return { ok: false, params, error: error.message, invalid: true };
    throw error;
  }
  const run = split.value;
  const result = backtestColumns(cols, { strategy, feeRate: setup.fee, slippage: run.slippage, risk: run.risk, initialEquity: run.initialEquity, barsPerYear: run.barsPerYear }, range.from, range.to);
  return { ok: true, params, result };
}

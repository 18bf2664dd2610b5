// Runs in: renderer. "#12 sma-cross · csv · data.csv" with the params that differ, short.
import type { BacktestRunSummary } from '../../../../src-shared/contract';

const RUN_KEYS = new Set(['fee', 'slippage', 'initialEquity', 'risk']);

export function paramsText(params: Record<string, unknown>): string {
  const strategy = Object.entries(params).filter(([k]) => !RUN_KEYS.has(k));
  const text = strategy.map(([k, v]) => `${k}=${typeof v === 'object' ? '{…}' : String(v)}`).join(', ');
  const fee = typeof params.fee === 'number' ? `fee ${(params.fee * 100).toFixed(3).replace(/\.?0+$/, '')}%` : '';
  return [text, fee, params.risk === true ? 'risk-managed' : ''].filter(Boolean).join(' · ');
}

export function RunTitle({ run }: { run: BacktestRunSummary }) {
  return (
    <>
      <span>{`#${run.id} ${run.strategy}`}</span> <span className="muted small">{`${run.sourceLabel} · ${paramsText(run.params)}`}</span>
    </>
  );
}

// Runs in: renderer. One run in full: metrics, equity curve, candles with its trades, and the trade list.
import { useMemo, useState } from 'react';
import type { BacktestRunDetail } from '../../../../src-shared/contract';
import { CandleChart, type PriceLineSpec } from '../charts/CandleChart';
import { toTimedValues, tradeMarkers } from '../charts/chart-data';
import { EquityCurves } from '../charts/EquityCurves';
import { MetricsGrid } from './MetricsGrid';
import { RunTitle } from './RunTitle';
import { TradeList } from './TradeList';

export function RunResult({ run }: { run: BacktestRunDetail }) {
  const [selected, setSelected] = useState<number | null>(null);
  const markers = useMemo(() => tradeMarkers(run.trades, run.chart.candles), [run]);
  const curve = useMemo(() => [{ id: String(run.id), label: `Run #${run.id}`, points: toTimedValues(run.equity, (p) => p.time, (p) => p.equity) }], [run]);
  const trade = selected === null ? undefined : run.trades[selected];
  const lines = useMemo<PriceLineSpec[]>(
    () =>
      trade
        ? [
            { kind: 'entry', price: trade.entryPrice, label: `Entry #${selected! + 1}` },
            { kind: 'exit', price: trade.exitPrice, label: `Exit #${selected! + 1} (${trade.exitReason})` },
          ]
        : [],
    [trade, selected],
  );

  return (
    <section className="panel run-result" aria-labelledby="run-result-title" data-testid="run-result" data-run={run.id}>
      <div className="panel-head">
        <h2 id="run-result-title">
          <RunTitle run={run} />
        </h2>
      </div>
      <MetricsGrid metrics={run.metrics} />
      <h3>Equity</h3>
      <EquityCurves curves={curve} unit="quote" label={`Equity curve of run ${run.id}, ${run.equity.length} points`} testId="equity-chart" />
      <h3>
        Price and trades{run.chart.bucket > 1 && <span className="muted small">{` (each candle = ${run.chart.bucket} candles of the data)`}</span>}
      </h3>
      {run.chart.candles.length > 0 ? (
        <CandleChart candles={run.chart.candles} markers={markers} priceLines={lines} label={`Candles with ${run.trades.length} trades marked`} testId="price-chart" />
      ) : (
        <p className="empty">This run's candles are not cached (runs from the CLI read a file directly), so there is no price chart; the trades are below.</p>
      )}
      <h3>{`Trades (${run.trades.length})`}</h3>
      <TradeList trades={run.trades} selected={selected} onSelect={setSelected} />
    </section>
  );
}

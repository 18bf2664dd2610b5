// Runs in: renderer. Cumulative P&L over time; above zero and below zero are filled differently.
import { BaselineSeries, createChart, type IChartApi, type ISeriesApi, type UTCTimestamp } from 'lightweight-charts';
import { useEffect, useRef } from 'react';
import type { PnlSummary } from '../../../../src-shared/contract';
import { CHART_COLORS, chartLayout } from '../../lib/chart-theme';

/** One point per second (the chart's resolution); the last value of each second wins. */
export function equityPoints(equity: PnlSummary['equity']): Array<{ time: UTCTimestamp; value: number }> {
  const points: Array<{ time: UTCTimestamp; value: number }> = [];
  for (const p of [...equity].sort((a, b) => a.t - b.t)) {
    const time = Math.floor(p.t / 1000) as UTCTimestamp;
    if (points.at(-1)?.time === time) points.at(-1)!.value = p.equity;
    else points.push({ time, value: p.equity });
  }
  return points;
}

/** `baseline`: where the fill changes colour; 0 for P&L, the first value for an account's equity. */
export function EquityChart({ equity, baseline = 0, testId }: { equity: PnlSummary['equity']; baseline?: number; testId?: string }) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<{ api: IChartApi; series: ISeriesApi<'Baseline'> } | null>(null);

  useEffect(() => {
    const api = createChart(container.current!, { ...chartLayout, timeScale: { ...chartLayout.timeScale, timeVisible: true, secondsVisible: false }, handleScroll: false, handleScale: false });
    const series = api.addSeries(BaselineSeries, {
      baseValue: { type: 'price', price: 0 },
      topLineColor: CHART_COLORS.up,
      topFillColor1: 'rgba(38,166,154,0.28)',
      topFillColor2: 'rgba(38,166,154,0.04)',
      bottomLineColor: CHART_COLORS.down,
      bottomFillColor1: 'rgba(239,83,80,0.04)',
      bottomFillColor2: 'rgba(239,83,80,0.28)',
      lineWidth: 2,
      priceLineVisible: false,
    });
    chart.current = { api, series };
    return () => {
      chart.current = null;
      api.remove();
    };
  }, []);

  useEffect(() => {
    if (!chart.current) return;
    chart.current.series.applyOptions({ baseValue: { type: 'price', price: baseline } });
    chart.current.series.setData(equityPoints(equity));
    chart.current.api.timeScale().fitContent();
  }, [equity, baseline]);

  return <div ref={container} className="chart small" role="img" aria-label={`Equity curve, ${equity.length} points`} data-testid={testId} data-points={equity.length} />;
}

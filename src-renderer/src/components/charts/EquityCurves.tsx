// Runs in: renderer. One or more equity curves on one time axis; each curve differs by colour and dash, named in a legend.
import { createChart, LineSeries, LineStyle, type IChartApi, type ISeriesApi, type UTCTimestamp } from 'lightweight-charts';
import { useEffect, useRef } from 'react';
import { chartLayout } from '../../lib/chart-theme';
import type { TimedValue } from './chart-data';

export interface CurveSpec {
  id: string;
  label: string;
  points: readonly TimedValue[];
}

export const CURVE_STYLES = [
  { color: '#2962ff', style: LineStyle.Solid, dash: 'solid' },
  { color: '#f0b90b', style: LineStyle.Dashed, dash: 'dashed' },
  { color: '#ab47bc', style: LineStyle.Dotted, dash: 'dotted' },
  { color: '#26c6da', style: LineStyle.LargeDashed, dash: 'dashed' },
  { color: '#ff7043', style: LineStyle.SparseDotted, dash: 'dotted' },
] as const;

export function EquityCurves({ curves, unit, label, testId }: { curves: readonly CurveSpec[]; unit: 'quote' | 'percent'; label: string; testId?: string }) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<IChartApi | null>(null);

  useEffect(() => {
    chart.current = createChart(container.current!, { ...chartLayout, timeScale: { ...chartLayout.timeScale, timeVisible: true, secondsVisible: false } });
    return () => {
      chart.current?.remove();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    const api = chart.current!;
    const series: ISeriesApi<'Line'>[] = curves.map((c, i) => {
      const look = CURVE_STYLES[i % CURVE_STYLES.length]!;
      const s = api.addSeries(LineSeries, {
        color: look.color,
        lineStyle: look.style,
        lineWidth: 2,
        priceLineVisible: false,
        priceFormat: unit === 'percent' ? { type: 'custom', formatter: (v: number) => `${v >= 0 ? '+' : '−'}${Math.abs(v).toFixed(1)}%` } : { type: 'price', precision: 2, minMove: 0.01 },
      });
      s.setData(c.points.map((p) => ({ time: p.time as UTCTimestamp, value: p.value })));
      return s;
    });
    api.timeScale().fitContent();
    // On unmount the chart is removed first (effects clean up in order); its series go with it.
    return () => {
      if (chart.current === api) series.forEach((s) => api.removeSeries(s));
    };
  }, [curves, unit]);

  return (
    <figure className="curves">
      <div ref={container} className="chart" role="img" aria-label={label} data-testid={testId} data-curves={curves.length} />
      {curves.length > 1 && (
        <figcaption className="legend">
          {curves.map((c, i) => {
            const look = CURVE_STYLES[i % CURVE_STYLES.length]!;
            return (
              <span key={c.id} className="legend-item">
                <span className="swatch" style={{ borderTopColor: look.color, borderTopStyle: look.dash }} aria-hidden="true" />
                {c.label}
              </span>
            );
          })}
        </figcaption>
      )}
    </figure>
  );
}

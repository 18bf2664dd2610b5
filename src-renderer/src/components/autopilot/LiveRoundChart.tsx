// Runs in: renderer. The current round's multiplier, drawn straight from the round feed: no React render per sample.
import { createOptionsChart, createSeriesMarkers, LineSeries, LineStyle, type IPriceLine, type ISeriesApi, type ISeriesMarkersPluginApi } from 'lightweight-charts';
import { useEffect, useRef } from 'react';
import { CHART_COLORS, chartLayout } from '../../lib/chart-theme';
import { formatMultiplier } from '../../lib/format';
import { roundFeed } from '../../store/round-feed';

export function LiveRoundChart() {
  const container = useRef<HTMLDivElement>(null);
  const caption = useRef<HTMLSpanElement>(null);

  useEffect(() => {
    const el = container.current!;
    const chart = createOptionsChart(el, {
      ...chartLayout,
      localization: { precision: 2, priceFormatter: (m: number) => `${m.toFixed(2)}×` },
      timeScale: { ...chartLayout.timeScale, rightOffset: 4 },
      // Headroom above the line for the cash-out marker and its label.
      rightPriceScale: { ...chartLayout.rightPriceScale, scaleMargins: { top: 0.2, bottom: 0.05 } },
      handleScroll: false,
      handleScale: false,
    });
    const series: ISeriesApi<'Line', number> = chart.addSeries(LineSeries, { color: CHART_COLORS.line, lineWidth: 2, priceLineVisible: false });
    const markers: ISeriesMarkersPluginApi<number> = createSeriesMarkers(series, []);
    let targetLine: IPriceLine | null = null;
    let drawn = { generation: -1, count: 0, target: null as number | null, cashout: null as unknown };
    let frame = 0;

    const draw = () => {
      frame = 0;
      const snap = roundFeed.snapshot();
      if (snap.generation !== drawn.generation || snap.points.length < drawn.count) {
        series.setData(snap.points.map((p) => ({ time: p.x, value: p.m })));
        drawn = { generation: snap.generation, count: snap.points.length, target: drawn.target, cashout: null };
        markers.setMarkers([]);
        chart.timeScale().fitContent();
      } else {
        for (let i = drawn.count; i < snap.points.length; i++) series.update({ time: snap.points[i]!.x, value: snap.points[i]!.m });
        if (snap.points.length > drawn.count) chart.timeScale().fitContent();
        drawn.count = snap.points.length;
      }
      if (snap.target !== drawn.target) {
        if (targetLine) series.removePriceLine(targetLine);
        targetLine = snap.target === null ? null : series.createPriceLine({ price: snap.target, color: CHART_COLORS.warn, lineStyle: LineStyle.Dashed, lineWidth: 1, axisLabelVisible: true, title: 'target' });
        drawn.target = snap.target;
      }
      if (snap.cashout !== drawn.cashout) {
        markers.setMarkers(
          snap.cashout ? [{ time: snap.cashout.x, position: 'atPriceBottom', price: snap.cashout.m, shape: 'arrowUp', color: CHART_COLORS.up, text: `cash-out ${formatMultiplier(snap.cashout.m)}` }] : [],
        );
        drawn.cashout = snap.cashout;
      }
      const last = snap.points.at(-1);
      if (caption.current) {
        caption.current.textContent = snap.roundId
          ? `Round ${snap.roundId} · ${snap.ended ? `crashed at ${formatMultiplier(snap.crashPoint)}` : formatMultiplier(last?.m)}${snap.target ? ` · target ${formatMultiplier(snap.target)}` : ''}${snap.cashout ? ` · cashed out at ${formatMultiplier(snap.cashout.m)}` : ''}`
          : 'Waiting for a round…';
      }
    };
    const request = () => {
      if (!frame) frame = requestAnimationFrame(draw);
    };
    const off = roundFeed.subscribe(request);
    draw();
    return () => {
      off();
      if (frame) cancelAnimationFrame(frame);
      chart.remove();
    };
  }, []);

  return (
    <section className="panel round" aria-labelledby="round-h">
      <div className="panel-head">
        <h2 id="round-h">Live round</h2>
        <span ref={caption} className="muted" data-testid="round-caption" />
      </div>
      <div ref={container} className="chart" role="img" aria-label="Multiplier of the current round over time, with the target line and the cash-out marker" />
    </section>
  );
}

// Runs in: renderer. Candlesticks + volume with indicator overlays, trade markers and entry/SL/TP price lines.
import {
  CandlestickSeries,
  createChart,
  createSeriesMarkers,
  HistogramSeries,
  LineSeries,
  LineStyle,
  type IChartApi,
  type ISeriesApi,
  type ISeriesMarkersPluginApi,
  type IPriceLine,
  type Time,
  type UTCTimestamp,
} from 'lightweight-charts';
import { useEffect, useRef } from 'react';
import type { ChartCandle } from '../../../../src-shared/contract';
import { CHART_COLORS, chartLayout } from '../../lib/chart-theme';
import { toChartSeconds, toTimedValues, type TradeMarker } from './chart-data';

export interface OverlaySpec {
  id: string;
  label: string;
  color: string;
  /** Aligned with the candles; null while the indicator warms up. */
  values: ReadonlyArray<number | null>;
}

export interface PriceLineSpec {
  kind: 'entry' | 'exit' | 'sl' | 'tp';
  price: number;
  label: string;
}

const LINE_STYLE: Record<PriceLineSpec['kind'], { color: string; style: LineStyle }> = {
  entry: { color: CHART_COLORS.line, style: LineStyle.Solid },
  exit: { color: CHART_COLORS.text, style: LineStyle.Dotted },
  sl: { color: CHART_COLORS.down, style: LineStyle.Dashed },
  tp: { color: CHART_COLORS.up, style: LineStyle.Dashed },
};

interface Props {
  candles: readonly ChartCandle[];
  overlays?: readonly OverlaySpec[];
  markers?: readonly TradeMarker[];
  priceLines?: readonly PriceLineSpec[];
  label: string;
  testId?: string;
}

interface Parts {
  api: IChartApi;
  candles: ISeriesApi<'Candlestick'>;
  volume: ISeriesApi<'Histogram'>;
  markers: ISeriesMarkersPluginApi<Time>;
  overlays: Map<string, ISeriesApi<'Line'>>;
  priceLines: IPriceLine[];
}

export function CandleChart({ candles, overlays = [], markers = [], priceLines = [], label, testId }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const parts = useRef<Parts | null>(null);

  useEffect(() => {
    const api = createChart(container.current!, { ...chartLayout, timeScale: { ...chartLayout.timeScale, timeVisible: true, secondsVisible: false } });
    const candleSeries = api.addSeries(CandlestickSeries, {
      upColor: CHART_COLORS.up,
      downColor: CHART_COLORS.down,
      borderVisible: false,
      wickUpColor: CHART_COLORS.up,
      wickDownColor: CHART_COLORS.down,
    });
    // Volume shares the pane on its own scale, squeezed into the bottom fifth.
    const volume = api.addSeries(HistogramSeries, { priceScaleId: 'volume', priceFormat: { type: 'volume' }, lastValueVisible: false, priceLineVisible: false });
    api.priceScale('volume').applyOptions({ scaleMargins: { top: 0.8, bottom: 0 } });
    candleSeries.priceScale().applyOptions({ scaleMargins: { top: 0.08, bottom: 0.25 } });
    parts.current = { api, candles: candleSeries, volume, markers: createSeriesMarkers(candleSeries, []), overlays: new Map(), priceLines: [] };
    return () => {
      parts.current = null;
      api.remove();
    };
  }, []);

  useEffect(() => {
    const p = parts.current!;
    const times = candles.map((c) => toChartSeconds(c.time) as UTCTimestamp);
    p.candles.setData(candles.map((c, i) => ({ time: times[i]!, open: c.open, high: c.high, low: c.low, close: c.close })));
    p.volume.setData(candles.map((c, i) => ({ time: times[i]!, value: c.volume, color: c.close >= c.open ? 'rgba(38,166,154,0.35)' : 'rgba(239,83,80,0.35)' })));
    p.api.timeScale().fitContent();
  }, [candles]);

  useEffect(() => {
    const p = parts.current!;
    const wanted = new Set(overlays.map((o) => o.id));
    for (const [id, series] of p.overlays) {
      if (!wanted.has(id)) {
        p.api.removeSeries(series);
        p.overlays.delete(id);
      }
    }
    for (const o of overlays) {
      let series = p.overlays.get(o.id);
      if (!series) {
        // No axis title: three Bollinger labels would pile up on the price scale; the toggles name each colour.
        series = p.api.addSeries(LineSeries, { color: o.color, lineWidth: 1, priceLineVisible: false, lastValueVisible: false, crosshairMarkerVisible: false });
        p.overlays.set(o.id, series);
      }
      series.setData(overlayPoints(candles, o.values));
    }
  }, [overlays, candles]);

  useEffect(() => {
    parts.current!.markers.setMarkers(
      markers.map((m) => ({ time: m.time as UTCTimestamp, position: m.position, shape: m.shape, color: m.kind === 'entry' ? CHART_COLORS.line : CHART_COLORS.warn, text: m.text })),
    );
  }, [markers]);

  useEffect(() => {
    const p = parts.current!;
    for (const line of p.priceLines.splice(0)) p.candles.removePriceLine(line);
    for (const l of priceLines) {
      const { color, style } = LINE_STYLE[l.kind];
      p.priceLines.push(p.candles.createPriceLine({ price: l.price, color, lineStyle: style, lineWidth: 1, axisLabelVisible: true, title: l.label }));
    }
  }, [priceLines]);

  return <div ref={container} className="chart tall" role="img" aria-label={label} data-testid={testId} data-candles={candles.length} data-markers={markers.length} />;
}

function overlayPoints(candles: readonly ChartCandle[], values: ReadonlyArray<number | null>) {
  return toTimedValues(
    candles.map((c, i) => ({ time: c.time, value: values[i] ?? null })),
    (p) => p.time,
    (p) => p.value,
  ).map((p) => ({ time: p.time as UTCTimestamp, value: p.value }));
}

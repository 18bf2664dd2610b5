// Runs in: engine. Candles for a chart: indicators on the raw candles, then OHLC buckets so a long range stays one small frame.
import type { CandleSeriesData, CandleSeriesKey, ChartCandle, ChartOverlay, ChartOverlayLine } from '../../../src-shared/contract';
import type { CandleCache } from '../../adapters/store/candle-cache';
import { Bollinger, Ema, Sma } from '../../core/indicators';

interface OverlayState {
  /** One output line per band. */
  readonly lines: ChartOverlayLine[];
  update(close: number): void;
  /** The current values, one per line. */
  read(): number[];
}

export function loadSeries(cache: CandleCache, key: CandleSeriesKey, from: number, to: number, maxCandles: number, overlays: readonly ChartOverlay[]): CandleSeriesData {
  let total = 0;
  for (const _ of cache.openTimes(key, from, to)) total++;
  const bucket = Math.max(1, Math.ceil(total / maxCandles));
  const states = overlays.map(overlayState);
  const candles: ChartCandle[] = [];
  let open: ChartCandle | null = null;
  let inBucket = 0;
  for (const c of cache.iterate(key, from, to)) {
    for (const s of states) s.update(c.close);
    const prev: ChartCandle | null = open;
    const merged: ChartCandle = prev === null ? { ...c } : { ...prev, high: Math.max(prev.high, c.high), low: Math.min(prev.low, c.low), close: c.close, volume: prev.volume + c.volume };
    open = merged;
    if (++inBucket === bucket) {
      flush(merged);
      open = null;
      inBucket = 0;
    }
  }
  if (open !== null) flush(open);
  return { candles, bucket, overlays: states.flatMap((s) => s.lines) };

  function flush(c: ChartCandle): void {
    candles.push(c);
    for (const s of states) s.read().forEach((v, i) => (s.lines[i] as ChartOverlayLine).values.push(Number.isFinite(v) ? v : null));
  }
}

function overlayState(o: ChartOverlay): OverlayState {
  if (o.kind === 'bollinger') {
    const b = new Bollinger(o.period, o.stdDev);
    const name = `BB(${o.period}, ${o.stdDev})`;
    return {
      lines: ['upper', 'middle', 'lower'].map((band) => ({ id: `bb-${o.period}-${o.stdDev}-${band}`, label: `${name} ${band}`, values: [] })),
      update: (x) => void b.update(x),
      read: () => [b.upper, b.middle, b.lower],
    };
  }
  const ind = o.kind === 'sma' ? new Sma(o.period) : new Ema(o.period);
  return {
    lines: [{ id: `${o.kind}-${o.period}`, label: `${o.kind.toUpperCase()}(${o.period})`, values: [] }],
    update: (x) => void ind.update(x),
    read: () => [ind.value],
  };
}

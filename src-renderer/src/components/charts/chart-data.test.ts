import { describe, expect, it } from 'vitest';
import type { BacktestTrade, ChartCandle } from '../../../../src-shared/contract';
import { candleIndexAt, returnCurve, toChartSeconds, toTimedValues, tradeMarkers } from './chart-data';

const candle = (time: number): ChartCandle => ({ time, open: 1, high: 1, low: 1, close: 1, volume: 0 });
const trade = (entryTime: number, exitTime: number, pnl: number, returnPct: number): BacktestTrade => ({
  side: 'long', entryTime, entryPrice: 1, exitTime, exitPrice: 1, quantity: 1, pnl, returnPct, fees: 0, entryBar: 0, exitBar: 1, exitReason: 'signal',
});

describe('chart data', () => {
  it('reads epoch ms as seconds and keeps small numeric times as seconds', () => {
    expect(toChartSeconds(1_700_000_000_000)).toBe(1_700_000_000);
    expect(toChartSeconds(1_700_000_000)).toBe(1_700_000_000);
  });

  it('makes times strictly increasing: a repeated second keeps the last value, an older one is dropped', () => {
    const pts = toTimedValues([{ t: 1e12, v: 1 }, { t: 1e12 + 400, v: 2 }, { t: 2e12, v: 3 }, { t: 5e11, v: 9 }], (p) => p.t, (p) => p.v);
    expect(pts).toEqual([{ time: 1e9, value: 2 }, { time: 2e9, value: 3 }]);
    expect(toTimedValues([{ t: 1, v: null }, { t: 2, v: 4 }], (p) => p.t, (p) => p.v)).toEqual([{ time: 2, value: 4 }]);
  });

  it('finds the candle bucket containing a time', () => {
    const candles = [candle(10), candle(20), candle(30)];
    expect([5, 10, 19, 20, 35].map((t) => candleIndexAt(candles, t))).toEqual([-1, 0, 0, 1, 2]);
  });

  it('puts entry and exit markers on the candles holding them, with the signed return in the text', () => {
    const candles = [candle(100), candle(200), candle(300)];
    const markers = tradeMarkers([trade(250, 310, -4, -0.021), trade(100, 150, 3, 0.015)], candles);
    expect(markers.map((m) => [m.time, m.kind, m.text])).toEqual([
      [100, 'entry', 'Buy'],
      [100, 'exit', 'Sell +1.5%'],
      [200, 'entry', 'Buy'],
      [300, 'exit', 'Sell −2.1%'],
    ]);
  });

  it('drops marker labels when there are too many trades to read them', () => {
    const candles = Array.from({ length: 100 }, (_, i) => candle(i * 10));
    const trades = Array.from({ length: 41 }, (_, i) => trade(i * 20, i * 20 + 10, 1, 0.01));
    const markers = tradeMarkers(trades, candles);
    expect(markers).toHaveLength(82);
    expect(markers.every((m) => m.text === '')).toBe(true);
  });

  it('turns equity into % return from the initial equity', () => {
    expect(returnCurve([{ time: 1, equity: 10_000 }, { time: 2, equity: 11_000 }, { time: 3, equity: 9_500 }], 10_000).map((p) => Math.round(p.value * 1e9) / 1e9)).toEqual([0, 10, -5]);
  });
});

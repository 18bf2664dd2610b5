import { describe, expect, it } from 'vitest';
import { Atr, Bollinger, Donchian, Ema, Macd, Rsi, Sma, VolumeSma, batch } from './index';
import { naiveAtr, naiveEma, naiveRsi, naiveSma, naiveStdDev, randomBars } from './fixtures/naive';
import { ema10Published, emaCloses, rsiCloses, rsiPublished } from './fixtures/stockcharts';

describe('published reference values (StockCharts worked examples)', () => {
  it('RSI(14) matches the cs-rsi table within 0.08 and exact Wilder arithmetic to 1e-9', () => {
    const out = batch.rsi(rsiCloses, 14);
    expect(out.slice(0, 14).every(Number.isNaN)).toBe(true);
    const got = Array.from(out.slice(14));
    got.forEach((v, i) => expect(Math.abs(v - (rsiPublished[i] as number))).toBeLessThan(0.08));
    expect(got[0]).toBeCloseTo(70.4641, 4);
    const exact = naiveRsi(rsiCloses, 14).slice(14);
    got.forEach((v, i) => expect(v).toBeCloseTo(exact[i] as number, 9));
  });

  it('EMA(10) matches the cs-movavg table to the printed 2 decimals', () => {
    const got = Array.from(batch.ema(emaCloses, 10).slice(9));
    expect(got).toHaveLength(ema10Published.length);
    got.forEach((v, i) => expect(Math.abs(v - (ema10Published[i] as number))).toBeLessThanOrEqual(0.005 + 1e-9));
  });
});

describe('hand-worked examples', () => {
  it('SMA(3) of 1..6 is 2,3,4,5 after two warm-up NaNs', () => {
    expect(Array.from(batch.sma([1, 2, 3, 4, 5, 6], 3))).toEqual([NaN, NaN, 2, 3, 4, 5]);
  });

  it('EMA(3) seeds with the SMA, then alpha = 0.5', () => {
    // seed (2+4+6)/3 = 4; then 4 + 0.5·(8−4) = 6; then 6 + 0.5·(2−6) = 4
    expect(Array.from(batch.ema([2, 4, 6, 8, 2], 3))).toEqual([NaN, NaN, 4, 6, 4]);
  });

  it('RSI(2): gains/losses averaged then Wilder-smoothed', () => {
    // changes +2, −1 → avgG 1, avgL 0.5 → RSI 66.67; next +3 → G (1+3)/2=2, L 0.5/2=0.25 → 88.89
    const out = batch.rsi([10, 12, 11, 14], 2);
    expect(out[2]).toBeCloseTo(100 - 100 / 3, 10);
    expect(out[3]).toBeCloseTo(100 - 100 / 9, 10);
  });

  it('RSI is 100 with no losses (TradingView), including a flat series', () => {
    expect(batch.rsi([1, 2, 3, 4], 3)[3]).toBe(100);
    expect(batch.rsi([5, 5, 5, 5], 3)[3]).toBe(100);
  });

  it('Bollinger(4, 2) uses the population standard deviation', () => {
    // 2,4,4,4 → mean 3.5, population variance (2.25+0.25·3)/4 = 0.75
    const bb = new Bollinger(4, 2);
    [2, 4, 4, 4].forEach((x) => bb.update(x));
    expect(bb.middle).toBe(3.5);
    expect(bb.upper).toBeCloseTo(3.5 + 2 * Math.sqrt(0.75), 12);
    expect(bb.lower).toBeCloseTo(3.5 - 2 * Math.sqrt(0.75), 12);
  });

  it('ATR(2), TA-Lib convention: first value is the mean of TR of bars 1..2', () => {
    const bars = [
      { high: 10, low: 8, close: 9 },
      { high: 12, low: 9, close: 11 }, // TR max(3, |12−9|, |9−9|) = 3
      { high: 11, low: 10, close: 10 }, // TR max(1, 0, 1) = 1 → ATR 2
      { high: 15, low: 12, close: 14 }, // TR max(3, 5, 2) = 5 → ATR (2·1+5)/2 = 3.5
    ];
    expect(Array.from(batch.atr(bars, 2))).toEqual([NaN, NaN, 2, 3.5]);
  });

  it('MACD(2,3,2): line = EMA2 − EMA3, signal = EMA2 of the line', () => {
    // EMA2: seed 1.5 then a=2/3 → 2.5, 3.5;  EMA3: seed 2 then a=0.5 → 3 ; line at i=2: 2.5−2=0.5, i=3: 3.5−3=0.5
    const m = batch.macd([1, 2, 3, 4], 2, 3, 2);
    expect(m.macd[1]).toBeNaN();
    expect(m.macd[2]).toBeCloseTo(0.5, 12);
    expect(m.macd[3]).toBeCloseTo(0.5, 12);
    expect(m.signal[3]).toBeCloseTo(0.5, 12);
    expect(m.histogram[3]).toBeCloseTo(0, 12);
  });

  it('Donchian(3) tracks the highest high and lowest low of the last 3 bars', () => {
    const highs = [5, 7, 6, 4, 3, 8];
    const lows = [1, 2, 0, 3, 2, 4];
    const d = new Donchian(3);
    const up: number[] = [];
    const lo: number[] = [];
    highs.forEach((h, i) => {
      up.push(d.update(h, lows[i] as number));
      lo.push(d.lower);
    });
    expect(up).toEqual([NaN, NaN, 7, 7, 6, 8]);
    expect(lo).toEqual([NaN, NaN, 0, 0, 0, 2]);
  });

  it('volume SMA averages bar volume', () => {
    const v = new VolumeSma(2);
    v.updateBar({ volume: 10 });
    expect(v.updateBar({ volume: 30 })).toBe(20);
  });
});

describe('streaming equals the textbook definition on 5,000 seeded bars', () => {
  const bars = randomBars(5000, 11);
  const closes = bars.map((b) => b.close);

  it('SMA, EMA, RSI, ATR to 1e-9', () => {
    const pairs: [Float64Array, number[]][] = [
      [batch.sma(closes, 30), naiveSma(closes, 30)],
      [batch.ema(closes, 21), naiveEma(closes, 21)],
      [batch.rsi(closes, 14), naiveRsi(closes, 14)],
      [batch.atr(bars, 14), naiveAtr(bars, 14)],
    ];
    for (const [got, want] of pairs) {
      expect(got.length).toBe(want.length);
      want.forEach((w, i) => (Number.isNaN(w) ? expect(got[i]).toBeNaN() : expect(Math.abs((got[i] as number) - w)).toBeLessThan(1e-9)));
    }
  });

  it('Bollinger bands and Donchian against full-window recomputation', () => {
    const bb = batch.bollinger(closes, 20, 2);
    const dc = batch.donchian(bars, 20);
    for (let i = 19; i < closes.length; i += 97) {
      const win = closes.slice(i - 19, i + 1);
      expect(bb.upper[i]).toBeCloseTo(naiveSma(win, 20)[19]! + 2 * naiveStdDev(win), 9);
      expect(dc.upper[i]).toBe(Math.max(...bars.slice(i - 19, i + 1).map((b) => b.high)));
      expect(dc.lower[i]).toBe(Math.min(...bars.slice(i - 19, i + 1).map((b) => b.low)));
    }
  });

  it('the ring-buffer SMA does not drift over 1M updates', () => {
    const sma = new Sma(10);
    for (let i = 0; i < 1_000_000; i++) sma.update(1e6 + (i % 7) * 0.1);
    const tail = Array.from({ length: 10 }, (_, k) => 1e6 + ((999_990 + k) % 7) * 0.1);
    expect(Math.abs(sma.value - tail.reduce((a, b) => a + b) / 10)).toBeLessThan(1e-9);
  });

  it('reset() returns an indicator to its initial state', () => {
    for (const ind of [new Sma(5), new Ema(5), new Rsi(5)]) {
      const first = closes.slice(0, 50).map((x) => ind.update(x));
      ind.reset();
      expect(closes.slice(0, 50).map((x) => ind.update(x))).toEqual(first);
    }
    const m = new Macd();
    const a = closes.map((x) => m.update(x));
    m.reset();
    expect(closes.map((x) => m.update(x))).toEqual(a);
    const atr = new Atr(5);
    const b = bars.map((x) => atr.update(x));
    atr.reset();
    expect(bars.map((x) => atr.update(x))).toEqual(b);
  });
});

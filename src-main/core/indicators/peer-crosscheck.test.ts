import * as TI from 'technicalindicators';
import * as TS from 'trading-signals';
import { describe, expect, it } from 'vitest';
import { batch } from './index';
import { randomBars } from './fixtures/naive';

/**
 * Cross-checks against two peer libraries on seeded random walks (prices ~100).
 * technicalindicators emits only defined values, so its output is aligned to our tail.
 * Tolerance: 1e-8 absolute (both use float64; differences are summation order only).
 */
const TOL = 1e-8;
const bars = randomBars(3000, 42);
const closes = bars.map((b) => b.close);
const highs = bars.map((b) => b.high);
const lows = bars.map((b) => b.low);

function expectTailEqual(ours: ArrayLike<number>, peer: readonly number[]): void {
  const offset = ours.length - peer.length;
  expect(Number.isNaN(ours[offset - 1] as number)).toBe(true); // same warm-up length
  peer.forEach((p, i) => expect(Math.abs((ours[offset + i] as number) - p)).toBeLessThan(TOL));
}

describe('technicalindicators 3.1.0', () => {
  it('SMA(10), SMA(30), EMA(21)', () => {
    expectTailEqual(batch.sma(closes, 10), TI.SMA.calculate({ period: 10, values: closes }));
    expectTailEqual(batch.sma(closes, 30), TI.SMA.calculate({ period: 30, values: closes }));
    expectTailEqual(batch.ema(closes, 21), TI.EMA.calculate({ period: 21, values: closes }));
  });

  it('RSI(14) — technicalindicators rounds to 2 decimals, so tolerance 0.005', () => {
    const peer = TI.RSI.calculate({ period: 14, values: closes });
    const ours = batch.rsi(closes, 14);
    const offset = ours.length - peer.length;
    expect(offset).toBe(14);
    peer.forEach((p, i) => expect(Math.abs((ours[offset + i] as number) - p)).toBeLessThanOrEqual(0.005 + 1e-9));
  });

  it('ATR(14) (TA-Lib convention, first value at index 14)', () => {
    const peer = TI.ATR.calculate({ high: highs, low: lows, close: closes, period: 14 });
    expect(closes.length - peer.length).toBe(14);
    expectTailEqual(batch.atr(bars, 14), peer);
  });

  it('Bollinger(20, 2) and MACD(12, 26, 9)', () => {
    const bb = TI.BollingerBands.calculate({ period: 20, stdDev: 2, values: closes });
    const ours = batch.bollinger(closes, 20, 2);
    expectTailEqual(ours.upper, bb.map((b) => b.upper));
    expectTailEqual(ours.lower, bb.map((b) => b.lower));
    const m = TI.MACD.calculate({ values: closes, fastPeriod: 12, slowPeriod: 26, signalPeriod: 9, SimpleMAOscillator: false, SimpleMASignal: false });
    const mine = batch.macd(closes, 12, 26, 9);
    expectTailEqual(mine.macd, m.map((x) => x.MACD as number));
    const withSignal = m.filter((x) => x.signal !== undefined);
    expectTailEqual(mine.signal, withSignal.map((x) => x.signal as number));
  });
});

describe('trading-signals 8.3.0', () => {
  it('RSI(14) exact (both Wilder, same seeding)', () => {
    const rsi = new TS.RSI(14);
    const peer = closes.map((c) => rsi.add(c));
    const ours = batch.rsi(closes, 14);
    peer.forEach((p, i) => (p === null ? expect(ours[i]).toBeNaN() : expect(Math.abs((ours[i] as number) - p)).toBeLessThan(TOL)));
  });

  // trading-signals seeds its EMA with the first price instead of the SMA; the seed's weight
  // decays as (1−α)^i, so EMA and MACD agree to 1e-8 once that weight is below ~1e-10 (i ≥ 500).
  it('EMA(21) and MACD(12, 26, 9) after the seed has decayed, Bollinger(20, 2) exactly', () => {
    const ema = new TS.EMA(21);
    const e = closes.map((c) => ema.add(c));
    const ours = batch.ema(closes, 21);
    for (let i = 500; i < closes.length; i++) expect(Math.abs((ours[i] as number) - (e[i] as number))).toBeLessThan(TOL);
    const bb = new TS.BollingerBands(20, 2);
    const b = closes.map((c) => bb.add(c));
    const mine = batch.bollinger(closes, 20, 2);
    for (let i = 19; i < closes.length; i++) expect(Math.abs((mine.upper[i] as number) - b[i]!.upper)).toBeLessThan(TOL);
    const macd = new TS.MACD(new TS.EMA(12), new TS.EMA(26), new TS.EMA(9));
    const mm = closes.map((c) => macd.add(c));
    const ourMacd = batch.macd(closes, 12, 26, 9);
    for (let i = 500; i < closes.length; i++) {
      expect(Math.abs((ourMacd.macd[i] as number) - mm[i]!.macd)).toBeLessThan(TOL);
      expect(Math.abs((ourMacd.signal[i] as number) - mm[i]!.signal)).toBeLessThan(TOL);
    }
  });
});

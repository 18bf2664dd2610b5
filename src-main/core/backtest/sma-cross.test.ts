import { describe, expect, it } from 'vitest';
import { randomBars } from '../indicators/fixtures/naive';
import { createStrategy } from '../strategies/registry';
import type { Candle } from '../strategies/types';
import { runBacktest } from './backtester';

const candlesFrom = (closes: readonly number[]): Candle[] =>
  closes.map((close, i) => ({ time: 1_700_000_000_000 + i * 60_000, open: close, high: close, low: close, close, volume: 1 }));

interface NaiveTrade {
  entryTime: number;
  entryPrice: number;
  exitTime: number;
  exitPrice: number;
  pnl: number;
}

/**
 * The spec of `sma-cross`, written independently and naively: full-window SMAs, the cross rule
 * exactly as stated, all equity in, fee f per side on notional (so qty = equity / (price·(1+f))).
 */
function naiveSmaCross(candles: readonly Candle[], fast: number, slow: number, fee: number): NaiveTrade[] {
  const closes = candles.map((c) => c.close);
  const sma = (n: number, i: number) => (i < n - 1 ? NaN : closes.slice(i - n + 1, i + 1).reduce((a, b) => a + b, 0) / n);
  const trades: NaiveTrade[] = [];
  let equity = 10_000;
  let open: { time: number; price: number; qty: number } | null = null;
  for (let i = 1; i < candles.length; i++) {
    const [f, s, pf, ps] = [sma(fast, i), sma(slow, i), sma(fast, i - 1), sma(slow, i - 1)];
    if (Number.isNaN(pf) || Number.isNaN(ps)) continue;
    const c = candles[i] as Candle;
    if (!open && f > s && pf <= ps) open = { time: c.time, price: c.close, qty: equity / (c.close * (1 + fee)) };
    else if (open && f < s && pf >= ps) {
      const after = open.qty * c.close * (1 - fee);
      trades.push({ entryTime: open.time, entryPrice: open.price, exitTime: c.time, exitPrice: c.close, pnl: after - equity });
      equity = after;
      open = null;
    }
  }
  if (open) {
    const last = candles[candles.length - 1] as Candle;
    const after = open.qty * last.close * (1 - fee);
    trades.push({ entryTime: open.time, entryPrice: open.price, exitTime: last.time, exitPrice: last.close, pnl: after - equity });
  }
  return trades;
}

describe('sma-cross exact semantics', () => {
  it('a 12-candle fixture worked by hand (fast 2, slow 3, fee 0.1%)', () => {
    // i:      0    1    2    3     4     5      6      7      8     9     10   11
    // close: 10    9    8    9    11    12     11      9      8     9     10   12
    // sma2:   -  9.5  8.5  8.5    10  11.5   11.5     10    8.5   8.5    9.5   11
    // sma3:   -    -    9  8.67  9.33 10.67  11.33  10.67   9.33  8.67     9  10.33
    // i=4: 10 > 9.33 and 8.5 <= 8.67 → enter at 11.  i=7: 10 < 10.67 and 11.5 >= 11.33 → exit at 9.
    // i=10: 9.5 > 9 and 8.5 <= 8.67 → enter at 10.  Still long at the end → exit at the last close 12.
    // Equity after a round trip = equity · (exit/entry) · (1 − f)/(1 + f):
    //   E1 = 10000 · 9/11 · 0.999/1.001,  E2 = E1 · 12/10 · 0.999/1.001.
    const candles = candlesFrom([10, 9, 8, 9, 11, 12, 11, 9, 8, 9, 10, 12]);
    const r = runBacktest(candles, { strategy: createStrategy('sma-cross', { fast: 2, slow: 3 }), feeRate: 0.001 });
    const k = 0.999 / 1.001;
    const e1 = 10_000 * (9 / 11) * k;
    const e2 = e1 * (12 / 10) * k;
    const t = (i: number) => 1_700_000_000_000 + i * 60_000;
    expect(r.trades.map((x) => [x.entryTime, x.entryPrice, x.exitTime, x.exitPrice])).toEqual([
      [t(4), 11, t(7), 9],
      [t(10), 10, t(11), 12],
    ]);
    expect(r.trades[0]!.pnl).toBeCloseTo(e1 - 10_000, 9); // ≈ −1,834.53
    expect(r.trades[1]!.pnl).toBeCloseTo(e2 - e1, 9); // ≈ +1,613.14
    expect(r.trades[0]!.exitReason).toBe('signal');
    expect(r.trades[1]!.exitReason).toBe('end');
    expect(r.metrics.finalEquity).toBeCloseTo(e2, 9);
    expect(r.metrics.netPnl).toBeCloseTo(e2 - 10_000, 9);
  });

  it('no entry when the cross happens before both SMAs are defined at i−1', () => {
    // Rising series: fast is above slow from i=2, the first bar where slow exists; no bar has
    // fast <= slow with both defined at i−1, so there is no cross and no trade.
    const r = runBacktest(candlesFrom([1, 2, 3, 4, 5, 6]), { strategy: createStrategy('sma-cross', { fast: 2, slow: 3 }) });
    expect(r.trades).toEqual([]);
  });

  it.each([0, 0.001])('equals the naive implementation on 5,000 seeded candles (fast 10, slow 30, fee %s)', (fee) => {
    const candles = randomBars(5000, 3).map((b, i) => ({ ...b, time: i * 3_600_000 + 1e12 }));
    const r = runBacktest(candles, { strategy: createStrategy('sma-cross', {}), feeRate: fee });
    const want = naiveSmaCross(candles, 10, 30, fee);
    expect(want.length).toBeGreaterThan(50);
    expect(r.trades).toHaveLength(want.length);
    r.trades.forEach((got, i) => {
      const w = want[i] as NaiveTrade;
      expect([i, got.entryTime, got.entryPrice, got.exitTime, got.exitPrice]).toEqual([i, w.entryTime, w.entryPrice, w.exitTime, w.exitPrice]);
      expect(Math.abs(got.pnl - w.pnl)).toBeLessThan(1e-6);
    });
  });
});

import type { Candle } from '../../src-main/core/strategies/types';

/** Seeded random walk of 1m candles (Park–Miller), the data the backtest and optimize benches and tests share. */
export function* syntheticCandles(n: number, seed = 12345, t0 = 1_600_000_000_000): Generator<Candle> {
  let s = seed;
  let p = 100;
  for (let i = 0; i < n; i++) {
    s = (s * 16807) % 2147483647;
    const r1 = s / 2147483647;
    s = (s * 16807) % 2147483647;
    const r2 = s / 2147483647;
    const open = p;
    p *= 1 + (r1 - 0.5) * 0.004;
    const hi = Math.max(open, p) * (1 + r2 * 0.001);
    const lo = Math.min(open, p) * (1 - r2 * 0.001);
    yield { time: t0 + i * 60_000, open, high: hi, low: lo, close: p, volume: 100 + r2 * 900 };
  }
}

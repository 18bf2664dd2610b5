// Runs in: anywhere (pure). The sample candle history for trying backtests without downloading anything. It is
// synthetic and says so everywhere it is shown: the series is cached under exchange "synthetic".
//
// Model (seeded, so every install gets the same candles): the log price is a random walk whose drift switches
// between bull, bear and sideways regimes (each lasts ~10 days on average, geometric), and whose volatility clusters
// like a GARCH(1,1) (a large move raises the next bars' variance, which decays back to the regime's level). Highs and
// lows stretch past the open/close by a half-normal fraction of the bar's volatility; volume grows with the size of
// the move. The result has trends for trend strategies, ranges for reversion ones and calm and wild stretches.
import type { Candle } from '../strategies/types';
import { seededRandom, type RandomSource } from '../seeded-random';

export const SAMPLE_SERIES = { exchange: 'synthetic', symbol: 'BTCUSDT', interval: '1h' } as const;

export interface SampleOptions {
  readonly seed: number;
  readonly count: number;
  /** Open time of the first candle, ms. */
  readonly start: number;
  readonly intervalMs: number;
  readonly startPrice: number;
}

/** One year of hourly candles from 2024-01-01 UTC: about 8,800 rows, a few hundred kB in SQLite. */
export const DEFAULT_SAMPLE: SampleOptions = { seed: 20_240_101, count: 24 * 366, start: Date.UTC(2024, 0, 1), intervalMs: 3_600_000, startPrice: 42_000 };

const REGIMES = [
  { drift: 0.00012, vol: 0.006 }, // bull
  { drift: -0.0001, vol: 0.008 }, // bear
  { drift: 0, vol: 0.004 }, // sideways
] as const;
const MEAN_REGIME_BARS = 240;
const GARCH = { alpha: 0.08, beta: 0.9 } as const;

function normal(random: RandomSource): number {
  // Box–Muller; 1 − u keeps the log away from 0.
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

export function* sampleCandles(options: SampleOptions = DEFAULT_SAMPLE): Generator<Candle> {
  const random = seededRandom(options.seed);
  let regime = 0;
  let variance = REGIMES[0].vol ** 2;
  let close = options.startPrice;
  for (let i = 0; i < options.count; i++) {
    if (random() < 1 / MEAN_REGIME_BARS) regime = Math.floor(random() * REGIMES.length);
    const { drift, vol } = REGIMES[regime]!;
    const sigma = Math.sqrt(variance);
    const move = drift + sigma * normal(random);
    // Variance reverts to the regime's level and jumps after large moves.
    variance = (1 - GARCH.alpha - GARCH.beta) * vol ** 2 + GARCH.alpha * move ** 2 + GARCH.beta * variance;
    const open = close;
    close = open * Math.exp(move);
    const high = Math.max(open, close) * Math.exp(Math.abs(normal(random)) * sigma * 0.5);
    const low = Math.min(open, close) * Math.exp(-Math.abs(normal(random)) * sigma * 0.5);
    const volume = 50 * (1 + Math.abs(move) / vol) * Math.exp(0.3 * normal(random));
    yield { time: options.start + i * options.intervalMs, open: round2(open), high: round2(high), low: round2(low), close: round2(close), volume: Math.round(volume * 1000) / 1000 };
  }
}

const round2 = (n: number) => Math.round(n * 100) / 100;

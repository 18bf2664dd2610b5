// Runs in: anywhere (pure).
import type { Candle } from '../strategies/types';

/** Identifies one cached kline series. */
export interface KlineKey {
  readonly exchange: string;
  readonly symbol: string;
  readonly interval: string;
}

/**
 * Where klines come from (an exchange connector implements this; the exchange helper owns them).
 * Returns closed candles with open time in [startTime, endTime], ascending, at most `limit`.
 */
export interface KlineSource {
  fetchKlines(req: { symbol: string; interval: string; startTime: number; endTime: number; limit: number }): Promise<readonly Candle[]>;
}

/** An inclusive range of missing candle open times. */
export interface Gap {
  readonly from: number;
  readonly to: number;
}

const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** Milliseconds per candle for exchange interval names like 1m, 15m, 4h, 1d, 1w. */
export function intervalMs(interval: string): number {
  const m = /^(\d+)([smhdw])$/.exec(interval);
  if (!m) throw new RangeError(`unsupported interval "${interval}" (use e.g. 1m, 15m, 1h, 4h, 1d, 1w)`);
  return Number(m[1]) * (UNIT_MS[m[2] as string] as number);
}

/** Aligns t down to the interval grid. */
export function alignDown(t: number, stepMs: number): number {
  return Math.floor(t / stepMs) * stepMs;
}

/**
 * Missing open times in [from, to] given the cached open times in ascending order (streamed, so
 * a year of 1m candles never needs to be in memory). Times off the grid are ignored.
 */
export function findGaps(openTimes: Iterable<number>, stepMs: number, from: number, to: number): Gap[] {
  const gaps: Gap[] = [];
  let expected = Math.ceil(from / stepMs) * stepMs;
  const last = alignDown(to, stepMs);
  for (const t of openTimes) {
    if (t < expected || t % stepMs !== 0) continue;
    if (t > last) break;
    if (t > expected) gaps.push({ from: expected, to: t - stepMs });
    expected = t + stepMs;
  }
  if (expected <= last) gaps.push({ from: expected, to: last });
  return gaps;
}

// Runs in: engine. A CSV uploaded from the UI is validated, then cached like exchange klines so runs can chart it later.
import { CallFailure, type CandleSeriesKey } from '../../../src-shared/contract';
import { parseCandleCsv } from '../../adapters/backtest/candle-csv';
import type { CandleCache } from '../../adapters/store/candle-cache';
import type { Candle } from '../../core/strategies/types';

export const CSV_EXCHANGE = 'csv';
const UNITS: ReadonlyArray<[string, number]> = [
  ['w', 604_800_000],
  ['d', 86_400_000],
  ['h', 3_600_000],
  ['m', 60_000],
  ['s', 1000],
];

export interface ImportedCsv {
  readonly key: CandleSeriesKey;
  readonly candles: Candle[];
}

/** Parses and caches; any bad row refuses the whole file with line numbers (a silently skipped row would skew the run). */
export function importCsv(cache: CandleCache, name: string, text: string): ImportedCsv {
  const parsed = parseCandleCsv(text);
  if (parsed.errors.length > 0) {
    const shown = parsed.errors.slice(0, 5).map((e) => `line ${e.line}: ${e.message}`);
    const more = parsed.errors.length > 5 ? ` (and ${parsed.errors.length - 5} more)` : '';
    throw new CallFailure('BAD_INPUT', `${name}: ${parsed.errors.length} bad row(s): ${shown.join('; ')}${more}`);
  }
  if (parsed.candles.length < 2) throw new CallFailure('BAD_INPUT', `${name}: needs at least 2 candles, found ${parsed.candles.length}`);
  // Same file, same key: re-uploading reuses the cache; a different file with the same name never merges into it.
  const stem = name.replace(/\.csv$/i, '').slice(0, 80);
  const key = { exchange: CSV_EXCHANGE, symbol: `${stem} #${fnv1a(text)}`, interval: inferInterval(parsed.candles) };
  cache.upsert(key, parsed.candles);
  return { key, candles: parsed.candles };
}

/** The smallest spacing as an interval name (1h, 15m…); numeric times below 1e11 are seconds, like the backtester's. */
export function inferInterval(candles: readonly Candle[]): string {
  let min = Infinity;
  for (let i = 1; i < candles.length; i++) min = Math.min(min, (candles[i] as Candle).time - (candles[i - 1] as Candle).time);
  const unitMs = (candles[0]?.time ?? 0) >= 1e11 ? 1 : 1000;
  const ms = min * unitMs;
  for (const [unit, size] of UNITS) if (ms >= size && ms % size === 0) return `${ms / size}${unit}`;
  return Number.isFinite(ms) ? `${ms}ms` : '?';
}

function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

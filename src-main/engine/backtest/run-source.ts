// Runs in: engine. Where a run's candles live, encoded in the `backtest_runs.source` text column.
import type { CandleSeriesKey } from '../../../src-shared/contract';

/** A run over cached candles [from, to]; `label` is what the UI shows. */
export interface RunSource extends CandleSeriesKey {
  readonly from: number;
  readonly to: number;
  readonly label: string;
}

const PREFIX = 'series:';

export function encodeRunSource(source: RunSource): string {
  return PREFIX + JSON.stringify(source);
}

/** null for sources written by others (the CLI stores `csv:<path>`, whose candles are not cached). */
export function decodeRunSource(text: string): RunSource | null {
  if (!text.startsWith(PREFIX)) return null;
  try {
    const v = JSON.parse(text.slice(PREFIX.length)) as Partial<RunSource>;
    const ok = typeof v.exchange === 'string' && typeof v.symbol === 'string' && typeof v.interval === 'string' && typeof v.from === 'number' && typeof v.to === 'number';
    return ok ? { exchange: v.exchange!, symbol: v.symbol!, interval: v.interval!, from: v.from!, to: v.to!, label: String(v.label ?? v.symbol) } : null;
  } catch {
    return null;
  }
}

export function sourceLabel(text: string): string {
  return decodeRunSource(text)?.label ?? text.slice(0, 200);
}

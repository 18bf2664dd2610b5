// Runs in: engine. The bundled sample history: generated on first use into this data dir's candle cache.
import type { CandleSeriesInfo } from '../../../src-shared/contract';
import type { CandleCache } from '../../adapters/store/candle-cache';
import { DEFAULT_SAMPLE, SAMPLE_SERIES, sampleCandles } from '../../core/demo/sample-candles';

/** Idempotent: a complete cached copy is kept as it is (the generator is seeded, so it would be identical). */
export function loadSampleSeries(cache: CandleCache): CandleSeriesInfo {
  if (cache.summary(SAMPLE_SERIES).count !== DEFAULT_SAMPLE.count) cache.upsert(SAMPLE_SERIES, sampleCandles(DEFAULT_SAMPLE));
  const { count, first, last } = cache.summary(SAMPLE_SERIES);
  return { ...SAMPLE_SERIES, count, first: first ?? 0, last: last ?? 0 };
}

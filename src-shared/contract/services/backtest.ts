// Runs in: renderer and engine. Backtests, stored runs and cached candle series (the Markets chart reads them too).
import { z } from 'zod';
import { method } from '../define';
import { KlineDownloadInput, KlineDownloadStarted } from './kline-download';

/** The bridge caps a frame at 1 MiB; the CSV travels as text inside one call, with room for the rest. */
export const MAX_CSV_BYTES = 900 * 1024;
/** Candles sent for one chart; longer ranges are aggregated into OHLC buckets engine-side. */
export const MAX_CHART_CANDLES = 5000;

export const BacktestStrategyInfo = z.object({
  name: z.string(),
  description: z.string(),
  /** Every param with its default filled in: the starting form. */
  defaults: z.record(z.string(), z.unknown()),
  /** JSON Schema of the params (limits, integer or not) generated from the engine's zod schema. */
  schema: z.record(z.string(), z.unknown()),
});
export type BacktestStrategyInfo = z.infer<typeof BacktestStrategyInfo>;

/** One cached candle series in the `candles` table; CSV uploads are cached under exchange "csv". */
export const CandleSeriesKey = z.object({
  exchange: z.string().min(1).max(40),
  symbol: z.string().min(1).max(120),
  interval: z.string().min(1).max(16),
});
export type CandleSeriesKey = z.infer<typeof CandleSeriesKey>;

export const CandleSeriesInfo = CandleSeriesKey.extend({ count: z.number().int(), first: z.number(), last: z.number() });
export type CandleSeriesInfo = z.infer<typeof CandleSeriesInfo>;

export const BacktestSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('csv'), name: z.string().min(1).max(120), text: z.string().min(1).max(MAX_CSV_BYTES) }),
  CandleSeriesKey.extend({ kind: z.literal('cache'), from: z.number().optional(), to: z.number().optional() }),
]);
export type BacktestSource = z.infer<typeof BacktestSource>;

export const BacktestRunInput = z.object({
  strategy: z.string().min(1).max(64),
  params: z.record(z.string(), z.unknown()).default({}),
  source: BacktestSource,
  /** Fractions of notional / price per side. */
  fee: z.number().min(0).lt(0.1).default(0),
  slippage: z.number().min(0).lt(0.1).default(0),
  initialEquity: z.number().positive().max(1e12).default(10_000),
  /** Use the shared risk engine's default profile (sizing, stops, trailing, scale-outs). */
  risk: z.boolean().default(false),
});
export type BacktestRunInput = z.input<typeof BacktestRunInput>;

export const BacktestMetrics = z.object({
  initialEquity: z.number(),
  finalEquity: z.number(),
  netPnl: z.number(),
  netPnlPct: z.number(),
  trades: z.number().int(),
  winRate: z.number(),
  profitFactor: z.number().nullable(),
  sharpe: z.number(),
  sortino: z.number(),
  maxDrawdown: z.number(),
  maxDrawdownQuote: z.number(),
  exposure: z.number(),
  avgHoldBars: z.number(),
  avgHoldTime: z.number(),
  fees: z.number(),
  barsPerYear: z.number(),
});
export type BacktestMetrics = z.infer<typeof BacktestMetrics>;

export const BacktestTrade = z.object({
  side: z.enum(['long', 'short']),
  entryTime: z.number(),
  entryPrice: z.number(),
  exitTime: z.number(),
  exitPrice: z.number(),
  quantity: z.number(),
  pnl: z.number(),
  returnPct: z.number(),
  fees: z.number(),
  entryBar: z.number().int(),
  exitBar: z.number().int(),
  exitReason: z.string(),
});
export type BacktestTrade = z.infer<typeof BacktestTrade>;

export const BacktestRunSummary = z.object({
  id: z.number().int(),
  createdAt: z.number(),
  strategy: z.string(),
  params: z.record(z.string(), z.unknown()),
  /** Human label of the data, e.g. "csv · btc-1h.csv" or "binance · BTCUSDT · 1h". */
  sourceLabel: z.string(),
  /** Where the candles are cached; null for runs whose data was not cached (e.g. CLI runs from a file). */
  series: CandleSeriesKey.nullable(),
  metrics: BacktestMetrics,
});
export type BacktestRunSummary = z.infer<typeof BacktestRunSummary>;

export const ChartCandle = z.object({ time: z.number(), open: z.number(), high: z.number(), low: z.number(), close: z.number(), volume: z.number() });
export type ChartCandle = z.infer<typeof ChartCandle>;

export const ChartOverlay = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('sma'), period: z.number().int().min(1).max(1000) }),
  z.object({ kind: z.literal('ema'), period: z.number().int().min(1).max(1000) }),
  z.object({ kind: z.literal('bollinger'), period: z.number().int().min(1).max(1000), stdDev: z.number().gt(0).max(10) }),
]);
export type ChartOverlay = z.infer<typeof ChartOverlay>;

/** One drawn line; null where the indicator is still warming up. */
export const ChartOverlayLine = z.object({ id: z.string(), label: z.string(), values: z.array(z.number().nullable()) });
export type ChartOverlayLine = z.infer<typeof ChartOverlayLine>;

export const CandleSeriesData = z.object({
  candles: z.array(ChartCandle),
  /** Raw candles per returned candle (1 when not aggregated). */
  bucket: z.number().int(),
  /** Aligned with `candles`; computed on the raw candles, sampled at each bucket's last candle. */
  overlays: z.array(ChartOverlayLine),
});
export type CandleSeriesData = z.infer<typeof CandleSeriesData>;

export const BacktestRunDetail = BacktestRunSummary.extend({
  trades: z.array(BacktestTrade),
  equity: z.array(z.object({ time: z.number(), equity: z.number() })),
  /** Candles over the run's range (aggregated when long); empty when the data is not cached. */
  chart: CandleSeriesData,
});
export type BacktestRunDetail = z.infer<typeof BacktestRunDetail>;

export const BacktestProgress = z.object({
  jobId: z.string(),
  state: z.enum(['running', 'done', 'failed', 'cancelled']),
  done: z.number().int(),
  total: z.number().int(),
  /** The stored run once `done`. */
  runId: z.number().int().nullable(),
  error: z.string().nullable(),
});
export type BacktestProgress = z.infer<typeof BacktestProgress>;

const CandleSeriesRequest = CandleSeriesKey.extend({
  from: z.number().optional(),
  to: z.number().optional(),
  maxCandles: z.number().int().min(10).max(MAX_CHART_CANDLES).default(1500),
  overlays: z.array(ChartOverlay).max(6).default([]),
});

export const backtestService = {
  strategies: method(z.void(), z.array(BacktestStrategyInfo)),
  /** Validates the input and the data, then runs in the background; follow `backtest.progress`. */
  run: method(BacktestRunInput, z.object({ jobId: z.string(), candles: z.number().int() })),
  cancel: method(z.object({ jobId: z.string().max(64) }), z.object({ cancelled: z.boolean() })),
  listRuns: method(z.object({ limit: z.number().int().min(1).max(500).default(100) }), z.array(BacktestRunSummary)),
  getRun: method(z.object({ id: z.number().int(), maxCandles: z.number().int().min(10).max(MAX_CHART_CANDLES).default(1500) }), BacktestRunDetail),
  deleteRun: method(z.object({ id: z.number().int() }), z.object({ deleted: z.boolean() })),
  /** Cached candle series (exchange downloads and CSV imports). */
  listSeries: method(z.void(), z.array(CandleSeriesInfo)),
  series: method(CandleSeriesRequest, CandleSeriesData),
  /**
   * Downloads closed klines from the venue's official public REST into the candle cache (only the bars
   * not cached yet), in the background; follow `backtest.downloadProgress`. The series is then cached
   * under `exchange = venue` and runs like any other.
   */
  downloadKlines: method(KlineDownloadInput, KlineDownloadStarted),
  /** Caches the bundled sample history (synthetic, seeded; exchange "synthetic"), generating it on first use. */
  loadSampleData: method(z.void(), CandleSeriesInfo),
};

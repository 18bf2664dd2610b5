// Runs in: renderer and engine. Strategy optimization: parameter search on every core, walk-forward validation.
import { z } from 'zod';
import { method } from '../define';
import { OBJECTIVES, ParamSpace, SAMPLERS, searchSettings } from '../../optimize-space';
import { BacktestMetrics, BacktestSource } from './backtest';

export { OBJECTIVES, ParamSpace, SAMPLERS, type Objective, type SamplerKind } from '../../optimize-space';

export const OptimizeStartInput = z.object({
  strategy: z.string().min(1).max(64),
  space: ParamSpace,
  /** Fixed params under the searched ones (strategy params and run keys such as "risk"). */
  baseParams: z.record(z.string(), z.unknown()).default({}),
  source: BacktestSource,
  fee: z.number().min(0).lt(0.1).default(0),
  ...searchSettings,
  /** The app validates out of sample by default. */
  folds: z.number().int().min(0).max(20).default(4),
  /** Worker threads; default one per core. */
  workers: z.number().int().min(1).max(64).optional(),
});
export type OptimizeStartInput = z.input<typeof OptimizeStartInput>;

export const OptimizeStarted = z.object({ runId: z.number().int(), candles: z.number().int(), total: z.number().int() });

export const OptimizeState = z.enum(['running', 'done', 'cancelled', 'failed']);

export const OptimizeProgress = z.object({
  runId: z.number().int(),
  state: OptimizeState,
  /** 0: the search on all the data; k: walk-forward fold k's training window. */
  phase: z.number().int(),
  phases: z.number().int(),
  done: z.number().int(),
  total: z.number().int(),
  best: z.object({ score: z.number(), values: z.record(z.string(), z.unknown()) }).nullable(),
  trialsPerSecond: z.number(),
  etaSeconds: z.number().nullable(),
  error: z.string().nullable(),
});
export type OptimizeProgress = z.infer<typeof OptimizeProgress>;

export const OptimizeTrial = z.object({
  index: z.number().int(),
  /** The searched values, by param path. */
  values: z.record(z.string(), z.unknown()),
  /** The full params: what `cockpit backtest --params` takes to reproduce the trial. */
  params: z.record(z.string(), z.unknown()),
  metrics: BacktestMetrics.nullable(),
  score: z.number().nullable(),
  error: z.string().nullable(),
});
export type OptimizeTrial = z.infer<typeof OptimizeTrial>;

const BarRange = z.object({ from: z.number().int(), to: z.number().int() });
const Scored = z.object({ score: z.number(), metrics: BacktestMetrics });

export const WalkForwardFold = z.object({
  fold: z.number().int(),
  train: BarRange,
  test: BarRange,
  values: z.record(z.string(), z.unknown()),
  params: z.record(z.string(), z.unknown()),
  inSample: Scored,
  outOfSample: Scored,
});

export const WalkForwardReport = z.object({
  folds: z.array(WalkForwardFold),
  /** The test windows' equity chained into one out-of-sample curve. */
  equity: z.array(z.object({ time: z.number(), equity: z.number() })),
  outOfSample: z.object({ netPnlPct: z.number(), maxDrawdown: z.number(), trades: z.number().int() }),
  efficiency: z.number().nullable(),
  warning: z.string().nullable(),
});
export type WalkForwardReport = z.infer<typeof WalkForwardReport>;

export const OptimizeSummary = z.object({
  trials: z.number().int(),
  failed: z.number().int(),
  trialsPerSecond: z.number(),
  /** The in-sample optimum on all the data. */
  best: OptimizeTrial.nullable(),
  walkForward: WalkForwardReport.nullable(),
  /** Backtest runs stored for the best trials, per objective. */
  storedRuns: z.record(z.string(), z.array(z.number().int())),
});
export type OptimizeSummary = z.infer<typeof OptimizeSummary>;

export const OptimizeRunInfo = z.object({
  id: z.number().int(),
  createdAt: z.number(),
  strategy: z.string(),
  sourceLabel: z.string(),
  objective: z.enum(OBJECTIVES),
  sampler: z.enum(SAMPLERS),
  state: z.string(),
  summary: OptimizeSummary.nullable(),
});
export type OptimizeRunInfo = z.infer<typeof OptimizeRunInfo>;

export const OptimizeRunDetail = OptimizeRunInfo.extend({
  space: ParamSpace,
  folds: z.number().int(),
  /** The search on all the data, by trial index. */
  trials: z.array(OptimizeTrial),
});
export type OptimizeRunDetail = z.infer<typeof OptimizeRunDetail>;

const runId = z.object({ runId: z.number().int() });

export const optimizeService = {
  /** Validates the input and loads the candles, then searches in the background; follow `optimize.progress`. */
  start: method(OptimizeStartInput, OptimizeStarted),
  /** Stops dispatching and keeps every finished trial; `resume` continues. */
  cancel: method(runId, z.object({ cancelled: z.boolean() })),
  resume: method(runId.extend({ workers: z.number().int().min(1).max(64).optional() }), OptimizeStarted),
  list: method(z.object({ limit: z.number().int().min(1).max(200).default(50) }), z.array(OptimizeRunInfo)),
  get: method(z.object({ id: z.number().int(), maxTrials: z.number().int().min(1).max(20_000).default(5000) }), OptimizeRunDetail),
};

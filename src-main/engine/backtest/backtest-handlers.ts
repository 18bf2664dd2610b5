// Runs in: engine. The `backtest` service: strategies from the registry, background runs, stored runs and cached series.
import { z } from 'zod';
import { CallFailure, type BacktestRunSummary, type CockpitHandlers } from '../../../src-shared/contract';
import type { CandleCache } from '../../adapters/store/candle-cache';
import type { BacktestRunStore, StoredRunSummary } from '../../adapters/store/run-store';
import { getStrategyDefinition, strategyDefaults, strategyNames } from '../../core/strategies/registry';
import type { EventBus } from '../event-bus';
import { BacktestJobs } from './backtest-jobs';
import { KlineDownloads, type KlineDownloadsOptions } from './kline-downloads';
import { loadSeries } from './chart-series';
import { decodeRunSource, sourceLabel } from './run-source';
import { loadSampleSeries } from './sample-data';

const ALL = { from: Number.MIN_SAFE_INTEGER, to: Number.MAX_SAFE_INTEGER };

/** The repositories the backtest service reads and writes: cached candles and stored runs. */
export interface BacktestStores {
  readonly cache: CandleCache;
  readonly runs: BacktestRunStore;
}

export function backtestHandlers({ cache, runs }: BacktestStores, bus: EventBus, download: Omit<KlineDownloadsOptions, 'bus' | 'cache'> = {}): CockpitHandlers['backtest'] {
  const jobs = new BacktestJobs({ bus, cache, runs, log: download.log });
  const downloads = new KlineDownloads({ ...download, bus, cache });
  const strategies = strategyNames().map((name) => {
    const def = getStrategyDefinition(name);
    return {
      name,
      description: def.description,
      defaults: strategyDefaults(name) as Record<string, unknown>,
      schema: z.toJSONSchema(def.schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>,
    };
  });

  return {
    strategies: () => strategies,
    run: (input) => {
      const { jobId, candles } = jobs.start(input);
      return { jobId, candles };
    },
    cancel: ({ jobId }) => ({ cancelled: jobs.cancel(jobId) }),
    listRuns: ({ limit }) => runs.list(limit).map(summary),
    getRun: ({ id, maxCandles }) => {
      const run = runs.get(id);
      if (!run) throw new CallFailure('NOT_FOUND', `No backtest run ${id}.`);
      const src = decodeRunSource(run.source);
      const chart = src ? loadSeries(cache, src, src.from, src.to, maxCandles, []) : { candles: [], bucket: 1, overlays: [] };
      return { ...summary(run), trades: run.trades, equity: run.equity, chart };
    },
    deleteRun: ({ id }) => ({ deleted: runs.delete(id) }),
    listSeries: () => cache.listSeries(),
    series: ({ exchange, symbol, interval, from, to, maxCandles, overlays }) =>
      loadSeries(cache, { exchange, symbol, interval }, from ?? ALL.from, to ?? ALL.to, maxCandles, overlays),
    downloadKlines: (input) => {
      const { jobId, total } = downloads.start(input);
      return { jobId, total };
    },
    loadSampleData: () => loadSampleSeries(cache),
  };
}

function summary(run: StoredRunSummary): BacktestRunSummary {
  const src = decodeRunSource(run.source);
  return {
    id: run.id,
    createdAt: run.createdAt,
    strategy: run.strategy,
    params: (run.params ?? {}) as Record<string, unknown>,
    sourceLabel: sourceLabel(run.source),
    series: src ? { exchange: src.exchange, symbol: src.symbol, interval: src.interval } : null,
    metrics: run.metrics,
  };
}

// Runs in: engine. The `optimize` service: parameter searches on every core over cached or uploaded candles.
import { CallFailure, type BacktestSource, type CockpitHandlers, type OptimizeRunInfo } from '../../../src-shared/contract';
import { CandleCache } from '../../adapters/backtest/candle-cache';
import { BacktestRunStore } from '../../adapters/backtest/run-store';
import type { Db } from '../../adapters/store/database';
import { OptimizeRepo, type OptimizeRunRow } from '../../adapters/store/optimize-repo';
import { toColumns } from '../../core/backtest/columns';
import { optimizeSpecSchema } from '../../core/optimize/spec';
import type { Candle } from '../../core/strategies/types';
import { importCsv } from '../backtest/csv-import';
import { decodeRunSource, encodeRunSource, sourceLabel } from '../backtest/run-source';
import type { EventBus } from '../event-bus';
import { OptimizeError, Optimizer, type OptimizeData, type OptimizeJob } from './optimizer';
import { defaultWorkers, WorkerPool, type WorkerEntry } from './worker-pool';

export interface OptimizeHandlerOptions {
  /** The trial worker script (tests run the sources through tsx). */
  readonly workerEntry?: WorkerEntry;
}

export function optimizeHandlers(db: Db, bus: EventBus, options: OptimizeHandlerOptions = {}): CockpitHandlers['optimize'] {
  const cache = new CandleCache(db);
  const repo = new OptimizeRepo(db);
  const optimizer = new Optimizer({
    repo,
    runs: new BacktestRunStore(db),
    executor: (cols, setup, workers) => new WorkerPool(cols, setup, workers, options.workerEntry),
    now: Date.now,
  });
  const jobs = new Map<number, OptimizeJob>();

  /** One search at a time: each already uses every core. */
  const launch = (make: () => OptimizeJob, candles: number) => {
    if (jobs.size > 0) throw new CallFailure('CONFLICT', 'A search is already running; wait for it or cancel it.');
    let job: OptimizeJob;
    try {
      job = make();
    } catch (error) {
      if (error instanceof OptimizeError) throw new CallFailure('BAD_INPUT', error.message);
      throw error;
    }
    jobs.set(job.runId, job);
    void job.finished.finally(() => jobs.delete(job.runId));
    return { runId: job.runId, candles, total: job.total };
  };
  const onProgress = (p: Parameters<typeof bus.emit<'optimize.progress'>>[1]) => bus.emit('optimize.progress', p);

  return {
    start: (input) => {
      const data = loadSource(cache, input.source);
      const { source: _source, workers, ...spec } = input;
      return launch(() => optimizer.start(spec, data, { workers: workers ?? defaultWorkers(), onProgress }), data.cols.length);
    },
    cancel: ({ runId }) => {
      const job = jobs.get(runId);
      job?.cancel();
      return { cancelled: job !== undefined };
    },
    resume: ({ runId, workers }) => {
      const row = repo.getRun(runId);
      if (!row) throw new CallFailure('NOT_FOUND', `No optimization run ${runId}.`);
      const src = decodeRunSource(row.source);
      if (!src) throw new CallFailure('BAD_INPUT', `Run ${runId}'s candles are not in the cache (a CLI run from a file); resume it with the CLI.`);
      const data = loadCached(cache, src, src.from, src.to, row.source);
      return launch(() => optimizer.resume(runId, data, { workers: workers ?? defaultWorkers(), onProgress }), data.cols.length);
    },
    list: ({ limit }) => repo.listRuns(limit).map((r) => info(optimizer, r)),
    get: ({ id, maxTrials }) => {
      const row = repo.getRun(id);
      if (!row) throw new CallFailure('NOT_FOUND', `No optimization run ${id}.`);
      const spec = optimizeSpecSchema.parse(row.spec);
      const trials = [];
      for (const t of optimizer.trials(id)) {
        if (trials.length >= maxTrials) break;
        trials.push(t);
      }
      return { ...info(optimizer, row), space: spec.space, folds: spec.folds, trials };
    },
  };
}

function info(optimizer: Optimizer, row: OptimizeRunRow): OptimizeRunInfo {
  const spec = optimizeSpecSchema.parse(row.spec);
  return { id: row.id, createdAt: row.createdAt, strategy: row.strategy, sourceLabel: sourceLabel(row.source), objective: spec.objective, sampler: spec.sampler, state: row.state, summary: optimizer.summary(row) };
}

/** Candles into shared columns; a CSV upload is cached first, so the run (and its resume) reads it from the cache. */
function loadSource(cache: CandleCache, src: BacktestSource): OptimizeData {
  if (src.kind === 'csv') {
    const { key, candles } = importCsv(cache, src.name, src.text);
    const from = (candles[0] as Candle).time;
    const to = (candles.at(-1) as Candle).time;
    return { cols: toColumns(candles), source: encodeRunSource({ ...key, from, to, label: `csv · ${src.name}` }) };
  }
  const key = { exchange: src.exchange, symbol: src.symbol, interval: src.interval };
  const from = src.from ?? Number.MIN_SAFE_INTEGER;
  const to = src.to ?? Number.MAX_SAFE_INTEGER;
  return loadCached(cache, key, from, to, null);
}

function loadCached(cache: CandleCache, key: { exchange: string; symbol: string; interval: string }, from: number, to: number, source: string | null): OptimizeData {
  const candles = [...cache.iterate(key, from, to)];
  if (candles.length < 2) throw new CallFailure('NOT_FOUND', `No cached candles for ${key.exchange} ${key.symbol} ${key.interval} in that range.`);
  const first = (candles[0] as Candle).time;
  const last = (candles.at(-1) as Candle).time;
  return { cols: toColumns(candles), source: source ?? encodeRunSource({ ...key, from: first, to: last, label: `${key.exchange} · ${key.symbol} · ${key.interval}` }) };
}

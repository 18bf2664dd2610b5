// Runs in: engine. Searches started from the app: candles from the cache or an upload, one search at a time, progress on the bus.
import type { z } from 'zod';
import { CallFailure, type BacktestSource, type OptimizeProgress, type OptimizeRunDetail, type OptimizeRunInfo, type OptimizeStarted, type OptimizeStartInput } from '../../../src-shared/contract';
import type { CandleCache } from '../../adapters/store/candle-cache';
import type { BacktestRunStore } from '../../adapters/store/run-store';
import type { OptimizeRepo, OptimizeRunRow } from '../../adapters/store/optimize-repo';
import { toColumns } from '../../core/backtest/columns';
import { optimizeSpecSchema } from '../../core/optimize/spec';
import type { Candle } from '../../core/strategies/types';
import { importCsv } from '../backtest/csv-import';
import { decodeRunSource, encodeRunSource, sourceLabel } from '../backtest/run-source';
import type { EventBus } from '../event-bus';
import { OptimizeError, Optimizer, type OptimizeData, type OptimizeJob } from './optimizer';
import { defaultWorkers, WorkerPool, type WorkerEntry } from './worker-pool';

export interface OptimizeJobsDeps {
  /** Cached candles: a CSV upload is imported here, a resume reads from here. */
  readonly cache: CandleCache;
  /** Optimization runs and their trials. */
  readonly repo: OptimizeRepo;
  /** Stored backtest runs (a search's best candidates). */
  readonly runs: BacktestRunStore;
  readonly bus: EventBus;
  /** The trial worker script (tests run the sources through tsx). */
  readonly workerEntry?: WorkerEntry;
  readonly workers?: number;
}

/** The engine's searches: one at a time (each already uses every core), progress on the bus, cancelled on shutdown. */
export class OptimizeJobs {
  private readonly cache: CandleCache;
  private readonly repo: OptimizeRepo;
  private readonly optimizer: Optimizer;
  private readonly jobs = new Map<number, OptimizeJob>();
  private readonly onProgress: (p: OptimizeProgress) => void;

  constructor(private readonly deps: OptimizeJobsDeps) {
    this.cache = deps.cache;
    this.repo = deps.repo;
    this.optimizer = new Optimizer({
      repo: this.repo,
      runs: deps.runs,
      executor: (cols, setup, workers) => new WorkerPool(cols, setup, workers, deps.workerEntry),
      now: Date.now,
    });
    this.onProgress = (p) => deps.bus.emit('optimize.progress', p);
  }

  start(input: z.output<typeof OptimizeStartInput>): z.output<typeof OptimizeStarted> {
    const { source, workers, ...spec } = input;
    const data = loadSource(this.cache, source);
    return this.launch(() => this.optimizer.start(spec, data, { workers: workers ?? this.workers(), onProgress: this.onProgress }), data.cols.length);
  }

  resume(runId: number, workers: number | undefined): z.output<typeof OptimizeStarted> {
    const row = this.repo.getRun(runId);
    if (!row) throw new CallFailure('NOT_FOUND', `No optimization run ${runId}.`);
    const src = decodeRunSource(row.source);
    if (!src) throw new CallFailure('BAD_INPUT', `Run ${runId}'s candles are not in the cache (a CLI run from a file); resume it with the CLI.`);
    const data = loadCached(this.cache, src, src.from, src.to, row.source);
    return this.launch(() => this.optimizer.resume(runId, data, { workers: workers ?? this.workers(), onProgress: this.onProgress }), data.cols.length);
  }

  cancel(runId: number): boolean {
    const job = this.jobs.get(runId);
    job?.cancel();
    return job !== undefined;
  }

  list(limit: number): OptimizeRunInfo[] {
    return this.repo.listRuns(limit).map((r) => this.info(r));
  }

  get(id: number, maxTrials: number): OptimizeRunDetail {
    const row = this.repo.getRun(id);
    if (!row) throw new CallFailure('NOT_FOUND', `No optimization run ${id}.`);
    const spec = optimizeSpecSchema.parse(row.spec);
    const trials = [];
    for (const t of this.optimizer.trials(id)) {
      if (trials.length >= maxTrials) break;
      trials.push(t);
    }
    return { ...this.info(row), space: spec.space, folds: spec.folds, trials };
  }

  /** Cancels what runs (finished trials are kept, so it resumes after a restart) and waits for the workers to end. */
  async close(): Promise<void> {
    const running = [...this.jobs.values()];
    running.forEach((j) => j.cancel());
    await Promise.all(running.map((j) => j.finished));
  }

  private workers(): number {
    return this.deps.workers ?? defaultWorkers();
  }

  private launch(make: () => OptimizeJob, candles: number): z.output<typeof OptimizeStarted> {
    if (this.jobs.size > 0) throw new CallFailure('CONFLICT', 'A search is already running; wait for it or cancel it.');
    let job: OptimizeJob;
    try {
      job = make();
    } catch (error) {
      if (error instanceof OptimizeError) throw new CallFailure('BAD_INPUT', error.message);
      throw error;
    }
    this.jobs.set(job.runId, job);
    void job.finished.finally(() => this.jobs.delete(job.runId));
    return { runId: job.runId, candles, total: job.total };
  }

  private info(row: OptimizeRunRow): OptimizeRunInfo {
    const spec = optimizeSpecSchema.parse(row.spec);
    return { id: row.id, createdAt: row.createdAt, strategy: row.strategy, sourceLabel: sourceLabel(row.source), objective: spec.objective, sampler: spec.sampler, state: row.state, summary: this.optimizer.summary(row) };
  }
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

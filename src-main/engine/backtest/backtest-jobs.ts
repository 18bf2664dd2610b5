// Runs in: engine. Runs backtests off the request path: chunks of candles between event-loop turns, progress on the bus.
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { CallFailure, type BacktestProgress, type BacktestRunInput, type CandleSeriesKey } from '../../../src-shared/contract';
import type { CandleCache } from '../../adapters/store/candle-cache';
import type { BacktestRunStore } from '../../adapters/store/run-store';
import { Backtester } from '../../core/backtest/backtester';
import { splitRunParams } from '../../core/backtest/run-params';
import { silentLogger, type Logger } from '../../core/logging/logger';
import type { Candle } from '../../core/strategies/types';
import { createStrategy, StrategyConfigError } from '../../core/strategies/registry';
import type { EventBus } from '../event-bus';
import { importCsv } from './csv-import';
import { encodeRunSource } from './run-source';

export interface BacktestJobsOptions {
  readonly bus: EventBus;
  readonly cache: CandleCache;
  readonly runs: BacktestRunStore;
  /** Candles per chunk between event-loop turns. */
  readonly chunkSize?: number;
  /** Least time between two `running` progress events. */
  readonly progressEveryMs?: number;
  readonly maxConcurrent?: number;
  readonly log?: Logger;
}

export type ParsedRunInput = z.output<typeof BacktestRunInput>;

interface Prepared {
  readonly backtester: Backtester;
  readonly total: number;
  readonly chunks: () => Iterable<readonly Candle[]>;
  readonly key: CandleSeriesKey;
  readonly label: string;
  readonly from: number;
  readonly to: number;
  readonly params: Record<string, unknown>;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export class BacktestJobs {
  private readonly running = new Map<string, { cancelled: boolean }>();
  private readonly chunkSize: number;

  constructor(private readonly options: BacktestJobsOptions) {
    this.chunkSize = options.chunkSize ?? 4096;
  }

  /** Validates everything up front (bad params or rows answer the call); the run itself continues in the background. */
  start(input: ParsedRunInput): { jobId: string; candles: number; finished: Promise<BacktestProgress> } {
    if (this.running.size >= (this.options.maxConcurrent ?? 2)) throw new CallFailure('CONFLICT', 'Two backtests are already running; wait for one to finish or cancel it.');
    const prepared = this.prepare(input);
    const jobId = randomUUID();
    const job = { cancelled: false };
    this.running.set(jobId, job);
    const finished = this.execute(jobId, job, prepared).finally(() => this.running.delete(jobId));
    return { jobId, candles: prepared.total, finished };
  }

  cancel(jobId: string): boolean {
    const job = this.running.get(jobId);
    if (job) job.cancelled = true;
    return job !== undefined;
  }

  private prepare(input: ParsedRunInput): Prepared {
    const params = { ...input.params, slippage: input.slippage, initialEquity: input.initialEquity, risk: input.risk };
    const split = splitRunParams(params);
    if (!split.ok) throw new CallFailure('BAD_INPUT', split.error);
    let strategy;
    try {
      strategy = createStrategy(input.strategy, split.value.strategyParams);
    } catch (error) {
      if (error instanceof StrategyConfigError) throw new CallFailure('BAD_INPUT', error.message);
      throw error;
    }
    const backtester = new Backtester({
      strategy,
      feeRate: input.fee,
      slippage: split.value.slippage,
      risk: split.value.risk,
      initialEquity: split.value.initialEquity,
      barsPerYear: split.value.barsPerYear,
    });
    const stored = { ...params, fee: input.fee };
    const src = input.source;
    if (src.kind === 'csv') {
      const { key, candles } = importCsv(this.options.cache, src.name, src.text);
      const size = this.chunkSize;
      return {
        backtester,
        total: candles.length,
        chunks: function* () {
          for (let i = 0; i < candles.length; i += size) yield candles.slice(i, i + size);
        },
        key,
        label: `csv · ${src.name}`,
        from: (candles[0] as Candle).time,
        to: (candles.at(-1) as Candle).time,
        params: stored,
      };
    }
    const key = { exchange: src.exchange, symbol: src.symbol, interval: src.interval };
    const from = src.from ?? Number.MIN_SAFE_INTEGER;
    const to = src.to ?? Number.MAX_SAFE_INTEGER;
    let total = 0;
    let first = NaN;
    let last = NaN;
    for (const t of this.options.cache.openTimes(key, from, to)) {
      if (total++ === 0) first = t;
      last = t;
    }
    if (total === 0) throw new CallFailure('NOT_FOUND', `No cached candles for ${key.exchange} ${key.symbol} ${key.interval} in that range.`);
    return { backtester, total, chunks: () => this.cachedChunks(key, first, last), key, label: `${key.exchange} · ${key.symbol} · ${key.interval}`, from: first, to: last, params: stored };
  }

  /** Pages through the cache; the statement is closed between pages so other engine queries are never blocked by it. */
  private *cachedChunks(key: CandleSeriesKey, from: number, to: number): Generator<readonly Candle[]> {
    let start = from;
    for (;;) {
      const page: Candle[] = [];
      for (const c of this.options.cache.iterate(key, start, to)) {
        page.push(c);
        if (page.length === this.chunkSize) break;
      }
      if (page.length === 0) return;
      yield page;
      if (page.length < this.chunkSize) return;
      start = (page.at(-1) as Candle).time + 1;
    }
  }

  private async execute(jobId: string, job: { cancelled: boolean }, p: Prepared): Promise<BacktestProgress> {
    const emit = (progress: Omit<BacktestProgress, 'jobId' | 'total'>): BacktestProgress => {
      const event = { jobId, total: p.total, ...progress };
      this.options.bus.emit('backtest.progress', event);
      return event;
    };
    let done = 0;
    let lastEmit = 0;
    const every = this.options.progressEveryMs ?? 50;
    try {
      emit({ state: 'running', done, runId: null, error: null });
      for (const chunk of p.chunks()) {
        await nextTurn();
        if (job.cancelled) return emit({ state: 'cancelled', done, runId: null, error: null });
        for (const c of chunk) p.backtester.push(c);
        done += chunk.length;
        if (Date.now() - lastEmit >= every) {
          lastEmit = Date.now();
          emit({ state: 'running', done, runId: null, error: null });
        }
      }
      const result = p.backtester.finish();
      const source = encodeRunSource({ ...p.key, from: p.from, to: p.to, label: p.label });
      const runId = this.options.runs.save({ strategy: result.strategy, params: p.params, source, result });
      return emit({ state: 'done', done, runId, error: null });
    } catch (error) {
      (this.options.log ?? silentLogger).error(`run ${p.label} failed`, { err: error });
      return emit({ state: 'failed', done, runId: null, error: error instanceof Error ? error.message : String(error) });
    }
  }
}

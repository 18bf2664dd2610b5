// Runs in: engine and CLI. Runs a parameter search on a trial executor, persisting every finished trial so it can resume.
import { z } from 'zod';
import { BacktestMetrics, OptimizeSummary as OptimizeSummarySchema, type OptimizeProgress, type OptimizeSummary, type OptimizeTrial } from '../../../src-shared/contract';
import type { BacktestRunStore } from '../../adapters/store/run-store';
import type { OptimizeRepo, OptimizeRunRow, TrialRow } from '../../adapters/store/optimize-repo';
import type { CandleColumns } from '../../core/backtest/columns';
import type { EquityPoint, Metrics } from '../../core/backtest/types';
import { OBJECTIVES, objectiveScore, type Objective } from '../../core/optimize/objective';
import { createSampler, type Observation } from '../../core/optimize/samplers';
import { dimensions, withValues, type ParamValues } from '../../core/optimize/space';
import { dataFingerprintSchema, MAX_GRID, optimizeSpecSchema, type DataFingerprint, type OptimizeSpec } from '../../core/optimize/spec';
import { runTrial, type TrialSetup } from '../../core/optimize/trial';
import { walkForwardFolds, walkForwardReport, type BarRange, type FoldOutcome } from '../../core/optimize/walk-forward';
import type { TrialExecutor, TrialOutcome } from './worker-pool';

export interface OptimizerDeps {
  readonly repo: OptimizeRepo;
  readonly runs: BacktestRunStore;
  /** One executor per search (a worker pool over the shared candles in production). */
  readonly executor: (cols: CandleColumns, setup: TrialSetup, workers: number) => TrialExecutor;
  readonly now: () => number;
}

/** The candles of a search, and where they came from (stored with the run and its backtest runs). */
export interface OptimizeData {
  readonly cols: CandleColumns;
  readonly source: string;
}

export interface OptimizeJob {
  readonly runId: number;
  readonly total: number;
  cancel(): void;
  readonly finished: Promise<OptimizeOutcome>;
}

export interface OptimizeOutcome {
  readonly runId: number;
  readonly state: 'done' | 'cancelled' | 'failed';
  readonly error: string | null;
  readonly summary: OptimizeSummary | null;
}

export class OptimizeError extends Error {
  override readonly name = 'OptimizeError';
}

/** Finished trials are written in batches; a cancel or crash loses at most the last batch's worth of work. */
const FLUSH_ROWS = 128;
const FLUSH_MS = 250;
const PROGRESS_MS = 200;

const storedValues = z.record(z.string(), z.unknown());

export class Optimizer {
  constructor(private readonly deps: OptimizerDeps) {}

  /** Validates the spec against the data, stores the run, and starts the search. */
  start(input: unknown, data: OptimizeData, options: { workers: number; onProgress?: (p: OptimizeProgress) => void }): OptimizeJob {
    const parsed = optimizeSpecSchema.safeParse(input);
    if (!parsed.success) throw new OptimizeError(`invalid search: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    const spec = parsed.data;
    const total = plannedTrials(spec, data.cols.length);
    const runId = this.deps.repo.createRun({ strategy: spec.strategy, source: data.source, spec, data: fingerprint(data.cols), createdAt: this.deps.now() });
    return this.launch(runId, spec, data, total, options);
  }

  /** Continues a stopped run on the same candles; finished trials are not run again. */
  resume(runId: number, data: OptimizeData, options: { workers: number; onProgress?: (p: OptimizeProgress) => void }): OptimizeJob {
    const row = this.deps.repo.getRun(runId);
    if (!row) throw new OptimizeError(`no optimization run ${runId}`);
    const spec = optimizeSpecSchema.parse(row.spec);
    const stored = dataFingerprintSchema.parse(row.data);
    const given = fingerprint(data.cols);
    if (stored.candles !== given.candles || stored.first !== given.first || stored.last !== given.last) {
      throw new OptimizeError(`run ${runId} searched ${stored.candles} candles (${stored.first} … ${stored.last}); these are ${given.candles} (${given.first} … ${given.last})`);
    }
    this.deps.repo.setState(runId, 'running', this.deps.now());
    return this.launch(runId, spec, data, plannedTrials(spec, data.cols.length), options);
  }

  /** The search on all the data, by trial index, streamed from the store. */
  *trials(runId: number): Generator<OptimizeTrial> {
    const row = this.deps.repo.getRun(runId);
    if (!row) return;
    const spec = optimizeSpecSchema.parse(row.spec);
    for (const t of this.deps.repo.trials(runId, 0)) yield toTrial(spec, t);
  }

  summary(row: OptimizeRunRow): OptimizeSummary | null {
    const parsed = OptimizeSummarySchema.safeParse(row.result);
    return parsed.success ? parsed.data : null;
  }

  private launch(runId: number, spec: OptimizeSpec, data: OptimizeData, total: number, options: { workers: number; onProgress?: (p: OptimizeProgress) => void }): OptimizeJob {
    const search = new Search(this.deps, runId, spec, data, total, options.workers, options.onProgress ?? (() => {}));
    return { runId, total, cancel: () => search.cancel(), finished: search.run() };
  }
}

function fingerprint(cols: CandleColumns): DataFingerprint {
  return { candles: cols.length, first: cols.time[0] ?? 0, last: cols.time[cols.length - 1] ?? 0 };
}

function plannedTrials(spec: OptimizeSpec, bars: number): number {
  const dims = dimensions(spec.space);
  let sampler;
  try {
    sampler = createSampler(spec.sampler, dims, spec.trials, spec.seed);
  } catch (error) {
    throw new OptimizeError(error instanceof Error ? error.message : String(error));
  }
  if (sampler.total > MAX_GRID) throw new OptimizeError(`the grid has ${sampler.total.toLocaleString('en-US')} points (at most ${MAX_GRID.toLocaleString('en-US')}); widen the steps or use --trials`);
  if (bars < 2 * (spec.folds + 1)) throw new OptimizeError(`${bars} candles are too few for ${spec.folds} walk-forward folds`);
  return sampler.total * (1 + spec.folds);
}

function toTrial(spec: OptimizeSpec, t: TrialRow): OptimizeTrial {
  const values = storedValues.parse(t.values);
  const metrics = t.metrics === null ? null : BacktestMetrics.parse(t.metrics);
  return { index: t.index, values, params: withValues(spec.baseParams, values), metrics, score: t.score, error: t.error };
}

interface Best {
  readonly index: number;
  readonly score: number;
  readonly values: ParamValues;
  readonly metrics: Metrics;
}

/** One run of a search: phase 0 on all the data, then each walk-forward fold's training window. */
class Search {
  private cancelled = false;
  private wake: () => void = () => {};
  private readonly stopped = new Promise<void>((resolve) => (this.wake = resolve));
  private readonly setup: TrialSetup;
  private pending: TrialRow[] = [];
  private lastFlush = 0;
  private lastProgress = 0;
  private done = 0;
  private ranHere = 0;
  private failed = 0;
  private started = 0;
  private best: Best | null = null;
  private phase = 0;

  constructor(
    private readonly deps: OptimizerDeps,
    private readonly runId: number,
    private readonly spec: OptimizeSpec,
    private readonly data: OptimizeData,
    private readonly total: number,
    private readonly workers: number,
    private readonly onProgress: (p: OptimizeProgress) => void,
  ) {
    this.setup = { strategy: spec.strategy, baseParams: spec.baseParams, fee: spec.fee };
  }

  cancel(): void {
    this.cancelled = true;
    this.wake();
  }

  async run(): Promise<OptimizeOutcome> {
    this.started = this.deps.now();
    const executor = this.deps.executor(this.data.cols, this.setup, this.workers);
    let end: Parameters<Search['finish']>;
    try {
      end = await this.phases(executor);
    } catch (error) {
      this.flush();
      end = ['failed', error instanceof Error ? error.message : String(error), null];
    } finally {
      await executor.close();
    }
    // Reported once the workers are gone, so a client told "done" can start the next search at once.
    return this.finish(...end);
  }

  /** All the data, then each walk-forward fold: search the training window, test its winner on the next. */
  private async phases(executor: TrialExecutor): Promise<Parameters<Search['finish']>> {
    const overall = await this.searchPhase(executor, 0, { from: 0, to: this.data.cols.length });
    const folds: FoldOutcome[] = [];
    const curves: EquityPoint[][] = [];
    for (const f of walkForwardFolds(this.data.cols.length, this.spec.folds)) {
      if (this.cancelled) break;
      const winner = await this.searchPhase(executor, f.fold, f.train);
      if (this.cancelled || winner === null) continue;
      const test = this.fullRun(winner.values, f.test);
      if (test === null) continue;
      const outOfSample = { score: objectiveScore(this.spec.objective, test.metrics), metrics: test.metrics };
      folds.push({ fold: f.fold, train: f.train, test: f.test, values: winner.values, params: withValues(this.spec.baseParams, winner.values), inSample: { score: winner.score, metrics: winner.metrics }, outOfSample });
      curves.push([...test.equity]);
    }
    this.flush();
    if (this.cancelled) return ['cancelled', null, null];
    const best = overall === null ? null : { index: overall.index, values: overall.values, params: withValues(this.spec.baseParams, overall.values), metrics: overall.metrics, score: overall.score, error: null };
    const summary: OptimizeSummary = {
      trials: this.phaseCount(0),
      failed: this.failed,
      trialsPerSecond: this.rate(),
      best,
      walkForward: folds.length > 0 ? walkForwardReport(folds, curves) : null,
      storedRuns: this.storeTopRuns(),
    };
    return ['done', null, summary];
  }

  private finish(state: OptimizeOutcome['state'], error: string | null, summary: OptimizeSummary | null): OptimizeOutcome {
    this.deps.repo.setState(this.runId, state, this.deps.now(), summary ?? undefined);
    this.progress(state, error);
    return { runId: this.runId, state, error, summary };
  }

  private phaseCount(phase: number): number {
    let n = 0;
    for (const t of this.deps.repo.trials(this.runId, phase)) if (t.score !== null) n++;
    return n;
  }

  /** Runs the phase's trials not finished yet; returns its best (by score, then index). */
  private async searchPhase(executor: TrialExecutor, phase: number, range: BarRange): Promise<Best | null> {
    this.phase = phase;
    this.best = null;
    const sampler = createSampler(this.spec.sampler, dimensions(this.spec.space), this.spec.trials, this.spec.seed);
    // TPE needs the finished trials' values and scores; grid and random only which indices are done.
    const keepHistory = sampler.batchSize > 1;
    const history: Observation[] = [];
    const finished = new Set<number>();
    for (const t of this.deps.repo.trials(this.runId, phase)) {
      finished.add(t.index);
      const values = storedValues.parse(t.values);
      const score = t.score ?? -Infinity;
      if (keepHistory) history.push({ index: t.index, values, score });
      if (t.metrics !== null && t.score !== null) this.consider({ index: t.index, score: t.score, values, metrics: BacktestMetrics.parse(t.metrics) });
      else if (phase === 0) this.failed++;
    }
    this.done += finished.size;
    const window = Math.max(2, executor.size * 2);
    const inflight = new Set<Promise<void>>();
    const wait = (p: Promise<unknown>) => Promise.race([p, this.stopped]);
    for (let i = 0; i < sampler.total && !this.cancelled; i++) {
      if (sampler.batchSize > 1 && i % sampler.batchSize === 0) await wait(Promise.all(inflight));
      if (finished.has(i) || this.cancelled) continue;
      const values = sampler.propose(i, history);
      const task = executor.run({ values, range }).then((outcome) => this.record(phase, i, values, outcome, keepHistory ? history : null));
      inflight.add(task);
      void task.finally(() => inflight.delete(task));
      if (inflight.size >= window) await wait(Promise.race(inflight));
    }
    await wait(Promise.all(inflight));
    this.flush();
    return this.best;
  }

  private record(phase: number, index: number, values: ParamValues, outcome: TrialOutcome, history: Observation[] | null): void {
    if (this.cancelled) return; // finished after the cancel: not stored, so a resume runs it again
    const score = outcome.ok ? objectiveScore(this.spec.objective, outcome.metrics) : null;
    this.pending.push({ phase, index, values, metrics: outcome.ok ? outcome.metrics : null, score, error: outcome.ok ? null : outcome.error });
    history?.push({ index, values, score: score ?? -Infinity });
    if (outcome.ok && score !== null) this.consider({ index, score, values, metrics: outcome.metrics });
    else if (phase === 0) this.failed++;
    this.done++;
    this.ranHere++;
    const now = this.deps.now();
    if (this.pending.length >= FLUSH_ROWS || now - this.lastFlush >= FLUSH_MS) this.flush();
    if (now - this.lastProgress >= PROGRESS_MS) this.progress('running', null);
  }

  private consider(b: Best): void {
    const cur = this.best;
    if (cur === null || b.score > cur.score || (b.score === cur.score && b.index < cur.index)) this.best = b;
  }

  private flush(): void {
    this.lastFlush = this.deps.now();
    if (this.pending.length === 0) return;
    this.deps.repo.saveTrials(this.runId, this.pending);
    this.pending = [];
  }

  private rate(): number {
    const seconds = (this.deps.now() - this.started) / 1000;
    return seconds > 0 ? this.ranHere / seconds : 0;
  }

  private progress(state: OptimizeProgress['state'], error: string | null): void {
    this.lastProgress = this.deps.now();
    const rate = this.rate();
    const left = this.total - this.done;
    this.onProgress({
      runId: this.runId,
      state,
      phase: this.phase,
      phases: 1 + this.spec.folds,
      done: this.done,
      total: this.total,
      best: this.best === null ? null : { score: this.best.score, values: this.best.values },
      trialsPerSecond: rate,
      etaSeconds: state === 'running' && rate > 0 ? left / rate : null,
      error,
    });
  }

  /** A trial with its trades and curve, in this thread (only for the few results that are kept). */
  private fullRun(values: ParamValues, range: BarRange) {
    const run = runTrial(this.data.cols, this.setup, values, range);
    return run.ok ? run.result : null;
  }

  /** The best `top` trials of phase 0 by each objective, rerun in full and stored as backtest runs. */
  private storeTopRuns(): Record<string, number[]> {
    const n = this.spec.top;
    if (n === 0) return {};
    const tops = new Map<Objective, { index: number; score: number; values: ParamValues }[]>(OBJECTIVES.map((o) => [o, []]));
    for (const t of this.deps.repo.trials(this.runId, 0)) {
      if (t.metrics === null) continue;
      const metrics = BacktestMetrics.parse(t.metrics);
      const values = storedValues.parse(t.values);
      for (const o of OBJECTIVES) {
        const list = tops.get(o) as { index: number; score: number; values: ParamValues }[];
        list.push({ index: t.index, score: objectiveScore(o, metrics), values });
        list.sort((a, b) => b.score - a.score || a.index - b.index);
        if (list.length > n) list.pop(); // bounded: memory stays flat in the number of trials
      }
    }
    const stored = new Map<number, number>();
    const out: Record<string, number[]> = {};
    for (const [o, list] of tops) {
      out[o] = list.map((t) => {
        const known = stored.get(t.index);
        if (known !== undefined) return known;
        const run = runTrial(this.data.cols, this.setup, t.values);
        if (!run.ok) return -1;
        const id = this.deps.runs.save({ strategy: this.spec.strategy, params: { ...run.params, fee: this.spec.fee }, source: this.data.source, result: run.result });
        stored.set(t.index, id);
        return id;
      }).filter((id) => id >= 0);
    }
    return out;
  }
}

// The optimizer end to end on real worker threads: grid optimum, determinism across worker counts,
// cancel + resume, crash isolation, and trial metrics equal to `cockpit backtest`.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BacktestRunStore } from '../../../src-main/adapters/store/run-store';
import { openDatabase, type Db } from '../../../src-main/adapters/store/database';
import { OptimizeRepo } from '../../../src-main/adapters/store/optimize-repo';
import backtestCli from '../../../src-main/cli/commands/backtest';
import checkBiasCli from '../../../src-main/cli/commands/check-bias';
import optimizeCli from '../../../src-main/cli/commands/optimize';
import { runBacktest } from '../../../src-main/core/backtest/backtester';
import { toColumns } from '../../../src-main/core/backtest/columns';
import type { OptimizeSpecInput } from '../../../src-main/core/optimize/spec';
import { createStrategy } from '../../../src-main/core/strategies/registry';
import type { Candle } from '../../../src-main/core/strategies/types';
import { Optimizer, type OptimizeData, type OptimizeJob } from '../../../src-main/engine/optimize/optimizer';
import { WorkerPool, type TrialExecutor, type WorkerEntry } from '../../../src-main/engine/optimize/worker-pool';
import type { OptimizeProgress } from '../../../src-shared/contract';
import { syntheticCandles } from '../../support/synthetic-candles';
import { capture, csvOf, tempDir, writeCsv } from '../backtest/helpers';

const dir = tempDir();
const dbs: Db[] = [];
afterAll(() => dbs.forEach((db) => db.close()));

const candles: Candle[] = [...syntheticCandles(6000, 99)];
const data: OptimizeData = { cols: toColumns(candles), source: 'test:synthetic' };
const SPACE = { fast: { min: 3, max: 21, step: 3 }, slow: { min: 30, max: 90, step: 15 } };

function optimizer(workerEntry?: WorkerEntry, wrap: (pool: TrialExecutor) => TrialExecutor = (pool) => pool) {
  const db = openDatabase(':memory:');
  dbs.push(db);
  const repo = new OptimizeRepo(db);
  const runs = new BacktestRunStore(db);
  return { repo, runs, optimizer: new Optimizer({ repo, runs, executor: (cols, setup, n) => wrap(new WorkerPool(cols, setup, n, workerEntry)), now: Date.now }) };
}

async function search(spec: OptimizeSpecInput, workers: number) {
  const o = optimizer();
  const job = o.optimizer.start(spec, data, { workers });
  const outcome = await job.finished;
  expect(outcome.state).toBe('done');
  return { ...o, outcome, trials: [...o.optimizer.trials(outcome.runId)] };
}

const table = (trials: { index: number; values: unknown; metrics: unknown; score: number | null }[]) => trials.map((t) => ({ index: t.index, values: t.values, metrics: t.metrics, score: t.score }));

describe('optimizer', () => {
  it('grid search visits every point and finds the optimum an exhaustive loop finds; trials equal plain backtests', async () => {
    const { outcome, trials, runs } = await search({ strategy: 'sma-cross', space: SPACE, sampler: 'grid', objective: 'profit', fee: 0.001, top: 2 }, 2);
    expect(trials).toHaveLength(7 * 5);
    let best = { pnl: -Infinity, fast: 0, slow: 0 };
    for (let fast = 3; fast <= 21; fast += 3) {
      for (let slow = 30; slow <= 90; slow += 15) {
        const r = runBacktest(candles, { strategy: createStrategy('sma-cross', { fast, slow }), feeRate: 0.001 });
        const trial = trials.find((t) => t.values['fast'] === fast && t.values['slow'] === slow);
        expect(trial?.metrics).toEqual(r.metrics);
        if (r.metrics.netPnlPct > best.pnl) best = { pnl: r.metrics.netPnlPct, fast, slow };
      }
    }
    expect(outcome.summary?.best?.values).toEqual({ fast: best.fast, slow: best.slow });
    expect(outcome.summary?.best?.metrics?.netPnlPct).toBe(best.pnl);
    // The best two per objective were stored as full backtest runs.
    const stored = outcome.summary!.storedRuns['profit']!;
    expect(stored).toHaveLength(2);
    expect(runs.get(stored[0]!)?.params).toEqual({ fast: best.fast, slow: best.slow, fee: 0.001 });
  });

  it('gives the same trials and results with 1 and with 3 workers for the same seed (random and TPE)', async () => {
    for (const sampler of ['random', 'tpe'] as const) {
      const spec = { strategy: 'sma-cross', space: { fast: { min: 2, max: 30, step: 1 }, slow: { min: 31, max: 120 } }, sampler, trials: 40, seed: 7 };
      const one = await search(spec, 1);
      const three = await search(spec, 3);
      expect(table(three.trials)).toEqual(table(one.trials));
      expect(three.outcome.summary?.best).toEqual(one.outcome.summary?.best);
      const other = await search({ ...spec, seed: 8 }, 3);
      expect(table(other.trials)).not.toEqual(table(one.trials));
    }
  });

  it('cancelled and resumed, ends with the same table as an uninterrupted run', async () => {
    const spec = { strategy: 'sma-cross', space: { fast: { min: 2, max: 30, step: 1 }, slow: { min: 31, max: 150, step: 1 } }, sampler: 'tpe' as const, trials: 64, seed: 3, folds: 2 };
    const whole = await search(spec, 2);

    // Cancel after the 20th finished trial, whatever the machine's speed (progress events are throttled).
    let finished = 0;
    let job: OptimizeJob | null = null;
    const o = optimizer(undefined, (pool) => ({
      size: pool.size,
      close: () => pool.close(),
      run: async (task) => {
        const outcome = await pool.run(task);
        if (++finished === 20) job?.cancel();
        return outcome;
      },
    }));
    const seen: OptimizeProgress[] = [];
    job = o.optimizer.start(spec, data, { workers: 2, onProgress: (p) => seen.push(p) });
    const cancelled = await job.finished;
    expect(cancelled.state).toBe('cancelled');
    const kept = o.repo.countTrials(cancelled.runId);
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThanOrEqual(20);
    expect(o.repo.getRun(cancelled.runId)?.state).toBe('cancelled');

    const resumed = o.optimizer.resume(cancelled.runId, data, { workers: 3 });
    const done = await resumed.finished;
    expect(done.state).toBe('done');
    expect(table([...o.optimizer.trials(cancelled.runId)])).toEqual(table(whole.trials));
    expect(done.summary?.best).toEqual(whole.outcome.summary?.best);
    expect(done.summary?.walkForward?.folds).toEqual(whole.outcome.summary?.walkForward?.folds);
    expect(seen.some((p) => p.state === 'running' && p.etaSeconds !== null)).toBe(true);
  });

  it('refuses to resume on other candles', async () => {
    const o = optimizer();
    const job = o.optimizer.start({ strategy: 'sma-cross', space: SPACE, sampler: 'grid' }, data, { workers: 1 });
    job.cancel();
    await job.finished;
    const other = { cols: toColumns(candles.slice(1)), source: 'x' };
    expect(() => o.optimizer.resume(job.runId, other, { workers: 1 })).toThrow(/searched 6000 candles/);
  });

  it('loses only the trial of a crashed worker: retried once, then recorded as failed', async () => {
    process.env.COCKPIT_TEST_CRASH_DIR = dir;
    const o = optimizer({ url: new URL('./crashing-worker.ts', import.meta.url), execArgv: ['--import', 'tsx'] });
    const job = o.optimizer.start({ strategy: 'sma-cross', space: { fast: { choices: [5, 10] }, slow: { choices: [40, 41, 42, 43] } }, sampler: 'grid' }, data, { workers: 2 });
    const outcome = await job.finished;
    expect(outcome.state).toBe('done');
    const trials = [...o.optimizer.trials(outcome.runId)];
    const failed = trials.filter((t) => t.error !== null);
    expect(failed.map((t) => t.values)).toEqual([
      { fast: 5, slow: 41 },
      { fast: 10, slow: 41 },
    ]);
    expect(failed[0]!.error).toMatch(/crashed twice/);
    // Crashed once, retried, fine: same metrics as a plain backtest.
    const once = trials.find((t) => t.values['fast'] === 5 && t.values['slow'] === 43)!;
    expect(once.metrics).toEqual(runBacktest(candles, { strategy: createStrategy('sma-cross', { fast: 5, slow: 43 }) }).metrics);
    expect(outcome.summary?.failed).toBe(2);
  });

  it('records invalid combinations (fast ≥ slow) as failed trials without stopping the search', async () => {
    const { trials, outcome } = await search({ strategy: 'sma-cross', space: { fast: { min: 10, max: 40, step: 10 }, slow: { choices: [20, 50] } }, sampler: 'grid' }, 2);
    expect(trials.filter((t) => t.error !== null).map((t) => t.values)).toEqual([
      { fast: 20, slow: 20 },
      { fast: 30, slow: 20 },
      { fast: 40, slow: 20 },
    ]);
    expect(outcome.summary?.trials).toBe(5);
  });

  it('searches risk-profile params through dotted paths', async () => {
    const { trials } = await search({ strategy: 'sma-cross', space: { 'risk.stopLoss': { choices: [0.01, 0.05] }, 'risk.trailingStop': { choices: [null, 0.02] } }, baseParams: { fast: 5, slow: 40, risk: true }, sampler: 'grid' }, 2);
    expect(trials.map((t) => t.params)).toContainEqual({ fast: 5, slow: 40, risk: { stopLoss: 0.05, trailingStop: 0.02 } });
    expect(new Set(trials.map((t) => t.metrics?.netPnl)).size).toBeGreaterThan(1); // the risk settings change the outcome
  });
});

describe('cockpit optimize --json', () => {
  it('prints {trials, best, trialsPerSecond} last, and each trial matches `cockpit backtest` for its params', async () => {
    const file = writeCsv(dir, 'synthetic.csv', csvOf(candles.slice(0, 3000)));
    const db = join(dir, 'cli.sqlite');
    const { code, out, err } = await capture(optimizeCli, ['--strategy', 'sma-cross', '--space', '{"fast":{"min":4,"max":12,"step":4},"slow":{"choices":[30,60]}}', '--grid', '--csv', file, '--fee', '0.001', '--workers', '2', '--db', db, '--json']);
    expect(code, err).toBe(0);
    expect(err).toMatch(/6\/6 trials/);
    const doc = JSON.parse(out.trim().split('\n').at(-1)!);
    expect(Object.keys(doc).slice(0, 3)).toEqual(['trials', 'best', 'trialsPerSecond']);
    expect(doc.trials).toHaveLength(6);
    expect(doc.trialsPerSecond).toBeGreaterThan(0);
    for (const t of doc.trials.slice(0, 3)) {
      const bt = await capture(backtestCli, ['--strategy', 'sma-cross', '--params', JSON.stringify(t.params), '--csv', file, '--fee', '0.001', '--json']);
      expect(t.metrics).toEqual(JSON.parse(bt.out).metrics);
    }
    const best = doc.trials.reduce((a: { metrics: { sharpe: number } }, b: { metrics: { sharpe: number } }) => (b.metrics.sharpe > a.metrics.sharpe ? b : a));
    expect(doc.best).toEqual(best);
  });

  it('refuses a grid with a continuous param and a bad objective, with exit code 2', async () => {
    const file = writeCsv(dir, 'small.csv', csvOf(candles.slice(0, 500)));
    const grid = await capture(optimizeCli, ['--strategy', 'sma-cross', '--space', '{"fast":{"min":2,"max":9}}', '--grid', '--csv', file, '--db', join(dir, 'x.sqlite')]);
    expect(grid.code).toBe(2);
    expect(grid.err).toMatch(/grid search needs a step or choices for every param \(fast/);
    const objective = await capture(optimizeCli, ['--strategy', 'sma-cross', '--space', '{"fast":{"min":2,"max":9}}', '--objective', 'luck', '--csv', file]);
    expect(objective.code).toBe(2);
  });
});

describe('cockpit check-bias', () => {
  it('passes a built-in strategy with exit code 0 and lists what it compared', async () => {
    const file = writeCsv(dir, 'bias.csv', csvOf(candles));
    const { code, out } = await capture(checkBiasCli, ['--strategy', 'rsi-momentum', '--params', '{"period":10}', '--csv', file]);
    expect(code).toBe(0);
    expect(out).toMatch(/^check-bias rsi-momentum on 6000 candles: PASS/);
    expect(out).toMatch(/lookahead {2}pass: \d+ signals rechecked with the future hidden, 0 changed/);
    expect(out).toMatch(/rsi +settles from bar \d+/);
    const json = await capture(checkBiasCli, ['--strategy', 'breakout', '--csv', file, '--offsets', '100,500', '--json']);
    expect(JSON.parse(json.out)).toMatchObject({ ok: true, warmup: { offsets: [100, 500] } });
  });

  it('refuses bad params with exit code 2', async () => {
    const file = writeCsv(dir, 'bias-small.csv', csvOf(candles.slice(0, 300)));
    const { code, err } = await capture(checkBiasCli, ['--strategy', 'sma-cross', '--params', '{"fast":50,"slow":10}', '--csv', file]);
    expect(code).toBe(2);
    expect(err).toMatch(/fast must be shorter than slow/);
  });
});

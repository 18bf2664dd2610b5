// The engine's optimize service: a CSV upload searched in the background, progress on the bus, one search at a time,
// cancelled by shutdown and resumed from the cache.
import { afterAll, describe, expect, it } from 'vitest';
import { CandleCache } from '../../../src-main/adapters/store/candle-cache';
import { openDatabase } from '../../../src-main/adapters/store/database';
import { OptimizeRepo } from '../../../src-main/adapters/store/optimize-repo';
import { BacktestRunStore } from '../../../src-main/adapters/store/run-store';
import { EventBus } from '../../../src-main/engine/event-bus';
import { OptimizeJobs } from '../../../src-main/engine/optimize/optimize-jobs';
import { CallFailure, OptimizeStartInput, type OptimizeProgress } from '../../../src-shared/contract';
import { syntheticCandles } from '../../support/synthetic-candles';
import { csvOf } from '../backtest/helpers';

const db = openDatabase(':memory:');
afterAll(() => db.close());

describe('OptimizeJobs', () => {
  const bus = new EventBus();
  const events: OptimizeProgress[] = [];
  bus.on('optimize.progress', (p) => events.push(p));
  const jobs = new OptimizeJobs({ cache: new CandleCache(db), repo: new OptimizeRepo(db), runs: new BacktestRunStore(db), bus, workers: 2 });
  const input = OptimizeStartInput.parse({
    strategy: 'sma-cross',
    space: { fast: { min: 2, max: 40, step: 1 }, slow: { min: 41, max: 200, step: 1 } },
    source: { kind: 'csv', name: 'walk.csv', text: csvOf([...syntheticCandles(3000, 5)]) },
    sampler: 'random',
    trials: 1000,
    folds: 2,
  });

  it('runs one search at a time, stops on close keeping its trials, and resumes from the cached candles', async () => {
    const started = jobs.start(input);
    expect(started).toMatchObject({ candles: 3000, total: 3000 });
    expect(() => jobs.start(input)).toThrow(CallFailure);
    await expect.poll(() => events.filter((e) => e.state === 'running').length, { timeout: 20_000 }).toBeGreaterThan(0);
    await jobs.close();
    expect(events.at(-1)).toMatchObject({ runId: started.runId, state: 'cancelled' });
    const kept = jobs.get(started.runId, 5000);
    expect(kept.state).toBe('cancelled');

    jobs.resume(started.runId, 2);
    await expect.poll(() => events.at(-1)?.state, { timeout: 60_000 }).toBe('done');
    const done = jobs.get(started.runId, 5000);
    expect(done.trials).toHaveLength(1000);
    expect(done.summary?.walkForward?.folds).toHaveLength(2);
    expect(jobs.list(10)[0]).toMatchObject({ id: started.runId, state: 'done', sourceLabel: 'csv · walk.csv', objective: 'sharpe', sampler: 'random' });
  });

  it('refuses a bad search with the reason', () => {
    expect(() => jobs.start({ ...input, sampler: 'grid', space: { fast: { min: 1, max: 9 } } })).toThrow(/grid search needs a step/);
  });
});

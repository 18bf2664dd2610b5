// Runs in: Node (CLI). `cockpit optimize`: a parameter search on every core, stored and resumable; progress on stderr.
import { join } from 'node:path';
import { BacktestRunStore } from '../../adapters/store/run-store';
import { openDatabase, type Db } from '../../adapters/store/database';
import { OptimizeRepo } from '../../adapters/store/optimize-repo';
import { toColumns } from '../../core/backtest/columns';
import type { Candle } from '../../core/strategies/types';
import type { OptimizeProgress, OptimizeSummary, WalkForwardReport } from '../../../src-shared/contract';
import { encodeRunSource } from '../../engine/backtest/run-source';
import { resolveDataDir } from '../../engine/data-dir';
import { OptimizeError, Optimizer, type OptimizeData, type OptimizeJob } from '../../engine/optimize/optimizer';
import { defaultWorkers, WorkerPool } from '../../engine/optimize/worker-pool';
import { UsageError } from './backtest-options';
import { cacheExchangeSeries } from './backtest-download';
import { loadCsv } from './candle-input';
import { OPTIMIZE_USAGE, parseOptimizeOptions, type OptimizeOptions } from './optimize-options';

export default async function run(args: string[]): Promise<number> {
  try {
    return await execute(args);
  } catch (err) {
    const usage = err instanceof UsageError || err instanceof OptimizeError;
    process.stderr.write(`cockpit optimize: ${err instanceof Error ? err.message : String(err)}\n`);
    return usage ? 2 : 1;
  }
}

async function execute(args: string[]): Promise<number> {
  const opts = parseOptimizeOptions(args);
  if (opts.help) {
    process.stdout.write(OPTIMIZE_USAGE);
    return 0;
  }
  const { data, db } = await loadData(opts);
  try {
    const repo = new OptimizeRepo(db);
    const optimizer = new Optimizer({ repo, runs: new BacktestRunStore(db), executor: (cols, setup, n) => new WorkerPool(cols, setup, n), now: Date.now });
    const progress = progressWriter(process.stderr);
    const options = { workers: opts.workers ?? defaultWorkers(), onProgress: progress.update };
    const job: OptimizeJob = opts.resume !== null ? optimizer.resume(opts.resume, data, options) : optimizer.start(opts.spec, data, options);
    const stop = () => job.cancel();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    const outcome = await job.finished.finally(() => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      progress.end();
    });
    if (outcome.state === 'cancelled') {
      process.stderr.write(`Cancelled; finished trials are kept. Continue with: cockpit optimize --resume ${outcome.runId} and the same data flags${opts.db ? ` --db ${opts.db}` : ''}\n`);
      return 130;
    }
    if (outcome.state === 'failed' || outcome.summary === null) throw new Error(outcome.error ?? 'the search failed');
    const summary = outcome.summary;
    if (opts.json) {
      const trials = [];
      for (const t of optimizer.trials(outcome.runId)) if (t.metrics !== null) trials.push({ params: t.params, metrics: t.metrics });
      const best = summary.best === null ? null : { params: summary.best.params, metrics: summary.best.metrics };
      process.stdout.write(`${JSON.stringify({ trials, best, trialsPerSecond: summary.trialsPerSecond, runId: outcome.runId, failed: summary.failed, walkForward: summary.walkForward, storedRuns: summary.storedRuns })}\n`);
    } else {
      process.stdout.write(report(outcome.runId, summary, [...optimizer.trials(outcome.runId)]));
    }
    return 0;
  } finally {
    db.close();
  }
}

async function loadData(opts: OptimizeOptions): Promise<{ data: OptimizeData; db: Db }> {
  const openDb = () => openDatabase(opts.db ?? join(resolveDataDir(opts.dataDir), 'cockpit.sqlite'));
  if (opts.csv) {
    const csv = loadCsv(opts.csv);
    return { data: { cols: toColumns(csv.candles), source: `csv:${opts.csv}` }, db: openDb() };
  }
  const s = opts.series as NonNullable<OptimizeOptions['series']>;
  const cached = await cacheExchangeSeries(s, (line) => process.stderr.write(`${line}\n`));
  const candles: Candle[] = [...cached.candles];
  const source = encodeRunSource({ ...cached.key, from: s.from, to: s.to, label: `${s.exchange} · ${s.symbol} · ${s.interval}` });
  if (!opts.db) return { data: { cols: toColumns(candles), source }, db: cached.db };
  cached.db.close();
  return { data: { cols: toColumns(candles), source }, db: openDb() };
}

/** A redrawn bar on a terminal; otherwise a plain line at most every second (logs, CI). */
function progressWriter(out: NodeJS.WriteStream): { update: (p: OptimizeProgress) => void; end: () => void } {
  const tty = out.isTTY === true;
  let last = 0;
  let drawn = false;
  const line = (p: OptimizeProgress) => {
    const pct = p.total > 0 ? p.done / p.total : 0;
    const best = p.best ? ` best ${p.best.score.toFixed(3)} ${JSON.stringify(p.best.values)}` : '';
    const eta = p.etaSeconds === null ? '' : ` ETA ${Math.ceil(p.etaSeconds)}s`;
    const phase = p.phases > 1 ? (p.phase === 0 ? ' [all data]' : ` [fold ${p.phase}/${p.phases - 1}]`) : '';
    return `${p.done}/${p.total} trials (${(pct * 100).toFixed(0)}%) ${p.trialsPerSecond.toFixed(1)}/s${eta}${phase}${best}`;
  };
  return {
    update: (p) => {
      const now = Date.now();
      if (tty) {
        const width = 24;
        const fill = Math.round((p.total > 0 ? p.done / p.total : 0) * width);
        out.write(`\r\x1b[2K[${'#'.repeat(fill)}${'-'.repeat(width - fill)}] ${line(p)}`.slice(0, (out.columns ?? 120) + 8));
        drawn = true;
      } else if (now - last >= 1000 || p.state !== 'running') {
        out.write(`${line(p)}\n`);
        last = now;
      }
    },
    end: () => {
      if (drawn) out.write('\n');
    },
  };
}

const pct = (x: number) => `${(x * 100).toFixed(2)}%`;

function report(runId: number, s: OptimizeSummary, trials: { index: number; values: Record<string, unknown>; score: number | null; error: string | null; metrics: { netPnlPct: number; sharpe: number; maxDrawdown: number; trades: number } | null }[]): string {
  const lines: string[] = [];
  const failed = trials.find((t) => t.error !== null);
  // Usually a space that leaves the params' limits (a continuous range for an integer param, fast ≥ slow).
  if (failed) lines.push(`${s.failed} trial(s) failed or were refused, e.g. trial ${failed.index} ${JSON.stringify(failed.values)}: ${failed.error}`, '');
  if (s.walkForward) lines.push(...walkForwardLines(s.walkForward), '');
  const b = s.best;
  lines.push(`In-sample optimum on all the data (run ${runId}, ${s.trials} trials, ${s.failed} failed, ${s.trialsPerSecond.toFixed(1)} trials/s):`);
  if (b?.metrics) lines.push(`  ${JSON.stringify(b.values)}  score ${b.score?.toFixed(4)}  net ${pct(b.metrics.netPnlPct)}  sharpe ${b.metrics.sharpe.toFixed(2)}  max DD ${pct(b.metrics.maxDrawdown)}  ${b.metrics.trades} trades`);
  const top = trials.filter((t) => t.score !== null).sort((x, y) => (y.score as number) - (x.score as number) || x.index - y.index).slice(0, 10);
  lines.push('', '  #      score      net      sharpe   max DD  trades  params');
  for (const t of top) {
    const m = t.metrics!;
    lines.push(`  ${String(t.index).padEnd(5)} ${(t.score as number).toFixed(4).padStart(9)} ${pct(m.netPnlPct).padStart(9)} ${m.sharpe.toFixed(2).padStart(8)} ${pct(m.maxDrawdown).padStart(8)} ${String(m.trades).padStart(6)}  ${JSON.stringify(t.values)}`);
  }
  const stored = Object.entries(s.storedRuns).map(([o, ids]) => `${o}: ${ids.join(', ')}`);
  if (stored.length > 0) lines.push('', `Stored as backtest runs (best per objective): ${stored.join('; ')}`);
  return `${lines.join('\n')}\n`;
}

function walkForwardLines(w: WalkForwardReport): string[] {
  const lines = [`Walk-forward, out of sample (${w.folds.length} folds): net ${pct(w.outOfSample.netPnlPct)}, max DD ${pct(w.outOfSample.maxDrawdown)}, ${w.outOfSample.trades} trades, efficiency ${w.efficiency === null ? 'n/a' : w.efficiency.toFixed(2)}`];
  if (w.warning) lines.push(`  WARNING: ${w.warning}`);
  lines.push('  fold  train bars       test bars        in-sample  out-of-sample  params');
  for (const f of w.folds) {
    lines.push(`  ${String(f.fold).padEnd(5)} ${`${f.train.from}-${f.train.to}`.padEnd(16)} ${`${f.test.from}-${f.test.to}`.padEnd(16)} ${f.inSample.score.toFixed(3).padStart(9)} ${f.outOfSample.score.toFixed(3).padStart(14)}  ${JSON.stringify(f.values)}`);
  }
  return lines;
}

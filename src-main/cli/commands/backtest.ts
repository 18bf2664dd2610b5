// Runs in: Node (CLI). `cockpit backtest`: a strategy over a CSV or an exchange series from the candle cache.
import { performance } from 'node:perf_hooks';
import { BacktestRunStore } from '../../adapters/store/run-store';
import { openDatabase } from '../../adapters/store/database';
import { runBacktest } from '../../core/backtest/backtester';
import { splitRunParams, type RunParams } from '../../core/backtest/run-params';
import type { BacktestResult, Trade } from '../../core/backtest/types';
import { createStrategy, StrategyConfigError } from '../../core/strategies/registry';
import type { Candle } from '../../core/strategies/types';
import { encodeRunSource } from '../../engine/backtest/run-source';
import { cacheExchangeSeries } from './backtest-download';
import { parseBacktestOptions, USAGE, UsageError, type BacktestOptions } from './backtest-options';
import { loadCsv } from './candle-input';

export default async function run(args: string[]): Promise<number> {
  try {
    return await execute(args);
  } catch (err) {
    if (err instanceof UsageError || err instanceof StrategyConfigError) {
      process.stderr.write(`cockpit backtest: ${err.message}\n`);
      return 2;
    }
    process.stderr.write(`cockpit backtest: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
}

async function execute(args: string[]): Promise<number> {
  const opts = parseBacktestOptions(args);
  if (opts.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const runParams = splitRunParams(opts.params);
  if (!runParams.ok) throw new UsageError(runParams.error);
  const strategy = createStrategy(opts.strategy, runParams.value.strategyParams);
  if (opts.csv) return report(opts, strategy, runParams.value, loadCsv(opts.csv), `csv:${opts.csv}`);
  const s = opts.series!;
  const cached = await cacheExchangeSeries(s, (line) => process.stderr.write(`${line}\n`));
  try {
    const source = encodeRunSource({ ...cached.key, from: s.from, to: s.to, label: `${s.exchange} · ${s.symbol} · ${s.interval}` });
    return report(opts, strategy, runParams.value, { candles: cached.candles }, source);
  } finally {
    cached.db.close();
  }
}

function report(opts: BacktestOptions, strategy: ReturnType<typeof createStrategy>, run: RunParams, data: { candles: Iterable<Candle>; timeLabels?: readonly string[] | null }, source: string): number {
  const started = performance.now();
  const result = runBacktest(data.candles, {
    strategy,
    feeRate: opts.fee,
    slippage: run.slippage,
    risk: run.risk,
    initialEquity: run.initialEquity,
    barsPerYear: run.barsPerYear,
  });
  // The params are bounded, but prices from a CSV are not: never print NaN or Infinity as a result with rc 0.
  if (!Number.isFinite(result.metrics.finalEquity)) throw new Error(`the run produced a non-finite equity (${result.metrics.finalEquity}): check the candles' prices and the params`);
  const seconds = Math.max((performance.now() - started) / 1000, 1e-9);
  const candlesPerSecond = Math.round(result.candles / seconds);

  if (opts.db) {
    const db = openDatabase(opts.db);
    try {
      new BacktestRunStore(db).save({ strategy: opts.strategy, params: { ...(opts.params as object), fee: opts.fee }, source, result });
    } finally {
      db.close();
    }
  }

  const timeOf = (bar: number, time: number): number | string => (data.timeLabels ? (data.timeLabels[bar] as string) : time);
  const trades = result.trades.map((t: Trade) => ({
    entryTime: timeOf(t.entryBar, t.entryTime),
    entryPrice: t.entryPrice,
    exitTime: timeOf(t.exitBar, t.exitTime),
    exitPrice: t.exitPrice,
    pnl: t.pnl,
  }));
  if (opts.json) {
    process.stdout.write(`${JSON.stringify({ candles: result.candles, trades, metrics: result.metrics, candlesPerSecond })}\n`);
  } else {
    process.stdout.write(summary(opts.strategy, result, trades, candlesPerSecond));
  }
  return 0;
}

function summary(name: string, r: BacktestResult, trades: { entryTime: unknown; entryPrice: number; exitTime: unknown; exitPrice: number; pnl: number }[], cps: number): string {
  const m = r.metrics;
  const pct = (x: number) => `${(x * 100).toFixed(2)}%`;
  const num = (x: number | null, d = 2) => (x === null ? 'n/a' : x.toFixed(d));
  const lines = [
    `Strategy ${name} on ${r.candles} candles (${cps.toLocaleString('en-US')} candles/s)`,
    `  Net P&L        ${num(m.netPnl)} (${pct(m.netPnlPct)})   final equity ${num(m.finalEquity)}`,
    `  Trades         ${m.trades}   win rate ${pct(m.winRate)}   profit factor ${num(m.profitFactor)}`,
    `  Sharpe         ${num(m.sharpe)}   Sortino ${num(m.sortino)}   (annualized, ${Math.round(m.barsPerYear)} bars/year)`,
    `  Max drawdown   ${pct(m.maxDrawdown)} (${num(m.maxDrawdownQuote)})   exposure ${pct(m.exposure)}`,
    `  Avg hold       ${num(m.avgHoldBars, 1)} bars   fees ${num(m.fees)}`,
  ];
  const rejected = Object.entries(r.rejectedEntries);
  if (rejected.length > 0) lines.push(`  Refused        ${rejected.map(([k, v]) => `${k}: ${v}`).join(', ')}`);
  if (trades.length > 0) {
    lines.push('', '  entry time → exit time            entry       exit         pnl');
    for (const t of trades.slice(0, 20)) lines.push(`  ${t.entryTime} → ${t.exitTime}   ${num(t.entryPrice, 4)} → ${num(t.exitPrice, 4)}   ${num(t.pnl)}`);
    if (trades.length > 20) lines.push(`  … ${trades.length - 20} more (use --json for all)`);
  }
  return `${lines.join('\n')}\n`;
}

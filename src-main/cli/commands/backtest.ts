import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { readCandleCsvFile, type ParsedCandleCsv } from '../../adapters/backtest/candle-csv';
import { BacktestRunStore } from '../../adapters/backtest/run-store';
import { openDatabase } from '../../adapters/store/database';
import { runBacktest } from '../../core/backtest/backtester';
import { splitRunParams } from '../../core/backtest/run-params';
import type { BacktestResult, Trade } from '../../core/backtest/types';
import { createStrategy, strategyNames, StrategyConfigError } from '../../core/strategies/registry';

const USAGE = `Usage: cockpit backtest --strategy NAME [--params JSON] --csv FILE [--fee F] [--json] [--db FILE]

  --strategy  one of: ${strategyNames().join(', ')}
  --params    JSON object of strategy params, e.g. '{"fast":10,"slow":30}'. Run keys:
              "risk": true (default risk profile) or a partial profile object, to run with
              risk-managed sizing and stops/trailing/scale-outs; without it every entry uses
              all equity and only the strategy exits. Also "slippage" (fraction), "barsPerYear",
              "initialEquity" (default 10000).
  --csv       candles with the header time,open,high,low,close,volume
  --fee       fee per side as a fraction of notional (default 0)
  --json      print {"candles","trades","metrics","candlesPerSecond"} on one line
  --db        also store the run in this cockpit database (backtest_runs)
`;

class UsageError extends Error {}

export default async function run(args: string[]): Promise<number> {
  try {
    return execute(args);
  } catch (err) {
    if (err instanceof UsageError || err instanceof StrategyConfigError) {
      process.stderr.write(`cockpit backtest: ${err.message}\n`);
      return 2;
    }
    process.stderr.write(`cockpit backtest: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
}

function execute(args: string[]): number {
  const opts = parseOptions(args);
  if (opts.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const runParams = splitRunParams(opts.params);
  if (!runParams.ok) throw new UsageError(runParams.error);
  const strategy = createStrategy(opts.strategy, runParams.value.strategyParams);
  const csv = loadCsv(opts.csv);

  const started = performance.now();
  const result = runBacktest(csv.candles, {
    strategy,
    feeRate: opts.fee,
    slippage: runParams.value.slippage,
    risk: runParams.value.risk,
    initialEquity: runParams.value.initialEquity,
    barsPerYear: runParams.value.barsPerYear,
  });
  const seconds = Math.max((performance.now() - started) / 1000, 1e-9);
  const candlesPerSecond = Math.round(result.candles / seconds);

  if (opts.db) {
    const db = openDatabase(opts.db);
    try {
      new BacktestRunStore(db).save({ strategy: opts.strategy, params: { ...(opts.params as object), fee: opts.fee }, source: `csv:${opts.csv}`, result });
    } finally {
      db.close();
    }
  }

  const timeOf = (bar: number, time: number): number | string => (csv.timeLabels ? (csv.timeLabels[bar] as string) : time);
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

interface Options {
  strategy: string;
  params: unknown;
  csv: string;
  fee: number;
  json: boolean;
  db?: string;
  help: boolean;
}

function parseOptions(args: string[]): Options {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: {
        strategy: { type: 'string' },
        params: { type: 'string' },
        csv: { type: 'string' },
        fee: { type: 'string' },
        json: { type: 'boolean', default: false },
        db: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (err) {
    throw new UsageError(`${(err as Error).message}\n${USAGE}`);
  }
  if (values.help) return { strategy: '', params: {}, csv: '', fee: 0, json: false, help: true };
  if (!values.strategy) throw new UsageError(`--strategy is required\n${USAGE}`);
  if (!values.csv) throw new UsageError(`--csv is required\n${USAGE}`);
  const fee = values.fee === undefined ? 0 : Number(values.fee);
  if (!(fee >= 0 && fee < 1)) throw new UsageError(`--fee must be a fraction in [0, 1), got "${values.fee}"`);
  let params: unknown = {};
  if (values.params !== undefined) {
    try {
      params = JSON.parse(values.params);
    } catch (err) {
      throw new UsageError(`--params is not valid JSON: ${(err as Error).message}`);
    }
  }
  return { strategy: values.strategy, params, csv: values.csv, fee, json: values.json ?? false, db: values.db, help: false };
}

function loadCsv(file: string): ParsedCandleCsv {
  let csv: ParsedCandleCsv;
  try {
    csv = readCandleCsvFile(file);
  } catch (err) {
    throw new UsageError(`cannot read ${file}: ${(err as Error).message}`);
  }
  if (csv.errors.length > 0) {
    const shown = csv.errors.slice(0, 20).map((e) => `  line ${e.line}: ${e.message}`);
    const more = csv.errors.length > 20 ? [`  … and ${csv.errors.length - 20} more`] : [];
    throw new UsageError(`${file}: ${csv.errors.length} bad row(s)\n${[...shown, ...more].join('\n')}`);
  }
  if (csv.candles.length === 0) throw new UsageError(`${file}: no candles`);
  return csv;
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

// Runs in: Node (CLI). `cockpit check-bias`: lookahead and warm-up (start offset) checks of a strategy on a CSV.
import { toColumns } from '../../core/backtest/columns';
import { splitRunParams } from '../../core/backtest/run-params';
import { checkBias, type BiasReport } from '../../core/optimize/bias';
import { createStrategy, strategyNames, StrategyConfigError } from '../../core/strategies/registry';
import { parseOptions } from '../options';
import { UsageError } from './backtest-options';
import { loadCsv } from './candle-input';

const USAGE = `Usage: cockpit check-bias --strategy NAME [--params JSON] --csv FILE [--offsets N,N,…] [--json]

  Reruns the strategy with the future hidden at every signal (lookahead: the signal and the
  indicators on that candle must not change when later candles are removed) and from later start
  offsets (warm-up: once warmed up, indicator values must converge to the full run's and the signals
  follow). Names the indicators and signals that change. Exit code 0 when both pass, 1 when not.

  --strategy  one of: ${strategyNames().join(', ')}
  --params    strategy params as JSON (run keys such as "risk" are ignored: they do not change signals)
  --offsets   start offsets in candles (default: 240, 960, 2400 where below half the data)
  --json      print the report as one JSON line
`;

const FLAGS = {
  strategy: { type: 'string' },
  params: { type: 'string' },
  csv: { type: 'string' },
  offsets: { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

export default async function run(args: string[]): Promise<number> {
  try {
    return execute(args);
  } catch (err) {
    const usage = err instanceof UsageError || err instanceof StrategyConfigError;
    process.stderr.write(`cockpit check-bias: ${err instanceof Error ? err.message : String(err)}\n`);
    return usage ? 2 : 1;
  }
}

function execute(args: string[]): number {
  let values;
  try {
    ({ values } = parseOptions(args, FLAGS));
  } catch (err) {
    throw new UsageError(`${(err as Error).message}\n${USAGE}`);
  }
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (!values.strategy || !values.csv) throw new UsageError(`--strategy and --csv are required\n${USAGE}`);
  let raw: unknown = {};
  try {
    raw = values.params === undefined ? {} : JSON.parse(values.params);
  } catch (err) {
    throw new UsageError(`--params is not valid JSON: ${(err as Error).message}`);
  }
  const split = splitRunParams(raw);
  if (!split.ok) throw new UsageError(split.error);
  const offsets = values.offsets?.split(',').map((s) => Number(s.trim()));
  if (offsets?.some((o) => !Number.isInteger(o) || o <= 0)) throw new UsageError('--offsets must be positive integers separated by commas');
  const name = values.strategy;
  const params = split.value.strategyParams;
  createStrategy(name, params); // refuse bad params before the long part
  const cols = toColumns(loadCsv(values.csv).candles, false);
  const report = checkBias(() => createStrategy(name, params), cols, { offsets });
  process.stdout.write(values.json ? `${JSON.stringify(report)}\n` : describe(report));
  return report.ok ? 0 : 1;
}

function describe(r: BiasReport): string {
  const la = r.lookahead;
  const wu = r.warmup;
  const lines = [`check-bias ${r.strategy} on ${r.candles} candles: ${r.ok ? 'PASS' : 'FAIL'}`];
  lines.push(`  lookahead  ${la.ok ? 'pass' : 'FAIL'}: ${la.signalsChecked} signals rechecked with the future hidden, ${la.mismatches} changed`);
  if (la.indicators.length > 0) lines.push(`             indicators that changed: ${la.indicators.join(', ')}`);
  for (const e of la.examples) lines.push(`             bar ${e.bar} (time ${e.time}): full data "${e.full}", future hidden "${e.truncated}"`);
  lines.push(`  warm-up    ${wu.ok ? 'pass' : 'FAIL'}: start offsets ${wu.offsets.join(', ') || '(data too short)'}; ${wu.lateSignalMismatches} late signal mismatches`);
  if (wu.unstable.length > 0) lines.push(`             indicators that do not converge: ${wu.unstable.join(', ')}`);
  for (const d of wu.drift) {
    lines.push(`             ${d.name.padEnd(22)} ${d.settledAt === null ? 'never settles' : d.settledAt === 0 ? 'identical once warmed up' : `settles from bar ${d.settledAt}`}, max deviation ${d.maxDeviation.toExponential(2)}`);
  }
  return `${lines.join('\n')}\n`;
}

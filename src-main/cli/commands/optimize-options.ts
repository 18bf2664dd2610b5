// Runs in: Node (CLI). The flags of `cockpit optimize` and their checks.
import { OBJECTIVES } from '../../core/optimize/objective';
import { strategyNames } from '../../core/strategies/registry';
import { KLINE_VENUES } from '../../adapters/exchange/shared/kline-venues';
import { intOption, parseOptions } from '../options';
import { exchangeSeries, SERIES_FLAGS, UsageError, type ExchangeSeries } from './backtest-options';

export const OPTIMIZE_USAGE = `Usage: cockpit optimize --strategy NAME --space JSON (--csv FILE | --exchange VENUE --symbol SYM --interval I --from T [--to T])
                        [--params JSON] [--objective O] [--trials N | --grid] [--sampler tpe|random] [--workers N]
                        [--seed S] [--folds K] [--top N] [--fee F] [--db FILE] [--data DIR] [--json]
       cockpit optimize --resume RUN (--csv FILE | --exchange …) [--workers N] [--db FILE] [--json]

  --strategy   one of: ${strategyNames().join(', ')}
  --space      JSON: per param a range {"min","max","step"} (no step: continuous; "log": true) or
               {"choices":[…]}. Dotted paths reach nested params, including the risk profile:
               '{"fast":{"min":5,"max":50,"step":1},"slow":{"min":20,"max":200,"step":5},
                 "risk.stopLoss":{"min":0.02,"max":0.2}}'
  --params     fixed params under the searched ones (as for cockpit backtest, e.g. '{"risk":true}')
  --objective  ${OBJECTIVES.join(' | ')} (default sharpe)
  --trials     trials to run (default 200); --grid runs every point of the space instead
  --sampler    tpe (default: a Parzen-estimator model that learns from finished batches) or random
  --workers    worker threads (default: one per core)
  --seed       the same seed gives the same trials and results with any number of workers (default 1)
  --folds      walk-forward validation: optimize on segment k, test on segment k+1 (default 0: off)
  --top        best trials per objective stored as backtest runs (default 3)
  --fee        fee per side as a fraction of notional (default 0)
  --csv / --exchange --symbol --interval --from --to --base-url --data: the candles, as for cockpit backtest
  --db         the cockpit database that keeps the run and every finished trial (default: the app's,
               in --data DIR), so Ctrl-C keeps the work and --resume RUN continues it
  --json       last stdout line: {"trials":[{"params","metrics"}…],"best":{"params","metrics"},"trialsPerSecond",…}
               (progress goes to stderr)
  Candle sources are listed in cockpit backtest --help (venues: ${KLINE_VENUES.join(', ')}).
`;

export interface OptimizeOptions {
  readonly help: boolean;
  /** Without --resume: the search to run, checked by the optimizer's schema. */
  readonly spec: Readonly<Record<string, unknown>> | null;
  readonly resume: number | null;
  readonly workers: number | null;
  readonly json: boolean;
  readonly db?: string;
  readonly csv?: string;
  readonly series?: ExchangeSeries;
  readonly dataDir?: string;
}

const FLAGS = {
  strategy: { type: 'string' },
  space: { type: 'string' },
  params: { type: 'string' },
  csv: { type: 'string' },
  ...SERIES_FLAGS,
  objective: { type: 'string' },
  trials: { type: 'string' },
  grid: { type: 'boolean', default: false },
  sampler: { type: 'string' },
  workers: { type: 'string' },
  seed: { type: 'string' },
  folds: { type: 'string' },
  top: { type: 'string' },
  fee: { type: 'string' },
  db: { type: 'string' },
  resume: { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

export function parseOptimizeOptions(args: string[], now = Date.now()): OptimizeOptions {
  let values;
  try {
    ({ values } = parseOptions(args, FLAGS));
  } catch (err) {
    throw new UsageError(`${(err as Error).message}\n${OPTIMIZE_USAGE}`);
  }
  if (values.help) return { help: true, spec: null, resume: null, workers: null, json: false };
  if (!values.csv === !values.exchange) throw new UsageError(`give either --csv or --exchange\n${OPTIMIZE_USAGE}`);
  const int = (name: keyof typeof FLAGS, fallback: number) => {
    try {
      return intOption(typeof values[name] === 'string' ? values[name] : undefined, name, fallback);
    } catch (err) {
      throw new UsageError((err as Error).message);
    }
  };
  const workers = values.workers === undefined ? null : int('workers', 1);
  if (workers === 0) throw new UsageError('--workers must be at least 1');
  const data = { json: values.json ?? false, db: values.db, workers, dataDir: values.data, ...(values.csv ? { csv: values.csv } : { series: exchangeSeries(values, now) }) };
  if (values.resume !== undefined) return { help: false, spec: null, resume: int('resume', 0), ...data };
  if (!values.strategy) throw new UsageError(`--strategy is required\n${OPTIMIZE_USAGE}`);
  if (!values.space) throw new UsageError(`--space is required\n${OPTIMIZE_USAGE}`);
  if (values.grid && values.trials !== undefined) throw new UsageError('give either --trials or --grid');
  const fee = values.fee === undefined ? 0 : Number(values.fee);
  if (!(fee >= 0 && fee < 1)) throw new UsageError(`--fee must be a fraction in [0, 1), got "${values.fee}"`);
  const sampler = values.grid ? 'grid' : (values.sampler ?? 'tpe');
  if (sampler !== 'tpe' && sampler !== 'random' && sampler !== 'grid') throw new UsageError(`--sampler must be tpe or random, got "${sampler}"`);
  const objective = values.objective ?? 'sharpe';
  if (!OBJECTIVES.some((o) => o === objective)) throw new UsageError(`--objective must be one of ${OBJECTIVES.join(', ')}, got "${objective}"`);
  const spec = {
    strategy: values.strategy,
    space: json(values.space, 'space'),
    baseParams: values.params === undefined ? {} : json(values.params, 'params'),
    fee,
    objective,
    sampler,
    trials: int('trials', 200),
    seed: int('seed', 1),
    folds: int('folds', 0),
    top: int('top', 3),
  };
  return { help: false, spec, resume: null, ...data };
}

function json(text: string, name: string): Record<string, unknown> {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (err) {
    throw new UsageError(`--${name} is not valid JSON: ${(err as Error).message}`);
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new UsageError(`--${name} must be a JSON object`);
  return { ...v };
}

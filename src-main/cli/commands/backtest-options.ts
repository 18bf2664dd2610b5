// Runs in: Node (CLI). The flags of `cockpit backtest` and their checks.
import { assertBinanceInterval, bybitIntervalName } from '../../core/backtest/kline-request';
import { strategyNames } from '../../core/strategies/registry';
import { isKlineVenue, KLINE_VENUES, type KlineVenue } from '../../adapters/exchange/shared/kline-venues';
import { parseOptions } from '../options';

export const USAGE = `Usage: cockpit backtest --strategy NAME [--params JSON] --csv FILE [--fee F] [--json] [--db FILE]
       cockpit backtest --strategy NAME [--params JSON] --exchange VENUE --symbol SYM --interval I
                        --from TIME [--to TIME] [--base-url URL] [--data DIR] [--fee F] [--json] [--db FILE]

  --strategy  one of: ${strategyNames().join(', ')}
  --params    JSON object of strategy params, e.g. '{"fast":10,"slow":30}'. Run keys:
              "risk": true (default risk profile) or a partial profile object, to run with
              risk-managed sizing and stops/trailing/scale-outs; without it every entry uses
              all equity and only the strategy exits. Also "slippage" (fraction), "barsPerYear",
              "initialEquity" (default 10000).
  --csv       candles with the header time,open,high,low,close,volume
  --exchange  download closed candles from ${KLINE_VENUES.join(' | ')} (public data, no keys)
              into the candle cache; a later run fetches only what is missing
  --symbol    e.g. BTCUSDT
  --interval  1m 3m 5m 15m 30m 1h 2h 4h 6h 12h 1d (Binance also 1s and 8h)
  --from/--to open times, ISO 8601 (2024-01-01, 2024-01-01T12:00Z) or epoch ms; --to defaults to now
  --base-url  REST endpoint instead of the venue's public one (a testnet, or \`cockpit simulator\`)
  --data      data directory whose cockpit.sqlite holds the cache (default: the app's, as for
              the app itself, so downloaded series also appear in the Backtest view)
  --fee       fee per side as a fraction of notional (default 0)
  --json      print {"candles","trades","metrics","candlesPerSecond"} on one line (the download
              report goes to stderr)
  --db        also store the run in this cockpit database (backtest_runs)
`;

export class UsageError extends Error {}

export interface ExchangeSeries {
  readonly exchange: KlineVenue;
  readonly symbol: string;
  readonly interval: string;
  readonly from: number;
  readonly to: number;
  readonly baseUrl?: string;
  readonly dataDir?: string;
}

export interface BacktestOptions {
  readonly strategy: string;
  readonly params: unknown;
  readonly fee: number;
  readonly json: boolean;
  readonly db?: string;
  readonly help: boolean;
  /** Exactly one of csv and series is set. */
  readonly csv?: string;
  readonly series?: ExchangeSeries;
}

/** The --exchange/--symbol/--interval/--from/--to/--base-url/--data flags (shared with `cockpit optimize`). */
export const SERIES_FLAGS = {
  exchange: { type: 'string' },
  symbol: { type: 'string' },
  interval: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  'base-url': { type: 'string' },
  data: { type: 'string' },
} as const;

const FLAGS = {
  strategy: { type: 'string' },
  params: { type: 'string' },
  csv: { type: 'string' },
  ...SERIES_FLAGS,
  fee: { type: 'string' },
  json: { type: 'boolean', default: false },
  db: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

export function parseBacktestOptions(args: string[], now = Date.now()): BacktestOptions {
  let values;
  try {
    ({ values } = parseOptions(args, FLAGS));
  } catch (err) {
    throw new UsageError(`${(err as Error).message}\n${USAGE}`);
  }
  if (values.help) return { strategy: '', params: {}, fee: 0, json: false, help: true };
  if (!values.strategy) throw new UsageError(`--strategy is required\n${USAGE}`);
  if (!values.csv === !values.exchange) throw new UsageError(`give either --csv or --exchange\n${USAGE}`);
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
  const common = { strategy: values.strategy, params, fee, json: values.json ?? false, db: values.db, help: false };
  if (values.csv) return { ...common, csv: values.csv };
  return { ...common, series: exchangeSeries(values, now) };
}

export function exchangeSeries(v: Readonly<Record<string, string | boolean | undefined>>, now: number): ExchangeSeries {
  const str = (k: keyof typeof SERIES_FLAGS): string | undefined => {
    const value = v[k];
    return typeof value === 'string' ? value : undefined;
  };
  const exchange = str('exchange') ?? '';
  if (!isKlineVenue(exchange)) throw new UsageError(`--exchange must be one of ${KLINE_VENUES.join(', ')}, got "${exchange}"`);
  const symbol = str('symbol');
  if (!symbol || !/^[A-Z0-9]{2,30}$/.test(symbol)) throw new UsageError(`--symbol must be an upper-case pair like BTCUSDT, got "${symbol ?? ''}"`);
  const interval = str('interval');
  if (!interval) throw new UsageError('--interval is required with --exchange');
  try {
    if (exchange.startsWith('bybit')) bybitIntervalName(interval);
    else assertBinanceInterval(interval);
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const from = time(str('from'), 'from');
  const to = str('to') === undefined ? now : time(str('to'), 'to');
  if (from > to) throw new UsageError('--from is after --to');
  const baseUrl = str('base-url');
  if (baseUrl !== undefined && !/^https?:\/\/[^\s/]+/.test(baseUrl)) throw new UsageError(`--base-url must be an http(s) URL, got "${baseUrl}"`);
  return { exchange, symbol, interval, from, to, baseUrl, dataDir: str('data') };
}

function time(text: string | undefined, name: string): number {
  if (text === undefined) throw new UsageError(`--${name} is required with --exchange`);
  const t = /^\d+$/.test(text) ? Number(text) : Date.parse(text);
  if (!Number.isSafeInteger(t)) throw new UsageError(`--${name} must be an ISO 8601 time or epoch ms, got "${text}"`);
  return t;
}

// Runs in: engine and CLI. Builds a kline download source for a venue name.
import { RateBudgetRegistry } from '../../../core/exchange/rate-budget';
import type { RetryPolicy } from '../../../core/exchange/errors';
import { createBinanceFutures, createBinanceSpot } from '../binance/binance-factory';
import { BybitExchange } from '../bybit/bybit';
import type { HttpSend } from './http';
import { BinanceKlineSource, BybitKlineSource } from './kline-source';
import { KLINE_VENUES, type KlineVenue } from '../../../../src-shared/contract/services/kline-download';

// One list for the CLI, the engine and the app's download form.
export { KLINE_VENUES, type KlineVenue };

export function isKlineVenue(v: string): v is KlineVenue {
  return (KLINE_VENUES as readonly string[]).includes(v);
}

// Public market data needs no keys, so history comes from the live venues unless overridden
// (testnets carry little history; the simulator is for tests and demos).
const PUBLIC_URL: Readonly<Record<KlineVenue, string>> = {
  binance: 'https://api.binance.com',
  'binance-futures': 'https://fapi.binance.com',
  'bybit-spot': 'https://api.bybit.com',
  'bybit-linear': 'https://api.bybit.com',
};

export interface KlineSourceOptions {
  readonly baseUrl?: string;
  /** Pass the process-wide registry when live connectors run too: they share a host's budget. */
  readonly budgets?: RateBudgetRegistry;
  readonly send?: HttpSend;
  readonly timeoutMs?: number;
  readonly retry?: RetryPolicy;
}

export function createKlineSource(venue: KlineVenue, o: KlineSourceOptions = {}): BinanceKlineSource | BybitKlineSource {
  const httpUrl = (o.baseUrl ?? PUBLIC_URL[venue]).replace(/\/$/, '');
  const common = { httpUrl, wsUrl: httpUrl.replace(/^http/, 'ws'), budgets: o.budgets ?? new RateBudgetRegistry(Date.now), send: o.send, timeoutMs: o.timeoutMs, retry: o.retry };
  if (venue === 'binance') {
    const { rest, clock } = createBinanceSpot({ ...common, symbols: [] });
    return new BinanceKlineSource(rest, clock, 'spot');
  }
  if (venue === 'binance-futures') {
    const { rest, clock } = createBinanceFutures(common);
    return new BinanceKlineSource(rest, clock, 'futures');
  }
  const bybit = new BybitExchange({ ...common, category: venue === 'bybit-spot' ? 'spot' : 'linear' });
  return new BybitKlineSource(bybit.rest, bybit.clock, venue === 'bybit-spot' ? 'spot' : 'linear');
}

// Runs in: engine.
import type { MarketSymbol } from '../../../core/exchange/matching/engine-types';
import { BINANCE_FUTURES_WEIGHT, BINANCE_SPOT_WEIGHT, type RateBudget } from '../../../core/exchange/rate-budget';
import { ServerClock } from '../../../core/exchange/server-clock';
import type { Exchange } from '../../../core/exchange/types';
import { BinanceRest } from './binance-rest';
import { parseBinanceKlineFrame } from './binance-schemas';
import { BinanceSpotExchange } from './binance-spot';
import { BinanceFuturesExchange } from './binance-futures';
import { restDefaults, trackFeed, type ConnectorSetup } from '../shared/connector-setup';
import { startKlineFeed, type KlineFeedOptions } from '../shared/kline-feed';
import type { ResilientStream } from '../shared/ws-stream';

export interface BinanceSpotSetup extends ConnectorSetup {
  readonly symbols: readonly MarketSymbol[];
  readonly unknownMaxWaitMs?: number;
}

export const DEFAULT_STREAM: KlineFeedOptions['stream'] = {
  staleAfterMs: 10_000,
  maxLifetimeMs: 23 * 3_600_000 + 50 * 60_000, // before Binance's 24 h cut
  backoff: { initialMs: 500, maxMs: 30_000 },
};

export interface BinanceStack<E> {
  exchange: E;
  rest: BinanceRest;
  clock: ServerClock;
  streams: Set<ResilientStream>;
}

type Connect<E> = (parts: { rest: BinanceRest; clock: ServerClock; subscribeKlines: Exchange['subscribeKlines'] }) => E;

/** Spot and futures differ only in their host budget, time path and connector; the stack around them is one. */
function binanceStack<E extends Exchange>(s: Omit<BinanceSpotSetup, 'symbols'>, budget: RateBudget, timePath: string | undefined, connect: Connect<E>): BinanceStack<E> {
  const clock = new ServerClock(Date.now);
  const rest = new BinanceRest({ ...restDefaults(s, clock), budget, timePath });
  const streams = new Set<ResilientStream>();
  const exchange: E = connect({
    rest,
    clock,
    subscribeKlines: (symbol, interval, onKline) =>
      trackFeed(
        streams,
        startKlineFeed({
          symbol,
          interval,
          url: `${s.wsUrl}/ws/${symbol.toLowerCase()}@kline_${interval}`,
          parse: parseBinanceKlineFrame,
          backfill: (startTime) => exchange.fetchKlines(symbol, interval, { startTime, limit: 1000 }),
          onKline,
          stream: s.stream ?? DEFAULT_STREAM,
        }),
      ),
  });
  return { exchange, rest, clock, streams };
}

export function createBinanceSpot(s: BinanceSpotSetup): BinanceStack<BinanceSpotExchange> {
  const budget = s.budgets.forHost(new URL(s.httpUrl).host, BINANCE_SPOT_WEIGHT);
  return binanceStack(s, budget, undefined, (parts) => new BinanceSpotExchange({ ...parts, symbols: s.symbols, unknownPollMs: s.unknownPollMs, unknownMaxWaitMs: s.unknownMaxWaitMs }));
}

/** USDⓈ-M futures on the same transport stack (own host budget: fapi limits are separate). */
export function createBinanceFutures(s: Omit<BinanceSpotSetup, 'symbols'>): BinanceStack<BinanceFuturesExchange> {
  const budget = s.budgets.forHost(`${new URL(s.httpUrl).host}/fapi`, BINANCE_FUTURES_WEIGHT);
  return binanceStack(s, budget, '/fapi/v1/time', (parts) => new BinanceFuturesExchange({ ...parts, unknownPollMs: s.unknownPollMs, unknownMaxWaitMs: s.unknownMaxWaitMs }));
}

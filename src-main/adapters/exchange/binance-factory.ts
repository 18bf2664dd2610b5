import { BreakerSet } from '../../core/exchange/circuit-breaker';
import type { MarketSymbol } from '../../core/exchange/matching/engine-types';
import { BINANCE_FUTURES_WEIGHT, BINANCE_SPOT_WEIGHT, type RateBudgetRegistry } from '../../core/exchange/rate-budget';
import { ServerClock } from '../../core/exchange/server-clock';
import type { RetryPolicy } from '../../core/exchange/errors';
import { BinanceRest, type Credentials } from './binance-rest';
import { parseBinanceKlineFrame } from './binance-schemas';
import { BinanceSpotExchange } from './binance-spot';
import { BinanceFuturesExchange } from './binance-futures';
import { fetchSend, type HttpSend } from './http';
import { startKlineFeed, type KlineFeedOptions } from './kline-feed';
import type { ResilientStream } from './ws-stream';

export interface BinanceSpotSetup {
  readonly httpUrl: string;
  readonly wsUrl: string;
  readonly credentials?: Credentials;
  /** The process-wide registry: all accounts on one host share a weight budget. */
  readonly budgets: RateBudgetRegistry;
  readonly symbols: readonly MarketSymbol[];
  readonly recvWindow?: number;
  readonly timeoutMs?: number;
  readonly retry?: RetryPolicy;
  readonly send?: HttpSend;
  readonly stream?: KlineFeedOptions['stream'];
  readonly unknownPollMs?: number;
  readonly unknownMaxWaitMs?: number;
}

export const DEFAULT_STREAM: KlineFeedOptions['stream'] = {
  staleAfterMs: 10_000,
  maxLifetimeMs: 23 * 3_600_000 + 50 * 60_000, // before Binance's 24 h cut
  backoff: { initialMs: 500, maxMs: 30_000 },
};

export function createBinanceSpot(s: BinanceSpotSetup): { exchange: BinanceSpotExchange; rest: BinanceRest; clock: ServerClock; streams: Set<ResilientStream> } {
  const clock = new ServerClock(Date.now);
  const host = new URL(s.httpUrl).host;
  const rest = new BinanceRest({
    baseUrl: s.httpUrl,
    credentials: s.credentials,
    recvWindow: s.recvWindow ?? 5_000,
    timeoutMs: s.timeoutMs ?? 10_000,
    budget: s.budgets.forHost(host, BINANCE_SPOT_WEIGHT),
    breakers: new BreakerSet({ failureThreshold: 5, cooldownMs: 30_000 }, Date.now),
    clock,
    send: s.send ?? fetchSend,
    localNow: Date.now,
    retry: s.retry,
  });
  const streams = new Set<ResilientStream>();
  const exchange: BinanceSpotExchange = new BinanceSpotExchange({
    rest,
    clock,
    symbols: s.symbols,
    unknownPollMs: s.unknownPollMs,
    unknownMaxWaitMs: s.unknownMaxWaitMs,
    subscribeKlines: (symbol, interval, onKline) => {
      const feed = startKlineFeed({
        symbol,
        interval,
        url: `${s.wsUrl}/ws/${symbol.toLowerCase()}@kline_${interval}`,
        parse: parseBinanceKlineFrame,
        backfill: (startTime) => exchange.fetchKlines(symbol, interval, { startTime, limit: 1000 }),
        onKline,
        stream: s.stream ?? DEFAULT_STREAM,
      });
      streams.add(feed.stream);
      return () => {
        feed.unsubscribe();
        streams.delete(feed.stream);
      };
    },
  });
  return { exchange, rest, clock, streams };
}

/** USDⓈ-M futures on the same transport stack (own host budget: fapi limits are separate). */
export function createBinanceFutures(s: Omit<BinanceSpotSetup, 'symbols'>): { exchange: BinanceFuturesExchange; rest: BinanceRest; clock: ServerClock; streams: Set<ResilientStream> } {
  const clock = new ServerClock(Date.now);
  const rest = new BinanceRest({
    baseUrl: s.httpUrl,
    credentials: s.credentials,
    recvWindow: s.recvWindow ?? 5_000,
    timeoutMs: s.timeoutMs ?? 10_000,
    budget: s.budgets.forHost(`${new URL(s.httpUrl).host}/fapi`, BINANCE_FUTURES_WEIGHT),
    breakers: new BreakerSet({ failureThreshold: 5, cooldownMs: 30_000 }, Date.now),
    clock,
    send: s.send ?? fetchSend,
    localNow: Date.now,
    retry: s.retry,
    timePath: '/fapi/v1/time',
  });
  const streams = new Set<ResilientStream>();
  const exchange: BinanceFuturesExchange = new BinanceFuturesExchange({
    rest,
    clock,
    unknownPollMs: s.unknownPollMs,
    unknownMaxWaitMs: s.unknownMaxWaitMs,
    subscribeKlines: (symbol, interval, onKline) => {
      const feed = startKlineFeed({
        symbol,
        interval,
        url: `${s.wsUrl}/ws/${symbol.toLowerCase()}@kline_${interval}`,
        parse: parseBinanceKlineFrame,
        backfill: (startTime) => exchange.fetchKlines(symbol, interval, { startTime, limit: 1000 }),
        onKline,
        stream: s.stream ?? DEFAULT_STREAM,
      });
      streams.add(feed.stream);
      return () => {
        feed.unsubscribe();
        streams.delete(feed.stream);
      };
    },
  });
  return { exchange, rest, clock, streams };
}

// Runs in: engine.
import type { MarketBus } from '../../../core/exchange/market-bus';
import type { BookTicker } from '../../../core/exchange/types';
import { parseBinanceBookTicker, parseBybitBookTicker } from './book-ticker';
import { ResilientStream, type ResilientStreamOptions } from './ws-stream';

export type BookTickerVenue = 'binance' | 'bybit';

export interface BookTickerFeedOptions {
  readonly venue: BookTickerVenue;
  /** Market-stream origin: Binance `wss://stream.binance.com:9443`; Bybit `wss://stream.bybit.com/v5/public/linear`. */
  readonly url: string;
  readonly symbol: string;
  readonly bus: MarketBus;
  readonly stream: Pick<ResilientStreamOptions, 'staleAfterMs' | 'maxLifetimeMs' | 'backoff'>;
}

/**
 * Best bid/ask of one symbol onto the market bus. No REST backfill after a reconnect: a top of book
 * is only worth its latest value, which the next frame brings; the bus drops frames older than it has.
 */
export function startBookTickerFeed(o: BookTickerFeedOptions): ResilientStream {
  const binance = o.venue === 'binance';
  const parse: (text: string) => BookTicker | undefined = binance ? parseBinanceBookTicker : parseBybitBookTicker;
  const stream = new ResilientStream({
    ...o.stream,
    url: () => (binance ? `${o.url}/ws/${o.symbol.toLowerCase()}@bookTicker` : o.url),
    onOpen: binance ? undefined : (send) => send(JSON.stringify({ op: 'subscribe', args: [`orderbook.1.${o.symbol}`] })),
    appPing: binance ? undefined : { everyMs: 20_000, frame: '{"op":"ping"}' },
    onMessage: (text) => {
      const t = parse(text);
      if (!t) return;
      o.bus.publishBookTicker(t);
      return t.eventTime;
    },
  });
  stream.start();
  return stream;
}

// Runs in: engine. An account's pushed order updates: Binance spot WS API, Binance futures listenKey stream or Bybit's private stream.
import type { BinanceRest, Credentials } from '../../adapters/exchange/binance/binance-rest';
import { startBinanceFuturesUserStream } from '../../adapters/exchange/binance/binance-futures-user-stream';
import { startBinanceUserStream } from '../../adapters/exchange/binance/binance-user-stream';
import { startBybitPrivateStream } from '../../adapters/exchange/bybit/bybit-private-stream';
import { ListenKeyKeeper } from '../../adapters/exchange/binance/listen-key';
import type { ResilientStream, ResilientStreamOptions } from '../../adapters/exchange/shared/ws-stream';
import type { ServerClock } from '../../core/exchange/server-clock';
import type { Fill, OrderSnapshot } from '../../core/exchange/types';

export interface UserDataHandlers {
  /** An order update, with the venue's own trade report when the event is a fill. */
  readonly onOrder: (order: OrderSnapshot, fill?: Fill) => void;
  /** A trade report that came on its own (Bybit `execution`). */
  readonly onFill: (fill: Fill) => void;
  /** Events may have been missed while disconnected: backfill over REST. */
  readonly onReconnected: () => void;
  readonly onError: (message: string) => void;
}

export interface UserData {
  readonly stream: ResilientStream;
  stop(): Promise<void>;
}

export type UserStreamOptions = Pick<ResilientStreamOptions, 'staleAfterMs' | 'maxLifetimeMs' | 'backoff'>;

export type UserDataSource =
  | { readonly venue: 'binance-spot'; readonly url: string; readonly credentials: Credentials; readonly clock: ServerClock }
  | { readonly venue: 'binance-futures'; readonly url: string; readonly rest: BinanceRest }
  | { readonly venue: 'bybit'; readonly url: string; readonly credentials: Credentials; readonly clock: ServerClock };

// Binance and Bybit cut every connection at 24 h; reconnecting a little earlier keeps the gap ours.
const LIFETIME = 23 * 3_600_000 + 50 * 60_000;
/**
 * A quiet account sends no events, so liveness comes from pings: spot's WS API pings every 20 s and
 * Bybit answers our 20 s app pings, but fstream pings only every 3 min, hence its longer window.
 */
const DEFAULTS: Readonly<Record<UserDataSource['venue'], UserStreamOptions>> = {
  'binance-spot': { staleAfterMs: 70_000, maxLifetimeMs: LIFETIME, backoff: { initialMs: 500, maxMs: 30_000 } },
  'binance-futures': { staleAfterMs: 400_000, maxLifetimeMs: LIFETIME, backoff: { initialMs: 500, maxMs: 30_000 } },
  bybit: { staleAfterMs: 70_000, maxLifetimeMs: LIFETIME, backoff: { initialMs: 500, maxMs: 30_000 } },
};

export async function startUserData(source: UserDataSource, h: UserDataHandlers, override?: Partial<UserStreamOptions>): Promise<UserData> {
  const stream = { ...DEFAULTS[source.venue], ...override };
  if (source.venue === 'binance-spot') {
    const s = startBinanceUserStream({ wsApiUrl: source.url, credentials: source.credentials, clock: source.clock, stream }, { onOrder: h.onOrder, onReconnected: h.onReconnected, onError: h.onError });
    return { stream: s, stop: async () => s.stop() };
  }
  if (source.venue === 'bybit') {
    const s = startBybitPrivateStream({ url: source.url, credentials: source.credentials, serverNow: () => source.clock.serverNow(), stream }, { onOrder: (o) => h.onOrder(o), onFill: h.onFill, onReconnected: h.onReconnected, onError: h.onError });
    return { stream: s, stop: async () => s.stop() };
  }
  const ref: { stream?: ResilientStream } = {};
  // A renewed key is a new URL: move the stream there (the move is a reconnect, which backfills).
  const keeper = new ListenKeyKeeper(source.rest, { onNewKey: () => ref.stream?.reconnectIfUrlChanged(), onError: (e) => h.onError(`listenKey: ${(e as Error).message}`) });
  await keeper.start();
  const s = startBinanceFuturesUserStream({ baseUrl: source.url, keeper, stream }, { onOrder: h.onOrder, onReconnected: h.onReconnected, onError: (e) => h.onError(`listenKey: ${(e as Error).message}`) });
  ref.stream = s;
  return {
    stream: s,
    stop: async () => {
      s.stop();
      await keeper.stop();
    },
  };
}

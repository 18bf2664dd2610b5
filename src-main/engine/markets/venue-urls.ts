// Runs in: engine. Where an account's REST, market-stream and user-data endpoints are: the venue's, or a simulator/testnet override.
import type { StoredAccount } from '../../adapters/store/account-store';

export interface VenueUrls {
  readonly httpUrl: string;
  /** Market streams (klines). */
  readonly wsUrl: string;
  /** User data: the spot WS API, the futures listenKey base (`<base>/<listenKey>`) or Bybit's private stream. */
  readonly userWsUrl: string;
  /** Binance key permissions live on the spot host's /sapi, also for a futures key; absent where there is none. */
  readonly restrictionsUrl?: string;
}

type Venue = StoredAccount['exchange'];
type Env = 'live' | 'testnet';

// Binance split fstream into routes (BRIEF §5): klines are regular market data on `/market`, user data is on
// `/private` (`/public` is for high-frequency book data, which we do not stream on futures).
const REAL: Readonly<Record<Exclude<Venue, 'paper'>, Readonly<Record<Env, VenueUrls>>>> = {
  'binance-spot': {
    live: { httpUrl: 'https://api.binance.com', wsUrl: 'wss://stream.binance.com:9443', userWsUrl: 'wss://ws-api.binance.com:443/ws-api/v3', restrictionsUrl: 'https://api.binance.com' },
    testnet: { httpUrl: 'https://testnet.binance.vision', wsUrl: 'wss://stream.testnet.binance.vision', userWsUrl: 'wss://ws-api.testnet.binance.vision/ws-api/v3', restrictionsUrl: 'https://testnet.binance.vision' },
  },
  'binance-futures': {
    live: { httpUrl: 'https://fapi.binance.com', wsUrl: 'wss://fstream.binance.com/market', userWsUrl: 'wss://fstream.binance.com/private/ws', restrictionsUrl: 'https://api.binance.com' },
    // Demo trading has no /sapi: a testnet key cannot move real funds, so there is nothing to refuse.
    testnet: { httpUrl: 'https://demo-fapi.binance.com', wsUrl: 'wss://fstream.binancefuture.com', userWsUrl: 'wss://fstream.binancefuture.com/ws' },
  },
  bybit: {
    live: { httpUrl: 'https://api.bybit.com', wsUrl: 'wss://stream.bybit.com', userWsUrl: 'wss://stream.bybit.com/v5/private' },
    testnet: { httpUrl: 'https://api-testnet.bybit.com', wsUrl: 'wss://stream-testnet.bybit.com', userWsUrl: 'wss://stream-testnet.bybit.com/v5/private' },
  },
};

/** The simulator serves every venue on one origin; its futures user stream is `/fws/<listenKey>` because `/ws/` is spot's. */
const SIM_USER_PATH: Readonly<Record<Venue, string>> = { paper: '', 'binance-spot': '/ws-api/v3', 'binance-futures': '/fws', bybit: '/v5/private' };

export function venueUrls(a: Pick<StoredAccount, 'baseUrl' | 'environment' | 'exchange'>): VenueUrls {
  if (a.baseUrl) {
    const http = a.baseUrl.replace(/\/$/, '');
    const ws = http.replace(/^http/, 'ws');
    return { httpUrl: http, wsUrl: ws, userWsUrl: `${ws}${SIM_USER_PATH[a.exchange]}`, restrictionsUrl: a.exchange === 'bybit' ? undefined : http };
  }
  // Paper accounts fill on Binance spot's public live prices; testnet keys only work on the testnet.
  const venue = a.exchange === 'paper' ? 'binance-spot' : a.exchange;
  return REAL[venue][a.environment === 'testnet' ? 'testnet' : 'live'];
}

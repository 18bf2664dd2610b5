// Runs in: engine. The connector an account trades through, chosen by its venue: Binance spot, Binance USDⓈ-M futures or Bybit (linear).
import { createBinanceFutures, createBinanceSpot } from '../../adapters/exchange/binance/binance-factory';
import type { Credentials } from '../../adapters/exchange/binance/binance-rest';
import { BybitExchange } from '../../adapters/exchange/bybit/bybit';
import { VENUE_MADE } from '../../adapters/exchange/bybit/bybit-schemas';
import type { RestTiming } from '../../adapters/exchange/shared/http';
import type { ResilientStream } from '../../adapters/exchange/shared/ws-stream';
import type { RateBudgetRegistry } from '../../core/exchange/rate-budget';
import type { Exchange } from '../../core/exchange/types';
import type { StoredAccount } from '../../adapters/store/account-store';
import type { ProtectionCaps } from './order-venue';
import { marketSymbols } from './symbols';
import type { UserDataSource } from './user-data';
import { venueUrls } from './venue-urls';

export interface VenueConnector {
  readonly exchange: Exchange;
  /** Live kline streams of this connector, for the health panel. */
  readonly streams: Set<ResilientStream>;
  /** Refuses a key allowed to withdraw; absent where the venue offers no check (futures demo). */
  readonly assertKey?: () => Promise<void>;
  /** Futures algo legs are not linked by the venue: the order manager cancels the survivor. */
  readonly emulateOco: boolean;
  /** Quantity step the strategies' sizes are floored to (BTCUSDT: spot 0.00001, perpetuals 0.001). */
  readonly lotStep: number;
  /** How strategy positions are protected on this venue. */
  readonly protection: ProtectionCaps;
  readonly userData?: UserDataSource;
}

/** The venue a REST request went to: the host it addresses (a simulator answers as the venue it stands in for). */
export type RestVenue = 'binance-spot' | 'binance-futures' | 'bybit';
export const REST_VENUES: readonly RestVenue[] = ['binance-spot', 'binance-futures', 'bybit'];

export interface ConnectorDeps {
  readonly budgets: RateBudgetRegistry;
  readonly credentials?: Credentials;
  /** Hears every REST request of this connector, by venue (latency metrics). */
  readonly observeRest?: (venue: RestVenue, timing: RestTiming) => void;
}

const TIMEOUT_MS = 8_000;
/** Futures and Bybit linear: exits are reduce-only, so stops and take-profit tiers can rest side by side. */
const REDUCE_ONLY: ProtectionCaps = { exitsReserveBalance: false };
/** Bybit also attaches the stop to a market entry on create (tpsl), and makes it under its own order id. */
const BYBIT: ProtectionCaps = { ...REDUCE_ONLY, stopOnEntry: { venueMadePrefix: VENUE_MADE } };

export function connectVenue(account: Pick<StoredAccount, 'exchange' | 'environment' | 'baseUrl'>, deps: ConnectorDeps): VenueConnector {
  const urls = venueUrls(account);
  const credentials = deps.credentials;
  const observe = deps.observeRest;
  const timed = (venue: RestVenue) => (observe ? { observeRest: (t: RestTiming) => observe(venue, t) } : {});
  if (account.exchange === 'binance-futures') {
    const f = createBinanceFutures({ httpUrl: urls.httpUrl, wsUrl: urls.wsUrl, credentials, budgets: deps.budgets, timeoutMs: TIMEOUT_MS, ...timed('binance-futures') });
    const restrictions = urls.restrictionsUrl;
    const assertKey = restrictions ? () => createBinanceSpot({ httpUrl: restrictions, wsUrl: urls.wsUrl, credentials, budgets: deps.budgets, symbols: [], timeoutMs: TIMEOUT_MS, ...timed('binance-spot') }).exchange.assertNoWithdrawPermission() : undefined;
    return { exchange: f.exchange, streams: f.streams, assertKey, emulateOco: true, lotStep: 1e-3, protection: REDUCE_ONLY, userData: credentials ? { venue: 'binance-futures', url: urls.userWsUrl, rest: f.rest } : undefined };
  }
  if (account.exchange === 'bybit') {
    const b = new BybitExchange({ httpUrl: urls.httpUrl, wsUrl: urls.wsUrl, category: 'linear', credentials, budgets: deps.budgets, timeoutMs: TIMEOUT_MS, ...timed('bybit') });
    return { exchange: b, streams: b.streams, assertKey: () => b.assertNoWithdrawPermission(), emulateOco: false, lotStep: 1e-3, protection: BYBIT, userData: credentials ? { venue: 'bybit', url: urls.userWsUrl, credentials, clock: b.clock } : undefined };
  }
  // Binance spot; also the public price source of paper accounts (no credentials, no user data).
  const s = createBinanceSpot({ httpUrl: urls.httpUrl, wsUrl: urls.wsUrl, credentials, budgets: deps.budgets, symbols: marketSymbols(), timeoutMs: TIMEOUT_MS, ...timed('binance-spot') });
  return { exchange: s.exchange, streams: s.streams, assertKey: () => s.exchange.assertNoWithdrawPermission(), emulateOco: false, lotStep: 1e-5, protection: { exitsReserveBalance: true }, userData: credentials ? { venue: 'binance-spot', url: urls.userWsUrl, credentials, clock: s.clock } : undefined };
}

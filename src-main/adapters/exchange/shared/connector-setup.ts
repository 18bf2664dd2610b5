// Runs in: engine.
import { BreakerSet } from '../../../core/exchange/circuit-breaker';
import type { RetryPolicy } from '../../../core/exchange/errors';
import type { RateBudgetRegistry } from '../../../core/exchange/rate-budget';
import type { ServerClock } from '../../../core/exchange/server-clock';
import type { Unsubscribe } from '../../../core/exchange/types';
import { fetchSend, timedSend, type HttpSend, type RestObserver } from './http';
import type { KlineFeedOptions } from './kline-feed';
import type { Credentials, RestConfig } from './rest-call';
import type { ResilientStream } from './ws-stream';

/** What every venue connector is built from. */
export interface ConnectorSetup {
  readonly httpUrl: string;
  readonly wsUrl: string;
  readonly credentials?: Credentials;
  /** The process-wide registry: all accounts on one host share a weight budget. */
  readonly budgets: RateBudgetRegistry;
  readonly recvWindow?: number;
  readonly timeoutMs?: number;
  readonly retry?: RetryPolicy;
  readonly send?: HttpSend;
  /** Hears every REST request's wall time (the engine's latency metric); the connector never depends on it. */
  readonly observeRest?: RestObserver;
  readonly stream?: KlineFeedOptions['stream'];
  readonly unknownPollMs?: number;
}

/**
 * The REST settings every venue starts from (all but the host budget, which is keyed per venue).
 * One place, so a default timeout, recvWindow or breaker threshold cannot differ by accident.
 */
export function restDefaults(s: ConnectorSetup, clock: ServerClock): Omit<RestConfig, 'budget'> {
  return {
    baseUrl: s.httpUrl,
    credentials: s.credentials,
    recvWindow: s.recvWindow ?? 5_000,
    timeoutMs: s.timeoutMs ?? 10_000,
    breakers: new BreakerSet({ failureThreshold: 5, cooldownMs: 30_000 }, Date.now),
    clock,
    send: s.observeRest ? timedSend(s.send ?? fetchSend, s.observeRest) : (s.send ?? fetchSend),
    localNow: Date.now,
    retry: s.retry,
  };
}

/** Keeps a kline feed's stream in the health set for exactly as long as it is subscribed. */
export function trackFeed(streams: Set<ResilientStream>, feed: { readonly unsubscribe: Unsubscribe; readonly stream: ResilientStream }): Unsubscribe {
  streams.add(feed.stream);
  return () => {
    feed.unsubscribe();
    streams.delete(feed.stream);
  };
}

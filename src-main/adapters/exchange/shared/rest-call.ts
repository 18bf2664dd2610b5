// Runs in: engine.
import type { BreakerSet } from '../../../core/exchange/circuit-breaker';
import { decideRetry, DEFAULT_RETRY_POLICY, ExchangeError, type ClassifiedError, type RetryPolicy } from '../../../core/exchange/errors';
import type { RateBudget } from '../../../core/exchange/rate-budget';
import type { ServerClock } from '../../../core/exchange/server-clock';
import { sleep, TransportError, type HttpRequest, type HttpResponse, type HttpSend } from './http';

export interface Credentials {
  readonly apiKey: string;
  readonly secret: string;
}

/** The transport settings both venues take; connector-setup's restDefaults() fills all but the budget. */
export interface RestConfig {
  readonly baseUrl: string;
  readonly credentials?: Credentials;
  readonly recvWindow: number;
  readonly timeoutMs: number;
  /** Shared per host: pass the instance from RateBudgetRegistry. */
  readonly budget: RateBudget;
  readonly breakers: BreakerSet;
  readonly clock: ServerClock;
  readonly send: HttpSend;
  readonly localNow: () => number;
  readonly retry?: RetryPolicy;
}

/** Thrown for failed calls; carries the signing timestamp of the last attempt. */
export class SignedCallError extends ExchangeError {
  constructor(
    classified: ClassifiedError,
    readonly signedAt: number | undefined,
  ) {
    super(classified);
  }
}

export type VenueAnswer<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly classified: ClassifiedError };

/** What differs between the venues' loops. */
export interface VenueRules {
  /** How long the host is blocked after a 429/418/403 that names no time. */
  readonly defaultBlockMs: number;
  /** Waits for budget, or throws when the wait is too long (each venue words and bounds it its own way). */
  readonly waitForBudget: () => Promise<void>;
  readonly syncTime: () => Promise<void>;
}

export interface Attempt<T> {
  readonly group: string;
  /** Addresses and signs one attempt: every retry is signed afresh against the current clock. */
  readonly build: () => { readonly request: HttpRequest; readonly signedAt?: number };
  /** The venue's answer to an HTTP response: a value, or the classified failure. */
  readonly read: (res: HttpResponse) => VenueAnswer<T>;
  readonly classifyTransport: (e: TransportError) => ClassifiedError;
}

/**
 * One request under the rules both venues share: the host budget, a breaker per endpoint group
 * (only 5xx and transport failures count against it), the host blocked on rate limits and bans,
 * one clock resync, bounded retries. Kept in one place because these rules protect money and must
 * not drift apart between venues; only addressing, signing and error wording are the venue's.
 */
export async function callWithRetries<T>(cfg: RestConfig, venue: VenueRules, a: Attempt<T>): Promise<{ value: T; signedAt?: number }> {
  const policy = cfg.retry ?? DEFAULT_RETRY_POLICY;
  let resyncs = 0;
  for (let attempt = 1; ; attempt++) {
    await venue.waitForBudget();
    const breaker = cfg.breakers.group(a.group);
    if (!breaker.allow()) throw new SignedCallError({ kind: 'circuit-open', message: `circuit open for ${a.group}` }, undefined);
    const { request, signedAt } = a.build();
    let classified: ClassifiedError;
    try {
      const res = await cfg.send(request);
      const answer = a.read(res);
      if (answer.ok) {
        breaker.success();
        return { value: answer.value, signedAt };
      }
      classified = answer.classified;
      if (res.status >= 500) breaker.failure();
      else breaker.success();
    } catch (e) {
      if (!(e instanceof TransportError)) throw e;
      breaker.failure();
      classified = a.classifyTransport(e);
    }
    if (classified.kind === 'rate-limited' || classified.kind === 'ip-banned') cfg.budget.blockFor(classified.retryAfterMs ?? venue.defaultBlockMs);
    const decision = decideRetry(classified, attempt, resyncs, policy);
    if (decision.action === 'resync-clock-and-retry') {
      resyncs += 1;
      await venue.syncTime();
      continue;
    }
    if (decision.action === 'retry') {
      await sleep(decision.delayMs);
      continue;
    }
    throw new SignedCallError(classified, signedAt);
  }
}

export function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

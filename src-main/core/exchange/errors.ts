// Runs in: anywhere (pure).
/**
 * Error classification. The rule that matters most: when an order write may have reached the
 * matching engine (5xx, timeout, Binance -1007, Bybit 10016) the outcome is UNKNOWN; the caller must
 * query the order by its client id, never assume it failed and never blindly resend.
 */
export type ErrorKind =
  | 'retriable' // safe to resend as is (read, or request that never reached the venue)
  | 'unknown-status' // a write may or may not have happened: query it
  | 'clock-skew' // re-sync the server clock, then one retry
  | 'rate-limited' // wait Retry-After, throttle
  | 'ip-banned' // 418 / Bybit 403: stop all traffic to that host until the ban ends
  | 'auth' // bad key/signature/permissions: fatal
  | 'not-found' // unknown order
  | 'duplicate' // the client id already exists: the order is there, query it
  | 'rejected' // business rejection (filters, balance): fatal for this request
  | 'circuit-open' // our breaker refused to send: nothing reached the venue
  | 'fatal';

export interface ClassifiedError {
  readonly kind: ErrorKind;
  readonly code?: number;
  readonly httpStatus?: number;
  readonly retryAfterMs?: number;
  readonly message: string;
}

export type Transport = 'ok' | 'timeout' | 'refused' | 'reset';

export interface RawFailure {
  readonly transport: Transport;
  readonly httpStatus?: number;
  readonly code?: number;
  readonly message?: string;
  readonly retryAfterSec?: number;
  /** True for requests that change state (place/cancel); decides between retriable and unknown-status. */
  readonly isWrite: boolean;
}

export class ExchangeError extends Error {
  constructor(readonly classified: ClassifiedError) {
    super(classified.message);
    this.name = 'ExchangeError';
  }
  get kind(): ErrorKind {
    return this.classified.kind;
  }
}

function transportOrServer(f: RawFailure, message: string): ClassifiedError | undefined {
  // Refused: the request never left, so even a write is safe to resend.
  if (f.transport === 'refused') return { kind: 'retriable', message: `connection refused: ${message}` };
  if (f.transport === 'timeout' || f.transport === 'reset') {
    return { kind: f.isWrite ? 'unknown-status' : 'retriable', message: `${f.transport}: ${message}` };
  }
  if (f.httpStatus !== undefined && f.httpStatus >= 500) {
    return { kind: f.isWrite ? 'unknown-status' : 'retriable', httpStatus: f.httpStatus, code: f.code, message };
  }
  return undefined;
}

const secToMs = (s: number | undefined, fallback: number): number => (s !== undefined && Number.isFinite(s) && s >= 0 ? s * 1000 : fallback);

const BINANCE_CODES: Readonly<Record<number, ErrorKind>> = {
  [-1000]: 'unknown-status', // UNKNOWN: "An unknown error occurred while processing the request."
  [-1003]: 'rate-limited',
  [-1006]: 'unknown-status', // unexpected response from the message bus: execution status unknown
  [-1007]: 'unknown-status', // timeout waiting for backend: execution status unknown
  [-1015]: 'rate-limited', // too many new orders
  [-1021]: 'clock-skew',
  [-1022]: 'auth',
  [-2014]: 'auth',
  [-2015]: 'auth',
  [-2013]: 'not-found',
  [-2011]: 'not-found', // cancel rejected: unknown order
  [-1125]: 'auth', // invalid listenKey: create a new one
  [-4120]: 'fatal', // futures conditional order on the retired endpoint
  [-4116]: 'duplicate', // futures: ClientOrderId is duplicated
};

export function classifyBinance(f: RawFailure): ClassifiedError {
  const message = f.message ?? 'binance error';
  if (f.httpStatus === 418) return { kind: 'ip-banned', httpStatus: 418, code: f.code, retryAfterMs: secToMs(f.retryAfterSec, 120_000), message };
  if (f.httpStatus === 429) return { kind: 'rate-limited', httpStatus: 429, code: f.code, retryAfterMs: secToMs(f.retryAfterSec, 60_000), message };
  if (f.code !== undefined && BINANCE_CODES[f.code] !== undefined) {
    const kind = BINANCE_CODES[f.code]!;
    if (kind === 'unknown-status' && !f.isWrite) return { kind: 'retriable', code: f.code, httpStatus: f.httpStatus, message };
    return { kind, code: f.code, httpStatus: f.httpStatus, message, retryAfterMs: kind === 'rate-limited' ? secToMs(f.retryAfterSec, 10_000) : undefined };
  }
  if (f.code === -2010 && /duplicate/i.test(message)) return { kind: 'duplicate', code: f.code, httpStatus: f.httpStatus, message };
  const t = transportOrServer(f, message);
  if (t) return t;
  if (f.httpStatus === 401 || f.httpStatus === 403) return { kind: 'auth', httpStatus: f.httpStatus, code: f.code, message };
  return { kind: f.code !== undefined && f.code <= -2000 ? 'rejected' : 'fatal', httpStatus: f.httpStatus, code: f.code, message };
}

const BYBIT_CODES: Readonly<Record<number, ErrorKind>> = {
  10002: 'clock-skew',
  10003: 'auth',
  10004: 'auth',
  10005: 'auth', // permission denied
  10006: 'rate-limited',
  10016: 'unknown-status', // internal server error / service restarting
  10018: 'rate-limited',
  110001: 'not-found',
  110072: 'duplicate',
  170213: 'not-found',
};

export function classifyBybit(f: RawFailure & { readonly limitResetAtMs?: number; readonly nowMs?: number }): ClassifiedError {
  const message = f.message ?? 'bybit error';
  // Bybit answers an IP ban with HTTP 403 and bans for at least 10 minutes.
  if (f.httpStatus === 403) return { kind: 'ip-banned', httpStatus: 403, retryAfterMs: secToMs(f.retryAfterSec, 600_000), message };
  if (f.code !== undefined && BYBIT_CODES[f.code] !== undefined) {
    const kind = BYBIT_CODES[f.code]!;
    if (kind === 'unknown-status' && !f.isWrite) return { kind: 'retriable', code: f.code, message };
    let retryAfterMs: number | undefined;
    if (kind === 'rate-limited') {
      retryAfterMs = f.limitResetAtMs !== undefined && f.nowMs !== undefined ? Math.max(0, f.limitResetAtMs - f.nowMs) : secToMs(f.retryAfterSec, 1_000);
    }
    return { kind, code: f.code, message, retryAfterMs };
  }
  const t = transportOrServer(f, message);
  if (t) return t;
  if (f.httpStatus === 401) return { kind: 'auth', httpStatus: 401, message };
  return { kind: f.code !== undefined && f.code >= 110000 ? 'rejected' : 'fatal', code: f.code, httpStatus: f.httpStatus, message };
}

export type RetryDecision =
  | { readonly action: 'retry'; readonly delayMs: number }
  | { readonly action: 'resync-clock-and-retry' }
  | { readonly action: 'query-order' }
  | { readonly action: 'fail' };

export interface RetryPolicy {
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 3, baseDelayMs: 200, maxDelayMs: 5_000 };

/** attempt is 1 for the first failure. A clock skew earns exactly one re-synced retry. */
export function decideRetry(e: ClassifiedError, attempt: number, clockResyncsSoFar: number, policy: RetryPolicy = DEFAULT_RETRY_POLICY): RetryDecision {
  switch (e.kind) {
    case 'unknown-status':
    case 'duplicate':
      return { action: 'query-order' };
    case 'clock-skew':
      return clockResyncsSoFar === 0 ? { action: 'resync-clock-and-retry' } : { action: 'fail' };
    case 'retriable':
      if (attempt >= policy.maxAttempts) return { action: 'fail' };
      return { action: 'retry', delayMs: Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1)) };
    case 'rate-limited':
      // Waiting longer than the policy allows is the caller's call (budget blocks the host meanwhile).
      if (attempt >= policy.maxAttempts || (e.retryAfterMs ?? 0) > policy.maxDelayMs) return { action: 'fail' };
      return { action: 'retry', delayMs: e.retryAfterMs ?? policy.baseDelayMs };
    default:
      return { action: 'fail' };
  }
}

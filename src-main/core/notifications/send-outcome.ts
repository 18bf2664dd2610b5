// Runs in: anywhere (pure).
import type { RandomSource } from '../seeded-random';
import { Backoff } from '../signals/backoff';
import type { OutgoingMessage } from './notice';

/** What one delivery attempt came to, as a channel adapter reports it. Errors never carry the URL or a token. */
export type SendOutcome = { ok: true } | { ok: false; retry: boolean; retryAfterMs: number | null; error: string };

export interface RetryPolicy {
  readonly maxAttempts: number;
  readonly baseMs: number;
  readonly maxMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 5, baseMs: 1_000, maxMs: 60_000 };

/** Whether an HTTP answer is worth another try: the server's trouble (5xx) or its throttle (429), not our request's. */
export function retryableStatus(status: number): boolean {
  return status === 429 || status >= 500;
}

/**
 * The wait before attempt `attempt + 1`, or null to give up. A server's own `retry_after` is a floor: asking again
 * sooner only earns another 429.
 */
export function retryDelay(outcome: SendOutcome, attempt: number, policy: RetryPolicy, backoff: Backoff): number | null {
  if (outcome.ok || !outcome.retry || attempt >= policy.maxAttempts) return null;
  return Math.max(backoff.next(), outcome.retryAfterMs ?? 0);
}

export function newBackoff(policy: RetryPolicy, random?: RandomSource): Backoff {
  return new Backoff({ baseMs: policy.baseMs, maxMs: policy.maxMs, factor: 2, ...(random ? { random } : {}) });
}

/** A channel adapter (webhook, Telegram): one attempt to deliver one message. Never throws. */
export interface ChannelTransport {
  send(message: OutgoingMessage): Promise<SendOutcome>;
}

import { describe, expect, it } from 'vitest';
import { newBackoff, retryableStatus, retryDelay, type RetryPolicy } from './send-outcome';

const policy: RetryPolicy = { maxAttempts: 4, baseMs: 1_000, maxMs: 8_000 };
const fail = (retry: boolean, retryAfterMs: number | null = null) => ({ ok: false as const, retry, retryAfterMs, error: 'x' });

describe('retryDelay', () => {
  it('backs off exponentially with jitter, capped, and gives up after maxAttempts', () => {
    const low = newBackoff(policy, () => 0);
    expect([1, 2, 3].map((n) => retryDelay(fail(true), n, policy, low))).toEqual([500, 1_000, 2_000]);
    expect(retryDelay(fail(true), 4, policy, low)).toBeNull();
    const high = newBackoff(policy, () => 0.999999);
    expect([1, 2, 3, 3, 3].map((n) => retryDelay(fail(true), n, policy, high))).toEqual([1_000, 2_000, 4_000, 8_000, 8_000]);
  });

  it('waits at least what the server asked (retry_after)', () => {
    expect(retryDelay(fail(true, 30_000), 1, policy, newBackoff(policy, () => 0))).toBe(30_000);
  });

  it('does not retry a success or a request the server refused for good', () => {
    expect(retryDelay({ ok: true }, 1, policy, newBackoff(policy))).toBeNull();
    expect(retryDelay(fail(false), 1, policy, newBackoff(policy))).toBeNull();
  });

  it('retries 429 and 5xx, not other 4xx', () => {
    expect([200, 400, 401, 403, 404, 429, 500, 502, 503].map(retryableStatus)).toEqual([false, false, false, false, false, true, true, true, true]);
  });
});

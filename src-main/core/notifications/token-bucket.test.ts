import { describe, expect, it } from 'vitest';
import { TokenBucket } from './token-bucket';

describe('TokenBucket', () => {
  it('lets a burst of perMinute through, then one per 60/perMinute seconds', () => {
    const bucket = new TokenBucket(6, 0);
    for (let i = 0; i < 6; i++) expect(bucket.take(0)).toBe(true);
    expect(bucket.take(0)).toBe(false);
    expect(bucket.waitMs(0)).toBe(10_000);
    expect(bucket.take(9_999)).toBe(false);
    expect(bucket.take(10_000)).toBe(true);
    expect(bucket.take(10_000)).toBe(false);
  });

  it('never holds more than perMinute tokens after a long idle', () => {
    const bucket = new TokenBucket(3, 0);
    let taken = 0;
    while (bucket.take(3_600_000)) taken++;
    expect(taken).toBe(3);
  });

  it('is not drained by a clock that steps back', () => {
    const bucket = new TokenBucket(2, 100_000);
    expect(bucket.take(50_000)).toBe(true);
    expect(bucket.take(50_000)).toBe(true);
    expect(bucket.take(50_000)).toBe(false);
    expect(bucket.waitMs(100_000)).toBe(30_000);
  });

  it('refuses a rate of zero', () => {
    expect(() => new TokenBucket(0, 0)).toThrow(RangeError);
  });
});

import { describe, expect, it } from 'vitest';
import { seededRandom } from '../seeded-random';
import { Backoff } from './backoff';

describe('Backoff', () => {
  it('stays within [d/2, d] for d = min(max, base·2^n) over many attempts', () => {
    const backoff = new Backoff({ baseMs: 100, maxMs: 5_000, random: seededRandom(7) });
    for (let n = 0; n < 200; n++) {
      const ceiling = Math.min(5_000, 100 * 2 ** n);
      const delay = backoff.next();
      expect(delay).toBeGreaterThanOrEqual(Math.round(ceiling / 2));
      expect(delay).toBeLessThanOrEqual(ceiling);
    }
    expect(backoff.attempt).toBe(200);
  });

  it('hits the extremes with random 0 and ~1, and reset starts over', () => {
    expect(new Backoff({ baseMs: 100, random: () => 0 }).next()).toBe(50);
    const high = new Backoff({ baseMs: 100, maxMs: 400, random: () => 0.999999 });
    expect([high.next(), high.next(), high.next(), high.next()]).toEqual([100, 200, 400, 400]);
    high.reset();
    expect(high.next()).toBe(100);
  });

  it('is reproducible from a seed and jitters between clients', () => {
    const run = (seed: number) => {
      const backoff = new Backoff({ random: seededRandom(seed) });
      return [backoff.next(), backoff.next(), backoff.next()];
    };
    expect(run(1)).toEqual(run(1));
    expect(run(1)).not.toEqual(run(2));
  });

  it('rejects nonsense settings', () => {
    expect(() => new Backoff({ baseMs: 0 })).toThrow(RangeError);
    expect(() => new Backoff({ baseMs: 100, maxMs: 50 })).toThrow(RangeError);
  });
});

import { describe, expect, it } from 'vitest';
import { equityRangeStart, thinPoints } from './equity-range';

describe('equityRangeStart', () => {
  const now = new Date(2026, 11, 4, 15, 30).getTime();
  it('starts a session range at the session start, a day at local midnight, all time at zero', () => {
    expect(equityRangeStart('session', now, now - 1234)).toBe(now - 1234);
    expect(equityRangeStart('day', now, now - 1234)).toBe(new Date(2026, 11, 4).getTime());
    expect(equityRangeStart('all', now, now - 1234)).toBe(0);
  });
});

describe('thinPoints', () => {
  const points = Array.from({ length: 1001 }, (_, i) => ({ t: i * 1000, equity: i }));
  it('keeps short series whole', () => {
    expect(thinPoints(points.slice(0, 5), 10)).toEqual(points.slice(0, 5));
  });
  it('keeps the first and last point and spaces the rest evenly', () => {
    const thin = thinPoints(points, 11);
    expect(thin.map((p) => p.equity)).toEqual([0, 100, 200, 300, 400, 500, 600, 700, 800, 900, 1000]);
    // 11 points into 4: every 3⅓, to the nearest.
    expect(thinPoints(points.slice(0, 11), 4).map((p) => p.equity)).toEqual([0, 3, 7, 10]);
  });
});

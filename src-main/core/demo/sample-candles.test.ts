import { describe, expect, it } from 'vitest';
import { DEFAULT_SAMPLE, sampleCandles } from './sample-candles';

describe('sampleCandles', () => {
  const candles = [...sampleCandles()];

  it('is one year of hourly candles, the same on every machine', () => {
    expect(candles).toHaveLength(DEFAULT_SAMPLE.count);
    expect(candles[0]!.time).toBe(Date.UTC(2024, 0, 1));
    expect(candles[1]!.time - candles[0]!.time).toBe(3_600_000);
    expect([...sampleCandles()].at(-1)).toEqual(candles.at(-1));
  });

  it('is well formed: high and low contain open and close, prices stay positive, volume is positive', () => {
    for (const c of candles) {
      expect(c.high).toBeGreaterThanOrEqual(Math.max(c.open, c.close));
      expect(c.low).toBeLessThanOrEqual(Math.min(c.open, c.close));
      expect(c.low).toBeGreaterThan(0);
      expect(c.volume).toBeGreaterThan(0);
    }
  });

  it('moves like a market: trends and ranges, neither flat nor explosive', () => {
    const closes = candles.map((c) => c.close);
    const ratio = Math.max(...closes) / Math.min(...closes);
    expect(ratio).toBeGreaterThan(1.3);
    expect(ratio).toBeLessThan(20);
  });
});

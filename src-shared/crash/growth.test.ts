import { describe, expect, it } from 'vitest';
import { BUSTABIT_RATE_PER_MS, displayedMultiplierAt, floorToCents, multiplierAt, timeToReach } from './growth';

describe('growth curve', () => {
  it('reproduces bustabit: 2x at 11.6 s and 10x at 38.4 s', () => {
    expect(timeToReach(2) / 1000).toBeCloseTo(11.55, 2);
    expect(timeToReach(10) / 1000).toBeCloseTo(38.38, 2);
    expect(multiplierAt(timeToReach(3.7))).toBeCloseTo(3.7, 12);
  });

  it('is flat at 1 before the flight and reaches 1.00x at time 0', () => {
    expect(multiplierAt(-500)).toBe(1);
    expect(timeToReach(1)).toBe(0);
  });

  it('floors the displayed value to 2 decimals and shows exactly x at its crossing', () => {
    expect(floorToCents(2.359)).toBe(235);
    for (const x of [1.01, 1.5, 2, 2.35, 9.99, 123.45]) {
      expect(displayedMultiplierAt(timeToReach(x))).toBe(x);
      expect(displayedMultiplierAt(timeToReach(x) - 0.5)).toBeLessThan(x);
    }
  });

  it('honours a custom rate', () => {
    const rate = 0.0003;
    expect(timeToReach(2, rate)).toBeCloseTo(timeToReach(2) * (BUSTABIT_RATE_PER_MS / rate), 9);
  });
});

import { describe, expect, it } from 'vitest';
import { crashHistogram, crashTier } from './histogram';

describe('crash histogram', () => {
  it('puts each crash point in exactly one bucket, edges going up', () => {
    expect(crashHistogram([1, 1.49, 1.5, 2, 2.99, 3, 5, 9.99, 10, 1000])).toEqual([2, 1, 2, 1, 2, 2]);
  });
  it('tiers by 2× and 10×', () => {
    expect([1.99, 2, 9.99, 10].map(crashTier)).toEqual(['low', 'mid', 'mid', 'high']);
  });
});

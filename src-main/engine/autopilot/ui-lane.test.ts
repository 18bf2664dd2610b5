import { describe, expect, it } from 'vitest';
import { UiLane } from './ui-lane';

describe('UiLane', () => {
  it('delivers nothing during the current turn, then everything in order', async () => {
    const lane = new UiLane();
    const seen: number[] = [];
    lane.post(() => seen.push(1));
    lane.post(() => seen.push(2));
    await Promise.resolve();
    expect(seen).toEqual([]);
    await new Promise((r) => setImmediate(r));
    expect(seen).toEqual([1, 2]);
    lane.post(() => seen.push(3));
    await new Promise((r) => setImmediate(r));
    expect(seen).toEqual([1, 2, 3]);
  });
});

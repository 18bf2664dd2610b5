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

describe('UiLane on shutdown', () => {
  it('delivers what is queued at close, then drops later posts instead of running them against a closed store', async () => {
    const lane = new UiLane();
    const seen: number[] = [];
    lane.post(() => seen.push(1));
    lane.close();
    expect(seen).toEqual([1]);
    lane.post(() => {
      throw new Error('The database connection is not open');
    });
    await new Promise((r) => setImmediate(r));
    expect(seen).toEqual([1]);
  });

  it('reports a notification that throws and still delivers the rest', async () => {
    const errors: unknown[] = [];
    const lane = new UiLane((e) => errors.push(e));
    const seen: number[] = [];
    lane.post(() => {
      throw new Error('boom');
    });
    lane.post(() => seen.push(2));
    await new Promise((r) => setImmediate(r));
    expect(seen).toEqual([2]);
    expect(errors).toHaveLength(1);
  });
});

import { describe, expect, it } from 'vitest';
import { DuplicateTracker } from './duplicate-tracker';

describe('DuplicateTracker', () => {
  it('remembers ids and evicts the least recently seen past capacity', () => {
    const tracker = new DuplicateTracker(3);
    tracker.seed(['a', 'b', 'c']);
    tracker.add('a'); // refreshes a: b is now the oldest
    tracker.add('d');
    expect(['a', 'b', 'c', 'd'].map((id) => tracker.has(id))).toEqual([true, false, true, true]);
    expect(tracker.size).toBe(3);
  });

  it('keeps the newest when seeded with more than capacity', () => {
    const tracker = new DuplicateTracker(2);
    tracker.seed(['1', '2', '3', '4']);
    expect([tracker.has('2'), tracker.has('3'), tracker.has('4')]).toEqual([false, true, true]);
  });

  it('rejects a non-positive capacity', () => {
    expect(() => new DuplicateTracker(0)).toThrow(RangeError);
  });
});

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { frameScheduler } from './frame-batcher';

describe('frameScheduler', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.stubGlobal('requestAnimationFrame', (cb: (t: number) => void) => setTimeout(() => cb(performance.now()), 16));
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('runs one flush per frame however many events arrive', () => {
    const flush = vi.fn();
    const schedule = frameScheduler(flush);
    for (let i = 0; i < 50; i++) schedule();
    vi.advanceTimersByTime(20);
    expect(flush).toHaveBeenCalledTimes(1);
  });

  it('keeps at least minGapMs between flushes under a steady stream', () => {
    const flush = vi.fn();
    const schedule = frameScheduler(flush, 100);
    // 50 events/s for one second.
    for (let t = 0; t < 1000; t += 20) {
      schedule();
      vi.advanceTimersByTime(20);
    }
    vi.advanceTimersByTime(200);
    expect(flush.mock.calls.length).toBeGreaterThanOrEqual(8);
    expect(flush.mock.calls.length).toBeLessThanOrEqual(11);
  });
});

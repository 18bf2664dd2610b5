import { setImmediate as turn } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { CaptureMemory, captureMemory, RECLAIM_EVERY_BYTES } from './capture-memory';

const MB = 1024 * 1024;

describe('CaptureMemory', () => {
  it('runs one minor GC per RECLAIM_EVERY_BYTES captured, and only when asked between reads', () => {
    const calls: unknown[] = [];
    const memory = new CaptureMemory((options) => calls.push(options));
    memory.noteCaptured(RECLAIM_EVERY_BYTES - 1);
    expect(memory.reclaimIfDue()).toBe(false);
    memory.noteCaptured(1);
    expect(calls).toEqual([]);
    expect(memory.reclaimIfDue()).toBe(true);
    expect(memory.reclaimIfDue()).toBe(false);
    expect(calls).toEqual([{ type: 'minor', execution: 'sync' }]);
  });

  it('does nothing without a gc function', () => {
    const memory = new CaptureMemory(null);
    memory.noteCaptured(10 * RECLAIM_EVERY_BYTES);
    expect(memory.enabled).toBe(false);
    expect(memory.reclaimIfDue()).toBe(false);
  });

  it("frees dead capture-sized buffers in this process's V8, which would otherwise keep them", async () => {
    const memory = captureMemory();
    expect(memory.enabled).toBe(true);
    await turn();
    const before = process.memoryUsage().arrayBuffers;
    for (let i = 0; i < 32; i++) {
      const capture = Buffer.alloc(MB / 2, i);
      memory.noteCaptured(capture.byteLength);
    }
    // 16 MB of garbage: too little JS allocation to fill the young generation, too little to force a full GC.
    expect(process.memoryUsage().arrayBuffers - before).toBeGreaterThanOrEqual(15 * MB);
    expect(memory.reclaimIfDue()).toBe(true);
    await turn();
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(2 * MB);
  });
});

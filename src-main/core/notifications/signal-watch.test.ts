import { describe, expect, it } from 'vitest';
import { SignalWatch } from './signal-watch';

describe('SignalWatch', () => {
  it('says "down" only after the threshold, and "back" only after "down"', () => {
    const w = new SignalWatch(() => 30_000);
    expect(w.update({ running: true, state: 'open' }, 0)).toEqual([]);
    expect(w.update({ running: true, state: 'reconnecting' }, 1_000)).toEqual([]);
    expect(w.checkAt()).toBe(31_000);
    expect(w.due(30_999)).toEqual([]);
    expect(w.due(31_000)).toEqual([{ topic: 'signals', kind: 'source-down', at: 31_000, downForMs: 30_000, state: 'reconnecting' }]);
    expect(w.due(40_000)).toEqual([]);
    expect(w.checkAt()).toBeNull();
    expect(w.update({ running: true, state: 'open' }, 61_000)).toEqual([{ topic: 'signals', kind: 'source-back', at: 61_000, downForMs: 60_000 }]);
  });

  it('says nothing for a short reconnect', () => {
    const w = new SignalWatch(() => 30_000);
    w.update({ running: true, state: 'reconnecting' }, 0);
    expect(w.update({ running: true, state: 'open' }, 2_000)).toEqual([]);
    expect(w.due(60_000)).toEqual([]);
  });

  it('does not count a stopped autopilot as an outage', () => {
    const w = new SignalWatch(() => 1_000);
    expect(w.update({ running: false, state: 'closed' }, 0)).toEqual([]);
    expect(w.checkAt()).toBeNull();
    w.update({ running: true, state: 'closed' }, 0);
    expect(w.due(1_000)).toHaveLength(1);
    // Stopped while down: no "back", and the next start begins afresh.
    expect(w.update({ running: false, state: 'closed' }, 2_000)).toEqual([]);
    expect(w.update({ running: true, state: 'open' }, 3_000)).toEqual([]);
  });
});

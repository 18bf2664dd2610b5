import { afterAll, describe, expect, it } from 'vitest';
import { SignalIntake } from '../../../src-main/adapters/signals/signal-intake';
import { SignalRecorder } from '../../../src-main/adapters/store/signal-recorder';
import { tempDatabase } from './helpers';

const store = tempDatabase();
afterAll(() => store.cleanup());

function measure(frames: string[], intake: SignalIntake): number {
  const started = performance.now();
  for (const frame of frames) intake.handleFrame('bench', frame);
  return Math.round(frames.length / ((performance.now() - started) / 1000));
}

describe('intake throughput (validate + record in a real SQLite file)', () => {
  it('handles typical frames far faster than any signal provider sends them', () => {
    const now = Date.now();
    const intake = new SignalIntake({ recorder: new SignalRecorder(store.db), now: () => now, queueCapacity: 64 });
    intake.start();
    const valid = Array.from({ length: 10_000 }, (_, i) =>
      JSON.stringify({ timestamp: new Date(now - 20).toISOString(), expectedMultiplier: '1.85', expectedRange: '1.7-2.0', bet: i % 3 !== 0, roundId: 5_000_000 + i }),
    );
    const invalid = valid.map((text, i) => (i % 2 ? text.slice(0, 40) : text.replace('"bet":', '"bet":"x","_":')));
    const acceptedPerSecond = measure(valid, intake);
    const rejectedPerSecond = measure(invalid, intake);
    const rows = store.db.prepare('SELECT verdict, COUNT(*) AS n FROM signals GROUP BY verdict ORDER BY verdict').all();
    // 64-slot drop-oldest queue: all but the last 64 accepted signals end up "dropped" (one UPDATE each).
    expect(rows).toEqual([
      { verdict: 'accepted', n: 64 },
      { verdict: 'dropped', n: 10_000 - 64 },
      { verdict: 'rejected', n: 10_000 },
    ]);
    console.log(`throughput: accepted path ${acceptedPerSecond} frames/s (insert + queue + evict update), rejected path ${rejectedPerSecond} frames/s`);
    // Loose floor (1 ms per frame): the cores are shared with other suites; typical runs are 5-10x higher.
    expect(acceptedPerSecond).toBeGreaterThan(1_000);
    expect(rejectedPerSecond).toBeGreaterThan(1_000);
  });
});

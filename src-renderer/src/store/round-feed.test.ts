import { describe, expect, it } from 'vitest';
import { createRoundFeed } from './round-feed';

describe('round feed', () => {
  it('plots seconds since the first sample and resets on a new round', () => {
    const feed = createRoundFeed();
    feed.sample({ roundId: 'a', t: 10_000, m: 1 });
    feed.sample({ roundId: 'a', t: 10_500, m: 1.2 });
    feed.sample({ roundId: 'a', t: 10_500, m: 1.3 }); // same instant: dropped, x must increase
    expect(feed.snapshot().points).toEqual([
      { x: 0, m: 1 },
      { x: 0.5, m: 1.2 },
    ]);
    const generation = feed.snapshot().generation;
    feed.sample({ roundId: 'b', t: 99, m: 1 });
    expect(feed.snapshot()).toMatchObject({ roundId: 'b', points: [{ x: 0, m: 1 }], generation: generation + 1 });
  });

  it('places the cash-out marker where the multiplier reached it, and keeps the target', () => {
    const feed = createRoundFeed();
    for (let i = 0; i < 5; i++) feed.sample({ roundId: 'r', t: i * 100, m: 1 + i * 0.25 });
    feed.ended({ roundId: 'r', crashPoint: 2.4, cashoutAt: 1.5, target: 1.5 });
    expect(feed.snapshot()).toMatchObject({ ended: true, crashPoint: 2.4, target: 1.5, cashout: { x: 0.2, m: 1.5 } });
    // A late sample of the finished round is ignored; the next round starts fresh.
    feed.sample({ roundId: 'r', t: 1000, m: 2.5 });
    expect(feed.snapshot().points).toHaveLength(5);
    feed.sample({ roundId: 's', t: 5000, m: 1 });
    expect(feed.snapshot()).toMatchObject({ ended: false, cashout: null, points: [{ x: 0, m: 1 }] });
  });

  it('keeps the last watched round when a skipped signal ends with nothing observed', () => {
    const feed = createRoundFeed();
    feed.sample({ roundId: 'r', t: 0, m: 1.5 });
    feed.ended({ roundId: 'skipped', crashPoint: null, cashoutAt: null, target: 2 });
    expect(feed.snapshot()).toMatchObject({ roundId: 'r', points: [{ x: 0, m: 1.5 }] });
  });

  it('notifies subscribers until they unsubscribe', () => {
    const feed = createRoundFeed();
    let calls = 0;
    const off = feed.subscribe(() => calls++);
    feed.sample({ roundId: 'r', t: 0, m: 1 });
    off();
    feed.sample({ roundId: 'r', t: 100, m: 1.1 });
    expect(calls).toBe(1);
  });
});

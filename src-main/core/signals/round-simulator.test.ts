import { describe, expect, it } from 'vitest';
import { RoundSimulator } from './round-simulator';
import { validateSignalFrame } from './validate';

describe('RoundSimulator', () => {
  it('produces valid, sequential, mixed rounds', () => {
    const now = Date.parse('2025-06-01T12:00:00.000Z');
    const simulator = new RoundSimulator({ seed: 3, firstRoundId: 100 });
    const frames = Array.from({ length: 500 }, () => simulator.next(now));
    expect(frames.map((f) => f.roundId)).toEqual(Array.from({ length: 500 }, (_, i) => 100 + i));
    for (const frame of frames) expect(validateSignalFrame(JSON.stringify(frame), { now }).verdict).toBe('accepted');
    const bets = frames.filter((f) => f.bet).length;
    expect(bets).toBeGreaterThan(250);
    expect(bets).toBeLessThan(450);
    expect(new Set(frames.map((f) => f.expectedMultiplier)).size).toBeGreaterThan(50);
  });
});

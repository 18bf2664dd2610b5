import { describe, expect, it } from 'vitest';
import { MultiplierTrack } from './multiplier-track';

const options = { maxRatePerMs: 0.0001, slack: 0.02, stallMs: 500, missingMs: 200 };

describe('MultiplierTrack', () => {
  it('accepts a rising curve and keeps its samples', () => {
    const track = new MultiplierTrack(options);
    track.startRound(0);
    for (let t = 0; t <= 2000; t += 100) expect(track.offer(Math.floor(Math.exp(0.00006 * t) * 100) / 100, t).accepted).toBe(true);
    expect(track.samples).toHaveLength(21);
    expect(track.state(2050)).toBe('rising');
  });

  it('rejects a read that goes backwards and keeps the earlier reference', () => {
    const track = new MultiplierTrack(options);
    track.startRound(0);
    track.offer(1.5, 4000);
    expect(track.offer(1.49, 4100)).toEqual({ accepted: false, reason: 'backwards' });
    expect(track.last?.value).toBe(1.5);
  });

  it('rejects a jump faster than the growth bound, such as a dropped decimal point', () => {
    const track = new MultiplierTrack(options);
    track.startRound(0);
    track.offer(2.35, 9000);
    expect(track.offer(235, 9050)).toEqual({ accepted: false, reason: 'too-fast' });
    // The bound: 2.35·e^(0.0001·1000) + 0.02 ≈ 2.617.
    expect(track.offer(2.62, 10_000).accepted).toBe(false);
    expect(track.offer(2.61, 10_000).accepted).toBe(true);
  });

  it('bounds the first read by the time since the round started', () => {
    const track = new MultiplierTrack(options);
    track.startRound(1000);
    expect(track.offer(5, 1100)).toEqual({ accepted: false, reason: 'too-fast' });
    expect(track.offer(1.01, 1100).accepted).toBe(true);
  });

  it('accepts any first read when the round start is unknown, but not below 1', () => {
    const track = new MultiplierTrack(options);
    expect(track.offer(0.5, 0)).toEqual({ accepted: false, reason: 'below-one' });
    expect(track.offer(57.3, 0).accepted).toBe(true);
  });

  it('reports a multiplier that stopped rising', () => {
    const track = new MultiplierTrack(options);
    track.startRound(0);
    track.offer(1.2, 3000);
    expect(track.offer(1.2, 3300).accepted).toBe(true);
    expect(track.state(3400)).toBe('rising');
    expect(track.state(3500)).toBe('stalled');
  });

  it('reports a multiplier that disappeared, and recovers when reads come back', () => {
    const track = new MultiplierTrack(options);
    track.startRound(0);
    expect(track.state(0)).toBe('waiting');
    track.offer(1.3, 4000);
    expect(track.offer(null, 4100)).toEqual({ accepted: false, reason: 'unreadable' });
    track.offer(null, 4200);
    expect(track.state(4250)).toBe('rising');
    expect(track.state(4300)).toBe('disappeared');
    track.offer(1.31, 4310);
    expect(track.state(4320)).toBe('rising');
  });

  it('treats an instant 1.00× crash as a stall, not a broken round', () => {
    const track = new MultiplierTrack(options);
    track.startRound(0);
    track.offer(1, 10);
    track.offer(1, 300);
    expect(track.state(600)).toBe('stalled');
  });
});

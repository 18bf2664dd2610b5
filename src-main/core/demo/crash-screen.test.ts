import { describe, expect, it } from 'vitest';
import { CrashChain } from '../../../src-shared/crash/bustabit';
import { CrashScreen, screenText } from './crash-screen';

const config = { seed: 'demo', startAt: 0, countdownMs: 1000, pauseMs: 500, rate: 0.0002 };

describe('CrashScreen', () => {
  it('shows the countdown, then a rising multiplier up to the seeded crash point, then the crash text', () => {
    const screen = new CrashScreen(config);
    const crash = new CrashChain('demo').crashCents(1);
    expect(screen.at(500)).toEqual({ phase: 'BETTING', roundId: 1 });
    const early = screen.at(1100);
    expect(early.phase === 'BETTING' ? 0 : early.cents).toBeLessThanOrEqual(crash);
    const crashAt = 1000 + Math.log(crash / 100) / config.rate;
    expect(screen.at(crashAt + 1)).toEqual({ phase: 'CRASHED', roundId: 1, cents: crash });
    expect(screen.at(crashAt + 600)).toEqual({ phase: 'BETTING', roundId: 2 });
  });

  it('renders what OCR would read', () => {
    expect(screenText({ phase: 'BETTING', roundId: 1 })).toBe('');
    expect(screenText({ phase: 'FLYING', roundId: 1, cents: 123 })).toBe('1.23x');
    expect(screenText({ phase: 'CRASHED', roundId: 1, cents: 250 })).toBe('CRASHED @ 2.50x');
  });

  it('keeps rounds going for as long as it is read', () => {
    const screen = new CrashScreen(config);
    const ids = new Set<number>();
    for (let t = 0; t < 600_000; t += 250) ids.add(screen.at(t).roundId);
    expect(ids.size).toBeGreaterThan(20);
  });
});

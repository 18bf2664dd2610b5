import { describe, expect, it } from 'vitest';
import { RiskLimits, type LimitsConfig } from './limits';

const off: LimitsConfig = { maxPositions: 10, dailyLossLimit: null, cooldown: null, maxDrawdownPause: null };
const H = 3_600_000;
const DAY = 24 * H;

describe('RiskLimits', () => {
  it('max concurrent positions (slots)', () => {
    const l = new RiskLimits({ ...off, maxPositions: 2 });
    l.onOpened('A');
    l.onOpened('B');
    expect(l.canOpen('C', 0)).toEqual({ ok: false, reason: 'max positions (2) reached' });
    l.onClosed('A', 5, 0);
    expect(l.canOpen('C', 0).ok).toBe(true);
    expect(l.canOpen('B', 0).ok).toBe(false); // already open
  });

  it('per-symbol lock while an order is in flight', () => {
    const l = new RiskLimits(off);
    expect(l.lock('BTCUSDT')).toBe(true);
    expect(l.lock('BTCUSDT')).toBe(false);
    expect(l.canOpen('BTCUSDT', 0)).toEqual({ ok: false, reason: 'order in flight for BTCUSDT' });
    expect(l.canOpen('ETHUSDT', 0).ok).toBe(true);
    l.unlock('BTCUSDT');
    expect(l.canOpen('BTCUSDT', 0).ok).toBe(true);
  });

  it('daily loss limit blocks entries until the next UTC day', () => {
    const l = new RiskLimits({ ...off, dailyLossLimit: 0.05 });
    l.onEquity(10_000, 1 * H);
    l.onEquity(9_600, 5 * H);
    expect(l.canOpen('A', 5 * H).ok).toBe(true);
    l.onEquity(9_500, 6 * H);
    expect(l.canOpen('A', 6 * H)).toEqual({ ok: false, reason: 'daily loss limit reached' });
    l.onEquity(9_500, DAY + H); // new day: 9,500 is the new start
    expect(l.canOpen('A', DAY + H).ok).toBe(true);
  });

  it('cooldown after N consecutive losses; a win resets the count', () => {
    const l = new RiskLimits({ ...off, cooldown: { losses: 2, ms: H } });
    l.onClosed('A', -1, 0);
    l.onClosed('A', 1, 0);
    l.onClosed('A', -1, 0);
    expect(l.canOpen('A', 0).ok).toBe(true);
    l.onClosed('A', -1, 10);
    expect(l.canOpen('A', 10 + H - 1)).toEqual({ ok: false, reason: 'cooldown after 2 losses' });
    expect(l.canOpen('A', 10 + H).ok).toBe(true);
  });

  it('max-drawdown pause from the equity peak, then resumes from the new level', () => {
    const l = new RiskLimits({ ...off, maxDrawdownPause: { drawdown: 0.2, ms: DAY } });
    l.onEquity(10_000, 0);
    l.onEquity(12_000, H);
    l.onEquity(9_700, 2 * H);
    expect(l.canOpen('A', 2 * H).ok).toBe(true);
    l.onEquity(9_600, 3 * H);
    expect(l.canOpen('A', 3 * H)).toEqual({ ok: false, reason: 'max-drawdown pause' });
    l.onEquity(9_500, 4 * H); // still paused; does not extend the pause
    expect(l.canOpen('A', 3 * H + DAY).ok).toBe(true);
  });
});

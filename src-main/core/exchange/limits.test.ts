import { describe, expect, it } from 'vitest';
import { RateBudget, RateBudgetRegistry } from './rate-budget';
import { CircuitBreaker } from './circuit-breaker';
import { ServerClock } from './server-clock';

describe('rate budget', () => {
  it('throttles before the limit and resets with the window', () => {
    let t = 1_000;
    const b = new RateBudget({ limit: 100, windowMs: 60_000, headroom: 0.8 }, () => t);
    for (let i = 0; i < 8; i++) expect(b.acquire(10)).toBe(0);
    expect(b.acquire(10)).toBe(59_000); // 80 used: the 9th would pass 80% of the limit
    t = 60_000;
    expect(b.acquire(10)).toBe(0);
  });
  it('adopts the exchange-reported weight and blocks on bans', () => {
    let t = 0;
    const b = new RateBudget({ limit: 100, windowMs: 60_000, headroom: 0.8 }, () => t);
    b.observeUsed(79);
    expect(b.acquire(5)).toBeGreaterThan(0);
    b.blockFor(2_000);
    t = 1_000;
    expect(b.acquire(1)).toBe(1_000);
  });
  it('shares one budget per host across accounts', () => {
    const reg = new RateBudgetRegistry(() => 0);
    const cfg = { limit: 10, windowMs: 1000, headroom: 1 };
    expect(reg.forHost('api.binance.com', cfg)).toBe(reg.forHost('api.binance.com', cfg));
    expect(reg.forHost('api.bybit.com', cfg)).not.toBe(reg.forHost('api.binance.com', cfg));
  });
});

describe('circuit breaker', () => {
  it('opens after consecutive failures and admits one probe after the cooldown', () => {
    let t = 0;
    const cb = new CircuitBreaker({ failureThreshold: 3, cooldownMs: 1000 }, () => t);
    cb.failure();
    cb.failure();
    expect(cb.allow()).toBe(true);
    cb.failure();
    expect(cb.state).toBe('open');
    expect(cb.allow()).toBe(false);
    t = 1000;
    expect(cb.allow()).toBe(true);
    expect(cb.allow()).toBe(false);
    cb.failure();
    expect(cb.state).toBe('open');
    t = 2000;
    expect(cb.allow()).toBe(true);
    cb.success();
    expect(cb.state).toBe('closed');
  });
});

describe('server clock', () => {
  it('estimates the offset at the round-trip midpoint', () => {
    let t = 10_000;
    const c = new ServerClock(() => t);
    c.update(15_050, 10_000, 10_100);
    expect(c.offsetMs).toBe(5_000);
    t = 20_000;
    expect(c.serverNow()).toBe(25_000);
  });
});

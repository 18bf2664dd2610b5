import { describe, expect, it } from 'vitest';
import { randomBars } from '../indicators/fixtures/naive';
import { createStrategy, strategyDefaults, strategyNames, StrategyConfigError } from './registry';
import { StrategyRunner } from './runner';
import type { Candle, Intent, Strategy } from './types';
import { ExternalSignal } from './external-signal';

const bar = (i: number, close: number, extra: Partial<Candle> = {}): Candle => ({ time: i, open: close, high: close, low: close, close, volume: 100, ...extra });

function feed(s: Strategy, candles: readonly Candle[]): (Intent | null)[] {
  return candles.map((c) => s.onCandle(c));
}

describe('registry', () => {
  it('lists the six strategies with defaults from their schemas', () => {
    expect(strategyNames()).toEqual(['sma-cross', 'breakout', 'bollinger-reversion', 'rsi-momentum', 'consensus', 'external-signal']);
    expect(strategyDefaults('sma-cross')).toEqual({ fast: 10, slow: 30 });
    expect(strategyDefaults('breakout')).toMatchObject({ period: 20, volumeFactor: 1.5 });
  });

  it('rejects unknown names, unknown keys and bad values with readable errors', () => {
    expect(() => createStrategy('nope')).toThrow(/unknown strategy "nope"; available: sma-cross/);
    expect(() => createStrategy('sma-cross', { fats: 5 })).toThrow(StrategyConfigError);
    expect(() => createStrategy('sma-cross', { fast: 30, slow: 10 })).toThrow(/fast must be shorter than slow/);
    expect(() => createStrategy('rsi-momentum', { period: 0 })).toThrow(/period/);
  });
});

describe('breakout', () => {
  const s = () => createStrategy('breakout', { period: 3, exitPeriod: 2, volumePeriod: 3, volumeFactor: 1.5 });
  const base = [bar(0, 10, { high: 11, low: 9 }), bar(1, 10, { high: 11, low: 9 }), bar(2, 10, { high: 11, low: 9 })];

  it('enters on a close above the previous 3-bar high only with volume ≥ 1.5× average', () => {
    expect(feed(s(), [...base, bar(3, 12, { high: 12, low: 10, volume: 140 })])[3]).toBeNull();
    const out = feed(s(), [...base, bar(3, 12, { high: 12, low: 10, volume: 150 })]);
    expect(out[3]).toMatchObject({ action: 'enter', side: 'long', stopPrice: 9 });
  });

  it('exits on a close below the previous 2-bar low', () => {
    const out = feed(s(), [...base, bar(3, 12, { high: 12, low: 10, volume: 200 }), bar(4, 11, { high: 12, low: 10.5 }), bar(5, 9.9, { high: 11, low: 9.8 })]);
    expect(out[5]).toMatchObject({ action: 'exit', side: 'long' });
  });
});

describe('bollinger-reversion', () => {
  it('enters on the cross below the lower band and exits back at the middle', () => {
    const closes = [10, 10.2, 9.8, 10.1, 9.9, 10, 8, 9, 10.5];
    const out = feed(createStrategy('bollinger-reversion', { period: 5, stdDev: 1.5 }), closes.map((c, i) => bar(i, c)));
    // i=6: window 9.8,10.1,9.9,10,8 → mean 9.56, σ 0.786, lower 8.38; 8 < 8.38 after 10 ≥ its band.
    // i=8: 10.5 ≥ middle 9.48 after 9 < 9.4. (The strategy is position-agnostic, so it also reports
    // the earlier return to the middle at i=5; the executor ignores exits while flat.)
    const enter = out.findIndex((x) => x?.action === 'enter');
    expect(enter).toBe(6);
    expect(out.findIndex((x, i) => i > enter && x?.action === 'exit')).toBe(8);
  });
});

describe('rsi-momentum', () => {
  it('enters when RSI crosses above the entry level and exits below the exit level', () => {
    const closes = [10, 9, 8, 7, 6, 8, 10, 12, 11, 9, 7];
    const s = createStrategy('rsi-momentum', { period: 3, entryLevel: 55, exitLevel: 45 });
    const out = feed(s, closes.map((c, i) => bar(i, c)));
    const enter = out.findIndex((x) => x?.action === 'enter');
    const exit = out.findIndex((x) => x?.action === 'exit');
    // changes −1,−1,−1,−1,+2,+2 → RSI(3): 0, 0, 50 at i=5, then G 1.11 / L 0.44 → 71.4 at i=6
    expect(enter).toBe(6);
    expect(exit).toBeGreaterThan(enter);
    expect(s.bias()).toBeLessThan(0);
  });
});

describe('consensus', () => {
  it('needs the higher-timeframe trend and the debounce before entering, then exits when votes turn', () => {
    const s = createStrategy('consensus', { htfFactor: 2, htfEmaPeriod: 3, debounce: 2, entryThreshold: 0.3, exitThreshold: -0.2 });
    const up = Array.from({ length: 80 }, (_, i) => bar(i, 100 + i, { high: 101 + i, low: 99 + i, volume: 100 + i * 10 }));
    const down = Array.from({ length: 40 }, (_, i) => bar(80 + i, 179 - 3 * i, { high: 180 - 3 * i, low: 178 - 3 * i }));
    const out = feed(s, [...up, ...down]);
    const enters = out.flatMap((x, i) => (x?.action === 'enter' ? [i] : []));
    const exits = out.flatMap((x, i) => (x?.action === 'exit' ? [i] : []));
    expect(enters).toHaveLength(1);
    expect(exits).toHaveLength(1);
    expect(exits[0]).toBeGreaterThan(80);
  });

  it('is deterministic: two instances give identical intents on the same candles', () => {
    const candles = randomBars(3000, 5).map((b, i) => ({ ...b, time: i }));
    const a = feed(createStrategy('consensus'), candles);
    const b = feed(createStrategy('consensus'), candles);
    expect(a).toEqual(b);
    expect(a.filter(Boolean).length).toBeGreaterThan(0);
  });
});

describe('external-signal', () => {
  it('replays recorded signals at the first candle at or after their time, one per candle', () => {
    const s = createStrategy('external-signal', {
      signals: [
        { time: 2.5, action: 'enter', stopPrice: 9 },
        { time: 3, action: 'exit' },
      ],
    });
    const out = feed(s, [0, 1, 2, 3, 4, 5].map((i) => bar(i, 10)));
    expect(out.map((x) => x?.action ?? null)).toEqual([null, null, null, 'enter', 'exit', null]);
    expect(out[3]).toMatchObject({ side: 'long', stopPrice: 9 });
  });

  it('releases pushed intents at the next candle', () => {
    const s = new ExternalSignal({ signals: [] });
    s.onCandle(bar(0, 1));
    s.push({ action: 'enter', side: 'short', reason: 'ui' });
    expect(s.onCandle(bar(1, 1))).toMatchObject({ action: 'enter', side: 'short' });
    expect(s.bias()).toBe(-1);
    expect(s.onCandle(bar(2, 1))).toBeNull();
  });
});

describe('StrategyRunner', () => {
  it('drops candles whose time does not increase (re-delivered after a reconnect)', () => {
    const seen: number[] = [];
    const runner = new StrategyRunner({ name: 'spy', bias: () => 0, onCandle: (c) => (seen.push(c.time), null) });
    [1, 2, 2, 1, 3].forEach((t) => runner.push(bar(t, 1)));
    expect(seen).toEqual([1, 2, 3]);
    expect(runner.dropped).toBe(2);
  });
});

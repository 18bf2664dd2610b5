import { describe, expect, it } from 'vitest';
import { riskConfigSchema } from '../risk/config';
import { ExternalSignal, type TimedSignal } from '../strategies/external-signal';
import type { Candle } from '../strategies/types';
import { runBacktest } from './backtester';
import { EquityCurve } from './equity-curve';

const H = 3_600_000;
const T0 = 1_700_000_000_000;
const c = (i: number, open: number, high: number, low: number, close: number): Candle => ({ time: T0 + i * H, open, high, low, close, volume: 1 });
const flat = (i: number, p: number) => c(i, p, p, p, p);
const signals = (...s: [number, 'enter' | 'exit', Partial<TimedSignal>?][]) =>
  new ExternalSignal({ signals: s.map(([i, action, extra]) => ({ time: T0 + i * H, action, side: 'long' as const, ...extra })) });
/** Risk profile with every rule off unless given. */
const risk = (p: object) =>
  riskConfigSchema.parse({ sizing: { mode: 'all-in' }, stopLoss: null, breakevenAt: null, trailingStop: null, takeProfits: [], dailyLossLimit: null, cooldown: null, maxDrawdownPause: null, ...p });

describe('fill model', () => {
  it('applies adverse slippage to entries and signal exits, and the fee on each side', () => {
    const r = runBacktest([flat(0, 100), flat(1, 100), flat(2, 110)], { strategy: signals([1, 'enter'], [2, 'exit']), feeRate: 0.001, slippage: 0.01 });
    const t = r.trades[0]!;
    expect(t.entryPrice).toBeCloseTo(101, 12);
    expect(t.exitPrice).toBeCloseTo(108.9, 12);
    const qty = 10_000 / (101 * 1.001);
    expect(t.quantity).toBeCloseTo(qty, 9);
    expect(t.pnl).toBeCloseTo(qty * 108.9 * 0.999 - 10_000, 9);
    expect(t.fees).toBeCloseTo(qty * 101 * 0.001 + qty * 108.9 * 0.001, 9);
  });

  it('a short gains when price falls', () => {
    const strategy = new ExternalSignal({ signals: [{ time: T0 + H, action: 'enter', side: 'short' }, { time: T0 + 2 * H, action: 'exit', side: 'short' }] });
    const r = runBacktest([flat(0, 100), flat(1, 100), flat(2, 90)], { strategy });
    expect(r.trades[0]!.pnl).toBeCloseTo(1_000, 9);
    expect(r.metrics.finalEquity).toBeCloseTo(11_000, 9);
  });
});

describe('risk-managed runs (opt-in)', () => {
  it('stop first when one bar touches both the stop and a target', () => {
    const r = runBacktest([flat(0, 100), flat(1, 100), c(2, 100, 140, 80, 120)], {
      strategy: signals([1, 'enter']),
      risk: risk({ stopLoss: 0.15, takeProfits: [{ at: 0.3, fraction: 1 }] }),
    });
    expect(r.trades).toHaveLength(1);
    expect(r.trades[0]).toMatchObject({ exitPrice: 85, exitReason: 'stop-loss', exitBar: 2 });
    expect(r.trades[0]!.pnl).toBeCloseTo(-1_500, 9);
  });

  it('scales out at +30% and +75%, trails the rest and reports one trade with the average exit', () => {
    const candles = [flat(0, 100), flat(1, 100), c(2, 100, 131, 100, 130), c(3, 130, 176, 130, 170), c(4, 170, 200, 170, 190), c(5, 190, 190, 150, 155)];
    const r = runBacktest(candles, { strategy: signals([1, 'enter']), risk: risk({ stopLoss: 0.15, trailingStop: 0.2, takeProfits: [{ at: 0.3, fraction: 0.33 }, { at: 0.75, fraction: 0.33 }] }) });
    const t = r.trades[0]!;
    expect(t.exitFills).toBe(3);
    expect(t.exitReason).toBe('trailing-stop'); // 200 · 0.8 = 160, touched at bar 5
    expect(t.exitPrice).toBeCloseTo(0.33 * 130 + 0.33 * 175 + 0.34 * 160, 9);
    expect(t.pnl).toBeCloseTo(100 * (0.33 * 30 + 0.33 * 75 + 0.34 * 60), 9);
  });

  it('sizes by risk: 1% of equity over a 15% stop', () => {
    const r = runBacktest([flat(0, 100), flat(1, 100), flat(2, 100)], { strategy: signals([1, 'enter']), risk: riskConfigSchema.parse({}) });
    expect(r.trades[0]!.quantity * 100).toBeCloseTo(100 / 0.15, 9);
  });

  it('counts entries refused by the limits (cooldown after 1 loss)', () => {
    const candles = [flat(0, 100), flat(1, 100), flat(2, 90), flat(3, 90), flat(4, 90)];
    const r = runBacktest(candles, { strategy: signals([1, 'enter'], [2, 'exit'], [3, 'enter']), risk: risk({ cooldown: { losses: 1, ms: 2 * H } }) });
    expect(r.trades).toHaveLength(1);
    expect(r.rejectedEntries).toEqual({ 'cooldown after 1 losses': 1 });
  });
});

describe('metrics and results', () => {
  it('max drawdown, exposure, win rate and profit factor on a hand example', () => {
    // long 100→120 (+2,000), then long 120→90 (−2,500 of 12,000 equity)
    const closes = [100, 100, 110, 120, 120, 90, 90];
    const r = runBacktest(closes.map((p, i) => flat(i, p)), { strategy: signals([1, 'enter'], [3, 'exit'], [4, 'enter'], [5, 'exit']) });
    const m = r.metrics;
    expect(r.trades.map((t) => Math.round(t.pnl))).toEqual([2_000, -3_000]);
    expect(m.winRate).toBe(0.5);
    expect(m.profitFactor).toBeCloseTo(2_000 / 3_000, 12);
    expect(m.maxDrawdown).toBeCloseTo(0.25, 12);
    expect(m.maxDrawdownQuote).toBeCloseTo(3_000, 9);
    expect(m.exposure).toBeCloseTo(3 / 7, 12); // bars 1, 2 and 4 end in a position
    expect(m.avgHoldBars).toBe(1.5);
    expect(m.barsPerYear).toBeCloseTo(8766, 6); // hourly candles
  });

  it('drops candles whose time does not increase', () => {
    const r = runBacktest([flat(0, 1), flat(1, 1), flat(1, 2), flat(0, 3), flat(2, 1)], { strategy: signals() });
    expect(r.candles).toBe(3);
    expect(r.droppedCandles).toBe(2);
  });

  it('the equity curve stays within its bound and keeps the first and last points', () => {
    const curve = new EquityCurve(100);
    for (let i = 0; i < 100_003; i++) curve.push(i, i * 2);
    const pts = curve.points();
    expect(pts.length).toBeLessThanOrEqual(101);
    expect(pts.length).toBeGreaterThan(50);
    expect(pts[0]).toEqual({ time: 0, equity: 0 });
    expect(pts.at(-1)).toEqual({ time: 100_002, equity: 200_004 });
    const spacing = new Set(pts.slice(1, -1).map((p, i) => p.time - pts[i]!.time));
    expect(spacing.size).toBe(1); // evenly spaced
  });
});

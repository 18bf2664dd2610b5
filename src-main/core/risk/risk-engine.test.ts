import { describe, expect, it } from 'vitest';
import { defaultRiskConfig, riskConfigSchema } from './config';
import { RiskEngine } from './risk-engine';

const req = { symbol: 'BTCUSDT', side: 'long' as const, price: 100, equity: 10_000, cash: 10_000, now: 0, feeRate: 0 };

describe('RiskEngine', () => {
  it('has the documented defaults', () => {
    const c = defaultRiskConfig();
    expect(c.stopLoss).toBe(0.15);
    expect(c.trailingStop).toBe(0.2);
    expect(c.takeProfits).toEqual([{ at: 0.3, fraction: 0.33 }, { at: 0.75, fraction: 0.33 }]);
    expect(c.sizing).toEqual({ mode: 'risk-percent', riskPerTrade: 0.01 });
  });

  it('sizes from the default 15% stop: risking 1% of 10,000 buys 100/0.15 ≈ 666.67 quote', () => {
    const d = new RiskEngine(defaultRiskConfig()).evaluateEntry(req);
    expect(d.ok && d.quantity * 100).toBeCloseTo(10_000 * 0.01 / 0.15, 9);
  });

  it('uses a tighter strategy stop for sizing, like the exit plan does', () => {
    const engine = new RiskEngine(defaultRiskConfig());
    const d = engine.evaluateEntry({ ...req, stopPrice: 95 });
    expect(d.ok && d.quantity).toBeCloseTo(20, 9);
    expect(engine.exitPlan('long', 100, 20, { stopPrice: 95 }).stopPrice).toBe(95);
  });

  it('applies limits before sizing', () => {
    const engine = new RiskEngine(defaultRiskConfig());
    engine.limits.lock('BTCUSDT');
    expect(engine.evaluateEntry(req)).toEqual({ ok: false, reason: 'order in flight for BTCUSDT' });
  });

  it('Kelly cap kicks in after minTrades from the realized record', () => {
    const engine = new RiskEngine(riskConfigSchema.parse({ sizing: { mode: 'fixed-quote', quote: 5_000 }, kelly: { fraction: 0.5, minTrades: 4 } }));
    expect(engine.evaluateEntry(req).ok).toBe(true);
    // 3 wins of +10%, 1 loss of −10% → W 0.75, R 1 → f* 0.5, half-Kelly 0.25 → 2,500 quote
    [0.1, 0.1, 0.1, -0.1].forEach((r, i) => engine.recordClose('X', r, r, i));
    const d = engine.evaluateEntry(req);
    expect(d.ok && d.quantity * 100).toBeCloseTo(2_500, 9);
  });

  it('rejects unknown or out-of-range profile keys', () => {
    expect(riskConfigSchema.safeParse({ stopLos: 0.1 }).success).toBe(false);
    expect(riskConfigSchema.safeParse({ stopLoss: 1.5 }).success).toBe(false);
  });
});

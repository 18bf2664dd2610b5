import { describe, expect, it } from 'vitest';
import { runBacktest } from '../../../src-main/core/backtest/backtester';
import { riskConfigSchema, type RiskConfig } from '../../../src-main/core/risk/config';
import type { ExitFill, ExitPlan } from '../../../src-main/core/risk/exit-plan';
import { RiskEngine } from '../../../src-main/core/risk/risk-engine';
import { createStrategy } from '../../../src-main/core/strategies/registry';
import { StrategyRunner } from '../../../src-main/core/strategies/runner';
import type { Candle } from '../../../src-main/core/strategies/types';
import { walk } from './helpers';

interface PaperTrade {
  entryTime: number;
  entryPrice: number;
  exitTime: number;
  exitPrice: number;
  pnl: number;
}

/** A live-like feed: asynchronous, and it re-delivers a candle now and then as a reconnect would. */
async function* liveFeed(candles: readonly Candle[]): AsyncGenerator<Candle> {
  for (let i = 0; i < candles.length; i++) {
    await new Promise((r) => setImmediate(r));
    yield candles[i] as Candle;
    if (i % 97 === 0 && i > 0) yield candles[i - 1] as Candle;
  }
}

/**
 * A simple paper trading loop, written separately from the backtester: market orders fill at the
 * candle close, fee per side on notional, long only. Strategy and risk engine are the shared code.
 */
async function paperTrade(strategyName: string, params: object, candles: readonly Candle[], fee: number, risk: RiskConfig | null): Promise<PaperTrade[]> {
  const runner = new StrategyRunner(createStrategy(strategyName, params));
  const engine = risk ? new RiskEngine(risk) : null;
  const trades: PaperTrade[] = [];
  let cash = 10_000;
  let pos: { time: number; price: number; qty: number; left: number; pnl: number; sold: number; soldValue: number; plan: ExitPlan | null } | null = null;
  let last: Candle | null = null;

  const sell = (qty: number, price: number, time: number) => {
    if (!pos) return;
    const f = qty * price * fee;
    cash += qty * price - f;
    pos.left -= qty;
    pos.pnl += (price - pos.price) * qty - f;
    pos.sold += qty;
    pos.soldValue += qty * price;
    if (pos.left <= pos.qty * 1e-12) {
      const oneFill = pos.sold === qty;
      trades.push({ entryTime: pos.time, entryPrice: pos.price, exitTime: time, exitPrice: oneFill ? price : pos.soldValue / pos.sold, pnl: pos.pnl });
      engine?.recordClose('PAPER', pos.pnl, pos.pnl / (pos.qty * pos.price * (1 + fee)), time);
      pos = null;
    }
  };

  for await (const c of liveFeed(candles)) {
    if (last && c.time <= last.time) {
      runner.push(c); // the runner must drop it; nothing else happens
      continue;
    }
    last = c;
    if (pos?.plan) {
      const fills: ExitFill[] = [];
      pos.plan.onBar(c.open, c.high, c.low, fills);
      for (const f of fills) sell(f.quantity, f.price, c.time);
    }
    const intent = runner.push(c);
    if (intent?.action === 'enter' && !pos) {
      let qty = cash / (c.close * (1 + fee));
      if (engine) {
        const d = engine.evaluateEntry({ symbol: 'PAPER', side: 'long', price: c.close, equity: cash, cash, now: c.time, feeRate: fee, stopPrice: intent.stopPrice });
        qty = d.ok ? d.quantity : 0;
      }
      if (qty > 0) {
        const f = qty * c.close * fee;
        cash -= qty * c.close + f;
        pos = { time: c.time, price: c.close, qty, left: qty, pnl: -f, sold: 0, soldValue: 0, plan: engine?.exitPlan('long', c.close, qty, intent) ?? null };
        engine?.limits.onOpened('PAPER');
      }
    } else if (intent?.action === 'exit' && pos) {
      pos.plan?.reduce(pos.left);
      sell(pos.left, c.close, c.time);
    }
    const equity: number = cash + ((pos as { left: number } | null)?.left ?? 0) * c.close;
    engine?.limits.onEquity(equity, c.time);
  }
  if (pos && last) sell((pos as { left: number }).left, last.close, last.time);
  return trades;
}

const candles = walk(6000, 21);
const strip = (t: PaperTrade) => ({ entryTime: t.entryTime, entryPrice: t.entryPrice, exitTime: t.exitTime, exitPrice: t.exitPrice, pnl: t.pnl });

describe('same strategy, same candles: backtest trades = paper replay trades', () => {
  it.each([
    ['sma-cross', {}],
    ['breakout', {}],
    ['bollinger-reversion', {}],
    ['rsi-momentum', {}],
    ['consensus', {}],
  ])('%s (all-in, fee 0.1%%)', async (name, params) => {
    const backtest = runBacktest(candles, { strategy: createStrategy(name, params), feeRate: 0.001 });
    const paper = await paperTrade(name, params, candles, 0.001, null);
    expect(paper.length).toBeGreaterThan(3);
    expect(backtest.trades.map(strip)).toEqual(paper);
  });

  it('consensus with the default risk profile (sizing, stops, trailing, scale-outs, limits)', async () => {
    const risk = riskConfigSchema.parse({ stopLoss: 0.03, trailingStop: 0.04, takeProfits: [{ at: 0.02, fraction: 0.5 }] });
    const backtest = runBacktest(candles, { strategy: createStrategy('consensus'), feeRate: 0.001, risk });
    const paper = await paperTrade('consensus', {}, candles, 0.001, risk);
    expect(paper.length).toBeGreaterThan(3);
    expect(backtest.trades.length).toBe(paper.length);
    backtest.trades.forEach((t, i) => {
      const p = paper[i] as PaperTrade;
      expect([t.entryTime, t.entryPrice, t.exitTime]).toEqual([p.entryTime, p.entryPrice, p.exitTime]);
      expect(t.exitPrice).toBeCloseTo(p.exitPrice, 9);
      expect(t.pnl).toBeCloseTo(p.pnl, 9);
    });
    expect(backtest.trades.some((t) => t.exitFills > 1)).toBe(true);
  });
});

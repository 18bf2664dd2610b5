// Runs in: engine.
import type { Simulator } from './server';

export interface DemoFeedOptions {
  readonly prices: Readonly<Record<string, number>>;
  readonly everyMs: number;
  /** Per-step volatility as a fraction of price. */
  readonly volatility?: number;
  readonly seed?: number;
}

export interface DemoTrade {
  readonly symbol: string;
  readonly price: number;
  readonly qty: number;
}

/** The feed's trades, one step at a time: pure, so what a seed promises can be tested without timers. */
export function demoTradePath(opts: DemoFeedOptions): () => DemoTrade[] {
  let s = opts.seed ?? 42;
  const rand = () => ((s = (s * 16807) % 2147483647) / 2147483647) * 2 - 1;
  const walk = new Map(Object.entries(opts.prices));
  const vol = opts.volatility ?? 0.0005;
  return () =>
    [...walk].map(([symbol, p]) => {
      const next = Math.max(p * (1 + rand() * vol), Number.EPSILON);
      walk.set(symbol, next);
      return { symbol, price: Number(next.toFixed(2)), qty: Number((Math.abs(rand()) + 0.01).toFixed(3)) };
    });
}

/**
 * Demo mode: a seeded random walk printed as trades on the simulator, so the app can be shown
 * (charts, paper fills, brackets) with no exchange and no network.
 */
export function startDemoFeed(sim: Simulator, opts: DemoFeedOptions): () => void {
  const next = demoTradePath(opts);
  const timer = setInterval(() => {
    for (const t of next()) sim.trade(t.symbol, t.price, t.qty);
  }, opts.everyMs);
  return () => clearInterval(timer);
}

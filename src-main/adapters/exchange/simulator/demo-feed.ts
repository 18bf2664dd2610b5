import type { Simulator } from './server';

export interface DemoFeedOptions {
  readonly prices: Readonly<Record<string, number>>;
  readonly everyMs: number;
  /** Per-step volatility as a fraction of price. */
  readonly volatility?: number;
  readonly seed?: number;
}

/**
 * Demo mode: a seeded random walk printed as trades on the simulator, so the app can be shown
 * (charts, paper fills, brackets) with no exchange and no network.
 */
export function startDemoFeed(sim: Simulator, opts: DemoFeedOptions): () => void {
  let s = opts.seed ?? 42;
  const rand = () => ((s = (s * 16807) % 2147483647) / 2147483647) * 2 - 1;
  const prices = new Map(Object.entries(opts.prices));
  const vol = opts.volatility ?? 0.0005;
  const timer = setInterval(() => {
    for (const [symbol, p] of prices) {
      const next = Math.max(p * (1 + rand() * vol), Number.EPSILON);
      prices.set(symbol, next);
      sim.trade(symbol, Number(next.toFixed(2)), Number((Math.abs(rand()) + 0.01).toFixed(3)));
    }
  }, opts.everyMs);
  return () => clearInterval(timer);
}

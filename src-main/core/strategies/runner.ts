// Runs in: anywhere (pure).
import type { Candle, Intent, Strategy } from './types';

/**
 * The one place candles reach a strategy, shared by the backtester and the paper/live loops:
 * it enforces strictly increasing candle times (a live feed can re-deliver a candle after a
 * reconnect; a strategy must never see one twice) and counts what it dropped.
 */
export class StrategyRunner {
  private lastTime = -Infinity;
  processed = 0;
  dropped = 0;

  constructor(readonly strategy: Strategy) {}

  push(candle: Candle): Intent | null {
    if (!(candle.time > this.lastTime)) {
      this.dropped++;
      return null;
    }
    this.lastTime = candle.time;
    this.processed++;
    return this.strategy.onCandle(candle);
  }
}

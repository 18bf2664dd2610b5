// Runs in: engine.
import { MatchingEngine } from '../../../core/exchange/matching/matching-engine';
import type { EngineEvent, MarketSymbol } from '../../../core/exchange/matching/engine-types';
import { FaultPlan } from './faults';
import { CandleBook } from './candles';
import type { SimRequest } from './http-types';

export interface SimApiKey {
  readonly apiKey: string;
  readonly secret: string;
  readonly canWithdraw: boolean;
}

/** One simulated venue (Binance or Bybit): an account, its matching engine, its clock and faults. */
export class SimVenue {
  readonly engine: MatchingEngine;
  readonly faults = new FaultPlan();
  readonly candles = new CandleBook();
  readonly keys = new Map<string, SimApiKey>();
  /** Hears every request before it is handled (tests assert on what a connector sent). */
  onRequest: ((req: SimRequest) => void) | undefined = undefined;
  /** Added to the real clock: a positive skew makes client timestamps look late (-1021 / 10002). */
  skewMs = 0;
  private weightWindow = 0;
  private weightUsed = 0;
  private readonly listeners = new Set<(e: EngineEvent) => void>();

  constructor(
    readonly symbols: ReadonlyMap<string, MarketSymbol>,
    opts: { feeRate: number; liquidityPerTick: number },
    private readonly weightLimit: number,
    private readonly weightWindowMs: number,
  ) {
    this.engine = new MatchingEngine(symbols, { feeRate: opts.feeRate, slippageBps: 0, liquidityPerTick: opts.liquidityPerTick, now: () => this.now() });
  }

  now(): number {
    return Date.now() + this.skewMs;
  }

  addKey(key: SimApiKey): void {
    this.keys.set(key.apiKey, key);
  }

  onOrderEvent(fn: (e: EngineEvent) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  publish(events: readonly EngineEvent[]): void {
    for (const e of events) for (const fn of this.listeners) fn(e);
  }

  /** Books request weight for the IP; returns the total used, or -1 when the limit is exceeded. */
  useWeight(weight: number): number {
    const t = Date.now();
    const window = t - (t % this.weightWindowMs);
    if (window !== this.weightWindow) {
      this.weightWindow = window;
      this.weightUsed = 0;
    }
    this.weightUsed += weight;
    return this.weightUsed > this.weightLimit ? -1 : this.weightUsed;
  }

  secondsToWindowEnd(): number {
    return Math.max(1, Math.ceil((this.weightWindow + this.weightWindowMs - Date.now()) / 1000));
  }
}

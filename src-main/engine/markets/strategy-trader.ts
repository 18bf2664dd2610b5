// Runs in: engine. The paper/live strategy loop: closed candles → the same StrategyRunner + RiskEngine the backtester uses → orders.
import type { Kline, MarketData, Unsubscribe } from '../../core/exchange/types';
import type { RiskConfig } from '../../core/risk/config';
import type { ExitFill, ExitPlan } from '../../core/risk/exit-plan';
import { RiskEngine } from '../../core/risk/risk-engine';
import { createStrategy } from '../../core/strategies/registry';
import { StrategyRunner } from '../../core/strategies/runner';
import type { Candle, EnterIntent } from '../../core/strategies/types';

export interface TraderConfig {
  readonly id: string;
  readonly strategy: string;
  readonly params: Record<string, unknown>;
  readonly symbol: string;
  readonly interval: string;
  readonly risk: RiskConfig;
  /** Fee fraction the risk engine sizes with (what the venue will charge). */
  readonly feeRate: number;
}

/** What the loop needs from an account: its order manager and balances. */
export interface TraderVenue {
  readonly market: Pick<MarketData, 'subscribeKlines'>;
  /** Free quote currency (cash for sizing). */
  quoteFree(): Promise<number>;
  /** Places a market order and answers with the filled quantity and average price (0 when nothing filled). */
  marketOrder(side: 'BUY' | 'SELL', quantity: number, role: string): Promise<{ filledQty: number; avgPrice: number }>;
}

export interface TraderTrade {
  readonly entryTime: number;
  readonly entryPrice: number;
  readonly exitTime: number;
  readonly exitPrice: number;
  readonly quantity: number;
  readonly pnl: number;
}

export interface TraderHooks {
  /** Null when orders may be sent now; otherwise why not (kill switch, live not armed). Asked before every order. */
  readonly blockedReason: () => string | null;
  readonly onEvent?: (message: string) => void;
}

interface Holding {
  entryTime: number;
  entryPrice: number;
  quantity: number;
  remaining: number;
  pnl: number;
  soldQty: number;
  soldValue: number;
  fills: number;
  lastPrice: number;
  plan: ExitPlan | null;
}

/**
 * One configured strategy on one account and symbol. Per closed candle, in the backtester's order:
 * protective exits of the exit plan, then the strategy's intent at the close, then equity for the limits.
 * Candles are processed one at a time (orders are awaited), so a slow venue never interleaves two bars.
 */
export class StrategyTrader {
  readonly runner: StrategyRunner;
  readonly risk: RiskEngine;
  readonly trades: TraderTrade[] = [];
  orders = 0;
  lastEvent: string | null = null;
  private holding: Holding | null = null;
  private unsubscribe: Unsubscribe | null = null;
  private queue: Promise<void> = Promise.resolve();
  private readonly exitFills: ExitFill[] = [];

  constructor(
    readonly config: TraderConfig,
    private readonly venue: TraderVenue,
    private readonly hooks: TraderHooks,
  ) {
    this.runner = new StrategyRunner(createStrategy(config.strategy, config.params));
    this.risk = new RiskEngine(config.risk);
  }

  get running(): boolean {
    return this.unsubscribe !== null;
  }

  /** The open position with its plan levels (for panels and chart lines). */
  position(): { quantity: number; entryPrice: number; stopPrice: number | null; takeProfits: number[] } | null {
    const h = this.holding;
    if (!h) return null;
    const stop = h.plan?.stopPrice;
    return { quantity: h.remaining, entryPrice: h.entryPrice, stopPrice: stop !== undefined && Number.isFinite(stop) ? stop : null, takeProfits: h.plan?.pendingTargets() ?? [] };
  }

  start(): void {
    if (this.unsubscribe) return;
    this.unsubscribe = this.venue.market.subscribeKlines(this.config.symbol, this.config.interval, (k) => {
      if (k.closed) this.enqueue(k);
    });
    this.note(`started ${this.config.strategy} on ${this.config.symbol} ${this.config.interval}`);
  }

  /** Stops feeding candles; an open position stays (the user or the strategy closes it later). */
  stop(reason: string): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.note(`stopped: ${reason}`);
  }

  /** Resolves once every candle received so far is fully processed (tests, shutdown). */
  idle(): Promise<void> {
    return this.queue;
  }

  /** Feeds one closed candle (the stream path uses this too). */
  enqueue(k: Kline): Promise<void> {
    const candle: Candle = { time: k.openTime, open: k.open, high: k.high, low: k.low, close: k.close, volume: k.volume };
    this.queue = this.queue.then(() => this.onCandle(candle)).catch((e: unknown) => this.note(`error: ${(e as Error).message}`));
    return this.queue;
  }

  private async onCandle(c: Candle): Promise<void> {
    if (this.holding?.plan) await this.protectiveExits(c);
    const intent = this.runner.push(c);
    if (intent?.action === 'enter' && intent.side === 'long' && !this.holding) await this.enter(intent, c);
    else if (intent?.action === 'exit' && intent.side === 'long' && this.holding) await this.sell(this.holding.remaining * (intent.fraction ?? 1), c, false);
    const cash = await this.venue.quoteFree();
    this.risk.limits.onEquity(cash + (this.holding?.remaining ?? 0) * c.close, c.time);
  }

  private async enter(intent: EnterIntent, c: Candle): Promise<void> {
    const blocked = this.hooks.blockedReason();
    if (blocked) return this.note(`entry skipped: ${blocked}`);
    const cash = await this.venue.quoteFree();
    const decision = this.risk.evaluateEntry({ symbol: this.config.symbol, side: 'long', price: c.close, equity: cash, cash, now: c.time, feeRate: this.config.feeRate, stopPrice: intent.stopPrice, sizeHint: intent.sizeHint });
    if (!decision.ok) return this.note(`entry refused by risk: ${decision.reason}`);
    if (!this.risk.limits.lock(this.config.symbol)) return this.note('entry skipped: order in flight');
    try {
      this.orders++;
      const fill = await this.venue.marketOrder('BUY', decision.quantity, 'entry');
      if (fill.filledQty <= 0) return this.note('entry order did not fill');
      const fee = fill.filledQty * fill.avgPrice * this.config.feeRate;
      this.holding = { entryTime: c.time, entryPrice: fill.avgPrice, quantity: fill.filledQty, remaining: fill.filledQty, pnl: -fee, soldQty: 0, soldValue: 0, fills: 0, lastPrice: NaN, plan: this.risk.exitPlan('long', fill.avgPrice, fill.filledQty, intent) };
      this.risk.limits.onOpened(this.config.symbol);
      this.note(`bought ${short(fill.filledQty)} ${this.config.symbol} at ${short(fill.avgPrice)}`);
    } finally {
      this.risk.limits.unlock(this.config.symbol);
    }
  }

  private async protectiveExits(c: Candle): Promise<void> {
    const out = this.exitFills;
    out.length = 0;
    if (this.holding!.plan!.onBar(c.open, c.high, c.low, out) === 0) return;
    // The plan booked its own quantities; the venue sells at market (a live stop cannot fill at its exact level).
    for (const f of out) if (this.holding) await this.sell(f.quantity, c, true, f.reason);
  }

  /** Exits are not blocked by the kill switch: reducing a position only lowers risk. */
  private async sell(quantity: number, c: Candle, byPlan: boolean, reason = 'signal'): Promise<void> {
    const h = this.holding!;
    const qty = Math.min(quantity, h.remaining);
    this.orders++;
    const fill = await this.venue.marketOrder('SELL', qty, byPlan ? reason : 'exit');
    if (fill.filledQty <= 0) return this.note(`exit order did not fill (${reason})`);
    const fee = fill.filledQty * fill.avgPrice * this.config.feeRate;
    h.remaining -= fill.filledQty;
    h.pnl += (fill.avgPrice - h.entryPrice) * fill.filledQty - fee;
    h.soldQty += fill.filledQty;
    h.soldValue += fill.filledQty * fill.avgPrice;
    h.fills++;
    h.lastPrice = fill.avgPrice;
    if (!byPlan) h.plan?.reduce(fill.filledQty);
    this.note(`sold ${short(fill.filledQty)} ${this.config.symbol} at ${short(fill.avgPrice)} (${reason})`);
    if (h.remaining > h.quantity * 1e-9) return;
    this.trades.push({ entryTime: h.entryTime, entryPrice: h.entryPrice, exitTime: c.time, exitPrice: h.fills === 1 ? h.lastPrice : h.soldValue / h.soldQty, quantity: h.quantity, pnl: h.pnl });
    this.risk.recordClose(this.config.symbol, h.pnl, h.pnl / (h.quantity * h.entryPrice * (1 + this.config.feeRate)), c.time);
    this.holding = null;
  }

  private note(message: string): void {
    this.lastEvent = message;
    this.hooks.onEvent?.(message);
  }
}

/** Notes are for people: six significant digits. */
const short = (n: number) => Number(n.toPrecision(6));

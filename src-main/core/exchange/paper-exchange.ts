// Runs in: anywhere (pure).
import { MatchingEngine } from './matching/matching-engine';
import { snapshot } from './matching/matching-engine';
import type { MarketSymbol } from './matching/engine-types';
import type { Balance, BracketRequest, BracketResult, Exchange, Kline, MarketData, OrderRequest, OrderSnapshot, Position, Unsubscribe } from './types';

/** What a paper account held when the app stopped: its engine lives in memory, so this is rebuilt from the store at start. */
export interface PaperBook {
  /** Asset balances on top of the configured starting ones (signed: what the recorded fills moved). */
  readonly balanceChanges: Readonly<Record<string, number>>;
  readonly positions: readonly Position[];
  /** Orders that were resting, with their bracket links (an OTOCO leg waits for its entry, OCO legs cancel each other). */
  readonly orders: readonly { readonly order: OrderSnapshot; readonly activatesAfter?: string; readonly ocoWith?: string }[];
}
import { ExchangeError } from './errors';

export interface PaperConfig {
  /** Live connector or recorded candles: the source of prices. */
  readonly market: MarketData;
  readonly symbols: readonly MarketSymbol[];
  readonly feeRate: number;
  readonly slippageBps: number;
  /** Max quantity filled per price step: larger orders fill partially over several steps. */
  readonly liquidityPerTick: number;
  readonly balances: Readonly<Record<string, number>>;
  readonly now: () => number;
}

/**
 * Paper trading on real (live or recorded) prices, with the same matching engine the simulator uses:
 * fees, slippage, partial fills, emulated OTOCO brackets and trailing stops.
 */
export class PaperExchange implements Exchange {
  readonly id = 'paper' as const;
  private readonly engine: MatchingEngine;

  constructor(private readonly cfg: PaperConfig) {
    this.engine = new MatchingEngine(new Map(cfg.symbols.map((s) => [s.symbol, s])), { feeRate: cfg.feeRate, slippageBps: cfg.slippageBps, liquidityPerTick: cfg.liquidityPerTick, now: cfg.now });
    for (const [asset, amount] of Object.entries(cfg.balances)) this.engine.deposit(asset, amount);
  }

  /**
   * Puts back what the account held before a restart: balances and positions as the recorded fills
   * left them, and every order that was resting, under its own id. Without this a restarted paper
   * account would hold no coins and no stop (a reduce-only stop would expire on its trigger).
   * Answers the ids it could not put back (e.g. a trailing stop, whose distance the store does not keep).
   */
  restore(book: PaperBook): string[] {
    for (const [asset, amount] of Object.entries(book.balanceChanges)) this.engine.deposit(asset, amount);
    for (const p of book.positions) this.engine.restorePosition(p.symbol, p.side === 'LONG' ? p.quantity : -p.quantity, p.entryPrice);
    return book.orders.filter((o) => !this.engine.restore(o.order, o)).map((o) => o.order.clientOrderId);
  }

  /**
   * Walks one candle as price steps: open, then one extreme, then the other, then close, passing
   * through every resting trigger level on the way (a real market trades there, so a stop fills at its
   * level, not at the extreme of a discrete step). The adverse extreme comes first when a stop rests
   * inside the candle (the backtester's "the stop wins" rule); otherwise the nearer one.
   */
  feedKline(k: Kline): void {
    const levels = this.engine.triggerLevels(k.symbol);
    const sellStopInside = levels.some((l) => l.stop && l.side === 'SELL' && l.level >= k.low && l.level <= k.high);
    const buyStopInside = levels.some((l) => l.stop && l.side === 'BUY' && l.level >= k.low && l.level <= k.high);
    const lowFirst = sellStopInside || (!buyStopInside && k.open - k.low <= k.high - k.open);
    const path = lowFirst ? [k.open, k.low, k.high, k.close] : [k.open, k.high, k.low, k.close];
    let prev = path[0]!;
    this.engine.tick(k.symbol, prev);
    for (const p of path.slice(1)) {
      const up = p > prev;
      const between = levels.map((l) => l.level).filter((x) => (up ? x > prev && x < p : x < prev && x > p));
      for (const x of between.sort((a, b) => (up ? a - b : b - a))) this.engine.tick(k.symbol, x);
      this.engine.tick(k.symbol, p);
      prev = p;
    }
  }

  subscribeKlines(symbol: string, interval: string, onKline: (k: Kline) => void): Unsubscribe {
    return this.cfg.market.subscribeKlines(symbol, interval, (k) => {
      this.feedKline(k);
      onKline(k);
    });
  }

  fetchKlines(symbol: string, interval: string, opts?: { startTime?: number; limit?: number }): Promise<Kline[]> {
    return this.cfg.market.fetchKlines(symbol, interval, opts);
  }

  async balances(): Promise<Balance[]> {
    return this.engine.balanceList();
  }

  async positions(): Promise<Position[]> {
    return this.engine.positionList();
  }

  async placeOrder(req: OrderRequest): Promise<OrderSnapshot> {
    const r = this.engine.submit(req);
    if (!r.ok) throw new ExchangeError({ kind: r.reason === 'duplicate' ? 'duplicate' : 'rejected', message: r.message });
    return snapshot(r.order);
  }

  async placeBracket(b: BracketRequest): Promise<BracketResult> {
    const r = this.engine.submitBracket(b);
    if (!r.ok) throw new ExchangeError({ kind: r.reason === 'duplicate' ? 'duplicate' : 'rejected', message: r.message });
    const [entry, takeProfit, stopLoss] = r.orders.map(snapshot) as [OrderSnapshot, OrderSnapshot, OrderSnapshot];
    return { entry, takeProfit, stopLoss };
  }

  async cancelOrder(_symbol: string, clientOrderId: string): Promise<OrderSnapshot> {
    const r = this.engine.cancel(clientOrderId);
    if (!r.ok) throw new ExchangeError({ kind: 'not-found', message: r.message });
    return snapshot(this.engine.get(clientOrderId)!);
  }

  async queryOrder(_symbol: string, clientOrderId: string): Promise<OrderSnapshot | null> {
    const o = this.engine.get(clientOrderId);
    return o ? snapshot(o) : null;
  }

  async openOrders(symbol?: string): Promise<OrderSnapshot[]> {
    return this.engine.openOrders(symbol).map(snapshot);
  }
}

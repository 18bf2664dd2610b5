// Runs in: engine. The paper/live strategy loop: closed candles → the same StrategyRunner + RiskEngine the backtester uses → orders,
// with every position's stop and take-profits resting at the venue (protection.ts) and its state persisted after each step.
import type { StoredOrder } from '../../core/exchange/reconcile';
import type { Kline, Unsubscribe } from '../../core/exchange/types';
import type { RiskConfig } from '../../core/risk/config';
import { ExitPlan, type ExitFill } from '../../core/risk/exit-plan';
import { RiskEngine } from '../../core/risk/risk-engine';
import { createStrategy } from '../../core/strategies/registry';
import { StrategyRunner } from '../../core/strategies/runner';
import type { Candle, EnterIntent } from '../../core/strategies/types';
import type { TraderVenue } from './order-venue';
import { ProtectionLost, Protector, type DesiredProtection } from './protection';
import type { TraderState, TraderStore } from './trader-state';

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

export interface TraderTrade {
  readonly entryTime: number;
  readonly entryPrice: number;
  readonly exitTime: number;
  readonly exitPrice: number;
  readonly quantity: number;
  readonly pnl: number;
}

export interface TraderHooks {
  /** Null when orders may be sent now; otherwise why not (kill switch, live not armed, a limit). Asked before every entry. */
  readonly blockedReason: () => string | null | Promise<string | null>;
  readonly onEvent?: (message: string) => void;
  /** A candle threw; `stopped` once the trader gave up (3 in a row). */
  readonly onFailure?: (message: string, stopped: boolean) => void;
  /** A position opened or closed (portfolio limits, panels). */
  readonly onPosition?: (open: boolean, pnl: number) => void;
  /** A market order sent for a closed candle: ms from the engine receiving that candle to the order going to the venue. */
  readonly onTickToOrder?: (ms: number) => void;
  /**
   * Set when the strategy confirms entries: asked after sizing, before the order. Resolves null once a person
   * approved, else why there is no trade (rejected, expired, canceled). Aborted when the trader stops.
   */
  readonly confirmEntry?: (what: { side: 'BUY'; quantity: number; price: number }, signal: AbortSignal) => Promise<string | null>;
}

interface Holding {
  readonly entry: string;
  readonly entryTime: number;
  readonly plan: ExitPlan | null;
}

interface Ledger {
  readonly quantity: number;
  readonly entryPrice: number;
  readonly remaining: number;
  readonly soldQty: number;
  readonly soldValue: number;
}

const EPS = 1e-9;
export const MAX_FAILURES = 3;
/** How long a venue may take to make the stop an entry carried (as long as an entry may take to fill). */
const VENUE_STOP_WAIT_MS = 2_000;

/**
 * One configured strategy on one account and symbol. Per closed candle, in the backtester's order:
 * the venue's protective fills are read back, the exit plan advances (trailing, breakeven) and the
 * resting orders follow it, then the strategy's intent at the close, then equity for the limits.
 * Candles are processed one at a time (orders are awaited), so a slow venue never interleaves two bars.
 */
export class StrategyTrader {
  readonly runner: StrategyRunner;
  readonly risk: RiskEngine;
  readonly trades: TraderTrade[] = [];
  orders = 0;
  lastEvent: string | null = null;
  /** Why the trader stopped itself (repeated failures); null while healthy. */
  stoppedReason: string | null = null;
  private holding: Holding | null = null;
  private lastCandle: number | null = null;
  private failures = 0;
  private unsubscribe: Unsubscribe | null = null;
  private queue: Promise<void> = Promise.resolve();
  private readonly exitFills: ExitFill[] = [];
  private readonly protector: Protector;
  /** When the candle being processed reached the engine (`now` scale); null outside a candle (start, resync). */
  private candleReceivedAt: number | null = null;
  /** The entry waiting for a person's answer, aborted by stop(). */
  private confirming: AbortController | null = null;

  constructor(
    readonly config: TraderConfig,
    private readonly venue: TraderVenue,
    private readonly hooks: TraderHooks,
    private readonly store: TraderStore,
    /** Monotonic milliseconds, for latencies only (decisions use the candle's own times). */
    private readonly now: () => number = () => performance.now(),
  ) {
    this.runner = new StrategyRunner(createStrategy(config.strategy, config.params));
    this.risk = new RiskEngine(config.risk);
    this.protector = new Protector(venue, (step, cid, detail) => store.journal(step, cid, detail));
  }

  get running(): boolean {
    return this.unsubscribe !== null;
  }

  /** The entry order the open position is anchored at (null when flat). */
  get entryId(): string | null {
    return this.holding?.entry ?? null;
  }

  /** The open position with its plan levels (for panels and chart lines). */
  position(): { quantity: number; entryPrice: number; stopPrice: number | null; takeProfits: number[] } | null {
    const h = this.holding;
    const l = h && this.ledger(h);
    if (!h || !l) return null;
    const stop = h.plan?.stopPrice;
    return { quantity: l.remaining, entryPrice: l.entryPrice, stopPrice: stop !== undefined && Number.isFinite(stop) ? stop : null, takeProfits: h.plan?.pendingTargets() ?? [] };
  }

  /**
   * Loads the persisted state and reconciles the position with the venue: books what the venue
   * filled while we were away, adopts a position the venue holds that the state lost, and re-creates
   * missing protection. Runs before start() and also for a strategy left off (its position still needs guarding).
   */
  resume(): Promise<void> {
    return this.run(async () => {
      const s = this.store.load();
      if (s) this.restore(s);
      if (!this.holding) await this.adopt();
      if (this.holding) await this.guard(Date.now());
    });
  }

  start(): void {
    if (this.unsubscribe) return;
    this.stoppedReason = null;
    this.failures = 0;
    this.unsubscribe = this.venue.market.subscribeKlines(this.config.symbol, this.config.interval, (k) => {
      // Stamped on arrival: the wait behind a slow earlier candle is part of this candle's tick → order latency.
      if (k.closed) void this.enqueue(k, this.now());
    });
    this.note(`started ${this.config.strategy} on ${this.config.symbol} ${this.config.interval}`);
  }

  /** Stops feeding candles. The position's protection keeps resting at the venue. */
  stop(reason: string): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.confirming?.abort();
    this.note(`stopped: ${reason}${this.holding ? '; protection stays at the venue' : ''}`);
  }

  /** Resolves once every candle received so far is fully processed (tests, shutdown). */
  idle(): Promise<void> {
    return this.queue;
  }

  /** Feeds one closed candle (the stream path uses this too); `receivedAt` is when it reached the engine (`now` scale). */
  enqueue(k: Kline, receivedAt = this.now()): Promise<void> {
    const candle: Candle = { time: k.openTime, open: k.open, high: k.high, low: k.low, close: k.close, volume: k.volume };
    return this.run(async () => {
      this.candleReceivedAt = receivedAt;
      try {
        await this.onCandle(candle);
      } finally {
        this.candleReceivedAt = null;
      }
    });
  }

  /** After a reconnect or a manual change: read the venue back and put missing protection back now, not at the next close. */
  resync(): Promise<void> {
    return this.run(async () => {
      if (this.holding) await this.guard(Date.now());
    });
  }

  /** Serializes work on the candle queue; a failure is counted, reported, and stops the trader at the third in a row. */
  private run(step: () => Promise<void>): Promise<void> {
    this.queue = this.queue.then(step).then(
      () => {
        this.failures = 0;
      },
      (e: unknown) => this.failed(e instanceof Error ? e.message : String(e)),
    );
    return this.queue;
  }

  private failed(message: string): void {
    this.failures++;
    const stop = this.failures >= MAX_FAILURES && this.running;
    this.note(`error: ${message}`);
    if (stop) {
      this.stoppedReason = `${MAX_FAILURES} failures in a row, last: ${message}`;
      this.stop(this.stoppedReason);
    }
    this.hooks.onFailure?.(message, stop);
    this.persist();
  }

  private async onCandle(c: Candle): Promise<void> {
    if (this.lastCandle !== null && c.time <= this.lastCandle) return; // processed before a restart
    if (this.holding) await this.protectiveExits(c);
    const intent = this.runner.push(c);
    if (intent?.action === 'enter' && intent.side === 'long' && !this.holding) await this.enter(intent, c);
    else if (intent?.action === 'exit' && intent.side === 'long' && this.holding) await this.sell(intent.fraction ?? 1, c.time, 'signal');
    const cash = await this.venue.quoteFree();
    const held = this.holding ? (this.ledger(this.holding)?.remaining ?? 0) : 0;
    this.risk.limits.onEquity(cash + held * c.close, c.time);
    this.lastCandle = c.time;
    this.persist();
  }

  private async enter(intent: EnterIntent, c: Candle): Promise<void> {
    const blocked = await this.hooks.blockedReason();
    if (blocked) return this.note(`entry skipped: ${blocked}`);
    const cash = await this.venue.quoteFree();
    const decision = this.risk.evaluateEntry({ symbol: this.config.symbol, side: 'long', price: c.close, equity: cash, cash, now: c.time, feeRate: this.config.feeRate, stopPrice: intent.stopPrice, sizeHint: intent.sizeHint });
    if (!decision.ok) return this.note(`entry refused by risk: ${decision.reason}`);
    if (this.hooks.confirmEntry) {
      const refused = await this.confirmed(decision.quantity, c.close);
      if (refused) return this.note(`entry not confirmed: ${refused}; no order`);
      // Minutes may have passed: the kill switch, live disarmed or a limit since then still stop it.
      const blockedNow = await this.hooks.blockedReason();
      if (blockedNow) return this.note(`entry approved but skipped: ${blockedNow}`);
    }
    if (!this.risk.limits.lock(this.config.symbol)) return this.note('entry skipped: order in flight');
    let stopLoss: number | undefined;
    try {
      this.orders++;
      // Where the venue attaches a stop on create, the entry carries the plan's stop (priced at the close; the sync
      // moves it to the fill's level): the position is never bare, not even between the fill and our next request.
      const planned = this.venue.caps.stopOnEntry ? this.risk.exitPlan('long', c.close, decision.quantity, intent).stopPrice : NaN;
      stopLoss = Number.isFinite(planned) && planned < c.close ? planned : undefined;
      const fill = await this.venue.marketOrder('BUY', decision.quantity, { role: 'entry', onSend: this.tickToOrder(), stopLoss });
      if (fill.filledQty <= 0) return this.note('entry order did not fill');
      const avg = fill.avgPrice ?? c.close;
      this.holding = { entry: fill.clientOrderId, entryTime: c.time, plan: this.risk.exitPlan('long', avg, fill.filledQty, intent) };
      this.risk.limits.onOpened(this.config.symbol);
      this.store.journal('entry-filled', fill.clientOrderId, `${fill.filledQty} at ${avg}`);
      this.persist();
      this.note(`bought ${short(fill.filledQty)} ${this.config.symbol} at ${short(avg)}`);
      this.hooks.onPosition?.(true, 0);
    } finally {
      this.risk.limits.unlock(this.config.symbol);
    }
    // The entry is done only once its protection rests at the venue; if it cannot, the position goes.
    const h = this.holding;
    if (!h) return;
    try {
      await this.protector.sync(h.entry, this.desired(h, this.ledger(h)?.remaining ?? 0), { venueStopWaitMs: stopLoss !== undefined ? VENUE_STOP_WAIT_MS : undefined });
      this.store.journal('protected', h.entry);
    } catch (e) {
      this.store.journal('protect-failed', h.entry, (e as Error).message);
      this.note(`protection failed (${(e as Error).message}): closing the position`);
      await this.sell(1, c.time, 'protection failed');
    }
  }

  /**
   * Waits for a person's answer about this entry. The candle queue waits with it: the deadline is at most half a
   * candle (`confirmDeadlineProblem`), so the next candle is late by that much at worst, and none is dropped.
   */
  private async confirmed(quantity: number, price: number): Promise<string | null> {
    const waiting = new AbortController();
    this.confirming = waiting;
    try {
      return await this.hooks.confirmEntry!({ side: 'BUY', quantity, price }, waiting.signal);
    } finally {
      this.confirming = null;
      // The wait was a person's, not the loop's: no tick → order latency for this order.
      this.candleReceivedAt = null;
    }
  }

  /** Reads the venue back, lets the plan advance on this bar, then brings resting orders in line. */
  private async protectiveExits(c: Candle): Promise<void> {
    const h = this.holding!;
    await this.venue.refresh(h.entry);
    let l = this.ledger(h);
    if (h.plan && l) {
      const out = this.exitFills;
      out.length = 0;
      h.plan.onBar(c.open, c.high, c.low, out);
      // The venue's fills are the truth; the plan only moves levels. Where exits reserve balance (spot)
      // take-profit tiers do not rest: the loop sells them at the close, as before.
      h.plan.remaining = l.remaining;
      if (this.venue.caps.exitsReserveBalance) for (const f of out) if (f.reason === 'take-profit' && this.holding) await this.sell(f.quantity / Math.max(this.ledger(h)?.remaining ?? 1, EPS), c.time, 'take-profit');
      l = this.holding ? this.ledger(h) : null;
    }
    if (!this.holding) return;
    if (!l || l.remaining <= l.quantity * EPS) return this.closed(c.time);
    await this.protect(c.time);
  }

  /** Sells `fraction` of what remains at market; exits are never blocked (they only lower risk). */
  private async sell(fraction: number, at: number, reason: string): Promise<void> {
    const h = this.holding!;
    const before = this.ledger(h);
    if (!before) return;
    const qty = Math.min(before.remaining, before.remaining * fraction);
    // Balance-reserving venues: free the coins first (shrink or lift the stop), and put it back if the sale fails.
    if (this.venue.caps.exitsReserveBalance) await this.protector.sync(h.entry, this.desired(h, before.remaining - qty));
    this.orders++;
    try {
      const fill = await this.venue.marketOrder('SELL', qty, { role: reason === 'signal' ? 'exit' : reason, parent: h.entry, onSend: this.tickToOrder() });
      this.note(`sold ${short(fill.filledQty)} ${this.config.symbol} at ${short(fill.avgPrice ?? 0)} (${reason})`);
    } catch (e) {
      this.note(`exit order failed (${reason}): ${(e as Error).message}`);
      if (this.holding) await this.protector.sync(h.entry, this.desired(h, this.ledger(h)?.remaining ?? 0));
      throw e;
    }
    const after = this.ledger(h);
    if (h.plan && after) h.plan.remaining = after.remaining;
    if (!after || after.remaining <= after.quantity * EPS) return this.closed(at);
    await this.protect(at);
  }

  /** Brings the resting orders in line; if the stop cannot be put back at all, the position is closed rather than left bare. */
  private async protect(at: number): Promise<void> {
    const h = this.holding!;
    try {
      await this.protector.sync(h.entry, this.desired(h, this.ledger(h)?.remaining ?? 0));
    } catch (e) {
      if (!(e instanceof ProtectionLost)) throw e;
      this.store.journal('protection-lost', h.entry, e.message);
      this.note(`${e.message}: closing the position`);
      await this.sell(1, at, 'protection lost');
    }
  }

  private desired(h: Holding, remaining: number): DesiredProtection {
    const stop = h.plan?.stopPrice;
    const targets = h.plan && !this.venue.caps.exitsReserveBalance ? h.plan.targetList().filter((t) => !t.done) : [];
    return { stop: remaining > EPS && stop !== undefined && Number.isFinite(stop) ? stop : null, quantity: remaining, targets };
  }

  /** The position closed (at the venue or by us): book the trade from the recorded fills and lift what still rests. */
  private async closed(at: number): Promise<void> {
    const h = this.holding!;
    const l = this.ledger(h);
    this.holding = null;
    if (l && l.soldQty > 0) {
      const fee = this.config.feeRate;
      const pnl = l.soldValue - l.soldQty * l.entryPrice - fee * (l.quantity * l.entryPrice + l.soldValue);
      this.trades.push({ entryTime: h.entryTime, entryPrice: l.entryPrice, exitTime: at, exitPrice: l.soldValue / l.soldQty, quantity: l.quantity, pnl });
      this.risk.recordClose(this.config.symbol, pnl, pnl / (l.quantity * l.entryPrice * (1 + fee)), at);
      this.store.journal('closed', h.entry, `pnl ${pnl}`);
      this.hooks.onPosition?.(false, pnl);
    }
    this.persist();
    await this.protector.release(h.entry, 'position closed');
  }

  /** Checks the stored position against the venue now (start, reconnect). */
  private async guard(now: number): Promise<void> {
    const h = this.holding!;
    await this.venue.refresh(h.entry);
    const l = this.ledger(h);
    if (!l || l.remaining <= l.quantity * EPS) return this.closed(now);
    if (h.plan) h.plan.remaining = l.remaining;
    this.risk.limits.onOpened(this.config.symbol);
    await this.protect(now);
  }

  /** The state lost a position the venue still holds (crash between fill and save): take it back from its entry order. */
  private async adopt(): Promise<void> {
    const e = this.venue.lastEntry();
    if (!e || e.filledQty <= 0 || e.avgPrice === undefined) return;
    const l = this.ledgerOf(e);
    if (l.remaining <= l.quantity * EPS) return;
    const held = await this.venue.venueQuantity();
    if (held + EPS < this.venue.roundQuantity(l.remaining)) return;
    this.holding = { entry: e.clientOrderId, entryTime: e.updatedAt, plan: this.risk.exitPlan('long', l.entryPrice, l.quantity) };
    this.store.journal('adopted', e.clientOrderId, `discrepancy: venue holds ${held}, state had no position; ${l.remaining} adopted`);
    this.note(`adopted a position of ${short(l.remaining)} the saved state had lost`);
    this.persist();
  }

  private ledger(h: Holding): Ledger | null {
    const e = this.venue.order(h.entry);
    return e ? this.ledgerOf(e) : null;
  }

  private ledgerOf(entry: StoredOrder): Ledger {
    let soldQty = 0;
    let soldValue = 0;
    for (const o of this.venue.children(entry.clientOrderId)) {
      if (o.side === entry.side || o.filledQty <= 0) continue;
      soldQty += o.filledQty;
      soldValue += o.filledQty * (o.avgPrice ?? 0);
    }
    // A flatten order may also have closed coins that were not this strategy's: its share is what it held.
    if (soldQty > entry.filledQty) {
      soldValue *= entry.filledQty / soldQty;
      soldQty = entry.filledQty;
    }
    const entryPrice = entry.avgPrice ?? 0;
    return { quantity: entry.filledQty, entryPrice, remaining: Math.max(0, entry.filledQty - soldQty), soldQty, soldValue };
  }

  private restore(s: TraderState): void {
    this.lastCandle = s.lastCandle;
    this.failures = s.failures;
    this.stoppedReason = s.stoppedReason;
    this.risk.limits.restore(s.limits);
    this.risk.restoreStats(s.stats);
    const h = s.holding;
    const e = h && this.venue.order(h.entry);
    if (!h || !e || e.avgPrice === undefined) return;
    const plan = h.plan ? ExitPlan.restore('long', e.avgPrice, e.filledQty, this.config.risk, h.plan) : null;
    this.holding = { entry: h.entry, entryTime: h.entryTime, plan };
  }

  private persist(): void {
    const h = this.holding;
    this.store.save({
      lastCandle: this.lastCandle,
      holding: h ? { entry: h.entry, entryTime: h.entryTime, plan: h.plan?.state() ?? null } : null,
      limits: this.risk.limits.state(),
      stats: this.risk.stats(),
      failures: this.failures,
      stoppedReason: this.stoppedReason,
    });
  }

  /** Reports the latency from the candle being processed to the order being sent; nothing outside a candle. */
  private tickToOrder(): (() => void) | undefined {
    const receivedAt = this.candleReceivedAt;
    const report = this.hooks.onTickToOrder;
    if (receivedAt === null || !report) return undefined;
    return () => report(Math.max(0, this.now() - receivedAt));
  }

  private note(message: string): void {
    this.lastEvent = message;
    this.hooks.onEvent?.(message);
  }
}

/** Notes are for people: six significant digits. */
const short = (n: number) => Number(n.toPrecision(6));


// Runs in: anywhere (pure).
import type { Balance, BracketRequest, Fill, OrderRequest, OrderSnapshot, Position } from '../types';
import { isTerminal } from '../types';
import { legId } from '../client-order-id';
import type { EngineEvent, EngineOrder, MarketSymbol, MatchingConfig, SubmitResult } from './engine-types';

const EPS = 1e-12;

/**
 * Deterministic order matching against a price feed: the core of both the paper exchange and the
 * local exchange simulator. Market orders take slippage, every fill pays the fee, and an order larger
 * than the per-tick liquidity fills partially across ticks. OTOCO brackets: the exits activate when
 * the entry is completely filled and cancel each other (OCO) on the first fill of either.
 */
export class MatchingEngine {
  private readonly orders = new Map<string, EngineOrder>();
  private readonly lastPrice = new Map<string, number>();
  private readonly balances = new Map<string, number>();
  private readonly netQty = new Map<string, number>();
  private readonly entryPrice = new Map<string, number>();
  private nextOrderId = 1;
  private nextTradeId = 1;
  private nextListId = 1;

  constructor(
    private readonly symbols: ReadonlyMap<string, MarketSymbol>,
    private readonly config: MatchingConfig,
  ) {}

  deposit(asset: string, amount: number): void {
    this.balances.set(asset, (this.balances.get(asset) ?? 0) + amount);
  }

  price(symbol: string): number | undefined {
    return this.lastPrice.get(symbol);
  }

  submit(req: OrderRequest, link: { listId?: number; activatesAfter?: string; ocoWith?: string } = {}): SubmitResult {
    if (!this.symbols.has(req.symbol)) return { ok: false, reason: 'unknown-symbol', message: `Invalid symbol ${req.symbol}` };
    if (this.orders.has(req.clientOrderId)) return { ok: false, reason: 'duplicate', message: 'Duplicate order sent.' };
    const invalid = validate(req);
    if (invalid) return { ok: false, reason: 'invalid', message: invalid };
    const t = this.config.now();
    const order: EngineOrder = {
      ...req,
      orderId: this.nextOrderId++,
      status: 'NEW',
      filledQty: 0,
      cumQuote: 0,
      active: link.activatesAfter === undefined,
      triggered: false,
      listId: link.listId,
      activatesAfter: link.activatesAfter,
      ocoWith: link.ocoWith,
      createdAt: t,
      updatedAt: t,
    };
    this.orders.set(req.clientOrderId, order);
    const events: EngineEvent[] = [{ order: snapshot(order) }];
    const px = this.lastPrice.get(req.symbol);
    if (order.active && px !== undefined) {
      this.arm(order, px);
      events.push(...this.match(order, px, true));
    }
    return { ok: true, order, events };
  }

  /** Entry LIMIT + reduce-only TAKE_PROFIT and STOP legs (OCO), active once the entry is filled. */
  submitBracket(b: BracketRequest): { ok: true; orders: [EngineOrder, EngineOrder, EngineOrder]; events: EngineEvent[] } | Extract<SubmitResult, { ok: false }> {
    const listId = this.nextListId++;
    const exit = b.side === 'BUY' ? 'SELL' : 'BUY';
    const tpId = legId(b.clientOrderId, 'tp');
    const slId = legId(b.clientOrderId, 'sl');
    for (const id of [b.clientOrderId, tpId, slId]) {
      if (this.orders.has(id)) return { ok: false, reason: 'duplicate', message: 'Duplicate order sent.' };
    }
    const entry = this.submit({ symbol: b.symbol, side: b.side, type: 'LIMIT', quantity: b.quantity, price: b.entryPrice, clientOrderId: b.clientOrderId }, { listId });
    if (!entry.ok) return entry;
    const tp = this.submit(
      { symbol: b.symbol, side: exit, type: 'TAKE_PROFIT_MARKET', quantity: b.quantity, stopPrice: b.takeProfit, reduceOnly: true, clientOrderId: tpId },
      { listId, activatesAfter: b.clientOrderId, ocoWith: slId },
    );
    const sl = this.submit(
      { symbol: b.symbol, side: exit, type: 'STOP_MARKET', quantity: b.quantity, stopPrice: b.stopLoss, reduceOnly: true, clientOrderId: slId },
      { listId, activatesAfter: b.clientOrderId, ocoWith: tpId },
    );
    if (!tp.ok || !sl.ok) throw new Error('bracket legs failed validation after entry was accepted');
    // The entry may have filled on submission, before its legs existed.
    const events = [...entry.events, ...tp.events, ...sl.events];
    if (entry.order.status === 'FILLED') events.push(...this.activateChildren(entry.order));
    return { ok: true, orders: [entry.order, tp.order, sl.order], events };
  }

  cancel(clientOrderId: string): { ok: true; events: EngineEvent[] } | { ok: false; message: string } {
    const o = this.orders.get(clientOrderId);
    if (!o || isTerminal(o.status)) return { ok: false, message: 'Unknown order sent.' };
    const events = [this.finish(o, 'CANCELED')];
    const sibling = o.ocoWith ? this.orders.get(o.ocoWith) : undefined;
    if (sibling && !isTerminal(sibling.status)) events.push(this.finish(sibling, 'CANCELED'));
    // Cancelling an entry takes its pending exits with it.
    for (const child of this.orders.values()) {
      if (child.activatesAfter === clientOrderId && !child.active && !isTerminal(child.status)) events.push(this.finish(child, 'CANCELED'));
    }
    return { ok: true, events };
  }

  /** Moves an untriggered conditional order's trigger and size in place (Bybit amend). */
  amend(clientOrderId: string, change: { stopPrice?: number; quantity?: number }): { ok: true; events: EngineEvent[] } | { ok: false; message: string } {
    const o = this.orders.get(clientOrderId);
    if (!o || isTerminal(o.status)) return { ok: false, message: 'Order does not exist.' };
    if (o.triggered || (o.type !== 'STOP_MARKET' && o.type !== 'TAKE_PROFIT_MARKET')) return { ok: false, message: 'only untriggered conditional orders can be amended here' };
    const next: EngineOrder = { ...o, stopPrice: change.stopPrice ?? o.stopPrice, quantity: change.quantity ?? o.quantity, updatedAt: this.config.now() };
    const invalid = validate(next);
    if (invalid) return { ok: false, message: invalid };
    this.orders.set(clientOrderId, next);
    const px = this.lastPrice.get(o.symbol);
    return { ok: true, events: [{ order: snapshot(next) }, ...(next.active && px !== undefined ? this.match(next, px) : [])] };
  }

  /**
   * Puts back an order this engine held before a restart, under its own id and with what had filled,
   * without matching it now: the engine has no price yet, and the order's next trigger must come from
   * the next price, as on a venue that kept it resting. Paper only (its engine lives in memory).
   */
  restore(o: OrderSnapshot, link: { activatesAfter?: string; ocoWith?: string } = {}): boolean {
    if (!this.symbols.has(o.symbol) || this.orders.has(o.clientOrderId) || isTerminal(o.status) || validate(o)) return false;
    const t = this.config.now();
    this.orders.set(o.clientOrderId, {
      clientOrderId: o.clientOrderId,
      symbol: o.symbol,
      side: o.side,
      type: o.type,
      quantity: o.quantity,
      price: o.price,
      stopPrice: o.stopPrice,
      reduceOnly: o.reduceOnly,
      orderId: this.nextOrderId++,
      status: o.status,
      filledQty: o.filledQty,
      cumQuote: (o.avgPrice ?? 0) * o.filledQty,
      active: link.activatesAfter === undefined,
      triggered: false,
      activatesAfter: link.activatesAfter,
      ocoWith: link.ocoWith,
      createdAt: t,
      updatedAt: o.updatedAt,
    });
    return true;
  }

  /** Sets the net position a restart lost (paper restores it from the recorded fills; reduce-only exits close up to it). */
  restorePosition(symbol: string, netQty: number, entryPrice: number): void {
    this.netQty.set(symbol, Math.abs(netQty) <= EPS ? 0 : netQty);
    this.entryPrice.set(symbol, entryPrice);
  }

  get(clientOrderId: string): EngineOrder | undefined {
    return this.orders.get(clientOrderId);
  }

  /** By the venue's own id (orders the venue made carry no client id to look them up by). */
  byOrderId(orderId: number): EngineOrder | undefined {
    for (const o of this.orders.values()) if (o.orderId === orderId) return o;
    return undefined;
  }

  openOrders(symbol?: string): EngineOrder[] {
    return [...this.orders.values()].filter((o) => !isTerminal(o.status) && (symbol === undefined || o.symbol === symbol));
  }

  /** Trigger levels of the active stops and take-profits resting on `symbol` (paper walks a candle through them). */
  triggerLevels(symbol: string): Array<{ readonly level: number; readonly stop: boolean; readonly side: OrderRequest['side'] }> {
    const out: Array<{ level: number; stop: boolean; side: OrderRequest['side'] }> = [];
    for (const o of this.orders.values()) {
      if (o.symbol !== symbol || !o.active || isTerminal(o.status) || o.stopPrice === undefined) continue;
      if (o.type === 'STOP_MARKET' || o.type === 'TAKE_PROFIT_MARKET') out.push({ level: o.stopPrice, stop: o.type === 'STOP_MARKET', side: o.side });
    }
    return out;
  }

  balanceList(): Balance[] {
    return [...this.balances].map(([asset, free]) => ({ asset, free, locked: 0 }));
  }

  positionList(): Position[] {
    const out: Position[] = [];
    for (const [symbol, q] of this.netQty) {
      if (Math.abs(q) > EPS) out.push({ symbol, side: q > 0 ? 'LONG' : 'SHORT', quantity: Math.abs(q), entryPrice: this.entryPrice.get(symbol) ?? 0 });
    }
    return out;
  }

  /** Feeds a trade price; returns every order change and fill it caused, in order. */
  tick(symbol: string, price: number): EngineEvent[] {
    this.lastPrice.set(symbol, price);
    const events: EngineEvent[] = [];
    for (const o of [...this.orders.values()]) {
      if (o.symbol === symbol && o.active && !isTerminal(o.status)) events.push(...this.match(o, price));
    }
    return events;
  }

  private arm(o: EngineOrder, price: number): void {
    if (o.type === 'TRAILING_STOP_MARKET') o.extreme = price;
  }

  private triggers(o: EngineOrder, price: number): boolean {
    if (o.triggered) return true;
    const sp = o.stopPrice ?? NaN;
    switch (o.type) {
      case 'STOP_MARKET':
        return o.side === 'SELL' ? price <= sp : price >= sp;
      case 'TAKE_PROFIT_MARKET':
        return o.side === 'SELL' ? price >= sp : price <= sp;
      case 'TRAILING_STOP_MARKET': {
        const bips = (o.trailingBips ?? 0) / 10_000;
        o.extreme = o.side === 'SELL' ? Math.max(o.extreme ?? price, price) : Math.min(o.extreme ?? price, price);
        return o.side === 'SELL' ? price <= o.extreme * (1 - bips) : price >= o.extreme * (1 + bips);
      }
      default:
        return true;
    }
  }

  /**
   * A marketable limit takes the better current price; a resting limit fills at its own price,
   * since a real market passes through it on the way (discrete ticks would otherwise gift the gap).
   */
  private execPrice(o: EngineOrder, price: number, atSubmit: boolean): number | undefined {
    if (o.type === 'LIMIT') {
      const limit = o.price ?? NaN;
      const crosses = o.side === 'BUY' ? price <= limit : price >= limit;
      if (!crosses) return undefined;
      if (!atSubmit) return limit;
      return o.side === 'BUY' ? Math.min(price, limit) : Math.max(price, limit);
    }
    const slip = this.config.slippageBps / 10_000;
    const base = this.triggerBase(o, price);
    return o.side === 'BUY' ? base * (1 + slip) : base * (1 - slip);
  }

  /**
   * A triggered stop never fills better than its trigger level, and a gap through it fills at the
   * (worse) current price: pessimistic, so paper results do not flatter live ones.
   */
  private triggerBase(o: EngineOrder, price: number): number {
    let level: number | undefined;
    if (o.type === 'STOP_MARKET' || o.type === 'TAKE_PROFIT_MARKET') level = o.stopPrice;
    if (o.type === 'TRAILING_STOP_MARKET' && o.extreme !== undefined) {
      const bips = (o.trailingBips ?? 0) / 10_000;
      level = o.side === 'SELL' ? o.extreme * (1 - bips) : o.extreme * (1 + bips);
    }
    if (level === undefined) return price;
    return o.side === 'SELL' ? Math.min(level, price) : Math.max(level, price);
  }

  private match(o: EngineOrder, price: number, atSubmit = false): EngineEvent[] {
    if (!this.triggers(o, price)) return [];
    o.triggered = true;
    const px = this.execPrice(o, price, atSubmit);
    if (px === undefined) return [];
    let qty = Math.min(o.quantity - o.filledQty, this.config.liquidityPerTick);
    if (o.reduceOnly) {
      const net = this.netQty.get(o.symbol) ?? 0;
      const closable = o.side === 'SELL' ? Math.max(0, net) : Math.max(0, -net);
      if (closable <= EPS) return [this.finish(o, 'EXPIRED')];
      qty = Math.min(qty, closable);
    }
    if (qty <= EPS) return [];
    return this.fill(o, px, qty);
  }

  private fill(o: EngineOrder, px: number, qty: number): EngineEvent[] {
    const sym = this.symbols.get(o.symbol)!;
    const notional = px * qty;
    const fee = notional * this.config.feeRate;
    const sign = o.side === 'BUY' ? 1 : -1;
    this.deposit(sym.base, sign * qty);
    this.deposit(sym.quote, -sign * notional - fee);
    this.applyPosition(o.symbol, sign * qty, px);
    o.filledQty += qty;
    o.cumQuote += notional;
    o.status = o.quantity - o.filledQty <= EPS ? 'FILLED' : 'PARTIALLY_FILLED';
    if (o.status === 'FILLED') o.filledQty = o.quantity;
    o.updatedAt = this.config.now();
    const fill: Fill = { clientOrderId: o.clientOrderId, tradeId: String(this.nextTradeId++), symbol: o.symbol, side: o.side, price: px, quantity: qty, fee, feeAsset: sym.quote, at: o.updatedAt };
    const events: EngineEvent[] = [{ order: snapshot(o), fill }];
    const sibling = o.ocoWith ? this.orders.get(o.ocoWith) : undefined;
    if (sibling && !isTerminal(sibling.status)) events.push(this.finish(sibling, 'EXPIRED'));
    if (o.status === 'FILLED') events.push(...this.activateChildren(o));
    return events;
  }

  private activateChildren(parent: EngineOrder): EngineEvent[] {
    const events: EngineEvent[] = [];
    const px = this.lastPrice.get(parent.symbol);
    for (const child of this.orders.values()) {
      if (child.activatesAfter !== parent.clientOrderId || child.active || isTerminal(child.status)) continue;
      child.active = true;
      if (px !== undefined) this.arm(child, px);
    }
    // Match after all legs are active so an instant OCO fill can expire its sibling.
    if (px !== undefined) {
      for (const child of this.orders.values()) {
        if (child.activatesAfter === parent.clientOrderId && child.active && !isTerminal(child.status)) events.push(...this.match(child, px));
      }
    }
    return events;
  }

  private applyPosition(symbol: string, delta: number, px: number): void {
    const q = this.netQty.get(symbol) ?? 0;
    const next = q + delta;
    if (Math.abs(q) <= EPS || Math.sign(q) !== Math.sign(next)) this.entryPrice.set(symbol, px);
    else if (Math.sign(delta) === Math.sign(q)) this.entryPrice.set(symbol, ((this.entryPrice.get(symbol) ?? px) * Math.abs(q) + px * Math.abs(delta)) / Math.abs(next));
    this.netQty.set(symbol, Math.abs(next) <= EPS ? 0 : next);
  }

  private finish(o: EngineOrder, status: 'CANCELED' | 'EXPIRED'): EngineEvent {
    o.status = status;
    o.updatedAt = this.config.now();
    return { order: snapshot(o) };
  }
}

function validate(r: OrderRequest): string | undefined {
  if (!(r.quantity > 0) || !Number.isFinite(r.quantity)) return 'Invalid quantity.';
  if (r.type === 'LIMIT' && !(r.price! > 0)) return 'Limit order needs a price.';
  if ((r.type === 'STOP_MARKET' || r.type === 'TAKE_PROFIT_MARKET') && !(r.stopPrice! > 0)) return 'Stop order needs a stopPrice.';
  if (r.type === 'TRAILING_STOP_MARKET' && !(r.trailingBips! > 0)) return 'Trailing stop needs trailingBips.';
  return undefined;
}

export function snapshot(o: EngineOrder): OrderSnapshot {
  return {
    clientOrderId: o.clientOrderId,
    exchangeOrderId: String(o.orderId),
    symbol: o.symbol,
    side: o.side,
    type: o.type,
    status: o.status,
    quantity: o.quantity,
    price: o.price,
    stopPrice: o.stopPrice,
    filledQty: o.filledQty,
    avgPrice: o.filledQty > 0 ? o.cumQuote / o.filledQty : undefined,
    reduceOnly: o.reduceOnly ?? false,
    updatedAt: o.updatedAt,
  };
}

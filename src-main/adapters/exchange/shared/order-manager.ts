// Runs in: engine.
import type { ClientOrderIdFactory } from '../../../core/exchange/client-order-id';
import { legId } from '../../../core/exchange/client-order-id';
import { ExchangeError } from '../../../core/exchange/errors';
import { applyOrderUpdate } from '../../../core/exchange/order-state';
import { reconcile, type ReconcilePlan, type StoredOrder } from '../../../core/exchange/reconcile';
import type { BracketRequest, BracketResult, Exchange, Fill, OrderAmend, OrderRequest, OrderSnapshot } from '../../../core/exchange/types';
import { fillId } from '../../../core/exchange/fill-id';
import type { OrderMeta, OrderStore } from '../../store/order-store';

export type ManagerLog = (level: 'info' | 'warn' | 'error', message: string) => void;

export interface ManagerOptions {
  /**
   * The venue does not link bracket exits (Binance futures algo orders): when one exit fills, the
   * manager cancels the other, and an entry canceled unfilled takes its exits with it.
   */
  readonly emulateOco?: boolean;
}

const EXIT_ROLES = new Set(['take-profit', 'stop-loss', 'trailing']);

/**
 * Owns the order lifecycle of one account: every intent is written to SQLite (PENDING) before it is
 * sent, every exchange report goes through the state machine, and reconciliation brings store and
 * exchange back together at startup and after each reconnect.
 */
export class OrderManager {
  constructor(
    private readonly exchange: Exchange,
    private readonly store: OrderStore,
    private readonly ids: ClientOrderIdFactory,
    private readonly log: ManagerLog = () => undefined,
    private readonly options: ManagerOptions = {},
  ) {}

  private readonly pendingCancels = new Set<Promise<void>>();

  /** Resolves when the OCO cancels triggered so far have settled (tests, shutdown). */
  async settled(): Promise<void> {
    while (this.pendingCancels.size > 0) await Promise.allSettled([...this.pendingCancels]);
  }

  /** `onSend` hears the moment the request is handed to the exchange (latency metrics); it cannot fail the order. */
  async place(intent: Omit<OrderRequest, 'clientOrderId'>, meta: OrderMeta = {}, onSend?: () => void): Promise<StoredOrder> {
    const req: OrderRequest = { ...intent, clientOrderId: this.ids.next() };
    this.store.upsert(pending(req), meta);
    try {
      onSend?.();
    } catch (e) {
      this.log('warn', `order timing not reported: ${e instanceof Error ? e.message : String(e)}`);
    }
    let result: OrderSnapshot;
    try {
      result = await this.exchange.placeOrder(req);
    } catch (e) {
      // A classified venue error means the order was refused; anything else (an unknown outcome the
      // connector could not resolve, an unparseable success) stays UNKNOWN for reconciliation.
      const status = e instanceof ExchangeError && e.kind !== 'unknown-status' ? 'REJECTED' : 'UNKNOWN';
      this.apply({ ...pending(req), status, updatedAt: Date.now() });
      throw e;
    }
    this.apply(result);
    return this.store.get(req.clientOrderId)!;
  }

  /** Atomic cancel-and-place where the venue has it; the new order is stored PENDING before it is sent, like place(). */
  async replace(symbol: string, cancelClientOrderId: string, intent: Omit<OrderRequest, 'clientOrderId'>, meta: OrderMeta = {}): Promise<StoredOrder> {
    if (!this.exchange.replaceOrder) throw new ExchangeError({ kind: 'fatal', message: `${this.exchange.id} has no atomic replace` });
    const req: OrderRequest = { ...intent, clientOrderId: this.ids.next() };
    this.store.upsert(pending(req), meta);
    try {
      const r = await this.exchange.replaceOrder(symbol, cancelClientOrderId, req);
      this.store.transaction(() => [r.canceled, r.placed].forEach((o) => this.apply(o)));
    } catch (e) {
      const status = e instanceof ExchangeError && e.kind !== 'unknown-status' ? 'REJECTED' : 'UNKNOWN';
      this.apply({ ...pending(req), status, updatedAt: Date.now() });
      throw e;
    }
    return this.store.get(req.clientOrderId)!;
  }

  /** In-place amend of a resting conditional order (same id). */
  async amend(symbol: string, clientOrderId: string, change: OrderAmend): Promise<StoredOrder | undefined> {
    if (!this.exchange.amendOrder) throw new ExchangeError({ kind: 'fatal', message: `${this.exchange.id} cannot amend orders` });
    const now = await this.exchange.amendOrder(symbol, clientOrderId, change);
    this.store.transaction(() => {
      if (now.stopPrice === change.stopPrice && Math.abs(now.quantity - change.quantity) <= 1e-12) this.store.amend(clientOrderId, change.stopPrice, change.quantity);
      this.apply(now);
    });
    return this.store.get(clientOrderId);
  }

  async placeBracket(intent: Omit<BracketRequest, 'clientOrderId'>, strategy?: string): Promise<BracketResult> {
    const req: BracketRequest = { ...intent, clientOrderId: this.ids.next() };
    const exit = req.side === 'BUY' ? 'SELL' : 'BUY';
    this.store.transaction(() => {
      this.store.upsert(pending({ symbol: req.symbol, side: req.side, type: 'LIMIT', quantity: req.quantity, price: req.entryPrice, clientOrderId: req.clientOrderId }), { role: 'entry', strategy });
      this.store.upsert(pending({ symbol: req.symbol, side: exit, type: 'TAKE_PROFIT_MARKET', quantity: req.quantity, stopPrice: req.takeProfit, reduceOnly: true, clientOrderId: legId(req.clientOrderId, 'tp') }), { role: 'take-profit', parentClientOrderId: req.clientOrderId, strategy });
      this.store.upsert(pending({ symbol: req.symbol, side: exit, type: 'STOP_MARKET', quantity: req.quantity, stopPrice: req.stopLoss, reduceOnly: true, clientOrderId: legId(req.clientOrderId, 'sl') }), { role: 'stop-loss', parentClientOrderId: req.clientOrderId, strategy });
    });
    const result = await this.exchange.placeBracket(req);
    this.store.transaction(() => [result.entry, result.takeProfit, result.stopLoss].forEach((o) => this.apply(o)));
    return result;
  }

  async cancel(symbol: string, clientOrderId: string): Promise<StoredOrder | undefined> {
    this.apply(await this.exchange.cancelOrder(symbol, clientOrderId));
    return this.store.get(clientOrderId);
  }

  /** Cancel, and place the replacement only once the cancel is confirmed (never two live orders). */
  async cancelReplace(symbol: string, clientOrderId: string, replacement: Omit<OrderRequest, 'clientOrderId'>): Promise<StoredOrder> {
    const old = this.store.get(clientOrderId);
    const canceled = await this.cancel(symbol, clientOrderId);
    if (canceled?.status !== 'CANCELED') throw new ExchangeError({ kind: 'fatal', message: `cancel of ${clientOrderId} ended ${canceled?.status}: not replacing` });
    return this.place(replacement, { role: old?.role, parentClientOrderId: old?.parentClientOrderId });
  }

  /**
   * Applies one exchange report through the state machine; illegal moves are logged, never stored.
   * `fill` is the venue's own trade report (user stream); without it fills are derived from the
   * cumulative quantity. Both use the same fill id, so nothing is counted twice.
   */
  apply(update: OrderSnapshot, fill?: Fill): void {
    this.store.transaction(() => {
      const current = this.store.get(update.clientOrderId);
      const r = current ? applyOrderUpdate(current, update) : ({ ok: true, order: update, changed: true } as const);
      if (!r.ok) {
        // A late stream event can arrive after a newer REST snapshot; its fill is still real.
        if (fill) this.store.addFill(fill, true);
        this.log('warn', `order ${update.clientOrderId}: ignored report (${r.reason})`);
        return;
      }
      if (r.changed) this.store.upsert(r.order);
      if (fill) this.store.addFill(fill, true);
      else if (r.changed) this.recordDerivedFill(current, r.order);
      if (r.changed && this.options.emulateOco) this.linkBracket(r.order);
    });
  }

  /**
   * A venue trade report that came without an order snapshot (Bybit's `execution` topic). Keyed by
   * the same fill id as the derived and stream fills, so whichever arrives first is replaced, never added.
   */
  recordFill(fill: Fill): void {
    this.store.addFill(fill, true);
  }

  /**
   * REST backfill after a user-data stream reconnect: every acknowledged open order is queried and
   * applied. Unlike reconcile(), an id the venue does not know is left alone, because a placement
   * may be in flight right now (reconcile() runs only when nothing is).
   */
  async backfill(): Promise<StoredOrder[]> {
    const changed: StoredOrder[] = [];
    for (const s of this.store.open().filter((o) => o.status !== 'PENDING')) {
      const found = await this.exchange.queryOrder(s.symbol, s.clientOrderId);
      if (!found) continue;
      this.apply(found);
      const now = this.store.get(s.clientOrderId);
      if (now && (now.status !== s.status || now.filledQty !== s.filledQty)) changed.push(now);
    }
    return changed;
  }

  private linkBracket(o: OrderSnapshot): void {
    const stored = this.store.get(o.clientOrderId);
    if (!stored) return;
    let victims: StoredOrder[] = [];
    if (stored.role && EXIT_ROLES.has(stored.role) && stored.filledQty > 0 && stored.parentClientOrderId) {
      victims = this.store.children(stored.parentClientOrderId).filter((c) => c.clientOrderId !== stored.clientOrderId);
    } else if (stored.role === 'entry' && (stored.status === 'CANCELED' || stored.status === 'EXPIRED' || stored.status === 'REJECTED') && stored.filledQty === 0) {
      victims = this.store.children(stored.clientOrderId);
    }
    for (const v of victims.filter((x) => x.status === 'NEW' || x.status === 'PARTIALLY_FILLED')) {
      const p = this.cancel(v.symbol, v.clientOrderId).then(
        () => this.log('info', `bracket: canceled ${v.clientOrderId} after ${stored.clientOrderId} ${stored.status}`),
        (e: unknown) => this.log('error', `bracket: could not cancel ${v.clientOrderId}: ${(e as Error).message}`),
      );
      this.pendingCancels.add(p);
      void p.finally(() => this.pendingCancels.delete(p));
    }
  }

  /** Startup / after-reconnect reconciliation. Returns the plan, whose discrepancies are also logged. */
  async reconcile(): Promise<ReconcilePlan> {
    const [exchangeOpen, exchangePositions] = await Promise.all([this.exchange.openOrders(), this.exchange.positions()]);
    const plan = reconcile({ storedOpen: this.store.open(), exchangeOpen, storedPositions: this.store.positions(), exchangePositions, protectiveStops: this.store.protectiveStops() });
    for (const d of plan.discrepancies) this.log('warn', `reconcile: ${d}`);
    for (const o of [...plan.importOrders, ...plan.updateOrders]) this.apply(o);
    for (const s of plan.resolveVanished) await this.resolveVanished(s);
    for (const p of plan.setPositions) this.store.setPosition(p);
    for (const symbol of plan.removePositions) this.store.removePosition(symbol);
    for (const stop of plan.recreateStops) {
      const old = this.store.get(stop.replacesClientOrderId);
      await this.place({ symbol: stop.symbol, side: stop.side, type: 'STOP_MARKET', quantity: stop.quantity, stopPrice: stop.stopPrice, reduceOnly: true }, { role: 'stop-loss', parentClientOrderId: old?.parentClientOrderId });
      this.log('warn', `reconcile: re-created stop for ${stop.symbol} at ${stop.stopPrice}`);
    }
    return plan;
  }

  private async resolveVanished(s: StoredOrder): Promise<void> {
    const found = await this.exchange.queryOrder(s.symbol, s.clientOrderId);
    if (found) return this.apply(found);
    if (s.status === 'PENDING' || s.status === 'UNKNOWN') {
      // At reconciliation nothing of ours is in flight, so an id the venue has never seen was never placed.
      this.apply({ ...s, status: 'REJECTED', updatedAt: Date.now() });
      this.log('warn', `order ${s.clientOrderId} was never placed: marked REJECTED`);
    } else {
      this.log('error', `order ${s.clientOrderId} (${s.status}) unknown to the exchange: left for manual review`);
    }
  }

  /** A fill derived from the cumulative fill increment (fee unknown until the venue reports it). */
  private recordDerivedFill(before: OrderSnapshot | undefined, after: OrderSnapshot): void {
    const prevQty = before?.filledQty ?? 0;
    const qty = after.filledQty - prevQty;
    if (qty <= 1e-12 || after.avgPrice === undefined) return;
    const prevQuote = (before?.avgPrice ?? 0) * prevQty;
    const price = (after.avgPrice * after.filledQty - prevQuote) / qty;
    this.store.addFill({ clientOrderId: after.clientOrderId, tradeId: fillId(after.clientOrderId, after.filledQty), symbol: after.symbol, side: after.side, price, quantity: qty, fee: 0, at: after.updatedAt }, false);
  }
}

const pending = (r: OrderRequest): OrderSnapshot => ({
  clientOrderId: r.clientOrderId,
  symbol: r.symbol,
  side: r.side,
  type: r.type,
  status: 'PENDING',
  quantity: r.quantity,
  price: r.price,
  stopPrice: r.stopPrice,
  filledQty: 0,
  reduceOnly: r.reduceOnly ?? false,
  updatedAt: Date.now(),
});

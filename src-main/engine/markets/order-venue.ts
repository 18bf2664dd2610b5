// Runs in: engine. What a strategy trader sends orders through: the account's order manager (SQLite first, then the venue).
import type { OrderManager } from '../../adapters/exchange/shared/order-manager';
import type { OrderStore } from '../../adapters/store/order-store';
import { ExchangeError } from '../../core/exchange/errors';
import type { StoredOrder } from '../../core/exchange/reconcile';
import { isTerminal, type Exchange, type MarketData, type OrderSnapshot } from '../../core/exchange/types';
import { quoteOf } from './symbols';

/** What a venue lets protective orders do; declared per connector (venue-connector.ts). */
export interface ProtectionCaps {
  /**
   * Exit orders reserve the base balance (Binance spot has no reduce-only): a stop and a take-profit
   * cannot rest for the same coins, so take-profit tiers are sold by the loop at the close and a stop
   * moves cancel-then-place. Elsewhere exits are reduce-only and a stop moves place-then-cancel.
   */
  readonly exitsReserveBalance: boolean;
  /**
   * The venue attaches a stop to a market entry on create (Bybit tpsl) and makes that stop itself, under
   * an id that is not ours: client ids starting with `venueMadePrefix`. Absent elsewhere.
   */
  readonly stopOnEntry?: { readonly venueMadePrefix: string };
}

export type ExitType = 'STOP_MARKET' | 'TAKE_PROFIT_MARKET';

/** What the loop needs from an account, for one symbol. */
export interface TraderVenue {
  readonly market: Pick<MarketData, 'subscribeKlines'>;
  readonly caps: ProtectionCaps;
  /** Free quote currency (cash for sizing). */
  quoteFree(): Promise<number>;
  /**
   * Places a market order and follows it until it is done; answers the stored order. `onSend` is called once, as the
   * request is handed to the venue (after its PENDING record is written).
   */
  marketOrder(side: 'BUY' | 'SELL', quantity: number, meta: { role: string; parent?: string; onSend?: () => void; stopLoss?: number }): Promise<StoredOrder>;
  /**
   * Where the venue made the entry's stop itself (`caps.stopOnEntry`): finds a live one on the symbol that
   * no entry has claimed yet and files it under `parent` as its stop-loss. `ask` reads the venue's open
   * orders (polling up to `waitMs`); otherwise only what the streams and reconciliation already stored.
   */
  adoptStop?(parent: string, opts: { ask: boolean; waitMs?: number }): Promise<StoredOrder | undefined>;
  /** A reduce-only conditional exit resting at the venue, attached to its entry. */
  exitOrder(type: ExitType, quantity: number, stopPrice: number, parent: string): Promise<StoredOrder>;
  /**
   * Moves a resting stop in one venue step where the venue can: amended in place (Bybit) or canceled
   * and replaced atomically (Binance spot). Null where it cannot (Binance futures algo orders, paper).
   */
  moveStop(old: StoredOrder, stopPrice: number, quantity: number, parent: string): Promise<StoredOrder | undefined> | null;
  cancel(clientOrderId: string): Promise<StoredOrder | undefined>;
  order(clientOrderId: string): StoredOrder | undefined;
  /** Every order attached to an entry (its protection and its exits), oldest first. */
  children(parent: string): StoredOrder[];
  /** Re-reads the entry's open orders from the venue: a stalled stream must not hide a fill. */
  refresh(parent: string): Promise<void>;
  /** The latest entry this strategy sent on the symbol. */
  lastEntry(): StoredOrder | undefined;
  /** Long quantity the venue holds on the symbol. */
  venueQuantity(): Promise<number>;
  roundQuantity(q: number): number;
}

export interface OrderVenueDeps {
  readonly exchange: Exchange;
  readonly manager: OrderManager;
  readonly store: OrderStore;
  readonly caps: ProtectionCaps;
  /** Venue lot size: real venues refuse quantities finer than their step. */
  readonly roundQuantity: (q: number) => number;
  readonly onOrder: (clientOrderId: string) => void;
  readonly pollMs?: number;
  /**
   * Paper only: the matching engine's fee rate. Its order snapshots carry no fee, and the fee is
   * exactly this fraction of each fill's notional, so the recorded fills carry it (P&L nets it).
   */
  readonly paperFeeRate?: number;
}

const LIVE = new Set(['NEW', 'PARTIALLY_FILLED', 'PENDING', 'UNKNOWN']);
export const isLive = (o: StoredOrder): boolean => LIVE.has(o.status);

export function orderVenue(d: OrderVenueDeps, symbol: string, strategy: string): TraderVenue {
  const quote = quoteOf(symbol);
  const paperFees = (cid: string) => {
    const rate = d.paperFeeRate;
    if (rate !== undefined) for (const f of d.store.fills(cid)) d.store.addFill({ ...f, fee: f.price * f.quantity * rate, feeAsset: quote }, true);
  };
  const apply = (cid: string, seen: Awaited<ReturnType<Exchange['queryOrder']>>) => {
    if (!seen) return;
    d.manager.apply(seen);
    paperFees(cid);
    d.onOrder(cid);
  };
  const venueMade = d.caps.stopOnEntry?.venueMadePrefix;
  /** A stop the venue made for this symbol's position that no entry has claimed. */
  const unclaimed = (o: OrderSnapshot) =>
    o.symbol === symbol && o.type === 'STOP_MARKET' && o.side === 'SELL' && !isTerminal(o.status) && !!venueMade && o.clientOrderId.startsWith(venueMade) && !d.store.get(o.clientOrderId)?.parentClientOrderId;
  const claim = (o: OrderSnapshot, parent: string): StoredOrder | undefined => {
    d.store.transaction(() => {
      d.manager.apply(o);
      d.store.claim(o.clientOrderId, { role: 'stop-loss', parentClientOrderId: parent, strategy });
    });
    d.onOrder(o.clientOrderId);
    return d.store.get(o.clientOrderId);
  };
  const placed = async (run: () => Promise<StoredOrder>): Promise<StoredOrder> => {
    // A refused order is stored REJECTED before the throw: the panels must see it too.
    try {
      const o = await run();
      d.onOrder(o.clientOrderId);
      return o;
    } catch (e) {
      const latest = d.store.recent('all', 1)[0];
      if (latest) d.onOrder(latest.clientOrderId);
      throw e;
    }
  };
  return {
    market: d.exchange,
    caps: d.caps,
    roundQuantity: d.roundQuantity,
    quoteFree: async () => (await d.exchange.balances()).find((b) => b.asset === quote)?.free ?? 0,
    marketOrder: async (side, quantity, meta) => {
      const qty = d.roundQuantity(quantity);
      if (!(qty > 0)) throw new ExchangeError({ kind: 'rejected', message: `quantity ${quantity} rounds to nothing` });
      const stopLoss = venueMade && side === 'BUY' ? meta.stopLoss : undefined;
      let order = await placed(() => d.manager.place({ symbol, side, type: 'MARKET', quantity: qty, reduceOnly: side === 'SELL' && !d.caps.exitsReserveBalance, stopLoss }, { role: meta.role, parentClientOrderId: meta.parent, strategy }, meta.onSend));
      // A venue may acknowledge before filling: follow the order briefly, never resend it.
      for (let i = 0; i < 20 && !isTerminal(order.status); i++) {
        await new Promise((r) => setTimeout(r, d.pollMs ?? 100));
        apply(order.clientOrderId, await d.exchange.queryOrder(symbol, order.clientOrderId));
        order = d.store.get(order.clientOrderId) ?? order;
      }
      // Still working (thin book): cancel the rest, so the position is exactly what filled and nothing fills behind the loop's back.
      if (!isTerminal(order.status)) {
        order = (await d.manager.cancel(symbol, order.clientOrderId)) ?? order;
        d.onOrder(order.clientOrderId);
      }
      paperFees(order.clientOrderId);
      return order;
    },
    exitOrder: async (type, quantity, stopPrice, parent) => {
      const role = type === 'STOP_MARKET' ? 'stop-loss' : 'take-profit';
      const o = await placed(() => d.manager.place({ symbol, side: 'SELL', type, quantity: d.roundQuantity(quantity), stopPrice, reduceOnly: !d.caps.exitsReserveBalance }, { role, parentClientOrderId: parent, strategy }));
      if (o.status === 'REJECTED' || o.status === 'UNKNOWN' || o.status === 'PENDING') throw new ExchangeError({ kind: o.status === 'REJECTED' ? 'rejected' : 'unknown-status', message: `${role} ${o.clientOrderId} ${o.status}` });
      return o;
    },
    adoptStop: venueMade
      ? async (parent, opts) => {
          // What a stream stored is checked with the venue first: adopting a stop that is already gone (and
          // canceling ours as the extra one) would leave none.
          for (const stored of d.store.open().filter(unclaimed)) {
            const now = await d.exchange.queryOrder(symbol, stored.clientOrderId);
            if (now && unclaimed(now)) return claim(now, parent);
            if (now) apply(now.clientOrderId, now);
          }
          if (!opts.ask) return undefined;
          const deadline = Date.now() + (opts.waitMs ?? 0);
          for (;;) {
            const found = (await d.exchange.openOrders(symbol)).find(unclaimed);
            if (found) return claim(found, parent);
            if (Date.now() >= deadline) return undefined;
            await new Promise((r) => setTimeout(r, d.pollMs ?? 100));
          }
        }
      : undefined,
    moveStop: (old, stopPrice, quantity, parent) => {
      const qty = d.roundQuantity(quantity);
      if (d.exchange.amendOrder) return placed(async () => (await d.manager.amend(symbol, old.clientOrderId, { stopPrice, quantity: qty })) ?? old);
      if (d.exchange.replaceOrder) return placed(() => d.manager.replace(symbol, old.clientOrderId, { symbol, side: 'SELL', type: 'STOP_MARKET', quantity: qty, stopPrice, reduceOnly: !d.caps.exitsReserveBalance }, { role: 'stop-loss', parentClientOrderId: parent, strategy }));
      return null;
    },
    cancel: async (cid) => {
      const o = d.store.get(cid);
      if (!o || isTerminal(o.status)) return o;
      try {
        const after = await d.manager.cancel(symbol, cid);
        d.onOrder(cid);
        return after;
      } catch (e) {
        // An id the venue never saw was never placed: nothing rests under it.
        if (e instanceof ExchangeError && e.kind === 'not-found' && (o.status === 'PENDING' || o.status === 'UNKNOWN')) {
          d.manager.apply({ ...o, status: 'REJECTED', updatedAt: Date.now() });
          return d.store.get(cid);
        }
        throw e;
      }
    },
    order: (cid) => d.store.get(cid),
    children: (parent) => d.store.children(parent),
    refresh: async (parent) => {
      for (const o of [d.store.get(parent), ...d.store.children(parent)]) {
        if (o && isLive(o)) apply(o.clientOrderId, await d.exchange.queryOrder(symbol, o.clientOrderId));
      }
    },
    lastEntry: () => d.store.lastEntry(strategy, symbol),
    venueQuantity: async () => (await d.exchange.positions()).filter((p) => p.symbol === symbol && p.side === 'LONG').reduce((q, p) => q + p.quantity, 0),
  };
}

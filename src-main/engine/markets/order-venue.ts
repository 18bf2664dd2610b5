// Runs in: engine. What a strategy trader sends orders through: the account's order manager (SQLite first, then the venue).
import type { OrderManager } from '../../adapters/exchange/order-manager';
import type { OrderStore } from '../../adapters/exchange/order-store';
import { isTerminal, type Exchange } from '../../core/exchange/types';
import { quoteOf } from './symbols';
import type { TraderVenue } from './strategy-trader';

export interface OrderVenueDeps {
  readonly exchange: Exchange;
  readonly manager: OrderManager;
  readonly store: OrderStore;
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

export function orderVenue(d: OrderVenueDeps, symbol: string, strategy: string): TraderVenue {
  const quote = quoteOf(symbol);
  return {
    market: d.exchange,
    quoteFree: async () => (await d.exchange.balances()).find((b) => b.asset === quote)?.free ?? 0,
    marketOrder: async (side, quantity, role) => {
      const qty = d.roundQuantity(quantity);
      if (!(qty > 0)) return { filledQty: 0, avgPrice: 0 };
      // A refused order is stored REJECTED before the throw: the panels must see it too.
      let order = await d.manager.place({ symbol, side, type: 'MARKET', quantity: qty }, { role, strategy }).catch((e: unknown) => {
        const latest = d.store.all().at(-1);
        if (latest) d.onOrder(latest.clientOrderId);
        throw e;
      });
      d.onOrder(order.clientOrderId);
      // A venue may acknowledge before filling: follow the order briefly, never resend it.
      for (let i = 0; i < 20 && !isTerminal(order.status); i++) {
        await new Promise((r) => setTimeout(r, d.pollMs ?? 100));
        const seen = await d.exchange.queryOrder(symbol, order.clientOrderId);
        if (seen) d.manager.apply(seen);
        order = d.store.get(order.clientOrderId) ?? order;
        d.onOrder(order.clientOrderId);
      }
      const rate = d.paperFeeRate;
      if (rate !== undefined) for (const f of d.store.fills(order.clientOrderId)) d.store.addFill({ ...f, fee: f.price * f.quantity * rate, feeAsset: quote }, true);
      return { filledQty: order.filledQty, avgPrice: order.avgPrice ?? 0 };
    },
  };
}

// Runs in: engine (pure). A paper account's matching engine lives in memory; its SQLite record (fills, orders) is what it held.
import { legId } from '../../core/exchange/client-order-id';
import type { MarketSymbol } from '../../core/exchange/matching/engine-types';
import type { PaperBook } from '../../core/exchange/paper-exchange';
import type { StoredOrder } from '../../core/exchange/reconcile';
import type { Fill } from '../../core/exchange/types';
import { foldFills } from './fill-ledger';

export interface PaperRecord {
  readonly fills: readonly Fill[];
  /** Orders the store has as not terminal. */
  readonly open: readonly StoredOrder[];
  readonly order: (clientOrderId: string) => StoredOrder | undefined;
}

const RESTING = new Set(['NEW', 'PARTIALLY_FILLED']);

/**
 * What the paper engine held, rebuilt from the record: balances moved by every fill (the engine charges
 * `feeRate` of each fill's notional in the quote asset, whatever the store's fee column says), positions
 * at their average cost, and the acknowledged resting orders. PENDING/UNKNOWN orders are left out: the
 * restarted engine never saw them, so reconciliation marks them never placed, and the record agrees.
 */
export function paperBook(record: PaperRecord, symbols: readonly MarketSymbol[], feeRate: number): PaperBook {
  const bySymbol = new Map(symbols.map((s) => [s.symbol, s]));
  const balanceChanges: Record<string, number> = {};
  const add = (asset: string, x: number) => (balanceChanges[asset] = (balanceChanges[asset] ?? 0) + x);
  for (const f of record.fills) {
    const s = bySymbol.get(f.symbol);
    if (!s) continue;
    const sign = f.side === 'BUY' ? 1 : -1;
    const notional = f.price * f.quantity;
    add(s.base, sign * f.quantity);
    add(s.quote, -sign * notional - notional * feeRate);
  }
  const positions = foldFills(record.fills)
    .filter((l) => Math.abs(l.quantity) > 1e-12)
    .map((l) => ({ symbol: l.symbol, side: l.quantity > 0 ? ('LONG' as const) : ('SHORT' as const), quantity: Math.abs(l.quantity), entryPrice: l.entryPrice }));
  const orders = record.open.filter((o) => RESTING.has(o.status)).map((order) => ({ order, ...bracketLink(order, record) }));
  return { balanceChanges, positions, orders };
}

/** A venue-bracket leg (manual limit entry with SL and TP): waits for its unfilled entry, and is OCO with its sibling. */
function bracketLink(o: StoredOrder, record: PaperRecord): { activatesAfter?: string; ocoWith?: string } {
  const parent = o.parentClientOrderId;
  if (!parent) return {};
  const tp = legId(parent, 'tp');
  const sl = legId(parent, 'sl');
  if (o.clientOrderId !== tp && o.clientOrderId !== sl) return {};
  const sibling = record.order(o.clientOrderId === tp ? sl : tp);
  const entry = record.order(parent);
  return {
    activatesAfter: entry && RESTING.has(entry.status) ? parent : undefined,
    ocoWith: sibling && RESTING.has(sibling.status) ? sibling.clientOrderId : undefined,
  };
}

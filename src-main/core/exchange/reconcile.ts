// Runs in: anywhere (pure).
import { isTerminal, type OrderSnapshot, type Position, type Side } from './types';

export interface StoredOrder extends OrderSnapshot {
  readonly role?: string;
  readonly parentClientOrderId?: string;
  /** The configured strategy (or 'manual') the order was sent for. */
  readonly strategy?: string;
}

export interface ProtectiveStop {
  readonly symbol: string;
  readonly stopPrice: number;
  /** The stop leg's last client id; the new stop gets a fresh id derived by the caller. */
  readonly lastClientOrderId: string;
}

export interface ReconcileInput {
  readonly storedOpen: readonly StoredOrder[];
  readonly exchangeOpen: readonly OrderSnapshot[];
  readonly storedPositions: readonly Position[];
  readonly exchangePositions: readonly Position[];
  /** Latest stop level the store knows for each symbol with a bracket. */
  readonly protectiveStops: readonly ProtectiveStop[];
}

export interface StopToCreate {
  readonly symbol: string;
  readonly side: Side;
  readonly quantity: number;
  readonly stopPrice: number;
  readonly replacesClientOrderId: string;
}

export interface ReconcilePlan {
  /** Open on the exchange, unknown to us (placed by hand, or lost before we stored it). */
  readonly importOrders: readonly OrderSnapshot[];
  /** Known on both sides with a different status or fill. */
  readonly updateOrders: readonly OrderSnapshot[];
  /** Open in the store, gone from the exchange's open list: query each one for its final state. */
  readonly resolveVanished: readonly StoredOrder[];
  readonly setPositions: readonly Position[];
  readonly removePositions: readonly string[];
  readonly recreateStops: readonly StopToCreate[];
  readonly discrepancies: readonly string[];
}

const QTY_EPS = 1e-9;
const isStopType = (o: OrderSnapshot): boolean => o.type === 'STOP_MARKET' || o.type === 'TRAILING_STOP_MARKET';
const closingSide = (p: Position): Side => (p.side === 'LONG' ? 'SELL' : 'BUY');

/** Pure diff between our store and the exchange; the order manager executes the plan. */
export function reconcile(input: ReconcileInput): ReconcilePlan {
  const discrepancies: string[] = [];
  const stored = new Map(input.storedOpen.map((o) => [o.clientOrderId, o]));
  const remote = new Map(input.exchangeOpen.map((o) => [o.clientOrderId, o]));

  const importOrders: OrderSnapshot[] = [];
  const updateOrders: OrderSnapshot[] = [];
  for (const r of input.exchangeOpen) {
    const s = stored.get(r.clientOrderId);
    if (!s) {
      importOrders.push(r);
      discrepancies.push(`order ${r.clientOrderId} (${r.symbol}) open on exchange but not in store: imported`);
    } else if (s.status !== r.status || Math.abs(s.filledQty - r.filledQty) > QTY_EPS) {
      updateOrders.push(r);
      discrepancies.push(`order ${r.clientOrderId}: store ${s.status}/${s.filledQty}, exchange ${r.status}/${r.filledQty}`);
    }
  }

  const resolveVanished: StoredOrder[] = [];
  for (const s of input.storedOpen) {
    if (isTerminal(s.status) || remote.has(s.clientOrderId)) continue;
    resolveVanished.push(s);
    discrepancies.push(`order ${s.clientOrderId} (${s.status}) in store but not open on exchange: resolving`);
  }

  const storedPos = new Map(input.storedPositions.map((p) => [p.symbol, p]));
  const remotePos = new Map(input.exchangePositions.filter((p) => p.quantity > QTY_EPS).map((p) => [p.symbol, p]));
  const setPositions: Position[] = [];
  const removePositions: string[] = [];
  for (const [symbol, r] of remotePos) {
    const s = storedPos.get(symbol);
    if (!s || s.side !== r.side || Math.abs(s.quantity - r.quantity) > QTY_EPS) {
      setPositions.push(r);
      discrepancies.push(`position ${symbol}: store ${s ? `${s.side} ${s.quantity}` : 'none'}, exchange ${r.side} ${r.quantity}`);
    }
  }
  for (const [symbol, s] of storedPos) {
    if (!remotePos.has(symbol) && s.quantity > QTY_EPS) {
      removePositions.push(symbol);
      discrepancies.push(`position ${symbol}: store ${s.side} ${s.quantity}, exchange flat: closed`);
    }
  }

  const recreateStops: StopToCreate[] = [];
  for (const stop of input.protectiveStops) {
    const pos = remotePos.get(stop.symbol);
    if (!pos) continue;
    const guarded = input.exchangeOpen.some((o) => o.symbol === stop.symbol && isStopType(o) && o.side === closingSide(pos));
    if (!guarded) {
      recreateStops.push({ symbol: stop.symbol, side: closingSide(pos), quantity: pos.quantity, stopPrice: stop.stopPrice, replacesClientOrderId: stop.lastClientOrderId });
      discrepancies.push(`position ${stop.symbol} ${pos.side} ${pos.quantity} has no protective stop on exchange: re-creating at ${stop.stopPrice}`);
    }
  }

  return { importOrders, updateOrders, resolveVanished, setPositions, removePositions, recreateStops, discrepancies };
}

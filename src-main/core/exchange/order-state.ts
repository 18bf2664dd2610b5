// Runs in: anywhere (pure).
import { isTerminal, type OrderSnapshot, type OrderStatus } from './types';

/** Allowed moves of the order lifecycle. Terminal states have none; repeating the same state is an idempotent update. */
const NEXT: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = {
  PENDING: ['NEW', 'PARTIALLY_FILLED', 'FILLED', 'CANCELED', 'REJECTED', 'EXPIRED', 'UNKNOWN'],
  NEW: ['PARTIALLY_FILLED', 'FILLED', 'CANCELED', 'EXPIRED', 'UNKNOWN'],
  PARTIALLY_FILLED: ['FILLED', 'CANCELED', 'EXPIRED', 'UNKNOWN'],
  // Reconciliation resolves UNKNOWN to whatever the exchange reports.
  UNKNOWN: ['NEW', 'PARTIALLY_FILLED', 'FILLED', 'CANCELED', 'REJECTED', 'EXPIRED'],
  FILLED: [],
  CANCELED: [],
  REJECTED: [],
  EXPIRED: [],
};

export const canTransition = (from: OrderStatus, to: OrderStatus): boolean => from === to || NEXT[from].includes(to);

export type TransitionResult =
  | { readonly ok: true; readonly order: OrderSnapshot; readonly changed: boolean }
  | { readonly ok: false; readonly reason: string };

const QTY_EPSILON = 1e-12;

/**
 * Applies an exchange report to the known order. Rejects illegal moves and any fill regression,
 * so a late or duplicated event can never undo progress.
 */
export function applyOrderUpdate(current: OrderSnapshot, update: OrderSnapshot): TransitionResult {
  if (update.clientOrderId !== current.clientOrderId) return { ok: false, reason: 'client order id mismatch' };
  if (!canTransition(current.status, update.status)) {
    return { ok: false, reason: `illegal transition ${current.status} -> ${update.status}` };
  }
  if (update.filledQty + QTY_EPSILON < current.filledQty) {
    return { ok: false, reason: `fill regression ${current.filledQty} -> ${update.filledQty}` };
  }
  if (update.filledQty > current.quantity + QTY_EPSILON) {
    return { ok: false, reason: `overfill ${update.filledQty} > ${current.quantity}` };
  }
  if (update.status === 'FILLED' && update.filledQty + QTY_EPSILON < current.quantity) {
    return { ok: false, reason: `FILLED with ${update.filledQty} of ${current.quantity}` };
  }
  const order: OrderSnapshot = {
    ...current,
    status: update.status,
    filledQty: update.filledQty,
    avgPrice: update.avgPrice ?? current.avgPrice,
    exchangeOrderId: update.exchangeOrderId ?? current.exchangeOrderId,
    updatedAt: Math.max(current.updatedAt, update.updatedAt),
  };
  const changed = order.status !== current.status || order.filledQty !== current.filledQty || order.exchangeOrderId !== current.exchangeOrderId;
  return { ok: true, order, changed };
}

export const isOpen = (o: OrderSnapshot): boolean => !isTerminal(o.status);

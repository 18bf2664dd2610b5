// Runs in: anywhere (pure).
import type { OrderRequest, OrderSnapshot } from './types';

export interface ResolveDeps {
  /** Query by client order id; null = the venue does not know it; throws on transport trouble. */
  readonly query: () => Promise<OrderSnapshot | null>;
  readonly serverNow: () => number;
  readonly sleep: (ms: number) => Promise<void>;
  /** Timestamp the write was signed with; the venue refuses it once recvWindow has passed. */
  readonly signedAt: number;
  readonly recvWindow: number;
  readonly pollMs: number;
  /** Give up after this long and report UNKNOWN (reconciliation takes over). */
  readonly maxWaitMs: number;
}

/**
 * After a write with unknown outcome (5xx, timeout, -1007): query until the order shows up. It is
 * absent for sure only once its signed timestamp is older than recvWindow (plus margin), because the
 * venue will no longer accept it. Never resend: a resend with the same id can double a filled order.
 */
export async function resolveUnknownOrder(req: OrderRequest, deps: ResolveDeps): Promise<OrderSnapshot> {
  const deadline = deps.serverNow() + deps.maxWaitMs;
  const absentAfter = deps.signedAt + deps.recvWindow + 1_000;
  for (;;) {
    let found: OrderSnapshot | null | undefined;
    try {
      found = await deps.query();
    } catch {
      found = undefined; // query failed: keep trying until the deadline
    }
    if (found) return found;
    const now = deps.serverNow();
    if (found === null && now > absentAfter) return placeholder(req, 'REJECTED', now);
    if (now > deadline) return placeholder(req, 'UNKNOWN', now);
    await deps.sleep(deps.pollMs);
  }
}

const placeholder = (req: OrderRequest, status: 'REJECTED' | 'UNKNOWN', at: number): OrderSnapshot => ({
  clientOrderId: req.clientOrderId,
  symbol: req.symbol,
  side: req.side,
  type: req.type,
  status,
  quantity: req.quantity,
  price: req.price,
  stopPrice: req.stopPrice,
  filledQty: 0,
  reduceOnly: req.reduceOnly ?? false,
  updatedAt: at,
});

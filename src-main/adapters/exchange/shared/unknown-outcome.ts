// Runs in: engine.
import { ExchangeError } from '../../../core/exchange/errors';
import { resolveUnknownOrder } from '../../../core/exchange/resolve-unknown';
import type { ServerClock } from '../../../core/exchange/server-clock';
import type { OrderRequest, OrderSnapshot } from '../../../core/exchange/types';
import { sleep } from './http';
import { SignedCallError } from './rest-call';

/** The write may have reached the venue (or already did, under this client id): query it, never resend. */
export const mayHavePlaced = (e: unknown): e is SignedCallError => e instanceof SignedCallError && (e.kind === 'unknown-status' || e.kind === 'duplicate');

export interface ResolveByQuery {
  readonly queryOrder: (symbol: string, clientOrderId: string) => Promise<OrderSnapshot | null>;
  readonly clock: ServerClock;
  readonly recvWindow: number;
  readonly pollMs?: number;
  readonly maxWaitMs?: number;
}

/**
 * Every connector settles an unknown-outcome write the same way (see resolveUnknownOrder); without
 * the signing time of the last attempt, "now" is the safe guess because it only waits longer.
 */
export function resolveByQuery(req: OrderRequest, signedAt: number | undefined, d: ResolveByQuery): Promise<OrderSnapshot> {
  return resolveUnknownOrder(req, {
    query: () => d.queryOrder(req.symbol, req.clientOrderId),
    serverNow: () => d.clock.serverNow(),
    sleep,
    signedAt: signedAt ?? d.clock.serverNow(),
    recvWindow: d.recvWindow,
    pollMs: d.pollMs ?? 250,
    maxWaitMs: d.maxWaitMs ?? 30_000,
  });
}

/** A cancel with an unclear answer, or for an order already gone (filled or canceled in between): the query tells the truth. */
export async function cancelOrAsk(cancel: () => Promise<OrderSnapshot>, query: () => Promise<OrderSnapshot | null>): Promise<OrderSnapshot> {
  try {
    return await cancel();
  } catch (e) {
    if (e instanceof ExchangeError && (e.kind === 'unknown-status' || e.kind === 'not-found')) {
      const now = await query();
      if (now) return now;
    }
    throw e;
  }
}

/** A query for an order the venue does not know answers not-found; to the caller that is "absent". */
export async function nullIfNotFound<T>(query: Promise<T>): Promise<T | null> {
  try {
    return await query;
  } catch (e) {
    if (e instanceof ExchangeError && e.kind === 'not-found') return null;
    throw e;
  }
}

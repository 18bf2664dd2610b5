// Runs in: engine. Flatten all on one account: cancel every open order, then close every position at market, step by step.
import { ExchangeError } from '../../core/exchange/errors';
import { isTerminal } from '../../core/exchange/types';
import type { AccountSession } from './account-session';
import { foldFills } from './fill-ledger';

export interface FlattenStep {
  readonly accountId: string;
  readonly symbol: string | null;
  readonly step: 'cancel' | 'cancel-failed' | 'close' | 'close-failed' | 'rate-limited' | 'flat' | 'not-flat';
  readonly detail: string;
}

export interface FlattenOptions {
  /** Who holds `symbol` (its entry, so the close is booked against that strategy's position). */
  readonly holder: (symbol: string) => { entry: string; strategy: string } | undefined;
  readonly roundQuantity: (q: number) => number;
  /** Exits are reduce-only (futures, Bybit): a late fill of an earlier close can never flip the position. */
  readonly reduceOnly: boolean;
  readonly attempts?: number;
  readonly pollMs?: number;
  readonly sleep?: (ms: number) => Promise<void>;
}

const EPS = 1e-9;
const wait = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export async function flattenAccount(s: AccountSession, o: FlattenOptions): Promise<FlattenStep[]> {
  const id = s.account.id;
  const steps: FlattenStep[] = [];
  const step = (symbol: string | null, kind: FlattenStep['step'], detail: string) => steps.push({ accountId: id, symbol, step: kind, detail });
  const sleep = o.sleep ?? wait;
  const retrying = async <T>(symbol: string | null, what: string, fn: () => Promise<T>): Promise<T> => {
    for (let i = 0; ; i++) {
      try {
        return await fn();
      } catch (e) {
        const limited = e instanceof ExchangeError && (e.kind === 'rate-limited' || e.kind === 'retriable' || e.kind === 'circuit-open');
        if (!limited || i >= (o.attempts ?? 6)) throw e;
        step(symbol, 'rate-limited', `${what}: ${e.message}; retrying`);
        await sleep(Math.min(e instanceof ExchangeError ? (e.classified.retryAfterMs ?? 500) : 500, 5_000));
      }
    }
  };

  // 1. Entries and protection alike: nothing may fill behind the closing orders.
  const open = new Map(s.store.open().map((x) => [x.clientOrderId, x.symbol]));
  for (const x of await retrying(null, 'open orders', () => s.exchange.openOrders())) open.set(x.clientOrderId, x.symbol);
  for (const [cid, symbol] of open) {
    try {
      const after = await retrying(symbol, `cancel ${cid}`, () => s.manager.cancel(symbol, cid));
      step(symbol, 'cancel', `${cid}: ${after?.status ?? 'canceled'}`);
    } catch (e) {
      step(symbol, 'cancel-failed', `${cid}: ${(e as Error).message}`);
    }
  }

  // 2. Close at market until the venue reports nothing left; a partial fill is followed and the rest sent again.
  for (let round = 0; round < (o.attempts ?? 6); round++) {
    const left = await retrying(null, 'positions', () => holdings(s, o.reduceOnly));
    if (left.length === 0) break;
    for (const p of left) {
      const qty = o.roundQuantity(p.quantity);
      if (!(qty > 0)) continue;
      const holder = o.holder(p.symbol);
      try {
        let order = await retrying(p.symbol, 'close', () => s.manager.place({ symbol: p.symbol, side: p.side === 'LONG' ? 'SELL' : 'BUY', type: 'MARKET', quantity: qty, reduceOnly: o.reduceOnly }, { role: 'flatten', parentClientOrderId: holder?.entry, strategy: holder?.strategy ?? 'manual' }));
        for (let i = 0; i < 20 && !isTerminal(order.status); i++) {
          await sleep(o.pollMs ?? 100);
          const seen = await retrying(p.symbol, 'follow', () => s.exchange.queryOrder(p.symbol, order.clientOrderId));
          if (seen) s.manager.apply(seen);
          order = s.store.get(order.clientOrderId) ?? order;
        }
        // Still working: cancel it so the next round sends exactly what is left.
        if (!isTerminal(order.status)) order = (await retrying(p.symbol, 'cancel rest', () => s.manager.cancel(p.symbol, order.clientOrderId))) ?? order;
        step(p.symbol, 'close', `${order.clientOrderId}: ${order.filledQty} of ${qty} at ${order.avgPrice ?? '-'} (${order.status})`);
      } catch (e) {
        step(p.symbol, 'close-failed', (e as Error).message);
      }
    }
  }
  const left = await holdings(s, o.reduceOnly).catch(() => null);
  const dust = left?.filter((p) => !(o.roundQuantity(p.quantity) > 0)) ?? [];
  if (left && left.length === dust.length) step(null, 'flat', dust.length ? `flat (dust below the lot step: ${dust.map((p) => `${p.symbol} ${p.quantity}`).join(', ')})` : 'flat');
  else step(null, 'not-flat', left ? left.map((p) => `${p.symbol} ${p.quantity}`).join(', ') : 'positions unreadable');
  return steps;
}

/**
 * Derivatives: the venue's positions. Spot has none: only the coins this app bought (the fill ledger)
 * are sold, never more than the balance, so a user's own holdings are left alone.
 */
async function holdings(s: AccountSession, derivatives: boolean): Promise<Array<{ symbol: string; side: 'LONG' | 'SHORT'; quantity: number }>> {
  const venue = (await s.exchange.positions()).filter((p) => p.quantity > EPS);
  if (derivatives) return venue;
  const bought = new Map(foldFills(s.store.fills()).map((l) => [l.symbol, l.quantity]));
  return venue.map((p) => ({ ...p, quantity: Math.min(p.quantity, Math.max(0, bought.get(p.symbol) ?? 0)) })).filter((p) => p.quantity > EPS);
}

// Runs in: engine. Manual orders from the Markets view and the contract: the same gates, venue paths and protection as a
// strategy's orders, recorded with origin "manual" (orders under strategy 'manual', refusals in the actions log).
import { CallFailure, type ManualOrderInput } from '../../../src-shared/contract';
import type { ActionsRepo } from '../../adapters/store/actions-repo';
import type { StoredOrder } from '../../core/exchange/reconcile';
import type { AccountSession } from './account-session';
import { foldFills } from './fill-ledger';
import { isLive } from './order-venue';
import { Protector } from './protection';

export const MANUAL = 'manual';

export interface ManualDeps {
  readonly session: (accountId: string) => AccountSession;
  readonly actions: ActionsRepo;
  readonly mode: () => string;
  /** The same answer a strategy gets before an order: kill switch, live not armed; `opening` adds the account limits. */
  readonly gate: (accountId: string, opening: boolean) => Promise<string | null>;
  /** The strategy holding `symbol` on the account, so a manual close or stop move is booked into its position. */
  readonly holder: (accountId: string, symbol: string) => { entry: string; resync: () => Promise<void> } | undefined;
  readonly journal: (accountId: string, symbol: string, step: string, clientOrderId?: string, detail?: string) => void;
}

export class ManualTrading {
  constructor(private readonly d: ManualDeps) {}

  /** Market or limit; SL/TP go the bracket path: protection resting at the venue, or the venue's own bracket for a limit entry. */
  async place(input: ManualOrderInput): Promise<StoredOrder> {
    await this.allowed(input.accountId, 'place', `${input.side} ${input.quantity} ${input.symbol}`, true);
    const s = this.d.session(input.accountId);
    const venue = s.venue(input.symbol, MANUAL);
    const protect = input.stopLoss !== undefined || input.takeProfit !== undefined;
    let order: StoredOrder;
    if (input.type === 'LIMIT' && protect) {
      const b = await s.manager.placeBracket({ symbol: input.symbol, side: input.side, quantity: venue.roundQuantity(input.quantity), entryPrice: input.price!, takeProfit: input.takeProfit!, stopLoss: input.stopLoss! }, MANUAL);
      order = s.store.get(b.entry.clientOrderId)!;
    } else if (input.type === 'LIMIT') {
      order = await s.manager.place({ symbol: input.symbol, side: input.side, type: 'LIMIT', quantity: venue.roundQuantity(input.quantity), price: input.price }, { role: 'entry', strategy: MANUAL });
    } else {
      order = await venue.marketOrder(input.side, input.quantity, { role: 'entry' });
      if (protect && order.filledQty > 0) {
        const journal = (step: string, cid?: string, detail?: string) => this.d.journal(input.accountId, input.symbol, step, cid, detail);
        try {
          await new Protector(venue, journal).sync(order.clientOrderId, { stop: input.stopLoss ?? null, quantity: order.filledQty, targets: input.takeProfit !== undefined ? [{ price: input.takeProfit, quantity: order.filledQty }] : [] });
        } catch (e) {
          // Same rule as a strategy entry: not protected, not kept.
          journal('protect-failed', order.clientOrderId, (e as Error).message);
          await venue.marketOrder('SELL', order.filledQty, { role: 'protection failed', parent: order.clientOrderId });
          throw new CallFailure('REFUSED', `The entry filled but its protection failed (${(e as Error).message}): the position was closed at market.`);
        }
      }
    }
    this.record(input.accountId, 'place', order.clientOrderId, `${input.type} ${input.side} ${input.quantity} ${input.symbol}`);
    return s.store.get(order.clientOrderId) ?? order;
  }

  async cancel(accountId: string, clientOrderId: string): Promise<StoredOrder> {
    const s = this.d.session(accountId);
    const order = s.store.get(clientOrderId);
    if (!order) throw new CallFailure('NOT_FOUND', `No order ${clientOrderId} on ${accountId}.`);
    await this.allowed(accountId, 'cancel', clientOrderId, false);
    const after = (await s.manager.cancel(order.symbol, clientOrderId)) ?? order;
    this.record(accountId, 'cancel', clientOrderId, after.status);
    return after;
  }

  /** Closes the account's position on `symbol` at market; its resting protection is lifted first (spot reserves the coins). */
  async close(accountId: string, symbol: string): Promise<StoredOrder> {
    await this.allowed(accountId, 'close', symbol, false);
    const s = this.d.session(accountId);
    const venue = s.venue(symbol, MANUAL);
    const qty = foldFills(s.store.fills()).find((l) => l.symbol === symbol)?.quantity ?? 0;
    if (!(qty > 0)) throw new CallFailure('NOT_FOUND', `No long position on ${symbol} in ${accountId}.`);
    for (const o of s.store.open().filter((x) => x.symbol === symbol && (x.role === 'stop-loss' || x.role === 'take-profit') && isLive(x))) await venue.cancel(o.clientOrderId);
    const holder = this.d.holder(accountId, symbol);
    const order = await venue.marketOrder('SELL', qty, { role: 'exit', parent: holder?.entry });
    this.record(accountId, 'close', order.clientOrderId, `${order.filledQty} ${symbol} at ${order.avgPrice ?? '-'}`);
    await holder?.resync();
    return order;
  }

  /** Moves a resting stop: in one venue step where the venue can, else the new stop first, then the old one canceled. */
  async moveStop(accountId: string, clientOrderId: string, stopPrice: number): Promise<StoredOrder> {
    const s = this.d.session(accountId);
    const old = s.store.get(clientOrderId);
    if (!old || old.type !== 'STOP_MARKET' || !isLive(old)) throw new CallFailure('NOT_FOUND', `No resting stop ${clientOrderId} on ${accountId}.`);
    await this.allowed(accountId, 'move-stop', clientOrderId, false);
    const venue = s.venue(old.symbol, old.strategy ?? MANUAL);
    const parent = old.parentClientOrderId ?? old.clientOrderId;
    const atomic = venue.moveStop(old, stopPrice, old.quantity, parent);
    let moved: StoredOrder | undefined;
    if (atomic) moved = await atomic;
    else {
      moved = await venue.exitOrder('STOP_MARKET', old.quantity, stopPrice, parent);
      await venue.cancel(old.clientOrderId);
    }
    this.d.journal(accountId, old.symbol, 'manual-stop-move', moved?.clientOrderId, `${old.stopPrice} -> ${stopPrice}`);
    this.record(accountId, 'move-stop', moved?.clientOrderId ?? clientOrderId, `${old.stopPrice} -> ${stopPrice}`);
    return moved ?? old;
  }

  private async allowed(accountId: string, action: string, target: string, opening: boolean): Promise<void> {
    const refused = await this.d.gate(accountId, opening);
    if (!refused) return;
    this.d.actions.record({ kind: 'refused-order', target, mode: this.d.mode(), reason: refused, detail: { origin: MANUAL, accountId, action } });
    throw new CallFailure('REFUSED', `Manual ${action} refused: ${refused}.`);
  }

  private record(accountId: string, action: string, target: string, what: string): void {
    this.d.actions.record({ kind: 'order', target, mode: this.d.mode(), reason: `manual ${action}: ${what}`, detail: { origin: MANUAL, accountId, action } });
  }
}

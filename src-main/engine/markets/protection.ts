// Runs in: engine. Keeps the orders protecting one strategy position resting at the venue, equal to what its exit plan wants.
import type { StoredOrder } from '../../core/exchange/reconcile';
import { isLive, type TraderVenue } from './order-venue';

export interface DesiredProtection {
  /** Stop level for the whole remaining quantity; null = no stop (profile without one, or the position is done). */
  readonly stop: number | null;
  readonly quantity: number;
  /** Take-profit tiers still to rest (empty where the venue reserves balance per exit order). */
  readonly targets: readonly { readonly price: number; readonly quantity: number }[];
}

export type JournalStep = (step: string, clientOrderId?: string, detail?: string) => void;

/** The protection could not be put back: the caller closes the position rather than leave it bare. */
export class ProtectionLost extends Error {
  override readonly name = 'ProtectionLost';
}

const close = (a: number | undefined, b: number, rel = 1e-9) => a !== undefined && Math.abs(a - b) <= Math.max(Math.abs(b) * rel, 1e-12);

/**
 * Idempotent: sync() compares the entry's live legs with what is wanted and places, moves or cancels
 * the difference, journaling each step before and after it runs. It is the same call at entry, after
 * every candle, after a reconnect and at start, so a crash at any point is repaired by the next call:
 * the store writes an order PENDING before it is sent, so a half-done move leaves the old stop, the new
 * one, or both (the extra is canceled), never a stop nobody knows about.
 */
export class Protector {
  constructor(
    private readonly venue: TraderVenue,
    private readonly journal: JournalStep,
  ) {}

  /**
   * `venueStopWaitMs`: the entry was sent with its stop attached (Bybit); how long the venue may take to
   * make it before our own stop is placed instead.
   */
  async sync(entry: string, want: DesiredProtection, opts: { venueStopWaitMs?: number } = {}): Promise<void> {
    const legs = this.venue.children(entry).filter(isLive);
    const stops = legs.filter((o) => o.type === 'STOP_MARKET');
    const adopted = await this.adopt(entry, stops, want, opts.venueStopWaitMs);
    await this.syncStop(entry, adopted && !stops.some((s) => s.clientOrderId === adopted.clientOrderId) ? [...stops, adopted] : stops, want);
    await this.syncTargets(entry, legs.filter((o) => o.type === 'TAKE_PROFIT_MARKET'), want);
  }

  /** Cancels every live leg of the entry (the position is closed, or about to be sold at market). */
  async release(entry: string, reason: string): Promise<void> {
    for (const o of this.venue.children(entry).filter((x) => isLive(x) && x.role !== 'exit' && x.role !== 'flatten')) await this.cancel(o, reason);
  }

  /**
   * The stop a venue made from the entry's create request has no client id of ours: it is filed under
   * the entry (by its venue id) before anything is placed, so the entry never gets a second stop of
   * ours next to it. Also picks up a venue stop that showed up after ours: syncStop keeps one of them.
   */
  private async adopt(entry: string, stops: StoredOrder[], want: DesiredProtection, waitMs: number | undefined): Promise<StoredOrder | undefined> {
    if (!this.venue.adoptStop || want.stop === null) return undefined;
    const acked = stops.some((s) => s.status === 'NEW' || s.status === 'PARTIALLY_FILLED');
    const ask = !acked || waitMs !== undefined;
    if (ask) this.journal('stop-adopt', entry, waitMs !== undefined ? `waiting up to ${waitMs} ms for the venue's stop` : "looking for the venue's stop");
    const found = await this.venue.adoptStop(entry, { ask, waitMs });
    if (found) this.journal('stop-adopted', found.clientOrderId, `venue order ${found.exchangeOrderId ?? '?'} at ${found.stopPrice} for ${found.quantity}`);
    else if (ask) this.journal('stop-not-adopted', entry, 'no venue stop: our own is placed');
    return found;
  }

  private async syncStop(entry: string, stops: StoredOrder[], want: DesiredProtection): Promise<void> {
    const qty = this.venue.roundQuantity(want.quantity);
    if (want.stop === null || !(qty > 0)) {
      for (const s of stops) await this.cancel(s, 'no stop wanted');
      return;
    }
    // Keep the newest acknowledged stop; anything else is a leftover of an interrupted move.
    const keep = [...stops].reverse().find((s) => s.status === 'NEW' || s.status === 'PARTIALLY_FILLED');
    for (const s of stops) if (s !== keep) await this.cancel(s, 'extra stop');
    if (!keep) {
      this.journal('stop-place', undefined, `at ${want.stop} for ${qty}`);
      const placed = await this.venue.exitOrder('STOP_MARKET', qty, want.stop, entry);
      this.journal('stop-placed', placed.clientOrderId, `at ${want.stop} for ${qty}`);
      return;
    }
    if (close(keep.stopPrice, want.stop) && close(keep.quantity, qty, 1e-6)) return;
    await this.move(entry, keep, want.stop, qty);
  }

  /**
   * One venue step where the venue has it (Bybit amend, Binance spot cancelReplace): never two stops,
   * never none. Otherwise, on reduce-only venues (futures algo orders, paper): the new stop first, then
   * the old one canceled; two reduce-only stops can never sell more than the position. After any failure
   * the stop is read back from the venue and, if none rests, put back (old level first), else ProtectionLost.
   */
  private async move(entry: string, old: StoredOrder, level: number, qty: number): Promise<void> {
    this.journal('stop-move', old.clientOrderId, `${old.stopPrice} x ${old.quantity} -> ${level} x ${qty}`);
    try {
      const atomic = this.venue.moveStop(old, level, qty, entry);
      if (atomic) {
        const moved = await atomic;
        this.journal('stop-moved', moved?.clientOrderId, `atomic, replaces ${old.clientOrderId}`);
        return;
      }
      const placed = await this.venue.exitOrder('STOP_MARKET', qty, level, entry);
      this.journal('stop-moved', placed.clientOrderId, `replaces ${old.clientOrderId}`);
      await this.cancel(old, 'replaced');
    } catch (e) {
      this.journal('stop-move-failed', old.clientOrderId, (e as Error).message);
      await this.venue.refresh(entry);
      if (this.venue.children(entry).some((o) => o.type === 'STOP_MARKET' && (o.status === 'NEW' || o.status === 'PARTIALLY_FILLED'))) throw e; // the old (or new) stop rests: the next sync retries
      if (this.venue.children(entry).some((o) => o.type === 'STOP_MARKET' && o.filledQty > 0)) return; // it fired: the loop books it
      try {
        const back = await this.venue.exitOrder('STOP_MARKET', qty, old.stopPrice ?? level, entry);
        this.journal('stop-restored', back.clientOrderId, `at ${old.stopPrice}`);
      } catch (again) {
        throw new ProtectionLost(`stop could not be re-placed: ${(again as Error).message}`);
      }
    }
  }

  private async syncTargets(entry: string, resting: StoredOrder[], want: DesiredProtection): Promise<void> {
    const kept = new Set<StoredOrder>();
    for (const t of want.targets) {
      const match = resting.find((o) => !kept.has(o) && close(o.stopPrice, t.price));
      if (match) {
        kept.add(match);
        continue;
      }
      const qty = Math.min(t.quantity, want.quantity);
      if (!(this.venue.roundQuantity(qty) > 0)) continue;
      const placed = await this.venue.exitOrder('TAKE_PROFIT_MARKET', qty, t.price, entry);
      this.journal('target-placed', placed.clientOrderId, `at ${t.price} for ${qty}`);
    }
    for (const o of resting) if (!kept.has(o)) await this.cancel(o, 'target not wanted');
  }

  private async cancel(o: StoredOrder, why: string): Promise<StoredOrder | undefined> {
    const after = await this.venue.cancel(o.clientOrderId);
    this.journal('cancel', o.clientOrderId, `${why}: ${after?.status ?? 'gone'}`);
    return after;
  }
}

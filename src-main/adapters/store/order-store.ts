// Runs in: engine.
import type { Db } from './database';
import { trimOverlap } from '../../core/exchange/fill-overlap';
import type { ProtectiveStop, StoredOrder } from '../../core/exchange/reconcile';
import type { Fill, OrderSnapshot, OrderStatus, Position, Side } from '../../core/exchange/types';

export interface OrderMeta {
  readonly role?: string;
  readonly parentClientOrderId?: string;
  readonly strategy?: string;
}

interface OrderRow {
  client_order_id: string;
  exchange_order_id: string | null;
  symbol: string;
  side: string;
  type: string;
  status: string;
  quantity: number;
  price: number | null;
  stop_price: number | null;
  filled_qty: number;
  avg_price: number | null;
  reduce_only: number;
  parent_client_order_id: string | null;
  role: string | null;
  strategy: string | null;
  updated_at: number;
}

const TERMINAL = `('FILLED','CANCELED','REJECTED','EXPIRED')`;

const fromRow = (r: OrderRow): StoredOrder => ({
  clientOrderId: r.client_order_id,
  exchangeOrderId: r.exchange_order_id ?? undefined,
  symbol: r.symbol,
  side: r.side as Side,
  type: r.type as StoredOrder['type'],
  status: r.status as OrderStatus,
  quantity: r.quantity,
  price: r.price ?? undefined,
  stopPrice: r.stop_price ?? undefined,
  filledQty: r.filled_qty,
  avgPrice: r.avg_price ?? undefined,
  reduceOnly: r.reduce_only === 1,
  role: r.role ?? undefined,
  parentClientOrderId: r.parent_client_order_id ?? undefined,
  strategy: r.strategy ?? undefined,
  updatedAt: r.updated_at,
});

/** Orders, fills and positions of one account in the schema-v1 tables. */
export class OrderStore {
  constructor(
    private readonly db: Db,
    readonly accountId: string,
  ) {}

  /** Inserts, or updates status/fill fields of, an order (role/parent are kept from the first write). */
  upsert(o: OrderSnapshot, meta: OrderMeta = {}, now = Date.now()): void {
    this.db
      .prepare(
        `INSERT INTO orders (account_id, client_order_id, exchange_order_id, symbol, side, type, status, quantity, price, stop_price, filled_qty, avg_price, reduce_only, parent_client_order_id, role, strategy, created_at, updated_at)
         VALUES (@account, @cid, @eid, @symbol, @side, @type, @status, @qty, @price, @stop, @filled, @avg, @reduce, @parent, @role, @strategy, @now, @updated)
         ON CONFLICT(account_id, client_order_id) DO UPDATE SET
           exchange_order_id = COALESCE(excluded.exchange_order_id, orders.exchange_order_id),
           status = excluded.status, filled_qty = excluded.filled_qty,
           stop_price = CASE WHEN excluded.stop_price > 0 THEN excluded.stop_price ELSE orders.stop_price END,
           avg_price = COALESCE(excluded.avg_price, orders.avg_price), updated_at = excluded.updated_at`,
      )
      .run({
        account: this.accountId,
        cid: o.clientOrderId,
        eid: o.exchangeOrderId ?? null,
        symbol: o.symbol,
        side: o.side,
        type: o.type,
        status: o.status,
        qty: o.quantity,
        price: o.price ?? null,
        stop: o.stopPrice ?? null,
        filled: o.filledQty,
        avg: o.avgPrice ?? null,
        reduce: o.reduceOnly ? 1 : 0,
        parent: meta.parentClientOrderId ?? null,
        role: meta.role ?? null,
        strategy: meta.strategy ?? null,
        now,
        updated: Math.max(o.updatedAt, now),
      });
  }

  /**
   * Files an order the venue made (stored from a stream or reconciliation, without role or parent)
   * under the entry it protects. Only an unclaimed order: an entry's legs never move to another.
   */
  claim(clientOrderId: string, meta: OrderMeta): void {
    this.db
      .prepare('UPDATE orders SET role = ?, parent_client_order_id = ?, strategy = COALESCE(strategy, ?) WHERE account_id = ? AND client_order_id = ? AND (parent_client_order_id IS NULL OR parent_client_order_id = ?)')
      .run(meta.role ?? null, meta.parentClientOrderId ?? null, meta.strategy ?? null, this.accountId, clientOrderId, meta.parentClientOrderId ?? null);
  }

  /** An order amended in place at the venue (same id): its new trigger and size. */
  amend(clientOrderId: string, stopPrice: number, quantity: number, now = Date.now()): void {
    this.db.prepare('UPDATE orders SET stop_price = ?, quantity = ?, updated_at = ? WHERE account_id = ? AND client_order_id = ?').run(stopPrice, quantity, now, this.accountId, clientOrderId);
  }

  get(clientOrderId: string): StoredOrder | undefined {
    const r = this.db.prepare('SELECT * FROM orders WHERE account_id = ? AND client_order_id = ?').get(this.accountId, clientOrderId) as OrderRow | undefined;
    return r ? fromRow(r) : undefined;
  }

  open(): StoredOrder[] {
    return (this.db.prepare(`SELECT * FROM orders WHERE account_id = ? AND status NOT IN ${TERMINAL} ORDER BY id`).all(this.accountId) as OrderRow[]).map(fromRow);
  }

  /** Bracket legs of an entry. */
  children(parentClientOrderId: string): StoredOrder[] {
    return (this.db.prepare('SELECT * FROM orders WHERE account_id = ? AND parent_client_order_id = ? ORDER BY id').all(this.accountId, parentClientOrderId) as OrderRow[]).map(fromRow);
  }

  /** Newest first, at most `limit`: what the orders panel shows (sliced in SQL, not in memory). */
  recent(status: 'open' | 'all', limit: number): StoredOrder[] {
    const where = status === 'open' ? `AND status NOT IN ${TERMINAL}` : '';
    return (this.db.prepare(`SELECT * FROM orders WHERE account_id = ? ${where} ORDER BY updated_at DESC, id DESC LIMIT ?`).all(this.accountId, limit) as OrderRow[]).map(fromRow);
  }

  /** The latest entry order a strategy sent (its position's anchor after a lost state). */
  lastEntry(strategy: string, symbol: string): StoredOrder | undefined {
    const r = this.db.prepare(`SELECT * FROM orders WHERE account_id = ? AND strategy = ? AND symbol = ? AND role = 'entry' ORDER BY id DESC LIMIT 1`).get(this.accountId, strategy, symbol) as OrderRow | undefined;
    return r ? fromRow(r) : undefined;
  }

  all(): StoredOrder[] {
    return (this.db.prepare('SELECT * FROM orders WHERE account_id = ? ORDER BY id').all(this.accountId) as OrderRow[]).map(fromRow);
  }

  /**
   * Idempotent: one row per trade id. A fill derived from a snapshot (no fee known) is replaced by
   * the venue's own report of the same fill, which carries price and fee.
   */
  addFill(f: Fill, authoritative: boolean): void {
    if (authoritative) this.transaction(() => this.trimDerived(f));
    const conflict = authoritative ? 'DO UPDATE SET price = excluded.price, quantity = excluded.quantity, fee = excluded.fee, fee_asset = excluded.fee_asset, at = excluded.at' : 'DO NOTHING';
    this.db
      .prepare(`INSERT INTO fills (account_id, client_order_id, trade_id, symbol, side, price, quantity, fee, fee_asset, at) VALUES (?,?,?,?,?,?,?,?,?,?) ON CONFLICT(account_id, trade_id) ${conflict}`)
      .run(this.accountId, f.clientOrderId, f.tradeId, f.symbol, f.side, f.price, f.quantity, f.fee, f.feeAsset ?? null, f.at);
  }

  /** A snapshot-derived fill overlapping the venue's report of the same trades gives that part up (see trimOverlap). */
  private trimDerived(report: Fill): void {
    for (const f of this.fills(report.clientOrderId)) {
      const trimmed = trimOverlap(f, report);
      if (trimmed === null) this.db.prepare('DELETE FROM fills WHERE account_id = ? AND trade_id = ?').run(this.accountId, f.tradeId);
      else if (trimmed) this.db.prepare('UPDATE fills SET quantity = ?, price = ? WHERE account_id = ? AND trade_id = ?').run(trimmed.quantity, trimmed.price, this.accountId, f.tradeId);
    }
  }

  fills(clientOrderId?: string): Fill[] {
    const rows = (clientOrderId
      ? this.db.prepare('SELECT * FROM fills WHERE account_id = ? AND client_order_id = ? ORDER BY id').all(this.accountId, clientOrderId)
      : this.db.prepare('SELECT * FROM fills WHERE account_id = ? ORDER BY id').all(this.accountId)) as Array<Record<string, unknown>>;
    return rows.map((r) => ({ clientOrderId: String(r.client_order_id), tradeId: String(r.trade_id), symbol: String(r.symbol), side: r.side as Side, price: Number(r.price), quantity: Number(r.quantity), fee: Number(r.fee), feeAsset: (r.fee_asset as string | null) ?? undefined, at: Number(r.at) }));
  }

  positions(): Position[] {
    return (this.db.prepare('SELECT symbol, side, quantity, entry_price FROM positions WHERE account_id = ?').all(this.accountId) as Array<{ symbol: string; side: string; quantity: number; entry_price: number }>).map((r) => ({
      symbol: r.symbol,
      side: r.side as Position['side'],
      quantity: r.quantity,
      entryPrice: r.entry_price,
    }));
  }

  setPosition(p: Position, now = Date.now()): void {
    this.db
      .prepare(
        `INSERT INTO positions (account_id, symbol, side, quantity, entry_price, updated_at) VALUES (?,?,?,?,?,?)
         ON CONFLICT(account_id, symbol) DO UPDATE SET side = excluded.side, quantity = excluded.quantity, entry_price = excluded.entry_price, updated_at = excluded.updated_at`,
      )
      .run(this.accountId, p.symbol, p.side, p.quantity, p.entryPrice, now);
  }

  removePosition(symbol: string): void {
    this.db.prepare('DELETE FROM positions WHERE account_id = ? AND symbol = ?').run(this.accountId, symbol);
  }

  /** The latest stop-loss level per symbol: what a missing stop must be re-created at. */
  protectiveStops(): ProtectiveStop[] {
    const rows = this.db
      .prepare(
        `SELECT symbol, stop_price, client_order_id FROM orders o WHERE account_id = ? AND role = 'stop-loss' AND stop_price IS NOT NULL
         AND id = (SELECT MAX(id) FROM orders WHERE account_id = o.account_id AND symbol = o.symbol AND role = 'stop-loss')`,
      )
      .all(this.accountId) as Array<{ symbol: string; stop_price: number; client_order_id: string }>;
    return rows.map((r) => ({ symbol: r.symbol, stopPrice: r.stop_price, lastClientOrderId: r.client_order_id }));
  }

  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }
}

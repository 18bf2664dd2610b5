// Runs in: engine. Rows the Markets panels show, built from the SQLite order store and the recorded fills.
import type { OrderRow, PositionRow, SymbolPnl } from '../../../src-shared/contract';
import type { StoredOrder } from '../../core/exchange/reconcile';
import type { Fill } from '../../core/exchange/types';
import { foldFills } from './fill-ledger';
import type { StrategyTrader } from './strategy-trader';

/** Last close per `accountId/symbol`: the mark for unrealized P&L. */
export type Marks = ReadonlyMap<string, number>;

export function orderRow(accountId: string, o: StoredOrder): OrderRow {
  return {
    accountId,
    clientOrderId: o.clientOrderId,
    symbol: o.symbol,
    side: o.side,
    type: o.type,
    status: o.status,
    quantity: o.quantity,
    price: o.price ?? null,
    stopPrice: o.stopPrice ?? null,
    filledQty: o.filledQty,
    avgPrice: o.avgPrice ?? null,
    role: o.role ?? null,
    strategy: o.strategy ?? null,
    updatedAt: o.updatedAt,
  };
}

export function positionRows(accountId: string, fills: readonly Fill[], marks: Marks, heldBy: (symbol: string) => StrategyTrader | undefined): PositionRow[] {
  return foldFills(fills)
    .filter((l) => Math.abs(l.quantity) > 1e-12)
    .map((l) => {
      const mark = marks.get(`${accountId}/${l.symbol}`) ?? null;
      const trader = heldBy(l.symbol);
      const plan = trader?.position();
      return {
        accountId,
        symbol: l.symbol,
        side: l.quantity > 0 ? ('LONG' as const) : ('SHORT' as const),
        quantity: Math.abs(l.quantity),
        entryPrice: l.entryPrice,
        markPrice: mark,
        unrealizedPnl: mark === null ? null : (mark - l.entryPrice) * l.quantity,
        stopPrice: plan?.stopPrice ?? null,
        takeProfits: plan?.takeProfits ?? [],
        strategy: trader?.config.id ?? null,
      };
    });
}

export function pnlRows(accountId: string, fills: readonly Fill[], marks: Marks): SymbolPnl[] {
  return foldFills(fills).map((l) => {
    const mark = marks.get(`${accountId}/${l.symbol}`);
    return { accountId, symbol: l.symbol, realized: l.realized, unrealized: mark === undefined ? 0 : (mark - l.entryPrice) * l.quantity, fees: l.fees, trades: l.trades };
  });
}

// Runs in: renderer. Recent orders of every account, newest first; open ones can be canceled, a manual resting stop moved.
import { useState } from 'react';
import type { OrderRow } from '../../../../src-shared/contract';
import { useTransport } from '../../api/client-context';
import { formatClock } from '../../lib/format';
import { TablePanel, type Column } from '../TablePanel';
import { fmtNum, parseStopLevel } from './num';

const OPEN = new Set(['PENDING', 'NEW', 'PARTIALLY_FILLED', 'UNKNOWN']);

const COLUMNS: readonly Column[] = [
  { label: 'Time' },
  { label: 'Symbol' },
  { label: 'Side' },
  { label: 'Status' },
  { label: 'Filled', className: 'num' },
  { label: 'Avg price', className: 'num' },
  { label: 'Strategy' },
  { label: 'Actions', hidden: true },
];

/**
 * Only a manual position's acknowledged stop is offered a move: a strategy's stop follows its exit plan,
 * which would put it back at the next candle.
 */
const movable = (o: OrderRow) => o.type === 'STOP_MARKET' && o.strategy === 'manual' && (o.status === 'NEW' || o.status === 'PARTIALLY_FILLED');

/** Moves a resting stop through markets.moveStop: refused like any manual order (kill switch, live not armed), recorded as manual. */
function MoveStop({ order, onDone }: { order: OrderRow; onDone: (error: string | null) => void }) {
  const { calls } = useTransport();
  const [level, setLevel] = useState(order.stopPrice === null ? '' : String(order.stopPrice));
  const stopPrice = parseStopLevel(level);
  const move = async () => {
    if (stopPrice === null) return;
    const r = await calls.markets.moveStop({ accountId: order.accountId, clientOrderId: order.clientOrderId, stopPrice });
    onDone(r.ok ? null : r.error.message);
  };
  return (
    <span className="move-stop">
      <input type="number" min="0" step="any" value={level} onChange={(e) => setLevel(e.currentTarget.value)} aria-label={`New stop level for ${order.symbol}`} className="small" style={{ width: '7em' }} />
      <button type="button" disabled={stopPrice === null || stopPrice === order.stopPrice} onClick={() => void move()}>
        Move stop
      </button>
    </span>
  );
}

export function OrdersPanel({ orders, onChanged }: { orders: readonly OrderRow[]; onChanged: () => void }) {
  const { calls } = useTransport();
  const [error, setError] = useState<string | null>(null);
  const cancel = async (o: OrderRow) => {
    const r = await calls.markets.cancelOrder({ accountId: o.accountId, clientOrderId: o.clientOrderId });
    setError(r.ok ? null : r.error.message);
    onChanged();
  };
  return (
    <TablePanel
      titleId="orders-title"
      title="Orders"
      notice={
        error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )
      }
      empty={orders.length === 0 ? 'No orders yet.' : null}
      columns={COLUMNS}
      testId="orders-table"
    >
      {orders.map((o) => (
        <tr key={`${o.accountId}/${o.clientOrderId}`} title={o.clientOrderId}>
          <td>{formatClock(o.updatedAt)}</td>
          <td>{o.symbol}</td>
          <td className={o.side === 'BUY' ? 'up' : 'down'}>{o.side}</td>
          <td>{o.status}</td>
          <td className="num">{`${fmtNum(o.filledQty)} / ${fmtNum(o.quantity)}`}</td>
          <td className="num">{fmtNum(o.avgPrice, 2)}</td>
          <td>{o.strategy ?? o.role ?? '—'}</td>
          <td>
            {movable(o) && (
              <MoveStop
                order={o}
                onDone={(e) => {
                  setError(e);
                  onChanged();
                }}
              />
            )}
            {OPEN.has(o.status) && <button type="button" onClick={() => void cancel(o)}>Cancel</button>}
          </td>
        </tr>
      ))}
    </TablePanel>
  );
}

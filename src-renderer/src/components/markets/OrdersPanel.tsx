// Runs in: renderer. Recent orders of every account, newest first; open ones can be canceled.
import { useState } from 'react';
import type { OrderRow } from '../../../../src-shared/contract';
import { useTransport } from '../../api/client-context';
import { formatClock } from '../../lib/format';
import { fmtNum } from './num';

const OPEN = new Set(['PENDING', 'NEW', 'PARTIALLY_FILLED', 'UNKNOWN']);

export function OrdersPanel({ orders, onChanged }: { orders: readonly OrderRow[]; onChanged: () => void }) {
  const { calls } = useTransport();
  const [error, setError] = useState<string | null>(null);
  const cancel = async (o: OrderRow) => {
    const r = await calls.markets.cancelOrder({ accountId: o.accountId, clientOrderId: o.clientOrderId });
    setError(r.ok ? null : r.error.message);
    onChanged();
  };
  return (
    <section className="panel" aria-labelledby="orders-title">
      <h2 id="orders-title">Orders</h2>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {orders.length === 0 ? (
        <p className="empty">No orders yet.</p>
      ) : (
        <div className="table-scroll">
          <table className="data" data-testid="orders-table">
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">Symbol</th>
                <th scope="col">Side</th>
                <th scope="col">Status</th>
                <th scope="col" className="num">Filled</th>
                <th scope="col" className="num">Avg price</th>
                <th scope="col">Strategy</th>
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {orders.map((o) => (
                <tr key={`${o.accountId}/${o.clientOrderId}`} title={o.clientOrderId}>
                  <td>{formatClock(o.updatedAt)}</td>
                  <td>{o.symbol}</td>
                  <td className={o.side === 'BUY' ? 'up' : 'down'}>{o.side}</td>
                  <td>{o.status}</td>
                  <td className="num">{`${fmtNum(o.filledQty)} / ${fmtNum(o.quantity)}`}</td>
                  <td className="num">{fmtNum(o.avgPrice, 2)}</td>
                  <td>{o.strategy ?? o.role ?? '—'}</td>
                  <td>{OPEN.has(o.status) && <button type="button" onClick={() => void cancel(o)}>Cancel</button>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

// Runs in: renderer. Open positions folded from the recorded fills, marked at the last close, with the strategy's stop and targets.
import type { PositionRow } from '../../../../src-shared/contract';
import { signedMoney } from '../../lib/format';
import { fmtNum } from './num';

export function PositionsPanel({ positions }: { positions: readonly PositionRow[] }) {
  return (
    <section className="panel" aria-labelledby="positions-title">
      <h2 id="positions-title">Positions</h2>
      {positions.length === 0 ? (
        <p className="empty">No open positions.</p>
      ) : (
        <div className="table-scroll">
          <table className="data" data-testid="positions-table">
            <thead>
              <tr>
                <th scope="col">Symbol</th>
                <th scope="col">Side</th>
                <th scope="col" className="num">Qty</th>
                <th scope="col" className="num">Entry</th>
                <th scope="col" className="num">Mark</th>
                <th scope="col" className="num">Unrealized</th>
                <th scope="col" className="num">Stop</th>
              </tr>
            </thead>
            <tbody>
              {positions.map((p) => {
                const u = p.unrealizedPnl === null ? null : signedMoney(p.unrealizedPnl);
                return (
                  <tr key={`${p.accountId}/${p.symbol}`} title={p.strategy ? `held by ${p.strategy}` : undefined}>
                    <td>{p.symbol}</td>
                    <td>{p.side}</td>
                    <td className="num">{fmtNum(p.quantity)}</td>
                    <td className="num">{fmtNum(p.entryPrice, 2)}</td>
                    <td className="num">{fmtNum(p.markPrice, 2)}</td>
                    <td className={`num ${u?.tone ?? ''}`}>{u ? `${u.icon} ${u.text}` : '—'}</td>
                    <td className="num">{fmtNum(p.stopPrice, 2)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

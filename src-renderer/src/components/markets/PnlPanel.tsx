// Runs in: renderer. Realized (after fees) and unrealized P&L per account and symbol.
import type { AccountView, SymbolPnl } from '../../../../src-shared/contract';
import { signedMoney } from '../../lib/format';

function Money({ value }: { value: number }) {
  const m = signedMoney(value);
  return (
    <span className={m.tone} aria-label={m.spoken}>
      <span aria-hidden="true">{m.icon}</span> {m.text}
    </span>
  );
}

export function PnlPanel({ pnl, accounts }: { pnl: readonly SymbolPnl[]; accounts: readonly AccountView[] }) {
  const label = (id: string) => accounts.find((a) => a.id === id)?.label ?? id;
  return (
    <section className="panel" aria-labelledby="pnl-title">
      <h2 id="pnl-title">P&amp;L per symbol</h2>
      {pnl.length === 0 ? (
        <p className="empty">No fills yet.</p>
      ) : (
        <div className="table-scroll">
          <table className="data" data-testid="pnl-table">
            <thead>
              <tr>
                <th scope="col">Account</th>
                <th scope="col">Symbol</th>
                <th scope="col" className="num">Realized</th>
                <th scope="col" className="num">Unrealized</th>
                <th scope="col" className="num">Fees</th>
                <th scope="col" className="num">Trades</th>
              </tr>
            </thead>
            <tbody>
              {pnl.map((p) => (
                <tr key={`${p.accountId}/${p.symbol}`}>
                  <td>{label(p.accountId)}</td>
                  <td>{p.symbol}</td>
                  <td className="num">
                    <Money value={p.realized} />
                  </td>
                  <td className="num">
                    <Money value={p.unrealized} />
                  </td>
                  <td className="num">{p.fees.toFixed(2)}</td>
                  <td className="num">{p.trades}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

// Runs in: renderer. Exchange accounts: add (paper, or Binance testnet/live with a trade-only key), test the connection, see balances.
import { useEffect, useState } from 'react';
import type { AccountView, BalanceRow } from '../../../../src-shared/contract';
import { useTransport } from '../../api/client-context';
import { AddAccountForm } from './AddAccountForm';

/** `activity` changes whenever orders fill: the balances on show are refetched then. */
export function AccountsPanel({ accounts, activity, onChanged }: { accounts: readonly AccountView[]; activity: string; onChanged: () => void }) {
  const { calls } = useTransport();
  const [balances, setBalances] = useState<Record<string, BalanceRow[]>>({});
  const [notes, setNotes] = useState<Record<string, string>>({});

  const showBalances = async (id: string) => {
    const r = await calls.markets.balances({ id });
    if (r.ok) setBalances((b) => ({ ...b, [id]: r.data }));
    else setNotes((n) => ({ ...n, [id]: r.error.message }));
  };
  const shown = Object.keys(balances).join(',');
  useEffect(() => {
    for (const id of shown ? shown.split(',') : []) void showBalances(id);
    // Keyed on activity and the accounts shown (showBalances is recreated each render).
  }, [activity, shown]);
  const test = async (id: string) => {
    const r = await calls.markets.testAccount({ id });
    setNotes((n) => ({ ...n, [id]: r.ok ? r.data.message : r.error.message }));
    onChanged();
  };
  const setSweep = async (id: string, enabled: boolean) => {
    const r = await calls.markets.setShutdownSweep({ accountId: id, enabled });
    setNotes((n) => ({ ...n, [id]: r.ok ? (r.data.enabled ? 'Emergency sweep on: this account is flattened when the app shuts down.' : 'Emergency sweep off: at shutdown its positions stay open, protected by orders resting at the venue.') : r.error.message }));
    onChanged();
  };
  const remove = async (id: string) => {
    const r = await calls.markets.removeAccount({ id });
    if (!r.ok) setNotes((n) => ({ ...n, [id]: r.error.message }));
    onChanged();
  };

  return (
    <section className="panel" aria-labelledby="accounts-title" data-testid="accounts-panel">
      <h2 id="accounts-title">Accounts</h2>
      {accounts.length === 0 && <p className="empty">No account yet. Add a paper account (simulated fills on live or simulator prices) or a Binance testnet key.</p>}
      <ul className="accounts">
        {accounts.map((a) => (
          <li key={a.id} data-testid={`account-${a.id}`}>
            <div className="account-head">
              <strong>{a.label}</strong>
              <span className={`badge env-${a.environment}`}>{a.environment}</span>
              <span className="muted small">{`${a.exchange}${a.apiKeyMasked ? ` · key ${a.apiKeyMasked}` : ''}${a.baseUrl ? ` · ${a.baseUrl}` : ''}`}</span>
              <span className={a.error ? 'down small' : 'muted small'}>{a.error ? `⚠ ${a.error}` : a.connected ? '● connected' : '○ not checked'}</span>
            </div>
            <div className="account-actions">
              <button type="button" onClick={() => void showBalances(a.id)}>Balances</button>
              <button type="button" onClick={() => void test(a.id)}>Test connection</button>
              <button type="button" onClick={() => void remove(a.id)} aria-label={`Remove account ${a.label}`}>Remove</button>
              <label className="small" title="Off (default): shutdown closes nothing; stops and take-profits keep resting at the venue. On: every order of this account is canceled and every position closed at market when the app shuts down.">
                <input type="checkbox" checked={a.shutdownSweep} onChange={(e) => void setSweep(a.id, e.currentTarget.checked)} data-testid={`sweep-${a.id}`} />
                {' Flatten at shutdown'}
              </label>
            </div>
            {notes[a.id] && <p className="small" role="status">{notes[a.id]}</p>}
            {balances[a.id] && (
              <table className="data balances" aria-label={`Balances of ${a.label}`}>
                <thead>
                  <tr>
                    <th scope="col">Asset</th>
                    <th scope="col" className="num">Free</th>
                    <th scope="col" className="num">Locked</th>
                  </tr>
                </thead>
                <tbody>
                  {balances[a.id]!.filter((b) => b.free !== 0 || b.locked !== 0).map((b) => (
                    <tr key={b.asset}>
                      <td>{b.asset}</td>
                      <td className="num">{b.free.toLocaleString('en-US', { maximumFractionDigits: 8 })}</td>
                      <td className="num">{b.locked.toLocaleString('en-US', { maximumFractionDigits: 8 })}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </li>
        ))}
      </ul>
      <details className="form-fold" open={accounts.length === 0}>
        <summary>Add account</summary>
        <AddAccountForm onAdded={onChanged} />
      </details>
    </section>
  );
}

// Runs in: renderer. Strategies trading accounts: each is a checkbox here, in the header and in the tray (same engine toggle).
import type { AccountView, StrategyConfigView } from '../../../../src-shared/contract';
import { useTransport } from '../../api/client-context';
import { ConfigureStrategyForm } from './ConfigureStrategyForm';

export function StrategiesPanel({ strategies, accounts, onChanged }: { strategies: readonly StrategyConfigView[]; accounts: readonly AccountView[]; onChanged: () => void }) {
  const { calls } = useTransport();
  const label = (id: string) => accounts.find((a) => a.id === id)?.label ?? id;
  const toggle = async (s: StrategyConfigView, enabled: boolean) => {
    await calls.app.setStrategyEnabled({ id: `strategy:${s.id}`, enabled });
    onChanged();
  };
  return (
    <section className="panel" aria-labelledby="live-strategies-title" data-testid="strategies-panel">
      <h2 id="live-strategies-title">Trading strategies</h2>
      {strategies.length === 0 ? (
        <p className="empty">No strategy trades yet. Configure one below; it then appears as a checkbox here, in the header and in the tray.</p>
      ) : (
        <ul className="live-strategies">
          {strategies.map((s) => (
            <li key={s.id}>
              <label className="check">
                <input type="checkbox" checked={s.enabled} onChange={(e) => void toggle(s, e.target.checked)} aria-label={`Run ${s.id}`} />
                <strong>{s.id}</strong>
              </label>
              <span className="muted small">{`${s.strategy} · ${s.symbol} ${s.interval} · ${label(s.accountId)} · ${s.quotePerTrade ? `${s.quotePerTrade} per trade` : s.riskProfile ? 'risk profile' : 'all-in'}${s.confirmEntries ? ` · entries confirmed (${s.confirmSeconds} s)` : ''}`}</span>
              <span className="small" data-testid={`strategy-stats-${s.id}`}>{`${s.running ? '● running' : '○ stopped'} · ${s.candles} candles · ${s.orders} orders`}</span>
              {s.warning && (
                <span className="small warning" role="note" data-testid={`strategy-warning-${s.id}`}>
                  ⚠ {s.warning}
                </span>
              )}
              {s.stoppedReason && (
                <span className="small error" role="alert">
                  Stopped: {s.stoppedReason}
                </span>
              )}
              {s.lastEvent && <span className="muted small">{s.lastEvent}</span>}
            </li>
          ))}
        </ul>
      )}
      {accounts.length > 0 && (
        <details className="form-fold" open={strategies.length === 0}>
          <summary>Configure a strategy</summary>
          <ConfigureStrategyForm accounts={accounts} onSaved={onChanged} />
        </details>
      )}
    </section>
  );
}

// Runs in: renderer. Entries waiting for your yes: each with its countdown and Approve / Reject (no answer = no trade).
import { useEffect, useState } from 'react';
import type { ConfirmationView } from '../../../../src-shared/contract';
import { useTransport } from '../../api/client-context';
import { useNow } from '../../lib/use-now';
import { fmtNum } from './num';

export function ConfirmationsPanel() {
  const transport = useTransport();
  const [pending, setPending] = useState<ConfirmationView[]>([]);
  const [error, setError] = useState<string | null>(null);
  const now = useNow(500);

  useEffect(() => {
    let live = true;
    void transport.calls.confirmations.pending(undefined).then((r) => live && r.ok && setPending(r.data));
    // Each event carries the whole pending list: no refetch.
    const off = transport.on('confirmations.changed', (e) => setPending(e.pending));
    return () => {
      live = false;
      off();
    };
  }, [transport]);

  const answer = async (c: ConfirmationView, approve: boolean) => {
    const r = await transport.calls.confirmations.answer({ id: c.id, approve });
    setError(r.ok ? null : r.error.message);
  };

  return (
    <section className="panel" aria-labelledby="confirmations-title" data-testid="confirmations-panel">
      <h2 id="confirmations-title">Entries to confirm</h2>
      {pending.length === 0 ? (
        <p className="empty">Nothing waiting. A strategy with “Confirm each entry” on asks here (and on Telegram with remote control) before it buys; no answer by the deadline means no trade.</p>
      ) : (
        <ul className="live-strategies">
          {pending.map((c) => {
            const left = Math.max(0, Math.ceil((c.deadline - now) / 1000));
            return (
              <li key={c.id} data-testid={`confirmation-${c.id}`}>
                <strong>{`${c.side} ${fmtNum(c.quantity)} ${c.symbol}`}</strong>
                <span className="muted small">{`at about ${fmtNum(c.priceEstimate)} · ${c.strategy} on ${c.accountId}`}</span>
                <span className="small" aria-live="polite">{left > 0 ? `${left} s left` : 'expiring…'}</span>
                <span>
                  <button type="button" className="primary" onClick={() => void answer(c, true)} disabled={left === 0}>
                    Approve
                  </button>{' '}
                  <button type="button" onClick={() => void answer(c, false)} disabled={left === 0}>
                    Reject
                  </button>
                </span>
              </li>
            );
          })}
        </ul>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}

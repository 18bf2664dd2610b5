// Runs in: renderer. Trades waiting for your yes (a strategy's entries, or the autopilot's bets): each with its countdown
// and Approve / Reject (no answer = no trade).
import { useEffect, useState } from 'react';
import type { ConfirmationView } from '../../../src-shared/contract';
import { useTransport } from '../api/client-context';
import { useNow } from '../lib/use-now';
import { fmtNum } from './markets/num';

type Kind = ConfirmationView['kind'];

const TEXT: Record<Kind, { readonly title: string; readonly empty: string }> = {
  entry: {
    title: 'Entries to confirm',
    empty: 'Nothing waiting. A strategy with “Confirm each entry” on asks here (and on Telegram with remote control) before it buys; no answer by the deadline means no trade.',
  },
  'crash-bet': {
    title: 'Bets to confirm',
    empty: 'Nothing waiting. With “Confirm each bet” on, every signalled bet asks here (and on Telegram with remote control) before the next round; no answer by the deadline means no bet.',
  },
};

function what(c: ConfirmationView): { readonly head: string; readonly detail: string } {
  if (c.kind === 'crash-bet') return { head: `Bet ${fmtNum(c.stake)}, cash out at ${fmtNum(c.target)}×`, detail: `next round of ${c.profile} · signal ${c.roundId}` };
  return { head: `${c.side} ${fmtNum(c.quantity)} ${c.symbol}`, detail: `at about ${fmtNum(c.priceEstimate)} · ${c.strategy} on ${c.accountId}` };
}

/** `hideWhenEmpty`: nothing at all while no confirmation waits (the autopilot's bets, asked only when the setting is on). */
export function ConfirmationsPanel({ kind, hideWhenEmpty = false }: { readonly kind: Kind; readonly hideWhenEmpty?: boolean }) {
  const transport = useTransport();
  const [all, setPending] = useState<ConfirmationView[]>([]);
  const pending = all.filter((c) => c.kind === kind);
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

  if (hideWhenEmpty && pending.length === 0) return null;
  return (
    <section className={`panel confirm-${kind === 'entry' ? 'entries' : 'bets'}`} aria-labelledby={`confirmations-${kind}-title`} data-testid={kind === 'entry' ? 'confirmations-panel' : `confirmations-panel-${kind}`}>
      <h2 id={`confirmations-${kind}-title`}>{TEXT[kind].title}</h2>
      {pending.length === 0 ? (
        <p className="empty">{TEXT[kind].empty}</p>
      ) : (
        <ul className="live-strategies">
          {pending.map((c) => {
            const left = Math.max(0, Math.ceil((c.deadline - now) / 1000));
            const { head, detail } = what(c);
            return (
              <li key={c.id} data-testid={`confirmation-${c.id}`}>
                <strong>{head}</strong>
                <span className="muted small">{detail}</span>
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

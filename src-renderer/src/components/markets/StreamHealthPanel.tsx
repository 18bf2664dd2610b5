// Runs in: renderer. Per-stream connection health: latency, age of the last message, reconnects (a silent stall shows as a growing age).
import type { AccountView, StreamHealthRow } from '../../../../src-shared/contract';
import { fmtAge } from './num';

/** Past this a market stream is late; the engine's watchdog reconnects at 10 s. */
const STALE_MS = 3_000;

export function StreamHealthPanel({ health, accounts }: { health: readonly StreamHealthRow[]; accounts: readonly AccountView[] }) {
  const label = (id: string) => accounts.find((a) => a.id === id)?.label ?? id;
  return (
    <section className="panel" aria-labelledby="health-title">
      <h2 id="health-title">Stream health</h2>
      {health.length === 0 ? (
        <p className="empty">No market stream is open. Streams open when a strategy runs on an account.</p>
      ) : (
        <div className="table-scroll">
          <table className="data" data-testid="health-table">
            <thead>
              <tr>
                <th scope="col">Account</th>
                <th scope="col">Stream</th>
                <th scope="col">State</th>
                <th scope="col" className="num">Latency</th>
                <th scope="col" className="num">Last message</th>
                <th scope="col" className="num">Reconnects</th>
              </tr>
            </thead>
            <tbody>
              {health.map((h) => {
                const stale = !h.connected || (h.lastMessageAgeMs ?? Infinity) > STALE_MS;
                return (
                  <tr key={`${h.accountId}/${h.stream}`}>
                    <td>{label(h.accountId)}</td>
                    <td title={h.error ?? undefined}>{h.error ? `${h.stream}: ${h.error}` : h.stream}</td>
                    <td className={stale ? 'down' : 'up'}>{h.connected ? (stale ? '◐ stale' : '● live') : '○ reconnecting'}</td>
                    <td className="num">{fmtAge(h.latencyMs)}</td>
                    <td className="num" data-testid="health-age">{fmtAge(h.lastMessageAgeMs)}</td>
                    <td className="num">{h.reconnects}</td>
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

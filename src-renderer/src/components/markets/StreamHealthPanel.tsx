// Runs in: renderer. Per-stream connection health: latency, age of the last message, reconnects (a silent stall shows as a growing age).
import type { AccountView, StreamHealthRow } from '../../../../src-shared/contract';
import { TablePanel, type Column } from '../TablePanel';
import { fmtAge } from './num';

/** Past this a market stream is late; the engine's watchdog reconnects at 10 s. */
const STALE_MS = 3_000;

const COLUMNS: readonly Column[] = [
  { label: 'Account' },
  { label: 'Stream' },
  { label: 'State' },
  { label: 'Latency', className: 'num' },
  { label: 'Last message', className: 'num' },
  { label: 'Reconnects', className: 'num' },
];

export function StreamHealthPanel({ health, accounts }: { health: readonly StreamHealthRow[]; accounts: readonly AccountView[] }) {
  const label = (id: string) => accounts.find((a) => a.id === id)?.label ?? id;
  return (
    <TablePanel
      titleId="health-title"
      title="Stream health"
      empty={health.length === 0 ? 'No market stream is open. Streams open when a strategy runs on an account.' : null}
      columns={COLUMNS}
      testId="health-table"
    >
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
    </TablePanel>
  );
}

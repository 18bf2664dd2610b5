// Runs in: renderer. What the autopilot did with each round, sortable by any column.
import { memo, useMemo, useState } from 'react';
import type { Execution } from '../../../../src-shared/contract';
import { formatClock, formatMultiplier, signedMoney } from '../../lib/format';
import { sortExecutions, type ExecutionSort, type ExecutionSortKey } from '../../lib/sort-executions';
import { useAutopilotStore } from '../../store/autopilot-store';
import { StatusChip } from './StatusChip';

const VISIBLE_ROWS = 50;

const COLUMNS: Array<{ key: ExecutionSortKey; label: string; numeric?: boolean; col: string }> = [
  { key: 'startedAt', label: 'Time', col: 'col-time' },
  { key: 'roundId', label: 'Round', col: 'col-round' },
  { key: 'status', label: 'Status', col: 'col-status' },
  { key: 'stake', label: 'Stake', numeric: true, col: 'col-num' },
  { key: 'target', label: 'Target', numeric: true, col: 'col-num' },
  { key: 'cashoutAt', label: 'Cash-out', numeric: true, col: 'col-num' },
  { key: 'pnl', label: 'P&L', numeric: true, col: 'col-pnl' },
];

function Pnl({ value }: { value: number | null }) {
  if (value === null) return <>—</>;
  const m = signedMoney(value);
  return (
    <span className={m.tone}>
      <span aria-hidden="true">{m.icon}</span> {m.text}
    </span>
  );
}

/** Memoized on the execution object: the store replaces only the ones that changed. */
const Row = memo(function Row({ e }: { e: Execution }) {
  return (
    <tr data-round={e.roundId} data-status={e.status}>
      <td>{formatClock(e.startedAt)}</td>
      <td>{e.roundId}</td>
      <td>
        <StatusChip status={e.status} />
        {e.mode === 'live' && <span className="chip live-tag">LIVE</span>}
      </td>
      <td className="num">{e.bet ? e.stake.toFixed(2) : '—'}</td>
      <td className="num">{formatMultiplier(e.target)}</td>
      <td className="num">{formatMultiplier(e.cashoutAt)}</td>
      <td className="num">
        <Pnl value={e.pnl} />
      </td>
      <td className="reason" title={e.reason ?? undefined}>
        {e.reason ?? ''}
      </td>
    </tr>
  );
});

export function ExecutionsTable() {
  const executions = useAutopilotStore((s) => s.executions);
  const [sort, setSort] = useState<ExecutionSort>({ key: 'startedAt', direction: 'desc' });
  const rows = useMemo(() => sortExecutions(executions, sort).slice(0, VISIBLE_ROWS), [executions, sort]);
  const toggle = (key: ExecutionSortKey) =>
    setSort((s) => (s.key === key ? { key, direction: s.direction === 'asc' ? 'desc' : 'asc' } : { key, direction: key === 'startedAt' || key === 'pnl' ? 'desc' : 'asc' }));

  return (
    <section className="panel executions" aria-labelledby="executions-h">
      <h2 id="executions-h">Executions</h2>
      <div className="table-scroll" role="region" tabIndex={0} aria-label="Executions rows">
        <table className="data executions-table" data-testid="executions">
          <thead>
            <tr>
              {COLUMNS.map((c) => (
                <th key={c.key} scope="col" className={c.numeric ? `${c.col} num` : c.col} aria-sort={sort.key === c.key ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}>
                  <button type="button" className="sort" onClick={() => toggle(c.key)}>
                    {c.label}
                    <span aria-hidden="true">{sort.key === c.key ? (sort.direction === 'asc' ? ' ▴' : ' ▾') : ''}</span>
                  </button>
                </th>
              ))}
              <th scope="col" className="col-reason">Reason</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((e) => (
              <Row key={e.id} e={e} />
            ))}
          </tbody>
        </table>
        {rows.length === 0 && <p className="empty">No executions yet.</p>}
      </div>
    </section>
  );
}

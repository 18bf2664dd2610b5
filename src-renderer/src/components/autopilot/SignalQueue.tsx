// Runs in: renderer. Every signal the intake recorded, with its stage and the reason it stopped.
import { memo, useMemo, useState } from 'react';
import type { SignalRow } from '../../../../src-shared/contract';
import { formatClock, formatMultiplier } from '../../lib/format';
import { executionsByRound, queueRows, SIGNAL_FILTERS, type SignalFilter, type SignalStage } from '../../lib/signal-stage';
import { useAutopilotStore } from '../../store/autopilot-store';
import { TablePanel, type Column } from '../TablePanel';
import { StageChip } from './StageChip';
import { STATUS_LABELS } from './status-labels';

/** Rows drawn at once; the store keeps more so filters still find older ones. */
const VISIBLE_ROWS = 50;

const COLUMNS: readonly Column[] = [
  { label: 'Time', className: 'col-time' },
  { label: 'Round', className: 'col-round' },
  { label: 'Target', className: 'col-num num' },
  { label: 'Bet', className: 'col-bet' },
  { label: 'Stage', className: 'col-stage' },
  { label: 'Reason', className: 'col-reason' },
];

/** Memoized: at 50 events/s only the rows that changed re-render. */
const QueueRowView = memo(function QueueRowView({ signal, stage, reason, detail }: { signal: SignalRow; stage: SignalStage; reason: string | null; detail?: string }) {
  return (
    <tr data-round={signal.roundId ?? ''}>
      <td>{formatClock(signal.receivedAt)}</td>
      <td>{signal.roundId ?? '—'}</td>
      <td className="num">{formatMultiplier(signal.target)}</td>
      <td>{signal.bet === null ? '—' : signal.bet ? 'bet' : 'watch'}</td>
      <td>
        <StageChip stage={stage} detail={detail} />
      </td>
      <td className="reason" title={reason ?? undefined}>
        {reason ?? ''}
      </td>
    </tr>
  );
});

export function SignalQueue() {
  const signals = useAutopilotStore((s) => s.signals);
  const executions = useAutopilotStore((s) => s.executions);
  const [filter, setFilter] = useState<SignalFilter>('all');
  const byRound = useMemo(() => executionsByRound(executions), [executions]);
  const rows = useMemo(() => queueRows(signals, byRound, filter), [signals, byRound, filter]);

  return (
    <TablePanel
      titleId="queue-h"
      title="Signal queue"
      className="queue"
      aside={
        <div className="segmented" role="group" aria-label="Filter signals">
          {SIGNAL_FILTERS.map((f) => (
            <button key={f} type="button" aria-pressed={filter === f} onClick={() => setFilter(f)}>
              {f[0]!.toUpperCase() + f.slice(1)}
            </button>
          ))}
        </div>
      }
      empty={rows.length === 0 ? (signals.length === 0 ? 'No signals yet. Set a signal source in Settings and start the autopilot.' : 'No signals match this filter.') : null}
      emptyUnderHeader
      columns={COLUMNS}
      testId="signal-queue"
      tableClassName="queue-table"
      scrollLabel="Signal queue rows"
      footer={
        <p className="muted small">
          {rows.length} of {signals.length} signals{rows.length > VISIBLE_ROWS ? `, newest ${VISIBLE_ROWS} shown` : ''}
        </p>
      }
    >
      {rows.slice(0, VISIBLE_ROWS).map(({ signal, stage, reason, execution }) => (
        <QueueRowView key={signal.id} signal={signal} stage={stage} reason={reason} detail={stage === 'done' && execution ? STATUS_LABELS[execution.status] : undefined} />
      ))}
    </TablePanel>
  );
}

// Runs in: renderer. Stored runs, newest first: open one, tick two or more to compare, delete.
import { useTransport } from '../../api/client-context';
import { refreshRuns, toggleCompare, useBacktestStore } from '../../store/backtest-store';
import { MetricCellView } from './MetricCellView';
import { METRIC_ROWS } from './metric-rows';
import { paramsText } from './RunTitle';
import { TablePanel, type Column } from '../TablePanel';

const NET = METRIC_ROWS.find((r) => r.key === 'netPnl')!;

const COLUMNS: readonly Column[] = [
  { label: 'Compare' },
  { label: 'Run' },
  { label: 'Data' },
  { label: 'Params' },
  { label: 'Net P&L', className: 'num' },
  { label: 'Trades', className: 'num' },
  { label: 'Actions', hidden: true },
];

export function RunHistory() {
  const transport = useTransport();
  const runs = useBacktestStore((s) => s.runs);
  const selected = useBacktestStore((s) => s.selectedRunId);
  const compare = useBacktestStore((s) => s.compareIds);

  const remove = async (id: number) => {
    const r = await transport.calls.backtest.deleteRun({ id });
    if (r.ok) await refreshRuns(transport);
  };

  return (
    <TablePanel
      titleId="run-history-title"
      title="Run history"
      className="run-history"
      aside={<span className="muted small">{compare.length >= 2 ? `Comparing ${compare.length} runs below` : 'Tick two or more runs to compare them side by side'}</span>}
      empty={runs.length === 0 ? 'No runs yet. Run a backtest and it is stored here.' : null}
      columns={COLUMNS}
      testId="run-history"
    >
      {runs.map((run) => (
        <tr key={run.id} data-run={run.id} className={run.id === selected ? 'selected' : undefined}>
          <td>
            <input type="checkbox" checked={compare.includes(run.id)} onChange={() => toggleCompare(run.id)} aria-label={`Compare run ${run.id}`} />
          </td>
          <td>
            <button className="link" aria-pressed={run.id === selected} onClick={() => useBacktestStore.setState({ selectedRunId: run.id })}>{`#${run.id} ${run.strategy}`}</button>
          </td>
          <td className="muted">{run.sourceLabel}</td>
          <td className="muted params">{paramsText(run.params)}</td>
          <td className="num">
            <MetricCellView cell={NET.cell(run.metrics)} />
          </td>
          <td className="num">{run.metrics.trades}</td>
          <td>
            <button className="link" onClick={() => void remove(run.id)} aria-label={`Delete run ${run.id}`}>
              Delete
            </button>
          </td>
        </tr>
      ))}
    </TablePanel>
  );
}

// Runs in: renderer. The running (or last) job: a real progress bar, its state in words, and Cancel while it runs.
import type { BacktestProgress } from '../../../../src-shared/contract';

export function RunProgress({ job, onCancel }: { job: BacktestProgress; onCancel(): void }) {
  const pct = job.total > 0 ? Math.round((job.done / job.total) * 100) : 0;
  const words = { running: `Running… ${pct}%`, done: 'Done', failed: `Failed: ${job.error ?? 'unknown error'}`, cancelled: 'Cancelled' }[job.state];
  return (
    <div className={`run-progress ${job.state}`} data-testid="run-progress" data-state={job.state}>
      <progress max={job.total} value={job.done} aria-label="Backtest progress" aria-valuetext={`${job.done} of ${job.total} candles`} />
      <div className="run-progress-text" role="status">
        <span>{words}</span>
        <span className="muted small">{`${job.done.toLocaleString('en-US')} / ${job.total.toLocaleString('en-US')} candles`}</span>
        {job.state === 'running' && (
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </div>
  );
}

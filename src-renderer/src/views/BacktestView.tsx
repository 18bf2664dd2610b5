// Runs in: renderer. Backtests: the run form, exchange downloads, the selected run in full, run history and side-by-side comparison.
import { useState } from 'react';
import { DownloadForm } from '../components/backtest/DownloadForm';
import { RunCompare } from '../components/backtest/RunCompare';
import { RunForm } from '../components/backtest/RunForm';
import { RunHistory } from '../components/backtest/RunHistory';
import { RunResult } from '../components/backtest/RunResult';
import { useRunDetails } from '../components/backtest/use-run-detail';
import { useBacktestStore } from '../store/backtest-store';
import { OptimizeView } from './OptimizeView';
import './trading.css';

/** Backtest has two pages: single runs, and Optimize (parameter search). */
export function BacktestView() {
  const [page, setPage] = useState<'runs' | 'optimize'>('runs');
  return (
    <>
      <div className="segmented subnav" role="group" aria-label="Backtest pages">
        <button type="button" aria-pressed={page === 'runs'} onClick={() => setPage('runs')}>
          Runs
        </button>
        <button type="button" aria-pressed={page === 'optimize'} onClick={() => setPage('optimize')}>
          Optimize
        </button>
      </div>
      {page === 'runs' ? <BacktestRuns /> : <OptimizeView />}
    </>
  );
}

function BacktestRuns() {
  const selectedId = useBacktestStore((s) => s.selectedRunId);
  const compareIds = useBacktestStore((s) => s.compareIds);
  const loadError = useBacktestStore((s) => s.loadError);
  const selected = useRunDetails(selectedId === null ? [] : [selectedId]);
  const compared = useRunDetails(compareIds);
  const run = selected.details[0];

  return (
    <div className="backtest">
      <div className="backtest-side">
        <RunForm />
        <DownloadForm />
      </div>
      <div className="backtest-main">
        {loadError && (
          <p className="field-error" role="alert">
            {loadError}
          </p>
        )}
        {run ? (
          <RunResult key={run.id} run={run} />
        ) : (
          <section className="panel">
            <h2>Results</h2>
            <p className="empty">{selected.error ?? (selectedId === null ? 'Choose a strategy and data, then run: metrics, the equity curve, the chart with trades and the trade list appear here.' : 'Loading the run…')}</p>
          </section>
        )}
      </div>
      <div className="backtest-wide">
        <RunHistory />
        {compareIds.length >= 2 && compared.details.length === compareIds.length && <RunCompare runs={compared.details} />}
      </div>
    </div>
  );
}

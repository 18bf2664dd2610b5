// Runs in: renderer. Backtest → Optimize: search, live progress, the walk-forward report first, the trials, a heat map, and "use these parameters".
import { useEffect, useMemo, useState } from 'react';
import { useTransport } from '../api/client-context';
import { HeatMap } from '../components/optimize/HeatMap';
import { OptimizeForm } from '../components/optimize/OptimizeForm';
import { ResultsTable } from '../components/optimize/ResultsTable';
import { WalkForwardPanel } from '../components/optimize/WalkForwardPanel';
import { loadOptimizeRun, useOptimizeStore, applyTrialParams } from '../store/optimize-store';
import { useBacktestStore } from '../store/backtest-store';
import './optimize.css';

export function OptimizeView() {
  const transport = useTransport();
  const progress = useOptimizeStore((s) => s.progress);
  const detail = useOptimizeStore((s) => s.detail);
  const runs = useOptimizeStore((s) => s.runs);
  const error = useOptimizeStore((s) => s.error);
  const series = useBacktestStore((s) => s.series);
  const [chosen, setChosen] = useState<number | null>(null);
  const [used, setUsed] = useState<string | null>(null);
  const params = useMemo(() => (detail ? Object.keys(detail.space) : []), [detail]);
  const selected = detail?.trials.find((t) => t.index === (chosen ?? detail.summary?.best?.index)) ?? null;

  useEffect(() => {
    setChosen(null);
    setUsed(null);
  }, [detail?.id]);

  const use = async () => {
    if (!detail || !selected) return;
    // The market of the data when it is an exchange series; a CSV says nothing about it.
    const s = series.find((x) => detail.sourceLabel.startsWith(`${x.exchange} · ${x.symbol} · ${x.interval}`));
    setUsed(await applyTrialParams(transport, detail.strategy, selected, { symbol: s && s.exchange !== 'csv' ? s.symbol : 'BTCUSDT', interval: s?.interval ?? '1h' }));
  };

  return (
    <div className="backtest optimize">
      <div className="backtest-side">
        <OptimizeForm progress={progress} />
      </div>
      <div className="backtest-main">
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        {detail?.summary ? (
          <>
            <WalkForwardPanel summary={detail.summary} objective={detail.objective} />
            <section className="panel use-params">
              <p>
                {selected ? `Trial ${selected.index}: ${JSON.stringify(selected.values)}` : 'Choose a trial below.'}
                {selected?.index === detail.summary.best?.index && ' (the in-sample optimum)'}
              </p>
              <button type="button" className="primary" disabled={!selected?.metrics} onClick={() => void use()}>
                Use these parameters
              </button>
              {used && (
                <p className="muted" role="status" data-testid="use-params-result">
                  {used}
                </p>
              )}
            </section>
            <ResultsTable trials={detail.trials} params={params} selected={selected?.index ?? null} onSelect={setChosen} />
            <HeatMap key={detail.id} trials={detail.trials} params={params} objective={detail.objective} />
          </>
        ) : (
          <section className="panel">
            <h2>Results</h2>
            <p className="empty">{detail ? `Run ${detail.id} is ${detail.state}.` : 'Choose a strategy, a search space and data, then run: progress, the walk-forward report, every trial and a heat map appear here.'}</p>
          </section>
        )}
      </div>
      <div className="backtest-wide">
        <section className="panel" aria-labelledby="opt-history-title">
          <h2 id="opt-history-title">Optimization runs</h2>
          {runs.length === 0 ? (
            <p className="empty">No optimization runs yet.</p>
          ) : (
            <div className="table-scroll">
              <table className="data" data-testid="optimize-runs">
                <thead>
                  <tr>
                    <th scope="col">Run</th>
                    <th scope="col">Data</th>
                    <th scope="col">Objective</th>
                    <th scope="col">State</th>
                    <th scope="col" className="num">Trials</th>
                  </tr>
                </thead>
                <tbody>
                  {runs.map((r) => (
                    <tr key={r.id} className={r.id === detail?.id ? 'selected' : undefined}>
                      <td>
                        <button type="button" className="link" onClick={() => void loadOptimizeRun(transport, r.id)}>{`#${r.id} ${r.strategy}`}</button>
                      </td>
                      <td className="muted">{r.sourceLabel}</td>
                      <td>{`${r.objective} · ${r.sampler}`}</td>
                      <td>{r.state}</td>
                      <td className="num">{r.summary?.trials ?? '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      </div>
    </div>
  );
}

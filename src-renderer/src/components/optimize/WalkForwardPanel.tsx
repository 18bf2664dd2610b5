// Runs in: renderer. The default result: out-of-sample performance stitched from the test windows, beside the in-sample optimum.
import { useMemo } from 'react';
import type { OptimizeSummary, WalkForwardReport } from '../../../../src-shared/contract';
import { EquityCurves } from '../charts/EquityCurves';

const pct = (x: number) => `${x >= 0 ? '+' : '−'}${Math.abs(x * 100).toFixed(2)}%`;
/** Chart time is seconds; candle times may be ms. */
const chartTime = (t: number) => (t >= 1e11 ? Math.floor(t / 1000) : t);

export function WalkForwardPanel({ summary, objective }: { summary: OptimizeSummary; objective: string }) {
  const wf = summary.walkForward;
  const best = summary.best;
  return (
    <section className="panel walk-forward" aria-labelledby="wf-title" data-testid="walk-forward">
      <div className="panel-head">
        <h2 id="wf-title">{wf ? 'Out of sample (walk-forward)' : 'In-sample optimum'}</h2>
        <span className="muted small">{wf ? `${wf.folds.length} folds: optimize on one window, test on the next` : 'No walk-forward folds: this is fitted on all the data'}</span>
      </div>
      {wf?.warning && (
        <p className="field-error" role="alert" data-testid="wf-warning">
          {wf.warning}
        </p>
      )}
      <div className="wf-side-by-side">
        {wf && (
          <dl className="metrics" data-testid="oos-metrics">
            <div>
              <dt>Out-of-sample net</dt>
              <dd>{pct(wf.outOfSample.netPnlPct)}</dd>
            </div>
            <div>
              <dt>Out-of-sample max DD</dt>
              <dd>{`${(wf.outOfSample.maxDrawdown * 100).toFixed(2)}%`}</dd>
            </div>
            <div>
              <dt>Trades</dt>
              <dd>{wf.outOfSample.trades}</dd>
            </div>
            <div>
              <dt>Efficiency (OOS / IS)</dt>
              <dd>{wf.efficiency === null ? 'n/a' : wf.efficiency.toFixed(2)}</dd>
            </div>
          </dl>
        )}
        {best?.metrics && (
          <dl className="metrics in-sample" data-testid="is-metrics">
            <div>
              <dt>In-sample optimum</dt>
              <dd>{JSON.stringify(best.values)}</dd>
            </div>
            <div>
              <dt>{`In-sample ${objective}`}</dt>
              <dd>{best.score?.toFixed(3)}</dd>
            </div>
            <div>
              <dt>In-sample net</dt>
              <dd>{pct(best.metrics.netPnlPct)}</dd>
            </div>
            <div>
              <dt>Trades</dt>
              <dd>{best.metrics.trades}</dd>
            </div>
          </dl>
        )}
      </div>
      {wf && <FoldTable wf={wf} />}
      {wf && wf.equity.length > 1 && <OosCurve wf={wf} />}
    </section>
  );
}

function OosCurve({ wf }: { wf: WalkForwardReport }) {
  const curves = useMemo(() => {
    const start = wf.equity[0]!.equity;
    const points: { time: number; value: number }[] = [];
    for (const p of wf.equity) {
      const time = chartTime(p.time);
      if (points.length === 0 || time > points.at(-1)!.time) points.push({ time, value: (p.equity / start - 1) * 100 });
    }
    return [{ id: 'oos', label: 'Out of sample', points }];
  }, [wf]);
  return <EquityCurves curves={curves} unit="percent" label="Out-of-sample equity stitched from the test windows" testId="oos-chart" />;
}

function FoldTable({ wf }: { wf: WalkForwardReport }) {
  return (
    <div className="table-scroll">
      <table className="data" data-testid="wf-folds">
        <thead>
          <tr>
            <th scope="col">Fold</th>
            <th scope="col">Train bars</th>
            <th scope="col">Test bars</th>
            <th scope="col">Params</th>
            <th scope="col" className="num">In-sample</th>
            <th scope="col" className="num">Out-of-sample</th>
            <th scope="col" className="num">OOS net</th>
          </tr>
        </thead>
        <tbody>
          {wf.folds.map((f) => (
            <tr key={f.fold}>
              <td>{f.fold}</td>
              <td className="muted">{`${f.train.from}–${f.train.to}`}</td>
              <td className="muted">{`${f.test.from}–${f.test.to}`}</td>
              <td className="muted params">{JSON.stringify(f.values)}</td>
              <td className="num">{f.inSample.score.toFixed(3)}</td>
              <td className="num">{f.outOfSample.score.toFixed(3)}</td>
              <td className="num">{pct(f.outOfSample.metrics.netPnlPct)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

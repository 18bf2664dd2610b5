// Runs in: renderer. Two or more runs side by side: every metric per run (best marked in words) and their equity as % return on one chart.
import { useMemo } from 'react';
import type { BacktestRunDetail } from '../../../../src-shared/contract';
import { returnCurve } from '../charts/chart-data';
import { EquityCurves } from '../charts/EquityCurves';
import { MetricCellView } from './MetricCellView';
import { METRIC_ROWS, type MetricRow } from './metric-rows';
import { RunTitle } from './RunTitle';

function bestIndex(row: MetricRow, runs: readonly BacktestRunDetail[]): number {
  if (row.better === 'none') return -1;
  const values = runs.map((r) => row.value(r.metrics));
  const target = row.better === 'higher' ? Math.max(...values) : Math.min(...values);
  // A tie is no "best".
  return values.filter((v) => v === target).length === 1 ? values.indexOf(target) : -1;
}

export function RunCompare({ runs }: { runs: readonly BacktestRunDetail[] }) {
  const curves = useMemo(() => runs.map((r) => ({ id: String(r.id), label: `#${r.id} ${r.strategy}`, points: returnCurve(r.equity, r.metrics.initialEquity) })), [runs]);
  return (
    <section className="panel run-compare" aria-labelledby="compare-title" data-testid="run-compare">
      <h2 id="compare-title">{`Comparison of ${runs.length} runs`}</h2>
      <div className="table-scroll">
        <table className="data compare">
          <thead>
            <tr>
              <th scope="col">Metric</th>
              {runs.map((r) => (
                <th key={r.id} scope="col" className="num">
                  <RunTitle run={r} />
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {METRIC_ROWS.map((row) => {
              const best = bestIndex(row, runs);
              return (
                <tr key={row.key} data-metric={row.key}>
                  <th scope="row">{row.label}</th>
                  {runs.map((r, i) => (
                    <td key={r.id} className={i === best ? 'num best' : 'num'}>
                      <MetricCellView cell={row.cell(r.metrics)} />
                      {i === best && <span className="best-tag"> ★ best</span>}
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <h3>Equity, % return from the start</h3>
      <EquityCurves curves={curves} unit="percent" label={`Equity curves of runs ${runs.map((r) => r.id).join(', ')} as % return`} testId="compare-chart" />
    </section>
  );
}

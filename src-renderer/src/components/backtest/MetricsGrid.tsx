// Runs in: renderer. The headline metrics of one run.
import type { BacktestMetrics } from '../../../../src-shared/contract';
import { MetricCellView } from './MetricCellView';
import { METRIC_ROWS } from './metric-rows';

export function MetricsGrid({ metrics }: { metrics: BacktestMetrics }) {
  return (
    <dl className="metrics" data-testid="metrics">
      {METRIC_ROWS.map((row) => (
        <div key={row.key} className="metric" data-metric={row.key}>
          <dt>{row.label}</dt>
          <dd>
            <MetricCellView cell={row.cell(metrics)} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

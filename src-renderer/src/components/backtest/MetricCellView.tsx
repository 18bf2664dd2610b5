// Runs in: renderer. One metric value: sign icon (hidden from screen readers, the text carries the sign) plus the text.
import type { MetricCell } from './metric-rows';

export function MetricCellView({ cell }: { cell: MetricCell }) {
  return (
    <span className={cell.tone}>
      {cell.icon && <span aria-hidden="true">{cell.icon} </span>}
      {cell.text}
    </span>
  );
}

// Runs in: renderer. One execution status as a chip: an icon and words, so colour is never the only cue.
import type { ExecutionStatus } from '../../../../src-shared/contract';
import { STATUS_CHIPS as CHIPS } from './status-labels';

export function StatusChip({ status }: { status: ExecutionStatus }) {
  const chip = CHIPS[status];
  return (
    <span className={`chip ${chip.tone}`} data-status={status} title={status}>
      <span aria-hidden="true">{chip.icon}</span> {chip.label}
    </span>
  );
}

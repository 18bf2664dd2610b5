// Runs in: renderer. Sorting for the executions table; nulls always sort last whichever the direction.
import type { Execution } from '../../../src-shared/contract';

export type ExecutionSortKey = 'startedAt' | 'roundId' | 'status' | 'stake' | 'target' | 'cashoutAt' | 'pnl';
export interface ExecutionSort {
  key: ExecutionSortKey;
  direction: 'asc' | 'desc';
}

export function sortExecutions(rows: readonly Execution[], { key, direction }: ExecutionSort): Execution[] {
  const sign = direction === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = a[key];
    const y = b[key];
    if (x === y) return b.id - a.id;
    if (x === null) return 1;
    if (y === null) return -1;
    const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), undefined, { numeric: true });
    return order * sign;
  });
}

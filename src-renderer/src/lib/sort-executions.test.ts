import { describe, expect, it } from 'vitest';
import type { Execution } from '../../../src-shared/contract';
import { sortExecutions } from './sort-executions';

const row = (id: number, roundId: string, pnl: number | null): Execution => ({
  id,
  roundId,
  status: 'CRASHED',
  mode: 'dry-run',
  bet: true,
  stake: 1,
  target: 2,
  cashoutAt: null,
  maxSeen: null,
  pnl,
  reason: null,
  startedAt: id,
  endedAt: null,
});

describe('sortExecutions', () => {
  const rows = [row(1, '9', 1), row(2, '10', null), row(3, '100', -2)];
  it('sorts numbers both ways with nulls last', () => {
    expect(sortExecutions(rows, { key: 'pnl', direction: 'asc' }).map((r) => r.id)).toEqual([3, 1, 2]);
    expect(sortExecutions(rows, { key: 'pnl', direction: 'desc' }).map((r) => r.id)).toEqual([1, 3, 2]);
  });
  it('sorts round ids numerically', () => {
    expect(sortExecutions(rows, { key: 'roundId', direction: 'asc' }).map((r) => r.roundId)).toEqual(['9', '10', '100']);
  });
  it('does not mutate its input', () => {
    sortExecutions(rows, { key: 'startedAt', direction: 'desc' });
    expect(rows.map((r) => r.id)).toEqual([1, 2, 3]);
  });
});

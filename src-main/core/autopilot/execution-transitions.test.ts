import { describe, expect, it } from 'vitest';
import { ExecutionStatus } from '../../../src-shared/contract/services/autopilot';
import { IN_FLIGHT_STATUSES, canTransition, isFinal } from './execution-transitions';

describe('execution transitions', () => {
  it('follows PENDING → WAITING_FOR_ROUND → PLACED_BET → MONITORING → CASHOUT_EXECUTED', () => {
    const path = ['PENDING', 'WAITING_FOR_ROUND', 'PLACED_BET', 'MONITORING', 'CASHOUT_EXECUTED'] as const;
    for (let i = 1; i < path.length; i++) expect(canTransition(path[i - 1]!, path[i]!)).toBe(true);
  });
  it('never leaves a final state and never skips the bet', () => {
    for (const s of ExecutionStatus.options) if (isFinal(s)) for (const t of ExecutionStatus.options) expect(canTransition(s, t)).toBe(false);
    expect(canTransition('WAITING_FOR_ROUND', 'MONITORING')).toBe(false);
    expect(canTransition('PENDING', 'CASHOUT_EXECUTED')).toBe(false);
  });
  it('treats every non-final state as in flight for restart recovery', () => {
    expect([...IN_FLIGHT_STATUSES].sort()).toEqual(['MONITORING', 'PENDING', 'PLACED_BET', 'WAITING_FOR_ROUND']);
  });
});

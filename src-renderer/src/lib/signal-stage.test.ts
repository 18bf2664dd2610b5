import { describe, expect, it } from 'vitest';
import type { Execution, SignalRow } from '../../../src-shared/contract';
import { executionsByRound, queueRows, stageOf } from './signal-stage';

const signal = (id: number, roundId: string, verdict: SignalRow['verdict'] = 'accepted', reason: string | null = null): SignalRow => ({
  id,
  receivedAt: 1000 + id,
  source: 'ws://test',
  roundId,
  verdict,
  reason,
  target: 2,
  bet: true,
  raw: '{}',
});
const execution = (id: number, roundId: string, status: Execution['status'], reason: string | null = null): Execution => ({
  id,
  roundId,
  status,
  mode: 'dry-run',
  bet: true,
  stake: 1,
  target: 2,
  cashoutAt: null,
  maxSeen: null,
  pnl: null,
  reason,
  startedAt: 0,
  endedAt: null,
});

describe('signal stages', () => {
  it('walks incoming → pending → executing → done', () => {
    const s = signal(1, 'r1');
    expect(stageOf(s, undefined)).toBe('incoming');
    expect(stageOf(s, execution(1, 'r1', 'WAITING_FOR_ROUND'))).toBe('pending');
    expect(stageOf(s, execution(1, 'r1', 'MONITORING'))).toBe('executing');
    expect(stageOf(s, execution(1, 'r1', 'CASHOUT_EXECUTED'))).toBe('done');
    expect(stageOf(s, execution(1, 'r1', 'CRASHED'))).toBe('done');
  });
  it('rejects signals the intake refused and executions the engine refused', () => {
    expect(stageOf(signal(1, 'r1', 'rejected'), undefined)).toBe('rejected');
    expect(stageOf(signal(1, 'r1', 'dropped'), undefined)).toBe('rejected');
    expect(stageOf(signal(1, 'r1'), execution(1, 'r1', 'REJECTED'))).toBe('rejected');
  });
  it('joins by round id, keeps the newest execution, filters and carries the reason', () => {
    const byRound = executionsByRound([execution(1, 'r1', 'FAILED', 'old'), execution(2, 'r1', 'CASHOUT_EXECUTED'), execution(3, 'r2', 'REJECTED', 'daily loss limit')]);
    const signals = [signal(3, 'r3', 'rejected', 'stale'), signal(2, 'r2'), signal(1, 'r1')];
    expect(queueRows(signals, byRound, 'all').map((r) => r.stage)).toEqual(['rejected', 'rejected', 'done']);
    expect(queueRows(signals, byRound, 'accepted').map((r) => r.signal.id)).toEqual([2, 1]);
    expect(queueRows(signals, byRound, 'rejected').map((r) => r.reason)).toEqual(['stale', 'daily loss limit']);
    expect(queueRows(signals, byRound, 'done').map((r) => r.signal.id)).toEqual([1]);
  });
  it('never joins a rejected signal to an execution of the same round', () => {
    const byRound = executionsByRound([execution(1, 'r1', 'CASHOUT_EXECUTED')]);
    expect(queueRows([signal(9, 'r1', 'rejected', 'duplicate')], byRound, 'all')[0]).toMatchObject({ stage: 'rejected', reason: 'duplicate', execution: undefined });
  });
});

// Runs in: renderer. Where each signal is in its life: joined with the execution of the same round.
import type { Execution, ExecutionStatus, SignalRow } from '../../../src-shared/contract';

export type SignalStage = 'incoming' | 'pending' | 'executing' | 'done' | 'rejected';
export type SignalFilter = 'all' | 'accepted' | 'rejected' | 'done';

export const SIGNAL_FILTERS: readonly SignalFilter[] = ['all', 'accepted', 'rejected', 'done'];

const STAGE_OF_STATUS: Record<ExecutionStatus, SignalStage> = {
  PENDING: 'pending',
  WAITING_FOR_ROUND: 'pending',
  PLACED_BET: 'executing',
  MONITORING: 'executing',
  CASHOUT_EXECUTED: 'done',
  CRASHED: 'done',
  SKIPPED: 'done',
  FAILED: 'done',
  INTERRUPTED: 'done',
  REJECTED: 'rejected',
};

export interface QueueRow {
  signal: SignalRow;
  execution: Execution | undefined;
  stage: SignalStage;
  reason: string | null;
}

export function stageOf(signal: SignalRow, execution: Execution | undefined): SignalStage {
  if (signal.verdict !== 'accepted') return 'rejected';
  return execution ? STAGE_OF_STATUS[execution.status] : 'incoming';
}

/** The newest execution per round wins (a round is executed at most once, but a restart may retry it). */
export function executionsByRound(executions: readonly Execution[]): Map<string, Execution> {
  const byRound = new Map<string, Execution>();
  for (const e of executions) {
    const known = byRound.get(e.roundId);
    if (!known || known.id < e.id) byRound.set(e.roundId, e);
  }
  return byRound;
}

export function queueRows(signals: readonly SignalRow[], byRound: ReadonlyMap<string, Execution>, filter: SignalFilter): QueueRow[] {
  const rows: QueueRow[] = [];
  for (const signal of signals) {
    const execution = signal.roundId && signal.verdict === 'accepted' ? byRound.get(signal.roundId) : undefined;
    const stage = stageOf(signal, execution);
    if (filter === 'accepted' && signal.verdict !== 'accepted') continue;
    if (filter === 'rejected' && stage !== 'rejected') continue;
    if (filter === 'done' && stage !== 'done') continue;
    rows.push({ signal, execution, stage, reason: execution?.reason ?? signal.reason });
  }
  return rows;
}

// Runs in: anywhere (pure).
import type { ExecutionStatus } from '../../../src-shared/contract/services/autopilot';

/** The crash executor's state machine. Anything not listed here is a bug and is refused. */
const NEXT: Record<ExecutionStatus, readonly ExecutionStatus[]> = {
  PENDING: ['WAITING_FOR_ROUND', 'SKIPPED', 'REJECTED', 'FAILED', 'INTERRUPTED'],
  WAITING_FOR_ROUND: ['PLACED_BET', 'SKIPPED', 'FAILED', 'INTERRUPTED'],
  // SKIPPED: a bet taken back (cancelled) before its round flew.
  PLACED_BET: ['MONITORING', 'CRASHED', 'SKIPPED', 'FAILED', 'INTERRUPTED'],
  MONITORING: ['CASHOUT_EXECUTED', 'CRASHED', 'FAILED', 'INTERRUPTED'],
  CASHOUT_EXECUTED: [],
  CRASHED: [],
  FAILED: [],
  SKIPPED: [],
  REJECTED: [],
  INTERRUPTED: [],
};

export function canTransition(from: ExecutionStatus, to: ExecutionStatus): boolean {
  return NEXT[from].includes(to);
}

export function isFinal(status: ExecutionStatus): boolean {
  return NEXT[status].length === 0;
}

/** Rounds that were between these states when the process died had money at risk and must never be resumed. */
export const IN_FLIGHT_STATUSES: readonly ExecutionStatus[] = (Object.keys(NEXT) as ExecutionStatus[]).filter((s) => !isFinal(s));

// Runs in: renderer. Words for each execution status, shared by the chips and the queue.
import type { ExecutionStatus } from '../../../../src-shared/contract';

export const STATUS_CHIPS: Record<ExecutionStatus, { icon: string; label: string; tone: string }> = {
  PENDING: { icon: '…', label: 'Pending', tone: 'neutral' },
  WAITING_FOR_ROUND: { icon: '◔', label: 'Waiting for round', tone: 'neutral' },
  PLACED_BET: { icon: '●', label: 'Bet placed', tone: 'active' },
  MONITORING: { icon: '◉', label: 'Monitoring', tone: 'active' },
  CASHOUT_EXECUTED: { icon: '✔', label: 'Cashed out', tone: 'up' },
  CRASHED: { icon: '✖', label: 'Crashed', tone: 'down' },
  SKIPPED: { icon: '↷', label: 'Skipped', tone: 'neutral' },
  REJECTED: { icon: '⊘', label: 'Rejected', tone: 'warn' },
  FAILED: { icon: '⚠', label: 'Failed', tone: 'down' },
  INTERRUPTED: { icon: '■', label: 'Interrupted', tone: 'warn' },
};

export const STATUS_LABELS = Object.fromEntries(Object.entries(STATUS_CHIPS).map(([k, v]) => [k, v.label])) as Record<ExecutionStatus, string>;

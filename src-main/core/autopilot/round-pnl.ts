// Runs in: anywhere (pure).
import type { ExecutionStatus } from '../../../src-shared/contract/services/autopilot';

/** P&L of one round in stake currency: a cash-out wins stake·(m−1), a crash loses the stake, anything else is flat. */
export function roundPnl(status: ExecutionStatus, stake: number, cashoutAt: number | null): number {
  if (status === 'CASHOUT_EXECUTED' && cashoutAt !== null) return round2(stake * (cashoutAt - 1));
  if (status === 'CRASHED') return -stake;
  return 0;
}

export function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

/** Multipliers are displayed floored to 2 decimals: a cash-out is credited at the floored value. */
export function floorMultiplier(m: number): number {
  return Math.floor(m * 100 + 1e-9) / 100;
}

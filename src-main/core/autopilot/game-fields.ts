// Runs in: anywhere (pure).
// What the autopilot types into the game's own fields.
import { round2 } from './round-pnl';

/**
 * The auto cash-out to type for a target: games take two decimals and pay at the typed value, so round up:
 * rounding down would cash out below the signal's target.
 */
export function autoCashoutEntry(target: number): number {
  return Math.ceil(target * 100 - 1e-9) / 100;
}

/** A stake as a game's amount field accepts it: at most two decimals, no exponent, no trailing zeros. */
export function stakeEntry(stake: number): string {
  return String(round2(stake));
}

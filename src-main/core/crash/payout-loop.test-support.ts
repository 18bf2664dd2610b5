// The loop the executor runs between a planned cash-out click and the payout that teaches the display lag, for the
// lag estimator's tests.
import type { DisplayLagEstimator } from './display-lag';

export const PAYOUT_TEST_RATE = 0.00015;
/** The plan's margin: a click lands this long after the crossing when the lag is exactly as assumed. */
const MARGIN_MS = 2;

/** What the game pays when the click lands `lateMs` after the fitted curve says the multiplier was `fitted`. */
export const payout = (fitted: number, lateMs: number) => Math.floor(fitted * Math.exp(PAYOUT_TEST_RATE * lateMs) * 100 + 1e-9) / 100;

/**
 * Each click is planned with the current estimate, lands after the target crossing by (true lag − estimate +
 * margin), is paid in floored cents, and the payout teaches the estimator. Returns each round's error in cents.
 */
export function playRounds(lag: DisplayLagEstimator, targets: readonly number[], trueLagMs: (round: number) => number) {
  return targets.map((target, round) => {
    const used = lag.current();
    const fittedAtClick = target * Math.exp(PAYOUT_TEST_RATE * MARGIN_MS);
    const paid = payout(fittedAtClick, trueLagMs(round) - used);
    lag.observe({ paid, fittedAtClick, rate: PAYOUT_TEST_RATE, lagUsedMs: used });
    return { target, error: Math.round((paid - target) * 100) / 100 };
  });
}

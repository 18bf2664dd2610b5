// How far the screen runs behind the game, learned from what the game actually paid (BRIEF §3: latency costs win rate).
//
// A read shows the multiplier as the game rendered it some milliseconds earlier (frame, compositor, capture). The
// executor dates its samples that much earlier before fitting the curve. The true lag differs by machine and game,
// so it is learned from the balance: the payout of a clicked cash-out says what the multiplier really was when the
// click landed, and comparing that with the fitted curve at the click gives the lag the fit did not account for.

export interface PayoutObservation {
  /** The multiplier the game paid, as the balance shows it (stake × m, displayed to cents). */
  readonly paid: number;
  /** The fitted curve's value at the moment the click was sent. */
  readonly fittedAtClick: number;
  /** The fitted growth rate, per ms. */
  readonly rate: number;
  /** The lag the fit already used. */
  readonly lagUsedMs: number;
}

/**
 * The smallest total lag consistent with one payout. Games floor the paid multiplier to cents, so the true value
 * was in [paid, paid + 0.01): taking `paid` gives a lower bound, and under-correcting only makes a cash-out later,
 * never below the target.
 */
export function lagLowerBoundMs(o: PayoutObservation): number | null {
  if (!(o.paid >= 1) || !(o.fittedAtClick >= 1) || !(o.rate > 0)) return null;
  return o.lagUsedMs + Math.log(o.paid / o.fittedAtClick) / o.rate;
}

/**
 * Whether a balance change can be this click's payout at all: the lag it implies must be physical. A game that
 * takes the stake late, or a balance that moved for another reason, implies an absurd lag and is not believed.
 */
const MAX_PLAUSIBLE_LAG_MS = 250;
const plausibleLag = (lag: number | null): lag is number => lag !== null && lag >= -20 && lag <= MAX_PLAUSIBLE_LAG_MS;

export interface LagEstimatorOptions {
  /** Used until there is evidence: half a 60 Hz frame. */
  readonly initialMs: number;
  /** Never assume less than this (the capture itself is never instant). */
  readonly minMs: number;
  /** A bound on what one bad observation (a dropped frame, a busy machine) can teach. */
  readonly maxMs: number;
  /** Observations kept; the estimate is their lower quartile, so one outlier moves nothing. */
  readonly window: number;
}

export const DEFAULT_LAG_OPTIONS: LagEstimatorOptions = { initialMs: 8, minMs: 8, maxMs: 100, window: 7 };

export class DisplayLagEstimator {
  private readonly observed: number[] = [];

  constructor(private readonly options: LagEstimatorOptions = DEFAULT_LAG_OPTIONS) {}

  /** Records one payout; returns the lag it implies, or null (nothing recorded) if it cannot be this click's payout. */
  observe(o: PayoutObservation): number | null {
    const lag = lagLowerBoundMs(o);
    if (!plausibleLag(lag)) return null;
    this.observed.push(lag);
    if (this.observed.length > this.options.window) this.observed.shift();
    return lag;
  }

  /**
   * The lag to date samples by (the initial value until there is evidence), clamped. The lower quartile, not the
   * median: a payout made late by a one-off delay must not teach a lag that sends later clicks below the target.
   */
  current(): number {
    if (this.observed.length === 0) return this.options.initialMs;
    const sorted = [...this.observed].sort((a, b) => a - b);
    const quartile = sorted[Math.floor((sorted.length - 1) / 4)]!;
    return Math.min(this.options.maxMs, Math.max(this.options.minMs, quartile));
  }

  count(): number {
    return this.observed.length;
  }
}

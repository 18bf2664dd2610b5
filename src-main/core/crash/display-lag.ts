// Runs in: anywhere (pure).
// How far the screen runs behind the game, learned from what the game actually paid (BRIEF §3: latency costs win rate).
//
// A read shows the multiplier as the game rendered it some milliseconds earlier (frame, compositor, capture). The
// executor dates its samples that much earlier before fitting the curve. The true lag differs by machine and game,
// so it is learned from the balance: the payout of a clicked cash-out says what the multiplier really was when the
// click landed, and comparing that with the fitted curve at the click brackets the lag the fit did not account for.
//
// Only a payout that crossed a cent boundary says more than was assumed: a click that pays exactly the target only
// says "the lag was at least what was assumed, less the margin". And the lag moves by whole display frames, for
// minutes at a time (24 or 40 ms under Xvfb), so what one frame mode taught must not be used when the other returns.

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

/** The total lag on one click was in [loMs, hiMs). */
export interface LagBracket {
  readonly loMs: number;
  readonly hiMs: number;
}

/** Games pay whole cents of multiplier, floored. */
const PAYOUT_STEP = 0.01;

/**
 * What one payout proves: the true multiplier at the click was in [paid, paid + one cent). Exact at a stake of 1;
 * at other stakes the balance check's floored multiplier can be a cent below the paid one, which leaves the lower
 * end valid and the upper end too low: that can only drop teaching brackets early, never raise the estimate.
 */
export function lagBracket(o: PayoutObservation): LagBracket | null {
  if (!(o.paid >= 1) || !(o.fittedAtClick >= 1) || !(o.rate > 0)) return null;
  const lagAt = (multiplier: number) => o.lagUsedMs + Math.log(multiplier / o.fittedAtClick) / o.rate;
  return { loMs: lagAt(o.paid), hiMs: lagAt(o.paid + PAYOUT_STEP) };
}

/**
 * Whether a balance change can be this click's payout at all: the lag it implies must be physical. A game that
 * takes the stake late, or a balance that moved for another reason, implies an absurd lag and is not believed.
 */
export const MAX_PLAUSIBLE_LAG_MS = 250;
const plausible = (b: LagBracket | null): b is LagBracket => b !== null && b.loMs >= -20 && b.loMs <= MAX_PLAUSIBLE_LAG_MS;

/** Whether a balance change can be this click's payout, without teaching anything from it. */
export const believablePayout = (o: PayoutObservation): boolean => plausible(lagBracket(o));

export interface LagEstimatorOptions {
  /** Used until two payouts teach more. */
  readonly initialMs: number;
  /** Never assume less than this (the capture itself is never instant). */
  readonly minMs: number;
  /** A bound on what any evidence can teach. */
  readonly maxMs: number;
  /** Teaching payouts kept. */
  readonly memory: number;
  /** The display's frame time: the lag moves by this much, and a wider bracket cannot tell frame modes apart. */
  readonly frameMs: number;
  /**
   * Taken off the estimate, because the next click's lag can be lower than the ones that taught it. Under Xvfb the
   * lag within one frame mode spread over 4.4 ms in 26 clicks; with the plan's 2 ms margin, 3 ms kept every simulated
   * click at 1.5–5× at or above the target for that spread.
   */
  readonly jitterMs: number;
}

export const DEFAULT_LAG_OPTIONS: LagEstimatorOptions = { initialMs: 8, minMs: 8, maxMs: 100, memory: 50, frameMs: 1000 / 60, jitterMs: 3 };

export class DisplayLagEstimator {
  /** Brackets narrower than a frame whose lower end proved more lag than was assumed. */
  private teaching: LagBracket[] = [];

  /** `learned`: brackets a previous session taught (see `learned()`). */
  constructor(
    private readonly options: LagEstimatorOptions = DEFAULT_LAG_OPTIONS,
    learned: readonly LagBracket[] = [],
  ) {
    this.teaching = learned.filter((b) => plausible(b) && b.hiMs > b.loMs).slice(-options.memory);
  }

  /** Records one payout; returns its bracket, or null (nothing recorded) if it cannot be this click's payout. */
  observe(o: PayoutObservation): LagBracket | null {
    const bracket = lagBracket(o);
    if (!plausible(bracket)) return null;
    // A payout that proves the lag smaller than older ones claimed wins: they were flukes, or the lag has dropped.
    this.teaching = this.teaching.filter((old) => old.loMs < bracket.hiMs);
    if (bracket.loMs > o.lagUsedMs && bracket.hiMs - bracket.loMs <= this.options.frameMs) this.teaching.push(bracket);
    if (this.teaching.length > this.options.memory) this.teaching.shift();
    return bracket;
  }

  /**
   * The lag to date samples by, less the jitter allowance: the second-highest lower end, but at most a quarter frame
   * above the second-lowest. So a slower frame mode's payouts do not raise it (the faster mode may be back at the
   * next click), and one payout made late or early by a one-off delay moves nothing.
   */
  current(): number {
    const { initialMs, minMs, maxMs, frameMs, jitterMs } = this.options;
    const lows = this.teaching.map((b) => b.loMs).sort((a, b) => a - b);
    if (lows.length < 2) return initialMs;
    const level = Math.min(lows[lows.length - 2]!, lows[1]! + frameMs / 4);
    return Math.min(maxMs, Math.max(minMs, level - jitterMs));
  }

  /** What it has learned, to be kept across sessions. */
  learned(): readonly LagBracket[] {
    return [...this.teaching];
  }

  count(): number {
    return this.teaching.length;
  }
}

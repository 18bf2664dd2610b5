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
import { median } from '../ocr/median';

export interface PayoutObservation {
  /** The lowest multiplier the game can have paid (`paidRange`). */
  readonly paid: number;
  /** Above the highest it can have paid; one cent above `paid` when not given (a stake of 1). */
  readonly paidBelow?: number;
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

const CENT = 0.01;

/**
 * What a credit to the balance says about the multiplier at the click: it was in [low, below). Games pay the stake
 * times a whole-cent multiplier, the credit floored or rounded to the cent: 2.5 × 3.61 is credited 9.02, which
 * proves 3.61 (the only cent whose stake times it gives that credit), where 9.02 / 2.5 floored would say 3.60.
 * When no whole cent fits (a game paying on the unrounded multiplier), the credit over the stake is the range.
 */
export function paidRange(credit: number, stake: number): { readonly low: number; readonly below: number } {
  const from = (credit - CENT / 2) / stake;
  const to = (credit + CENT) / stake;
  const firstCent = Math.ceil(from * 100 - 1e-6);
  const lastCent = Math.ceil(to * 100 - 1e-6) - 1;
  if (firstCent <= lastCent) return { low: firstCent / 100, below: (lastCent + 1) / 100 };
  return { low: credit / stake, below: to };
}

/** What one payout proves: the true multiplier at the click was in [paid, paidBelow). */
export function lagBracket(o: PayoutObservation): LagBracket | null {
  if (!(o.paid >= 1) || !(o.fittedAtClick >= 1) || !(o.rate > 0)) return null;
  const lagAt = (multiplier: number) => o.lagUsedMs + Math.log(multiplier / o.fittedAtClick) / o.rate;
  return { loMs: lagAt(o.paid), hiMs: lagAt(o.paidBelow ?? o.paid + CENT) };
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

/** Hover round trips needed before their median is used. */
export const MIN_HOVER_SAMPLES = 10;
/**
 * How far a hover probe's median may stand above the lag. Under Xvfb, in 50 batches of 6 round trips over three frame
 * modes (9, 24 and 40 ms), the batch median stood between 6 ms below and 9 ms above the median screen age; 16 round
 * trips narrow that. The payout lag is that age plus about 1 ms of click delivery.
 */
export const HOVER_SPREAD_MS = 8;
/**
 * Taken off a hover probe's median before reads are dated by it: its spread, and one display frame, because the lag
 * can drop by a whole frame between the probe and a click (with only 10 ms taken off, a bench session paid below a
 * 2.00 target once; its data was not kept, so the cause is not traced). So clicks dated by the probe land late by up
 * to a frame and a half, never early; in the 40 ms mode that is still 10 ms less late than an untaught session.
 */
export const HOVER_MARGIN_MS = HOVER_SPREAD_MS + 1000 / 60;

/**
 * The lag a hover probe measured: the median time from moving the pointer onto the game's button to seeing its hover
 * look on screen. It crosses the same path as a read and a click (input delivery, the page's next frame, the
 * compositor, the capture), with no click. Null with too few samples.
 */
export function hoverLagMs(roundTripsMs: readonly number[]): number | null {
  if (roundTripsMs.length < MIN_HOVER_SAMPLES) return null;
  // The lower median: of the two middle round trips, the shorter, which can only date reads less far back.
  const level = median(roundTripsMs);
  return level <= MAX_PLAUSIBLE_LAG_MS ? level : null;
}

export class DisplayLagEstimator {
  /** Brackets narrower than a frame whose lower end proved more lag than was assumed. */
  private teaching: LagBracket[] = [];
  /** This session's hover-probe lag (`hoverLagMs`), until a payout proves it too long. */
  private probedMs: number | null = null;

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
    if (this.probedMs !== null && bracket.hiMs < this.probedMs - HOVER_MARGIN_MS) this.probedMs = null;
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
    const clamp = (ms: number) => Math.min(maxMs, Math.max(minMs, ms));
    const lows = this.teaching.map((b) => b.loMs).sort((a, b) => a - b);
    if (lows.length < 2) return this.probedMs === null ? initialMs : clamp(this.probedMs - HOVER_MARGIN_MS);
    const taught = clamp(Math.min(lows[lows.length - 2]!, lows[1]! + frameMs / 4) - jitterMs);
    // Payouts of an earlier session may come from a slower frame mode: the probe caps them within half a frame.
    return this.probedMs === null ? taught : Math.min(taught, clamp(this.probedMs - HOVER_SPREAD_MS + frameMs / 2));
  }

  /**
   * What a hover probe measured this session (`hoverLagMs`). Never stored: the lag moves by whole frames between
   * sessions, and a probe is cheap to repeat.
   */
  probed(lagMs: number): void {
    this.probedMs = lagMs;
  }

  /** The probe's lag while it is believed; null without one, or once a payout proved it too long. */
  probedLag(): number | null {
    return this.probedMs;
  }

  /** What it has learned, to be kept across sessions. */
  learned(): readonly LagBracket[] {
    return [...this.teaching];
  }

  count(): number {
    return this.teaching.length;
  }
}

// Runs in: anywhere (pure).
export interface TrackOptions {
  /** Fastest believable growth, in ln(multiplier) per ms. Bustabit is 0.00006; the default allows ~8× faster games. */
  readonly maxRatePerMs: number;
  /** Absolute tolerance on the growth bound, for display rounding (a 0.01 step can show up early). */
  readonly slack: number;
  /** No rise for this long means the multiplier stopped rising (crashed or frozen). */
  readonly stallMs: number;
  /** Nothing readable for this long means the multiplier disappeared (crash text, round over). */
  readonly missingMs: number;
}

export const DEFAULT_TRACK_OPTIONS: TrackOptions = { maxRatePerMs: 0.0005, slack: 0.02, stallMs: 1500, missingMs: 250 };

export type RejectReason = 'unreadable' | 'below-one' | 'backwards' | 'too-fast';
export type Verdict = { readonly accepted: true; readonly value: number } | { readonly accepted: false; readonly reason: RejectReason };
export type TrackState = 'waiting' | 'rising' | 'stalled' | 'disappeared';

export interface Sample {
  readonly value: number;
  readonly atMs: number;
}

/**
 * The physical plausibility filter for one round: a multiplier only rises, and no faster than the growth bound
 * m2 ≤ m1·e^(r_max·Δt) + slack. Rejected reads are reported with their reason and never become the reference.
 */
export class MultiplierTrack {
  private accepted: Sample[] = [];
  private roundStartMs: number | null = null;
  private lastRiseMs: number | null = null;
  private missingSinceMs: number | null = null;

  constructor(private readonly options: TrackOptions = DEFAULT_TRACK_OPTIONS) {}

  /** Forgets the previous round; with `atMs`, the first read is also bounded by growth since the start. */
  startRound(atMs?: number): void {
    this.accepted = [];
    this.roundStartMs = atMs ?? null;
    this.lastRiseMs = null;
    this.missingSinceMs = null;
  }

  offer(value: number | null, atMs: number): Verdict {
    if (value === null) {
      this.missingSinceMs ??= atMs;
      return { accepted: false, reason: 'unreadable' };
    }
    this.missingSinceMs = null;
    if (value < 1) return { accepted: false, reason: 'below-one' };
    const last = this.last;
    const reference = last ?? (this.roundStartMs === null ? null : { value: 1, atMs: this.roundStartMs });
    if (last && value < last.value) return { accepted: false, reason: 'backwards' };
    if (reference) {
      const elapsed = Math.max(0, atMs - reference.atMs);
      if (value > reference.value * Math.exp(this.options.maxRatePerMs * elapsed) + this.options.slack) return { accepted: false, reason: 'too-fast' };
    }
    if (!last || value > last.value) this.lastRiseMs = atMs;
    this.accepted.push({ value, atMs });
    return { accepted: true, value };
  }

  get last(): Sample | null {
    return this.accepted[this.accepted.length - 1] ?? null;
  }

  /** Accepted reads in order, e.g. to fit ln m = r·t. */
  get samples(): readonly Sample[] {
    return this.accepted;
  }

  state(nowMs: number): TrackState {
    if (this.missingSinceMs !== null && nowMs - this.missingSinceMs >= this.options.missingMs) return 'disappeared';
    if (this.lastRiseMs === null) return 'waiting';
    return nowMs - this.lastRiseMs >= this.options.stallMs ? 'stalled' : 'rising';
  }
}

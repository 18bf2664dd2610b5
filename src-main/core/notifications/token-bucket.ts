// Runs in: anywhere (pure).
/** One token in bucket units: a minute's worth of `perMinute`, so refills stay whole numbers for whole-ms clocks. */
const TOKEN = 60_000;

/**
 * At most `perMinute` messages a minute, with bursts up to the same number: chat services throttle a bot that posts
 * faster (Telegram ~20/min per group, Slack 1/s, Discord 30/min per webhook), and a flood of events must not get the
 * channel banned.
 */
export class TokenBucket {
  /** In 1/60000ths of a token: integer arithmetic, so "exactly one token after 10 s" is exact. */
  private units: number;
  private updatedAt: number;

  constructor(
    private readonly perMinute: number,
    now: number,
  ) {
    if (!(perMinute > 0) || !Number.isInteger(perMinute)) throw new RangeError(`invalid rate: ${perMinute} per minute`);
    this.units = perMinute * TOKEN;
    this.updatedAt = now;
  }

  /** Takes a token if one is there. */
  take(now: number): boolean {
    this.refill(now);
    if (this.units < TOKEN) return false;
    this.units -= TOKEN;
    return true;
  }

  /** How long until a token is there: 0 when one is. */
  waitMs(now: number): number {
    this.refill(now);
    return this.units >= TOKEN ? 0 : Math.ceil((TOKEN - this.units) / this.perMinute);
  }

  private refill(now: number): void {
    // A clock that steps back (NTP) must not drain the bucket.
    const elapsed = Math.max(0, now - this.updatedAt);
    this.units = Math.min(this.perMinute * TOKEN, this.units + elapsed * this.perMinute);
    this.updatedAt = Math.max(this.updatedAt, now);
  }
}

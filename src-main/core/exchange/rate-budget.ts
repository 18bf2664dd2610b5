// Runs in: anywhere (pure).
/**
 * Request-weight budget for one exchange host (limits are per IP, so every account on that host
 * must draw from the same instance: use RateBudgetRegistry). Throttles *before* the limit: a request
 * that would take usage past `limit * headroom` waits for the next window.
 */
export interface RateBudgetConfig {
  readonly limit: number;
  readonly windowMs: number;
  /** Fraction of the limit we allow ourselves; the rest is margin for other processes and clock drift. */
  readonly headroom: number;
}

export const BINANCE_SPOT_WEIGHT: RateBudgetConfig = { limit: 6000, windowMs: 60_000, headroom: 0.8 };
export const BINANCE_FUTURES_WEIGHT: RateBudgetConfig = { limit: 2400, windowMs: 60_000, headroom: 0.8 };
export const BYBIT_REQUESTS: RateBudgetConfig = { limit: 600, windowMs: 5_000, headroom: 0.8 };

export class RateBudget {
  private windowStart = 0;
  private used = 0;
  private blockedUntil = 0;

  constructor(
    readonly config: RateBudgetConfig,
    private readonly now: () => number,
  ) {}

  private roll(t: number): void {
    const start = t - (t % this.config.windowMs);
    if (start !== this.windowStart) {
      this.windowStart = start;
      this.used = 0;
    }
  }

  /** Milliseconds to wait before a request of this weight may go; 0 means send now (weight is then booked). */
  acquire(weight: number): number {
    const t = this.now();
    if (t < this.blockedUntil) return this.blockedUntil - t;
    this.roll(t);
    const cap = Math.floor(this.config.limit * this.config.headroom);
    if (this.used + weight > cap && this.used > 0) return this.windowStart + this.config.windowMs - t;
    this.used += weight;
    return 0;
  }

  /** The exchange's own count (X-MBX-USED-WEIGHT-1M) wins over ours: other processes share the IP. */
  observeUsed(usedByExchange: number): void {
    this.roll(this.now());
    if (usedByExchange > this.used) this.used = usedByExchange;
  }

  /** 429/418/403: nothing goes to this host until the ban ends. */
  blockFor(ms: number): void {
    this.blockedUntil = Math.max(this.blockedUntil, this.now() + ms);
  }

  get usedInWindow(): number {
    this.roll(this.now());
    return this.used;
  }

  get blockedForMs(): number {
    return Math.max(0, this.blockedUntil - this.now());
  }
}

/** One budget per host (a proxy for the IP); all connectors and accounts ask here. */
export class RateBudgetRegistry {
  private readonly budgets = new Map<string, RateBudget>();
  constructor(private readonly now: () => number) {}

  forHost(host: string, config: RateBudgetConfig): RateBudget {
    let b = this.budgets.get(host);
    if (!b) {
      b = new RateBudget(config, this.now);
      this.budgets.set(host, b);
    }
    return b;
  }
}

// Runs in: anywhere (pure).
/**
 * Per endpoint-group breaker (e.g. 'order', 'account', 'market'). Opens after consecutive
 * infrastructure failures (5xx, timeouts), never on business rejections, then lets one probe
 * through after the cooldown.
 */
export type BreakerState = 'closed' | 'open' | 'half-open';

export interface BreakerConfig {
  readonly failureThreshold: number;
  readonly cooldownMs: number;
}

export class CircuitBreaker {
  private failures = 0;
  private openedAt = 0;
  private probing = false;
  private stateValue: BreakerState = 'closed';

  constructor(
    private readonly config: BreakerConfig,
    private readonly now: () => number,
  ) {}

  get state(): BreakerState {
    if (this.stateValue === 'open' && this.now() - this.openedAt >= this.config.cooldownMs) this.stateValue = 'half-open';
    return this.stateValue;
  }

  /** True when a request may be sent now. In half-open only one probe is admitted. */
  allow(): boolean {
    const s = this.state;
    if (s === 'closed') return true;
    if (s === 'half-open' && !this.probing) {
      this.probing = true;
      return true;
    }
    return false;
  }

  success(): void {
    this.failures = 0;
    this.probing = false;
    this.stateValue = 'closed';
  }

  failure(): void {
    this.probing = false;
    this.failures += 1;
    if (this.stateValue === 'half-open' || this.failures >= this.config.failureThreshold) {
      this.stateValue = 'open';
      this.openedAt = this.now();
    }
  }
}

export class BreakerSet {
  private readonly breakers = new Map<string, CircuitBreaker>();
  constructor(
    private readonly config: BreakerConfig,
    private readonly now: () => number,
  ) {}

  group(name: string): CircuitBreaker {
    let b = this.breakers.get(name);
    if (!b) {
      b = new CircuitBreaker(this.config, this.now);
      this.breakers.set(name, b);
    }
    return b;
  }
}

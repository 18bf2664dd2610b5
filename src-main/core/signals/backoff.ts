// Runs in: anywhere (pure).
/** A uniform random number in [0, 1). Injected so delays are reproducible in tests. */
export type RandomSource = () => number;

export interface BackoffOptions {
  baseMs?: number;
  maxMs?: number;
  factor?: number;
  random?: RandomSource;
}

/**
 * Capped exponential backoff with "equal jitter": attempt n waits in [d/2, d] where
 * d = min(maxMs, baseMs·factor^n). The floor of d/2 keeps a dead server from being hammered;
 * the jitter keeps many clients from reconnecting in lockstep.
 */
export class Backoff {
  private attempts = 0;
  readonly baseMs: number;
  readonly maxMs: number;
  readonly factor: number;
  private readonly random: RandomSource;

  constructor({ baseMs = 250, maxMs = 30_000, factor = 2, random = Math.random }: BackoffOptions = {}) {
    if (!(baseMs > 0) || !(maxMs >= baseMs) || !(factor >= 1)) {
      throw new RangeError(`invalid backoff: baseMs=${baseMs} maxMs=${maxMs} factor=${factor}`);
    }
    this.baseMs = baseMs;
    this.maxMs = maxMs;
    this.factor = factor;
    this.random = random;
  }

  get attempt(): number {
    return this.attempts;
  }

  /** The delay before the next attempt; advances the attempt counter. */
  next(): number {
    const ceiling = Math.min(this.maxMs, this.baseMs * this.factor ** this.attempts);
    this.attempts++;
    return Math.round(ceiling / 2 + this.random() * (ceiling / 2));
  }

  reset(): void {
    this.attempts = 0;
  }
}

/** mulberry32: a tiny seedable PRNG, good enough for jitter and simulations (not for secrets). */
export function seededRandom(seed: number): RandomSource {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

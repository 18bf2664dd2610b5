// Runs in: anywhere (pure).
import type { RandomSource } from '../seeded-random';

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

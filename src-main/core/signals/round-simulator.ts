// Runs in: anywhere (pure).
import { seededRandom, type RandomSource } from '../seeded-random';
import type { OutgoingSignalFrame } from './outgoing-frame';

export interface RoundSimulatorOptions {
  seed?: number;
  firstRoundId?: number;
  /** Share of rounds with bet=true. */
  betRatio?: number;
}

const round2 = (n: number): number => Math.round(n * 100) / 100;

/**
 * Simulated signals for the test server: sequential round ids, ISO timestamps, targets mostly
 * between 1.1x and 4x with a long tail (capped at 20x), a ±8% expected range, and a bet/no-bet mix.
 */
export class RoundSimulator {
  private nextRoundId: number;
  private readonly random: RandomSource;
  private readonly betRatio: number;

  constructor({ seed = Date.now(), firstRoundId = 1, betRatio = 0.7 }: RoundSimulatorOptions = {}) {
    this.random = seededRandom(seed);
    this.nextRoundId = firstRoundId;
    this.betRatio = betRatio;
  }

  next(nowMs: number): OutgoingSignalFrame {
    const target = Math.min(20, round2(1.1 + -Math.log(1 - this.random()) * 0.9));
    const spread = Math.max(0.01, round2(target * 0.08));
    const bet = this.random() < this.betRatio;
    return {
      timestamp: new Date(nowMs).toISOString(),
      expectedMultiplier: target,
      expectedRange: `${round2(Math.max(1.01, target - spread))}-${round2(target + spread)}`,
      bet,
      roundId: this.nextRoundId++,
      ...(bet ? { stake: 1 } : {}),
    };
  }
}

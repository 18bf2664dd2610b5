// Runs in: the practice game page (a browser).
// Round timings are a pure function of the start time, the phase lengths and the crash points, so any click can be
// judged by its own timestamp (which phase was the round in, which multiplier was showing) rather than by when the
// handler happened to run.

import { timeToReach } from '../../src-shared/crash/growth';
import type { GamePhase } from './types';

export interface RoundTiming {
  readonly roundId: number;
  readonly bettingAt: number;
  readonly flightAt: number;
  /** The display reaches the crash point exactly here; equal to flightAt for an instant 1.00x crash. */
  readonly crashAt: number;
  readonly nextRoundAt: number;
  readonly crashCents: number;
}

export interface ScheduleConfig {
  readonly startAt: number;
  readonly countdownMs: number;
  readonly pauseMs: number;
  readonly rate: number;
  readonly crashCentsOf: (roundId: number) => number;
}

export class RoundSchedule {
  private readonly rounds: RoundTiming[] = [];

  constructor(readonly config: ScheduleConfig) {}

  round(roundId: number): RoundTiming {
    while (this.rounds.length < roundId) this.rounds.push(this.build(this.rounds.length + 1));
    return this.rounds[roundId - 1]!;
  }

  /** The round whose betting, flight or pause contains `at` (round 1 for times before the start). */
  roundAt(at: number): RoundTiming {
    let latest = this.round(Math.max(1, this.rounds.length));
    while (latest.nextRoundAt <= at) latest = this.round(latest.roundId + 1);
    for (let id = latest.roundId; id > 1; id--) {
      if (this.round(id).bettingAt <= at) return this.round(id);
    }
    return this.round(1);
  }

  private build(roundId: number): RoundTiming {
    const { countdownMs, pauseMs, rate } = this.config;
    const bettingAt = roundId === 1 ? this.config.startAt : this.round(roundId - 1).nextRoundAt;
    const flightAt = bettingAt + countdownMs;
    const crashCents = this.config.crashCentsOf(roundId);
    const crashAt = flightAt + timeToReach(crashCents / 100, rate);
    return { roundId, bettingAt, flightAt, crashAt, nextRoundAt: crashAt + pauseMs, crashCents };
  }
}

export function phaseAt(round: RoundTiming, at: number): GamePhase {
  if (at < round.flightAt) return 'BETTING';
  return at < round.crashAt ? 'FLYING' : 'CRASHED';
}

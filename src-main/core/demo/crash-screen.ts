// Runs in: anywhere (pure). What a crash game's multiplier region shows at any moment, for a cockpit with no screen
// to read (the demo on a server): seeded bustabit rounds (a betting countdown, a flight, the crash text, a pause).
// The autopilot reads it through the same RegionReader port as a real screen, so every event it emits is real.
import { CrashChain } from '../../../src-shared/crash/bustabit';
import { floorToCents, multiplierAt } from '../../../src-shared/crash/growth';

export interface CrashScreenConfig {
  readonly seed: string;
  /** When round 1's betting phase starts, ms. */
  readonly startAt: number;
  readonly countdownMs: number;
  readonly pauseMs: number;
  /** Growth rate per ms of m(t) = e^(rate·t). */
  readonly rate: number;
}

export type ScreenShows =
  | { readonly phase: 'BETTING'; readonly roundId: number }
  | { readonly phase: 'FLYING'; readonly roundId: number; readonly cents: number }
  | { readonly phase: 'CRASHED'; readonly roundId: number; readonly cents: number };

interface Round {
  readonly id: number;
  readonly bettingAt: number;
  readonly flightAt: number;
  readonly crashAt: number;
  readonly nextAt: number;
  readonly crashCents: number;
}

export class CrashScreen {
  private readonly chain: CrashChain;
  private round: Round;

  constructor(private readonly config: CrashScreenConfig) {
    this.chain = new CrashChain(config.seed);
    this.round = this.build(1, config.startAt);
  }

  /** Reads move forward in time; an earlier `at` than the current round's start shows that round's countdown. */
  at(at: number): ScreenShows {
    while (at >= this.round.nextAt) this.round = this.build(this.round.id + 1, this.round.nextAt);
    const r = this.round;
    if (at < r.flightAt) return { phase: 'BETTING', roundId: r.id };
    if (at < r.crashAt) return { phase: 'FLYING', roundId: r.id, cents: Math.min(r.crashCents, floorToCents(multiplierAt(at - r.flightAt, this.config.rate))) };
    return { phase: 'CRASHED', roundId: r.id, cents: r.crashCents };
  }

  private build(id: number, bettingAt: number): Round {
    const crashCents = this.chain.crashCents(id);
    const flightAt = bettingAt + this.config.countdownMs;
    const crashAt = flightAt + Math.log(crashCents / 100) / this.config.rate;
    return { id, bettingAt, flightAt, crashAt, nextAt: crashAt + this.config.pauseMs, crashCents };
  }
}

/** The text a game shows in the multiplier region, as OCR would read it. */
export function screenText(shows: ScreenShows): string {
  if (shows.phase === 'BETTING') return '';
  const value = (shows.cents / 100).toFixed(2);
  return shows.phase === 'FLYING' ? `${value}x` : `CRASHED @ ${value}x`;
}

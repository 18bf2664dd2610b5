// Read streams as the OCR would produce them from games with different conventions, for the phase and signature tests.
import { displayedCentsAt } from '../../../src-shared/crash/growth';
import type { PhaseRead } from './round-phase';
import type { Rgb } from './readout-look';

export const WHITE: Rgb = { r: 240, g: 240, b: 240 };
export const RED: Rgb = { r: 230, g: 40, b: 50 };
export const GREEN: Rgb = { r: 60, g: 210, b: 110 };

/** What the readout shows at `t` ms into a phase. */
export type Shows = (t: number) => PhaseRead extends infer R ? (R extends PhaseRead ? Omit<R, 'at'> : never) : never;

export interface GameLook {
  readonly betting: Shows;
  /** The readout while the crash (pause) is shown; `value` is the crash point. */
  readonly crashed: (value: number, t: number) => ReturnType<Shows>;
  readonly decimals: 0 | 1 | 2;
  readonly ink?: Rgb;
  readonly extraLinesInFlight?: number;
}

export interface StreamRound {
  readonly crash: number;
  readonly bettingMs?: number;
  readonly pauseMs?: number;
}

const floorTo = (value: number, decimals: number) => Math.floor(value * 10 ** decimals + 1e-9) / 10 ** decimals;

/** Reads every `pollMs` through the given rounds: betting → flight until the crash point → crash pause. */
export function readStream(look: GameLook, rounds: readonly StreamRound[], options: { rate?: number; pollMs?: number; startAt?: number } = {}): { reads: PhaseRead[]; flightStarts: number[]; crashAts: number[] } {
  const rate = options.rate ?? 0.0002;
  const poll = options.pollMs ?? 16;
  const reads: PhaseRead[] = [];
  const flightStarts: number[] = [];
  const crashAts: number[] = [];
  let now = options.startAt ?? 0;
  for (const round of rounds) {
    const bettingEnd = now + (round.bettingMs ?? 2000);
    for (let at = now; at < bettingEnd; at += poll) reads.push({ at, ...look.betting(at - now) } as PhaseRead);
    const flightAt = bettingEnd;
    flightStarts.push(flightAt);
    const crashAt = flightAt + Math.log(round.crash) / rate;
    crashAts.push(crashAt);
    for (let at = flightAt; at < crashAt; at += poll) {
      const value = floorTo(displayedCentsAt(at - flightAt, rate) / 100, look.decimals);
      reads.push({ at, kind: 'value', value, decimals: look.decimals, ink: look.ink ?? WHITE, extraLines: look.extraLinesInFlight ?? 0 });
    }
    const pauseEnd = crashAt + (round.pauseMs ?? 1500);
    for (let at = Math.ceil(crashAt / poll) * poll; at < pauseEnd; at += poll) reads.push({ at, ...look.crashed(round.crash, at - crashAt) } as PhaseRead);
    now = pauseEnd;
  }
  return { reads, flightStarts, crashAts };
}

export const text = (ink: Rgb = WHITE, extra: { long?: boolean; extraLines?: number; words?: string; betButton?: 'same' | 'changed' } = {}) => ({ kind: 'text' as const, ink, ...extra });
export const value = (v: number, ink: Rgb = WHITE, extraLines = 0) => ({ kind: 'value' as const, value: v, decimals: 2, ink, extraLines });
export const blank = () => ({ kind: 'none' as const });

/** The conventions of item 1 of "play any crash game", one look each. */
export const LOOKS = {
  /** Blank while betting; "CRASHED @ 2.35x" replaces the number. */
  classic: { betting: blank, crashed: () => text(RED, { long: true }), decimals: 2 },
  /** A countdown in the readout ("Next round in 2.4s", then "3.2s"); the number turns red and stops. */
  countdown: {
    betting: (t: number) => (t < 1000 ? text(WHITE, { long: true }) : text(WHITE)),
    crashed: (v: number) => value(v, RED),
    decimals: 2,
  },
  /** "WAITING FOR NEXT ROUND" with a progress bar; "FLEW AWAY!" appears above the number, which turns red. */
  waiting: { betting: () => text(WHITE, { long: true }), crashed: (v: number) => value(v, RED, 1), decimals: 2 },
  /** A frozen 1.00x while betting; the number disappears at the crash; one decimal. */
  frozen: { betting: () => ({ kind: 'value' as const, value: 1, decimals: 1, ink: WHITE, extraLines: 0 }), crashed: blank, decimals: 1 },
  /** The previous crash value left on screen with "PREPARING" under it; "BUSTED" replaces the number. */
  leftover: { betting: () => value(2.35, WHITE, 1), crashed: () => text(RED), decimals: 2 },
  /** Only the colour changes at the crash, and the number stops; betting shows "Starting in 5". */
  colourOnly: { betting: () => text(GREEN, { long: true }), crashed: (v: number) => value(v, RED), decimals: 2, ink: GREEN },
  /**
   * Countdown, flight and crash text all in one red ("Starting in 3", "CRASHED @ 1.20x"): only the words tell the
   * crash from betting, and only the Bet button tells betting opened.
   */
  sameInk: {
    betting: () => text(RED, { long: true, words: 'STA', betButton: 'changed' }),
    crashed: () => text(RED, { long: true, words: 'CRA' }),
    decimals: 2,
    ink: RED,
  },
} satisfies Record<string, GameLook>;

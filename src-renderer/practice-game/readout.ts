// Runs in: the practice game page (a browser).
// What the multiplier readout box shows in each phase, per skin. Pure, so every convention is unit-tested; the view
// only copies the result into #readout.

import { formatMultiplier, formatSeconds } from './format';
import type { BettingLook, CrashLook, Skin } from './skins';
import type { GameSnapshot } from './types';

export interface Readout {
  /** The #multiplier line: the number, or the words that stand in for it. */
  readonly main: string;
  /** number: the readout's full size; text: words, at a size that fits the box. */
  readonly size: 'number' | 'text';
  /** Lines inside the readout box, above and below the main line ('' when empty). */
  readonly above: string;
  readonly below: string;
  /** idle: before the flight; live: rising; crashed: the crash colour. */
  readonly tone: 'idle' | 'live' | 'crashed';
  /** Betting progress bar: the share of the betting phase still left, 1 → 0; null when there is no bar. */
  readonly progress: number | null;
}

type ReadoutState = Pick<GameSnapshot, 'phase' | 'multiplier' | 'roundStartedAt' | 'flightStartsAt' | 'crashPoints'>;

const BLANK: Readout = { main: '', size: 'number', above: '', below: '', tone: 'idle', progress: null };

const cents = (multiplier: number) => Math.round(multiplier * 100);

export function readoutFor(skin: Skin, state: ReadoutState, now: number): Readout {
  if (state.phase === 'BETTING') return bettingReadout(skin, skin.betting, state, now);
  if (state.phase === 'FLYING') return { ...BLANK, main: formatMultiplier(cents(state.multiplier), skin.format), tone: 'live' };
  return crashReadout(skin, skin.crash, cents(state.multiplier));
}

function bettingReadout(skin: Skin, look: BettingLook, state: ReadoutState, now: number): Readout {
  const left = Math.max(0, state.flightStartsAt - now);
  const length = state.flightStartsAt - state.roundStartedAt;
  switch (look.kind) {
    case 'blank':
      return BLANK;
    case 'countdown':
      return { ...BLANK, ...countdown(look.style, left, length) };
    case 'waiting':
      return { ...BLANK, main: look.text, size: 'text', progress: look.progressBar ? Math.min(1, left / length) : null };
    case 'frozen':
      return { ...BLANK, main: look.text };
    case 'previous-crash': {
      const previous = state.crashPoints[0];
      return { ...BLANK, main: previous ? formatMultiplier(cents(previous.crashPoint), skin.format) : '', below: look.below };
    }
  }
}

function countdown(style: 'next-round' | 'starting-in', leftMs: number, lengthMs: number): Pick<Readout, 'main' | 'size'> {
  if (style === 'starting-in') return { main: `Starting in ${Math.max(1, Math.ceil(leftMs / 1000))}`, size: 'text' };
  // Spaceman-style: a sentence first, then only the seconds, big, for the final half.
  return leftMs * 2 > lengthMs ? { main: `Next round in ${formatSeconds(leftMs)}`, size: 'text' } : { main: formatSeconds(leftMs), size: 'number' };
}

function crashReadout(skin: Skin, look: CrashLook, crashCents: number): Readout {
  const crashed = { ...BLANK, tone: 'crashed' as const };
  switch (look.kind) {
    case 'replace':
      return { ...crashed, main: look.text(crashCents), size: look.size };
    case 'line':
      return { ...crashed, main: formatMultiplier(crashCents, skin.format), above: look.text };
    case 'colour':
      return { ...crashed, main: formatMultiplier(crashCents, skin.format) };
    case 'blank':
      return crashed;
  }
}

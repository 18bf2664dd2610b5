// Runs in: the practice game page (a browser).
// The practice game's looks, one per family of real crash games, chosen by `?skin=<name>`. Together they cover the
// readout and button conventions an OCR autopilot meets in the wild; README.md in this folder has the full table.

import { BUSTABIT_RATE_PER_MS } from '../../src-shared/crash/growth';
import { CLASSIC_FORMAT, formatMultiplier, type MultiplierFormat } from './format';

export const SKIN_NAMES = ['classic', 'aviator', 'rocket', 'bust', 'jet', 'neon'] as const;
export type SkinName = (typeof SKIN_NAMES)[number];

/** What the multiplier readout shows while bets are taken. */
export type BettingLook =
  | { readonly kind: 'blank' }
  /** next-round: `Next round in 4.2s` for the first half of betting, then `2.4s` at full size. starting-in: `Starting in 5`. */
  | { readonly kind: 'countdown'; readonly style: 'next-round' | 'starting-in' }
  | { readonly kind: 'waiting'; readonly text: string; readonly progressBar: boolean }
  | { readonly kind: 'frozen'; readonly text: string }
  /** The previous round's crash point as the flight showed it, with `below` on the line under it. */
  | { readonly kind: 'previous-crash'; readonly below: string };

/** What the readout shows from the crash until the next betting phase. */
export type CrashLook =
  | { readonly kind: 'replace'; readonly text: (crashCents: number) => string; readonly size: 'number' | 'text' }
  /** The number stays (in the crash colour) and `text` appears on a line above it, inside the readout box. */
  | { readonly kind: 'line'; readonly text: string }
  /** The number stays; only its colour changes. */
  | { readonly kind: 'colour' }
  | { readonly kind: 'blank' };

export interface Skin {
  readonly name: SkinName;
  /** Brand in the top bar. */
  readonly title: string;
  /** CSS font-family of the page and the readout (the `font` parameter still overrides the readout). */
  readonly font: string;
  /** Default growth rate per ms; the `rate` parameter overrides it. */
  readonly rate: number;
  readonly theme: 'dark' | 'light';
  readonly format: MultiplierFormat;
  readonly betting: BettingLook;
  readonly crash: CrashLook;
  /** single: one button that bets, cancels, cashes out and queues (see single-button.ts); no auto cash-out field. */
  readonly buttons: 'separate' | 'single';
  /** What moves on the stage: a curve under the readout, or a curve, plane or rocket passing behind the digits. */
  readonly backdrop: 'curve-below' | 'curve-behind' | 'plane' | 'rocket';
}

const SUFFIX_X: MultiplierFormat = CLASSIC_FORMAT;

export const SKINS: Readonly<Record<SkinName, Skin>> = {
  classic: {
    name: 'classic',
    title: 'CRASH',
    font: "'DejaVu Sans', 'Segoe UI', Roboto, Arial, sans-serif",
    rate: BUSTABIT_RATE_PER_MS,
    theme: 'dark',
    format: CLASSIC_FORMAT,
    betting: { kind: 'blank' },
    crash: { kind: 'replace', text: (cents) => `CRASHED @ ${formatMultiplier(cents)}`, size: 'text' },
    buttons: 'separate',
    backdrop: 'curve-below',
  },
  aviator: {
    name: 'aviator',
    title: 'AVIATOR',
    font: "Roboto, 'Helvetica Neue', Arial, sans-serif",
    rate: 0.0002,
    theme: 'dark',
    format: SUFFIX_X,
    betting: { kind: 'waiting', text: 'WAITING FOR NEXT ROUND', progressBar: true },
    crash: { kind: 'line', text: 'FLEW AWAY!' },
    buttons: 'single',
    backdrop: 'plane',
  },
  rocket: {
    name: 'rocket',
    title: 'SPACEMAN',
    font: "Inter, 'Segoe UI', Arial, sans-serif",
    rate: 0.0003,
    theme: 'dark',
    format: { sign: 'x', signAt: 'prefix', decimals: 2 },
    betting: { kind: 'countdown', style: 'next-round' },
    crash: { kind: 'colour' },
    buttons: 'separate',
    backdrop: 'rocket',
  },
  bust: {
    name: 'bust',
    title: 'BUSTABIT',
    font: "Lato, 'Helvetica Neue', Arial, sans-serif",
    rate: 0.0001,
    theme: 'light',
    format: SUFFIX_X,
    betting: { kind: 'countdown', style: 'starting-in' },
    crash: { kind: 'replace', text: (cents) => `Busted @ ${formatMultiplier(cents, { sign: 'x', signAt: 'prefix', decimals: 2 })}`, size: 'text' },
    buttons: 'separate',
    backdrop: 'curve-below',
  },
  jet: {
    name: 'jet',
    title: 'JETX',
    font: "'Open Sans', 'Segoe UI', Arial, sans-serif",
    rate: 0.00012,
    theme: 'dark',
    format: { sign: '×', signAt: 'suffix', decimals: 1 },
    betting: { kind: 'frozen', text: '1.00×' },
    crash: { kind: 'blank' },
    buttons: 'separate',
    backdrop: 'curve-behind',
  },
  neon: {
    name: 'neon',
    title: 'NEON CRASH',
    font: "'JetBrains Mono', 'Fira Code', 'DejaVu Sans Mono', monospace",
    rate: 0.00025,
    theme: 'dark',
    format: { sign: '', signAt: 'suffix', decimals: 2 },
    betting: { kind: 'previous-crash', below: 'PREPARING' },
    crash: { kind: 'replace', text: () => 'BUSTED', size: 'number' },
    buttons: 'single',
    backdrop: 'curve-below',
  },
};

export function isSkinName(name: string | null): name is SkinName {
  return (SKIN_NAMES as readonly (string | null)[]).includes(name);
}

/** The skin for `?skin=`; anything unknown is today's look. */
export function skinNamed(name: string | null): Skin {
  return SKINS[isSkinName(name) ? name : 'classic'];
}

/** The conventions `?betting=`, `?crash=`, `?format=` and `?backdrop=` borrow from another skin. */
export const BORROWABLE = ['betting', 'crash', 'format', 'backdrop'] as const;
export type Borrowable = (typeof BORROWABLE)[number];
/**
 * Combinations no skin ships with, so a test can play a game the engine was never tuned on. The base skin keeps its
 * name, look, buttons and growth rate.
 */
export type ConventionMix = Partial<Record<Borrowable, SkinName>>;

export function mixedSkin(base: SkinName, mix: ConventionMix): Skin {
  return {
    ...SKINS[base],
    betting: SKINS[mix.betting ?? base].betting,
    crash: SKINS[mix.crash ?? base].crash,
    format: SKINS[mix.format ?? base].format,
    backdrop: SKINS[mix.backdrop ?? base].backdrop,
  };
}

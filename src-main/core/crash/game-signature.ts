// Runs in: anywhere (pure).
// Learning a game before money moves: watch whole rounds, note how betting and the crash look, the number's decimals
// and the growth rate, and only call the game `ready` once two whole rounds agree. What was learned makes the phase
// model recognise betting and a crash at once, and a game that stops looking like it is refused.

import type { TrailingZeros } from '../ocr/format-lock';
import { stepPast, stepsGrowth, type StepSeen } from './cashout-plan';
import { fitGrowth } from './curve-fit';
import { coarseQuantum } from './partial-read';
import { colourBucket, type Rgb } from './readout-look';
import { colourOfLook, DEFAULT_PHASE_CONFIG, lookOf, showsNoCharacters, SPRITE_RESUME_MS, type KnownLooks, type PhaseEvent, type PhaseRead, type PhaseState } from './round-phase';

export const ROUNDS_TO_LEARN = 2;

export interface GameSignature {
  readonly version: 1;
  readonly bettingLooks: readonly string[];
  readonly crashLooks: readonly string[];
  readonly decimals: number | null;
  /** Whether the number writes its trailing zeros (`1.10x`) or drops them (`1.1x`), when the rounds showed which. */
  readonly trailingZeros?: TrailingZeros;
  /** Growth per ms seen across the learned rounds. */
  readonly rate: { readonly min: number; readonly max: number } | null;
  readonly rounds: number;
  /** The number vanishes at a crash; what it leaves behind (a blank, or a curve's ink) varies from round to round. */
  readonly numberVanishes?: boolean;
  /** Words the crash said in at least two rounds and neither betting nor a flight ever did (see KnownLooks.crashWords). */
  readonly crashWords?: readonly string[];
}

export interface PhaseMark {
  readonly phase: 'betting' | 'flight' | 'crash';
  /** ms since the round's first mark. */
  readonly t: number;
  readonly look?: string;
}

export interface WatchedRound {
  readonly timeline: readonly PhaseMark[];
  readonly bettingLooks: readonly string[];
  /** The look the crash settled on (see PhaseConfig.crashSettleMs). */
  readonly crashLook: string | null;
  /** Every look the crash showed while settling ("FLEW AWAY!" alone, then over the red number). */
  readonly crashLooks: readonly string[];
  readonly crashValue: number | null;
  readonly crashReason: string | null;
  readonly rate: number | null;
  readonly decimals: number | null;
  /** What the reader had found the game does with trailing zeros by the flight's last read, null if not yet. */
  readonly trailingZeros: TrailingZeros | null;
  /** The flight's first number read, null if none was. */
  readonly firstValue: number | null;
  /** Seen from its betting phase to its crash. */
  readonly whole: boolean;
  /**
   * Nothing legible was left at the crash: every read while it settled was blank or bare ink. The look then depends on
   * what was behind the number (a curve reaches the readout only in long flights), so it is not the game's crash look.
   */
  readonly numberVanished: boolean;
  /** The colour of the flight's digits (see colourBucket): ink of that colour left behind is never a crash look. */
  readonly flightColour: string | null;
  /** What text read while betting, in flight and while the crash settled said (`statusWord`s). */
  readonly bettingWords: readonly string[];
  /** A sprite over the digits read as a word ("age"), which must never pass for crash words. */
  readonly flightWords: readonly string[];
  readonly crashWords: readonly string[];
}

export type Verdict = { readonly ready: true } | { readonly ready: false; readonly why: string };

interface OpenRound {
  startedAt: number;
  timeline: PhaseMark[];
  /** Reads seen in each look while betting. */
  bettingLooks: Map<string, number>;
  /** Reads that said each word while betting. */
  bettingWords: Map<string, number>;
  /** Words read in flight, and when. */
  flightWords: { at: number; word: string }[];
  sawBetting: boolean;
  flightAt: number | null;
  samples: { at: number; multiplier: number }[];
  /** Where the number first showed each higher value, and the last read of the value before (see StepSeen). */
  steps: StepSeen[];
  lastFlying: { at: number; value: number } | null;
  decimals: number | null;
  trailingZeros: TrailingZeros | null;
  ink: Rgb | null;
}

const MAX_SAMPLES = 400;
/** A game never grows faster than twice the fastest rate learned; a read that implies more is a misread (2.03 as 2.93). */
const MAX_RATE_MARGIN = 2;
const RATE_TOLERANCE = 1.6;
/** A look held this few reads, or this small a share of the betting phase, is a flicker between two looks. */
const MIN_BETTING_LOOK_READS = 3;
const MIN_BETTING_LOOK_SHARE = 0.1;
/** Words read this long before the crash was called were read in flight, not from the crash being drawn. */
const CRASH_CONFIRM_MARGIN_MS = 300;
/** A word read this often while betting is betting's, whatever the crash said too. */
const MIN_BETTING_WORD_READS = 2;
/** Looks a vanishing number may leave behind (a curve in any of a few colours), learned as play goes on. */
const MAX_CRASH_LOOKS = 12;

/** Follows the phase model's reads and events; finished rounds come out of {@link rounds}. */
export class SignatureLearner {
  private readonly finished: WatchedRound[] = [];
  private open: OpenRound | null = null;
  private stall: { event: Extract<PhaseEvent, { type: 'crash' }>; look: string | null } | null = null;
  /** A crash still settling: the round closes with the look it settles on. */
  private settling: { open: OpenRound; event: Extract<PhaseEvent, { type: 'crash' }>; looks: Set<string>; words: Set<string>; look: string | null; vanished: boolean; numberBack?: boolean } | null = null;

  private closeSettled(): WatchedRound | null {
    const settling = this.settling;
    this.settling = null;
    return settling ? this.close(settling.open, settling.event, { look: settling.look, looks: settling.looks, words: settling.words, vanished: settling.vanished }) : null;
  }

  private closeStalled(): WatchedRound | null {
    const stall = this.stall;
    this.stall = null;
    if (!stall || !this.open) return null;
    const round = this.close(this.open, stall.event, { look: stall.look });
    this.open = null;
    return round;
  }

  observe(read: PhaseRead, state: PhaseState, events: readonly PhaseEvent[]): WatchedRound | null {
    let done: WatchedRound | null = null;
    if (this.settling) {
      // The number back above where words ended the flight (maybe a sprite over the digits) keeps the round open while
      // it may still rise on past them: two steps of a one-decimal game take longer than a crash takes to settle.
      const { value } = this.settling.event;
      if (state.crashMayResume && read.kind === 'value' && value !== null && read.value > value) this.settling.numberBack = true;
      const settleMs = this.settling.numberBack ? Math.max(SPRITE_RESUME_MS, DEFAULT_PHASE_CONFIG.crashSettleMs) : DEFAULT_PHASE_CONFIG.crashSettleMs;
      const settled = events.length > 0 || state.phase !== 'CRASHED' || read.at - this.settling.event.at >= settleMs;
      // The number rose on past what ended the flight (a sprite over the digits): the round goes on.
      if (events.some((e) => e.type === 'flight' && e.resumed)) {
        this.open = this.settling.open;
        this.settling = null;
      } else if (settled) done = this.closeSettled();
      else {
        this.settling.vanished &&= showsNoCharacters(read);
        if (read.kind === 'text' && read.words) this.settling.words.add(read.words);
        if (state.crashLook !== null) {
          this.settling.looks.add(state.crashLook);
          this.settling.look = state.crashLook;
        }
      }
    }
    for (const event of events) {
      // A stall is provisional: the number may rise again (a frozen frame), and a firmer crash sign may follow.
      const stall = this.stall;
      if (stall && (event.type === 'betting' || (event.type === 'flight' && !event.resumed))) done = this.closeStalled();
      if (event.type === 'flight' && event.resumed) this.stall = null;
      if (event.type === 'betting') {
        this.open = { startedAt: event.at, timeline: [{ phase: 'betting', t: 0, look: lookOf(read) }], bettingLooks: new Map(), bettingWords: new Map(), flightWords: [], sawBetting: true, flightAt: null, samples: [], steps: [], lastFlying: null, decimals: null, trailingZeros: null, ink: null };
      } else if (event.type === 'flight' && !event.resumed) {
        this.open ??= { startedAt: event.at, timeline: [], bettingLooks: new Map(), bettingWords: new Map(), flightWords: [], sawBetting: false, flightAt: null, samples: [], steps: [], lastFlying: null, decimals: null, trailingZeros: null, ink: null };
        this.open.flightAt = event.at;
        this.open.timeline.push({ phase: 'flight', t: event.at - this.open.startedAt });
        for (const s of event.samples) {
          this.open.samples.push({ at: s.at, multiplier: s.value });
          noteFlying(this.open, s.at, s.value, s.previousAt);
        }
      } else if (event.type === 'crash' && event.reason === 'stalled' && this.open && this.open.flightAt !== null) {
        this.stall = { event, look: state.crashLook };
      } else if (event.type === 'crash' && this.open && this.open.flightAt !== null) {
        this.stall = null;
        const words = new Set(read.kind === 'text' && read.words ? [read.words] : []);
        this.settling = { open: this.open, event, looks: new Set(state.crashLook === null ? [] : [state.crashLook]), words, look: state.crashLook, vanished: showsNoCharacters(read) };
        this.open = null;
      }
    }
    const open = this.open;
    // Reads already rising belong to the flight being confirmed, not to betting.
    if (open && state.phase === 'BETTING' && open.flightAt === null && (state.run?.rises ?? 0) === 0) {
      const look = lookOf(read);
      open.bettingLooks.set(look, (open.bettingLooks.get(look) ?? 0) + 1);
      if (read.kind === 'text' && read.words) open.bettingWords.set(read.words, (open.bettingWords.get(read.words) ?? 0) + 1);
    }
    if (open && state.phase === 'FLYING' && read.kind === 'text' && read.words && open.flightWords.length < MAX_SAMPLES) open.flightWords.push({ at: read.at, word: read.words });
    if (open && state.phase === 'FLYING' && read.kind === 'value' && events.length === 0) {
      // Each value when it first showed: a screen that stalls repeats its value for as long as it stands still, and
      // those repeats pulled the fitted rate down (0.00010 for 0.00025/ms under load). The slope needs no more.
      const last = open.samples.at(-1);
      if (open.samples.length < MAX_SAMPLES && last?.multiplier !== read.value) open.samples.push({ at: read.at, multiplier: read.value });
      noteFlying(open, read.at, read.value);
      if (read.decimals != null) open.decimals = Math.max(open.decimals ?? 0, read.decimals);
      if (read.trailingZeros) open.trailingZeros = read.trailingZeros;
      if (read.ink) open.ink = read.ink;
    }
    return done;
  }

  rounds(): readonly WatchedRound[] {
    return this.finished;
  }

  private close(open: OpenRound, crash: Extract<PhaseEvent, { type: 'crash' }>, seen: { look: string | null; looks?: ReadonlySet<string>; words?: ReadonlySet<string>; vanished?: boolean }): WatchedRound {
    const crashLook = seen.look;
    const quantum = open.decimals === null ? 0.01 : 10 ** -open.decimals;
    const round: WatchedRound = {
      timeline: [...open.timeline, { phase: 'crash', t: crash.at - open.startedAt, ...(crashLook ? { look: crashLook } : {}) }],
      bettingLooks: lastingLooks(open.bettingLooks),
      crashLook,
      crashLooks: [...(seen.looks ?? (crashLook === null ? [] : [crashLook]))],
      crashValue: crash.value,
      crashReason: crash.reason,
      rate: rateOf(open, quantum),
      decimals: open.decimals,
      trailingZeros: open.trailingZeros,
      firstValue: open.samples[0]?.multiplier ?? null,
      whole: open.sawBetting && open.bettingLooks.size > 0,
      numberVanished: seen.vanished ?? false,
      flightColour: open.ink ? colourBucket(open.ink) : null,
      bettingWords: [...open.bettingWords].filter(([, n]) => n >= MIN_BETTING_WORD_READS).map(([word]) => word),
      // The crash's own first frames are read before the flight is called crashed.
      flightWords: [...new Set(open.flightWords.filter((w) => w.at < crash.at - CRASH_CONFIRM_MARGIN_MS).map((w) => w.word))],
      crashWords: [...(seen.words ?? [])],
    };
    this.finished.push(round);
    return round;
  }
}

/**
 * The looks betting showed for more than a flicker. Betting is often seen a frame before the readout changes (the Bet
 * button turns first, the readout is still blank from the crash): learned as a betting look, that blank would hide
 * every instant crash whose look is blank too.
 */
function lastingLooks(counts: ReadonlyMap<string, number>): string[] {
  const total = [...counts.values()].reduce((sum, n) => sum + n, 0);
  return [...counts].filter(([, n]) => n >= Math.max(MIN_BETTING_LOOK_READS, MIN_BETTING_LOOK_SHARE * total)).map(([look]) => look);
}

/** Steps (1.1, 1.2, 1.3, 1.4) a one-decimal flight must show to teach the rate, and the most its fit may be in doubt. */
const MIN_RATE_STEPS = 4;
const MAX_STEP_RATE_DOUBT = 0.03;

/** Notes a step when the number shows a higher value than before; `previousAt` as in FlightSample. */
function noteFlying(open: OpenRound, at: number, value: number, previousAt?: number): void {
  const last = open.lastFlying;
  const step = stepPast(last, at, value, previousAt);
  if (step && open.steps.length < MAX_SAMPLES) open.steps.push(step);
  if (!last || value >= last.value) open.lastFlying = { at, value };
}

/**
 * The flight's growth rate, when it rose far enough to tell. A display with 0 or 1 decimals is timed by its steps,
 * each a crossing seen within a read: four of them (1.1x to 1.4x) pin the rate to a few per cent, where its floored
 * reads needed ten steps (to 2.0x), and half of all rounds crash before that, so two watched rounds often taught none
 * and a target inside a later flight's first step waited for the second (1.21 for 1.15).
 */
function rateOf(open: OpenRound, quantum: number): number | null {
  if (coarseQuantum(quantum) && open.steps.length >= MIN_RATE_STEPS) {
    const growth = stepsGrowth(open.steps);
    if (growth && Math.sqrt(growth.varRate) <= MAX_STEP_RATE_DOUBT * growth.rate) return growth.rate;
  }
  return reliableForRate(open.samples, quantum) ? (fitGrowth(open.samples, { quantum })?.rate ?? null) : null;
}

/** A short flight's few quantised reads can misstate the rate twofold: only flights that rose ten steps teach it. */
function reliableForRate(samples: readonly { multiplier: number }[], quantum: number): boolean {
  if (samples.length < 8) return false;
  return samples[samples.length - 1]!.multiplier - samples[0]!.multiplier >= 10 * quantum;
}

/**
 * Whether the watched rounds make a signature to bet on. The last whole rounds must agree on the crash look (or on
 * the number vanishing, whatever it left behind) and the decimals, and their rates must be alike: a region drawn
 * over the wrong element, or a game that changed its look mid-rehearsal, never passes.
 */
export function verdictOf(rounds: readonly WatchedRound[], needed = ROUNDS_TO_LEARN): { verdict: Verdict; signature: GameSignature | null } {
  const whole = rounds.filter((r) => r.whole);
  if (whole.length < needed) {
    const why = rounds.length === 0 ? `still learning this game (0 of ${needed} rounds seen)` : `still learning this game (${whole.length} of ${needed} rounds seen)`;
    return { verdict: { ready: false, why }, signature: null };
  }
  const recent = whole.slice(-needed);
  const lateStart = recent.find(startedLate);
  if (lateStart) return { verdict: { ready: false, why: startedLateWhy(lateStart) }, signature: null };
  const crashes = new Set(recent.filter(showsCrashLook).map((r) => (r.numberVanished ? VANISHED : crashLookKey(r.crashLook))));
  // A blank where the number was is the number vanishing too, with nothing left behind this time. And rounds that
  // showed the same look agree, though in one of them it was never legible (crash text read as bare ink).
  const looks = new Set(recent.filter(showsCrashLook).map((r) => crashLookKey(r.crashLook)));
  const illegibleOnce = crashes.size > 1 && looks.size === 1 && !looks.has('blank') && !looks.has(null);
  const agree = crashes.size <= 1 || illegibleOnce || (crashes.size === 2 && crashes.has(VANISHED) && crashes.has('blank'));
  if (!agree) return { verdict: { ready: false, why: `the crash looked different in the last ${needed} rounds (${[...crashes].join(' vs ')})` }, signature: null };
  // A flight that crashed before its number was read once (1.11 in 170 ms) says nothing about the decimals.
  const decimals = new Set(recent.flatMap((r) => (r.decimals === null ? [] : [r.decimals])));
  if (decimals.size > 1) return { verdict: { ready: false, why: `the number showed different decimals (${[...decimals].join(' vs ')})` }, signature: null };
  const zeros = new Set(whole.flatMap((r) => (r.trailingZeros === null ? [] : [r.trailingZeros])));
  const recentRates = recent.flatMap(rateTaught);
  // Rounds too short to teach the rate leave it to an earlier whole round that did.
  const rates = recentRates.length > 0 ? recentRates : whole.flatMap(rateTaught).slice(-1);
  if (rates.length > 1 && Math.max(...rates) / Math.min(...rates) > RATE_TOLERANCE) {
    return { verdict: { ready: false, why: `the growth rate differed between rounds (${rates.map((r) => (r * 1000).toFixed(3)).join(' vs ')} per s)` }, signature: null };
  }
  const signature: GameSignature = {
    version: 1,
    bettingLooks: [...new Set(whole.flatMap((r) => r.bettingLooks))].sort(),
    crashLooks: [...new Set(whole.filter(showsCrashLook).flatMap(crashLooksOf))].sort().slice(0, MAX_CRASH_LOOKS),
    decimals: decimals.size === 1 ? [...decimals][0]! : null,
    // Rounds that disagree leave the format to be learned in each session, as before it was kept.
    ...(zeros.size === 1 ? { trailingZeros: [...zeros][0]! } : {}),
    rate: rates.length > 0 ? { min: Math.min(...rates), max: Math.max(...rates) } : null,
    rounds: whole.length,
    // Not for text that was once illegible: that crash shows, it does not vanish.
    ...(crashes.has(VANISHED) && !illegibleOnce ? { numberVanishes: true } : {}),
    ...crashWordsOf(whole),
  };
  return { verdict: { ready: true }, signature };
}

const VANISHED = 'the number vanishing';

const rateTaught = (round: WatchedRound): number[] => (round.rate === null ? [] : [round.rate]);

/**
 * A flight seen from its betting phase starts at 1.00x. Its first number read this high is a misread of the format,
 * never the flight: dawn with letter-spacing -10px read x1.60 as x160 on every frame, and a game learned that way
 * with 0 decimals would take 100 for 1.00 and any target as reached at once.
 */
const MAX_FIRST_VALUE = 2;
const startedLate = (round: WatchedRound) => round.whole && round.firstValue !== null && round.firstValue >= MAX_FIRST_VALUE;
const startedLateWhy = (round: WatchedRound) => `a flight's first number read was ${round.firstValue}x, where crash games start at 1.00x: the number is misread (a decimal point lost?)`;

/**
 * Words the crash said in two rounds or more that neither betting nor a flight ever said: OCR noise in one round
 * teaches nothing, and a plane read as "age" over the digits must never end a flight with our bet in it.
 */
function crashWordsOf(rounds: readonly WatchedRound[]): { crashWords?: string[] } {
  const notCrash = new Set(rounds.flatMap((r) => [...r.bettingWords, ...r.flightWords]));
  const said = new Map<string, number>();
  for (const round of rounds.filter(showsCrashLook)) for (const word of round.crashWords) said.set(word, (said.get(word) ?? 0) + 1);
  const words = [...said].filter(([word, n]) => n >= ROUNDS_TO_LEARN && !notCrash.has(word)).map(([word]) => word).sort();
  return words.length > 0 ? { crashWords: words } : {};
}

/**
 * Words on a line of their own over the number (FLEW AWAY! above the red number) are one crash look whether the
 * reader made out the number under them or only the words: that turns on the number's length and font (jet in Fira
 * Code at 56 px read 1.6x as text, 6.8x as a value). The group is the look without that reading.
 */
const WORDS_OVER_NUMBER = /^(?:text|value):(.+:lines)$/;

/** A crash look as rounds must agree on it: either reading of words over the number is the same look. */
function crashLookKey(look: string | null): string | null {
  const over = look === null ? null : WORDS_OVER_NUMBER.exec(look);
  return over ? `words-over-number:${over[1]}` : look;
}

/** Every reading of a crash look the reads may show: both, for words over the number. */
function bothReadings(look: string): string[] {
  const over = WORDS_OVER_NUMBER.exec(look);
  return over ? [`text:${over[1]}`, `value:${over[1]}`] : [look];
}

/** A stall or a restart looks like the flight itself: never a look that means "crashed". */
const showsCrashLook = (round: WatchedRound) => round.crashReason !== 'stalled' && round.crashReason !== 'restarted';

/** The looks a round teaches as crash looks: bare ink in the digits' own colour may be the number hidden, never a crash. */
function crashLooksOf(round: WatchedRound): string[] {
  if (!round.numberVanished) return [...round.crashLooks];
  return round.crashLooks.filter((look) => look === 'blank' || colourOfLook(look) !== round.flightColour);
}

/**
 * A round played on a learned game, added to what was learned: where the number vanishes, the backdrop it left this
 * time (the curve reaches the readout only in long flights) is a crash look from now on; and a game learned from
 * rounds too short to teach the rate learns it from the first round that does.
 */
export function learnedFrom(signature: GameSignature, round: WatchedRound): GameSignature {
  const rated = signature.rate === null && round.rate !== null && round.whole ? { ...signature, rate: { min: round.rate, max: round.rate } } : signature;
  return withCrashLooksOf(rated, round);
}

function withCrashLooksOf(signature: GameSignature, round: WatchedRound): GameSignature {
  if (!signature.numberVanishes || !round.numberVanished || !round.whole || !showsCrashLook(round)) return signature;
  const added = crashLooksOf(round).filter((look) => !signature.crashLooks.includes(look) && !signature.bettingLooks.includes(look));
  if (added.length === 0 || signature.crashLooks.length + added.length > MAX_CRASH_LOOKS) return signature;
  return { ...signature, crashLooks: [...signature.crashLooks, ...added].sort() };
}

export function knownLooks(signature: GameSignature | null): KnownLooks | null {
  if (!signature) return null;
  return {
    bettingLooks: signature.bettingLooks,
    crashLooks: [...new Set(signature.crashLooks.flatMap(bothReadings))],
    ...(signature.rate ? { maxRate: signature.rate.max * MAX_RATE_MARGIN, learnedRate: signature.rate } : {}),
    ...(signature.numberVanishes ? { numberVanishes: true } : {}),
    ...(signature.crashWords ? { crashWords: signature.crashWords } : {}),
    ...(signature.decimals !== null && signature.trailingZeros ? { format: { decimals: signature.decimals, trailingZeros: signature.trailingZeros } } : {}),
  };
}

/** Why a round played with a signature does not match it (the game changed its look, the window moved), or null. */
export function mismatchOf(signature: GameSignature, round: WatchedRound): string | null {
  const vanishedAsLearned = signature.numberVanishes === true && round.numberVanished;
  const learnedLook = round.crashLook !== null && signature.crashLooks.some((look) => crashLookKey(look) === crashLookKey(round.crashLook));
  if (round.crashLook !== null && !learnedLook && showsCrashLook(round) && !vanishedAsLearned) {
    return `the crash looked like "${round.crashLook}", not as learned (${signature.crashLooks.join(', ')})`;
  }
  if (startedLate(round)) return startedLateWhy(round);
  if (round.decimals !== null && signature.decimals !== null && round.decimals !== signature.decimals) {
    return `the number showed ${round.decimals} decimals, not ${signature.decimals} as learned`;
  }
  if (round.rate !== null && signature.rate && (round.rate > signature.rate.max * 2 || round.rate < signature.rate.min / 2)) {
    return `the number grew at ${(round.rate * 1000).toFixed(3)}/s, far from the learned ${(signature.rate.min * 1000).toFixed(3)}–${(signature.rate.max * 1000).toFixed(3)}/s`;
  }
  return null;
}

// Runs in: anywhere (pure).
// What an observer of the multiplier region can infer about the round, read by read (BRIEF §3 "Reads are physical").
//
// Games show their phases in many ways (a blank readout, a countdown, "WAITING FOR NEXT ROUND", a frozen 1.00x or
// the last crash value while betting; "BUSTED", "FLEW AWAY!" on an extra line, a red number or no number at all
// after a crash). So no look is assumed to mean a phase. Instead:
// - a flight is a value that RISES along a plausible curve: `confirmRises` increases in a row. A countdown falls, a
//   frozen 1.00x or a left-over crash value stands still, text has no value: none of them is ever a flight;
// - in flight, values only rise; a value that goes backwards or jumps impossibly is a misread;
// - a flight ends on positive evidence: the look changes (text replaces the number, the number changes colour or
//   gains a line) for `confirmReads` reads, the value stops rising for longer than its own fitted curve allows,
//   the read disappears, or values restart lower. A number that is there but refused in the flight's own look (a
//   rocket in front of the digits) is hidden, not gone: the flight goes on, for up to `unreadMs`;
// - after a crash, betting is the first different look that holds (or, once learned, a look seen in betting).
// While our bet is open, missing or doubtful reads never end the flight: the round goes `lost`, and the executor
// decides from the buttons. A false crash with money at risk would abandon the bet.

import { coarseQuantum, decimalsOfQuantum, pointLostValue } from './partial-read';
import { colourBucket, recoloured as inkRecoloured, sameColour, type Rgb } from './readout-look';
import type { KnownFormat, TrailingZeros } from '../ocr/format-lock';

export type RoundPhase = 'UNKNOWN' | 'BETTING' | 'FLYING' | 'CRASHED';

interface ReadLook {
  readonly ink?: Rgb | null;
  /** Text lines in the region besides the one read ("FLEW AWAY!" above the number, "PREPARING" below it). */
  readonly extraLines?: number;
}

/** What the Bet button shows compared with just after the crash: games re-enable or recolour it when betting opens. */
interface ButtonCue {
  readonly betButton?: 'same' | 'changed';
}

export type PhaseRead =
  /** `trailingZeros`: what the game does with them, once the reader has seen it (a learned format, see KnownLooks.format). */
  | ({ readonly at: number; readonly kind: 'value'; readonly value: number; readonly decimals?: number | null; readonly trailingZeros?: TrailingZeros } & ReadLook & ButtonCue)
  | ({ readonly at: number; readonly kind: 'none' } & ButtonCue)
  /** `inkOnly`: ink where no character could be read (a curve or sprite left where the number was, or covering it). */
  /** `words`: what the text says, coarsely (`statusWord`): "CRA" for CRASHED, "STA" for Starting in 3. */
  /** `digits`: the text, when it is nothing but digits and a sign: a number whose decimal point joined a digit ("227x"). */
  /** `number`: the value the text spells, when it spells a multiplier the reader would not vouch for ("3.18x" with a comet touching it). */
  | ({ readonly at: number; readonly kind: 'text'; readonly long?: boolean; readonly inkOnly?: boolean; readonly words?: string; readonly digits?: string; readonly number?: number } & ReadLook & ButtonCue);

export type CrashReason = 'crash-text' | 'colour' | 'extra-line' | 'disappeared' | 'stalled' | 'restarted';

export interface FlightSample {
  readonly at: number;
  readonly value: number;
  /** The last read still showing the previous value: the step happened between the two (coarse displays). */
  readonly previousAt?: number;
}

export type PhaseEvent =
  | { readonly type: 'betting'; readonly at: number }
  | { readonly type: 'flight'; readonly at: number; readonly value: number; readonly resumed: boolean; readonly samples: readonly FlightSample[] }
  | { readonly type: 'crash'; readonly at: number; readonly value: number | null; readonly reason: CrashReason }
  | { readonly type: 'rejected'; readonly at: number; readonly value: number; readonly reason: 'backwards' | 'jump' }
  /** The flight's last rise was a misread (a lone 1.58 between 1.54 and 1.56): the flight goes on from `value`. */
  | { readonly type: 'retracted'; readonly at: number; readonly misread: number; readonly value: number }
  /** Our bet is open and the reads no longer show the flight: only the buttons or a learned crash look can end it. */
  | { readonly type: 'lost'; readonly at: number }
  /** Rising values again after `lost`: the round is still flying. */
  | { readonly type: 'regained'; readonly at: number; readonly value: number };

/** Looks learned from watching the game (see game-signature.ts): they make betting and crash recognisable at once. */
export interface KnownLooks {
  readonly bettingLooks: readonly string[];
  readonly crashLooks: readonly string[];
  /** Fastest plausible growth per ms for this game (twice the fastest learned): a read beyond it is a misread. */
  readonly maxRate?: number;
  /** The growth per ms the learned rounds were fitted at. */
  readonly learnedRate?: { readonly min: number; readonly max: number };
  /** The game's number vanishes at a crash: a crash look of bare ink is what it left behind, as weak a sign as a blank. */
  readonly numberVanishes?: boolean;
  /**
   * Words only the crash showed (`statusWord`s never read while betting or in flight): where crash text and the
   * countdown share a colour, and the flight's, they are the one thing that tells them apart.
   */
  readonly crashWords?: readonly string[];
  /** The number's format: the reader holds it from the first read of a session. */
  readonly format?: KnownFormat;
}

export interface PhaseConfig {
  /** A flight whose read is blank this long has crashed (unless our bet is open). */
  readonly missingMs: number;
  /**
   * The same for a number in the flight's own look that the reader refused (a rocket or a plane in front of the
   * digits): it is still there, hidden, and a crash would change its look (colour, words, a line, a blank), so the
   * flight goes on this long. A rocket may hover over the digits until the crash.
   */
  readonly unreadMs: number;
  /** Slowest plausible growth per ms: the stall limit before a flight's own rate is known. */
  readonly minRate: number;
  /** Fastest plausible growth per ms: faster apparent growth is a misread. */
  readonly maxRate: number;
  /** Added to stall and jump limits for capture and frame jitter. */
  readonly slackMs: number;
  /** A value standing still shorter than this never ends a flight on its own. */
  readonly minStallMs: number;
  /** Consecutive lower reads that mean a new round, not a misread. */
  readonly backwardReadsForRestart: number;
  /**
   * A lower read this soon after a rise, at or above the value before it, retracts that rise as a misread: a crash
   * and a whole betting phase cannot fit in between.
   */
  readonly retractWithinMs: number;
  /** Display step when the read does not say its decimals. */
  readonly quantum: number;
  /** Increases in a row that make a flight. */
  readonly confirmRises: number;
  /** Reads in a row a new look must hold to count (a crash look, or betting after a crash). */
  readonly confirmReads: number;
  /** A value shown this long without moving is a betting display (frozen 1.00x, last crash), not a flight start. */
  readonly staticMs: number;
  /**
   * How long after a crash its look may still change (FLEW AWAY! drawn first, the red number under it a frame
   * later): the look it settles on is the crash look, not a sign that betting opened.
   */
  readonly crashSettleMs: number;
  readonly known: KnownLooks | null;
}

export const DEFAULT_PHASE_CONFIG: PhaseConfig = {
  missingMs: 250,
  unreadMs: 15_000,
  minRate: 0.00003,
  maxRate: 0.002,
  slackMs: 100,
  minStallMs: 600,
  backwardReadsForRestart: 3,
  retractWithinMs: 500,
  quantum: 0.01,
  confirmRises: 2,
  confirmReads: 2,
  staticMs: 400,
  crashSettleMs: 600,
  known: null,
};

/** A candidate flight: values rising in a row since `startAt`. */
interface Run {
  readonly startAt: number;
  readonly lastValue: number;
  readonly lastAt: number;
  readonly lastRiseAt: number;
  readonly rises: number;
  readonly samples: readonly FlightSample[];
  /** The run's latest read: its look is the flight's if the run becomes one. */
  readonly lastRead: Extract<PhaseRead, { kind: 'value' }>;
  /** The look of the number this run took over from, when it began lower or in another look (the last crash, dimmed). */
  readonly tookOverFrom?: string;
}

export interface PhaseState {
  readonly phase: RoundPhase;
  /** Flights seen so far (a resumed flight is not a new one). */
  readonly flights: number;
  readonly lastValue: number | null;
  readonly lastValueAt: number | null;
  /** When the displayed value last increased (or the flight started). */
  readonly lastRiseAt: number | null;
  /** The last few times between rises watched without a break (`displayCadenceMs`). */
  readonly riseGapsMs: readonly number[];
  readonly flightStartAt: number | null;
  readonly flightStartValue: number | null;
  /** The flight's display step (0.01 for two decimals), from the reads' decimals. */
  readonly quantum: number;
  /** Ink and extra lines of the latest rising read: the flight's own look. */
  readonly ink: Rgb | null;
  readonly extraLines: number;
  readonly missingSince: number | null;
  /** Since when every read has shown the flight's number hidden (refused, in the flight's look); null otherwise. */
  readonly hiddenSince: number | null;
  /** The highest value a read that lost only its decimal point showed in this flight (`pointLostValue`). */
  readonly pointLostTop: number | null;
  readonly backwardReads: number;
  /** The flight's value before its last rise and when that one first showed: what a retracted rise goes back to. */
  readonly riseFrom: { readonly value: number; readonly riseAt: number } | null;
  /** Consecutive reads in flight that look unlike the flight (other colour, extra line, text). */
  readonly oddReads: number;
  /** The look of the first odd value read of that streak: the streak only grows while the odd reads agree. */
  readonly oddLook: ReadLook | null;
  /** When that streak began. */
  readonly oddSince: number | null;
  /** Rising reads in one look other than the flight's, none of them in another look. */
  readonly oddRises: number;
  /**
   * The look those rises share. A rise in a third look starts over: a sprite's stray line at 1.76 and the crash's red
   * at 2.07 are not one new look the number kept rising in (rocket, 72 px: the red crash value was adopted as the flight's look).
   */
  readonly oddRiseLook: ReadLook | null;
  readonly betOpen: boolean;
  readonly lost: boolean;
  readonly run: Run | null;
  readonly crashValue: number | null;
  readonly crashReason: CrashReason | null;
  readonly crashLook: string | null;
  readonly crashAt: number | null;
  /** Consecutive reads since the crash whose look differs from the crash look. */
  readonly changedReads: number;
  /** A blank or text read was seen since the crash: the next rising value is a new round. */
  readonly gapSinceCrash: boolean;
  /**
   * The crash was words read in the flight's own ink with no new line: maybe a sprite flying over the digits (a plane
   * whose red matches the number), so the number rising on past it soon after resumes the flight.
   */
  readonly crashMayResume: boolean;
  /** Since when the current value has been shown unchanged outside flight. */
  readonly staticSince: number | null;
  /** When betting was last seen to open. */
  readonly bettingAt: number | null;
}

export const INITIAL_PHASE_STATE: PhaseState = {
  phase: 'UNKNOWN',
  flights: 0,
  lastValue: null,
  lastValueAt: null,
  lastRiseAt: null,
  riseGapsMs: [],
  flightStartAt: null,
  flightStartValue: null,
  quantum: DEFAULT_PHASE_CONFIG.quantum,
  ink: null,
  extraLines: 0,
  missingSince: null,
  hiddenSince: null,
  pointLostTop: null,
  backwardReads: 0,
  riseFrom: null,
  oddReads: 0,
  oddLook: null,
  oddSince: null,
  oddRises: 0,
  oddRiseLook: null,
  betOpen: false,
  lost: false,
  run: null,
  crashValue: null,
  crashReason: null,
  crashLook: null,
  crashAt: null,
  changedReads: 0,
  gapSinceCrash: false,
  crashMayResume: false,
  staticSince: null,
  bettingAt: null,
};

export interface PhaseStep {
  readonly state: PhaseState;
  readonly events: readonly PhaseEvent[];
}

/** A coarse, frame-stable description of a read: what games keep the same within a phase. */
export function lookOf(read: PhaseRead): string {
  if (read.kind === 'none') return 'blank';
  return `${read.kind}:${colourBucket(read.ink)}:${(read.extraLines ?? 0) > 0 ? 'lines' : 'line'}`;
}

/** The colour bucket a look was made with (see {@link lookOf}); null for a blank. */
export function colourOfLook(look: string): string | null {
  return look === 'blank' ? null : (look.split(':')[1] ?? null);
}

/** Nothing legible where the number was: a blank, or ink with no character in it (the backdrop left behind). */
export function showsNoCharacters(read: PhaseRead): boolean {
  return read.kind === 'none' || (read.kind === 'text' && read.inkOnly === true);
}

/** Marks whether our bet is open: while it is, reads alone never end the flight. */
export function withBetOpen(state: PhaseState, betOpen: boolean): PhaseState {
  return state.betOpen === betOpen ? state : { ...state, betOpen };
}

export function stepPhase(state: PhaseState, read: PhaseRead, config: PhaseConfig = DEFAULT_PHASE_CONFIG): PhaseStep {
  return state.phase === 'FLYING' ? stepFlying(state, read, config) : stepWaiting(state, read, config);
}

const MAX_RUN_SAMPLES = 64;
/** A run starting at or below this is a flight leaving 1.00x (not a left-over value starting to count). */
const SHORT_FLIGHT_START = 1.01;
const quantumOf = (read: PhaseRead, fallback: number) => (read.kind === 'value' && read.decimals != null ? 10 ** -read.decimals : fallback);

function startFlight(state: PhaseState, at: number, value: number, resumed: boolean, samples: readonly FlightSample[], read: PhaseRead, config: PhaseConfig): PhaseStep {
  const look: ReadLook = read.kind === 'none' ? {} : read;
  return {
    state: {
      ...INITIAL_PHASE_STATE,
      betOpen: state.betOpen,
      phase: 'FLYING',
      flights: resumed ? state.flights : state.flights + 1,
      lastValue: value,
      lastValueAt: read.at,
      lastRiseAt: read.at,
      flightStartAt: resumed ? (state.flightStartAt ?? at) : at,
      flightStartValue: resumed ? (state.flightStartValue ?? samples[0]?.value ?? value) : (samples[0]?.value ?? value),
      quantum: quantumOf(read, config.quantum),
      ink: look.ink ?? null,
      extraLines: look.extraLines ?? 0,
    },
    events: [{ type: 'flight', at, value, resumed, samples }],
  };
}

function crash(state: PhaseState, at: number, value: number | null, reason: CrashReason, look: string): PhaseStep {
  return {
    state: {
      ...state,
      phase: 'CRASHED',
      crashValue: value,
      crashReason: reason,
      crashLook: look,
      crashAt: at,
      changedReads: 0,
      missingSince: null,
      hiddenSince: null,
      backwardReads: 0,
      oddReads: 0,
      lost: false,
      run: null,
      staticSince: null,
      gapSinceCrash: reason !== 'stalled',
      crashMayResume: false,
    },
    events: [{ type: 'crash', at, value, reason }],
  };
}

/** Extends the rising run with a value read, or starts a new one. */
function nextRun(run: Run | null, read: Extract<PhaseRead, { kind: 'value' }>, config: PhaseConfig, quantum: number): Run {
  const fresh: Run = { startAt: read.at, lastValue: read.value, lastAt: read.at, lastRiseAt: read.at, rises: 0, samples: [{ at: read.at, value: read.value }], lastRead: read };
  if (!run) return fresh;
  const previousLook = lookOf(run.lastRead);
  if (read.value < run.lastValue) return { ...fresh, tookOverFrom: previousLook };
  if (read.value === run.lastValue) {
    // Standing still: before any rise this is a frozen display, so the flight (if any) starts from here.
    const tookOverFrom = previousLook !== lookOf(read) ? previousLook : run.tookOverFrom;
    if (run.rises === 0) return tookOverFrom === undefined ? fresh : { ...fresh, tookOverFrom };
    if (read.at - run.lastRiseAt > stallLimit(run.lastValue, quantum, config.minRate, config.slackMs)) return fresh;
    return { ...run, lastAt: read.at, lastRead: read };
  }
  const plausible = read.value <= reachableFrom(run.lastValue, read.at - run.lastAt, quantum, config);
  if (!plausible) return fresh;
  const samples = run.samples.length < MAX_RUN_SAMPLES ? [...run.samples, { at: read.at, value: read.value, previousAt: run.lastAt }] : run.samples;
  return { ...run, lastValue: read.value, lastAt: read.at, lastRiseAt: read.at, rises: run.rises + 1, samples, lastRead: read };
}

/** Rise gaps kept for the display's cadence. */
const RISE_GAPS_KEPT = 3;
/** A rise counts toward the cadence only when the value before it was read this recently (not hidden meanwhile). */
const MAX_WATCHED_READ_GAP_MS = 50;
/** No game draws its number less often than this. */
const MAX_CADENCE_MS = 250;

/**
 * How often the display can show a new value: the shortest of the last few gaps between rises watched without a break.
 * A game drawing every frame rises every frame or every step, whichever is longer; one drawing server ticks, every
 * tick. Zero until enough rises are seen.
 */
export function displayCadenceMs(state: Pick<PhaseState, 'riseGapsMs'>): number {
  return state.riseGapsMs.length < RISE_GAPS_KEPT ? 0 : Math.min(MAX_CADENCE_MS, ...state.riseGapsMs);
}

/** How long the display takes to move one step (0.01 or 0.1) at `value`, growing at `rate` per ms. */
export function stepMs(value: number, quantum: number, rate: number): number {
  return Math.log((value + quantum) / value) / rate;
}

function stallLimit(value: number, quantum: number, rate: number, slackMs: number, minMs = 0): number {
  return Math.max(minMs, stepMs(value, quantum, rate) + slackMs);
}

/** A look learned as this game's crash and never seen in betting. */
function isCrashLookOnly(look: string, known: PhaseConfig['known']): boolean {
  return !!known && known.crashLooks.includes(look) && !known.bettingLooks.includes(look);
}

/** A run that left 1.00x and rose at least once: a flight, even if it crashed before rising again. */
function leftOneDotZero(run: Run): boolean {
  return run.rises >= 1 && (run.samples[0]?.value ?? Infinity) <= SHORT_FLIGHT_START;
}

/**
 * On a learned game showing one decimal or none, the first step up from 1.0x is a flight when that 1.0x took over, in
 * the look it then rose in, from a betting display in another look (the last crash, dimmed), or the look was never
 * seen while betting, and never at a crash. Its second rise comes only at 1.2x, and a target between the two (1.15x)
 * was clicked once 1.2x showed, paying 1.21 (the stranger game `ember`, 2026-12-07). A 1.0x frozen through betting
 * in the flight's own look took over from nothing, and such a game still waits for the second rise.
 */
function firstStepFromOne(before: Run | null, run: Run, look: string, config: PhaseConfig, quantum: number): boolean {
  const { known } = config;
  if (!known || !before || !coarseQuantum(quantum) || run.rises !== 1 || !leftOneDotZero(run) || known.crashLooks.includes(look)) return false;
  const tookOverFromBetting = before.tookOverFrom !== undefined && before.tookOverFrom !== look && known.bettingLooks.includes(before.tookOverFrom);
  return lookOf(before.lastRead) === look && (tookOverFromBetting || !known.bettingLooks.includes(look));
}

function stepWaiting(state: PhaseState, read: PhaseRead, config: PhaseConfig): PhaseStep {
  const look = lookOf(read);
  const events: PhaseEvent[] = [];
  let s = state;

  if (read.kind === 'value') {
    // A number stopped (by stall) that starts rising again without a gap: the stall was a false alarm.
    if (s.phase === 'CRASHED' && s.crashReason === 'stalled' && !s.gapSinceCrash && s.crashValue !== null && read.value > s.crashValue) {
      return startFlight(s, read.at, read.value, true, [{ at: read.at, value: read.value }], read, config);
    }
    if (resumesPastSprite(s, read.at, read.value, read, config)) return startFlight(s, read.at, read.value, true, [{ at: read.at, value: read.value }], read, config);
    const run = nextRun(s.run, read, config, quantumOf(read, config.quantum));
    const before = s.run;
    const crashedInNewLook = run.rises >= config.confirmRises || read.value === before?.lastValue;
    // A run that rose into a look learned as this game's crash left 1.00x too, even if its first step went unread
    // (a display drawn on 100 ms ticks shows 1.02 first).
    const rose = before && (leftOneDotZero(before) || (before.rises >= 1 && isCrashLookOnly(look, config.known)));
    if (crashedInNewLook && before && rose && lookChanged(before.lastRead, read)) {
      // The rise that would confirm the flight came in a new look (red, under FLEW AWAY!), or the number turned red
      // where it stood: a flight that left 1.00x and crashed a step later, the crash drawn a step up or in place. It
      // flies in the look it rose in; the flight model judges this read (1.0x, 1.1x, then 1.2x already red: taken as
      // the flight's own look, the crash never showed; or 1.1x turned red, held, then the countdown: the countdown
      // taken for the crash look).
      const flight = startFlight(s, before.startAt, before.lastValue, false, before.samples, before.lastRead, config);
      const next = stepFlying({ ...flight.state, lastValueAt: before.lastAt, lastRiseAt: before.lastRiseAt }, read, config);
      return { state: next.state, events: [...events, ...flight.events, ...next.events] };
    }
    if (run.rises >= config.confirmRises || firstStepFromOne(before, run, look, config, quantumOf(read, config.quantum))) {
      const flight = startFlight(s, run.startAt, read.value, false, run.samples, read, config);
      return { state: flight.state, events: [...events, ...flight.events] };
    }
    const staticSince = s.run && s.run.lastValue === read.value && s.staticSince !== null ? s.staticSince : read.at;
    s = { ...s, run, staticSince };
  } else {
    // A number that left 1.00 and rose once, then gave way to a blank or text: a flight that crashed before its
    // second rise (1.0x, 1.1x, gone, on a one-decimal display). The flight model decides on the read as usual.
    const run = s.run;
    if (s.phase === 'BETTING' && run && leftOneDotZero(run)) {
      // The flight looks like its number did, not like what replaced it (crash text would pass for its own ink).
      const flight = startFlight(s, run.startAt, run.lastValue, false, run.samples, run.lastRead, config);
      const next = stepFlying({ ...flight.state, lastValueAt: run.lastAt, lastRiseAt: run.lastRiseAt }, read, config);
      return { state: next.state, events: [...events, ...flight.events, ...next.events] };
    }
    s = { ...s, run: null, staticSince: null };
  }

  const known = config.known;
  const bettingLook = (): boolean => {
    if (known && !known.bettingLooks.includes(look) && read.betButton !== 'changed') return false;
    // A number on screen outside flight counts as betting only once it has clearly stood still.
    return read.kind !== 'value' || read.at - (s.staticSince ?? read.at) >= config.staticMs;
  };

  // The flight's number back past the sprite that ended it, only not vouched for (the comet still touching it): no new
  // look, and no betting, whatever look it shares with the countdown. The next read the reader vouches for resumes the
  // flight (pulse, 2026-12-07: a comet read "a" ended a watched flight at 3.06, "3.18x" refused twice passed for betting
  // in the countdown's green, and the flight that went on from 3.24x stopped the game as misread).
  if (read.kind === 'text' && read.number !== undefined && resumesPastSprite(s, read.at, read.number, read, config)) return { state: s, events };
  if (s.phase === 'CRASHED' && s.crashAt !== null && read.at - s.crashAt < config.crashSettleMs && look !== s.crashLook && !(known && known.bettingLooks.includes(look) && !known.crashLooks.includes(look))) {
    return { state: { ...s, crashLook: look, changedReads: 0, gapSinceCrash: s.gapSinceCrash || read.kind !== 'value' }, events };
  }
  const saysCrash = saysCrashWords(read, known);
  if (s.phase === 'CRASHED') {
    // Betting shows as a new look in the readout, or (where the readout keeps its crash look) a new Bet button; never
    // while the readout still says what only the crash says (its text, left a frame after the button turned).
    const changedReads = (look === s.crashLook && read.betButton !== 'changed') || saysCrash ? 0 : s.changedReads + 1;
    s = { ...s, changedReads, gapSinceCrash: s.gapSinceCrash || read.kind !== 'value' };
    if (changedReads >= config.confirmReads && bettingLook()) {
      return { state: { ...s, phase: 'BETTING', bettingAt: read.at }, events: [...events, { type: 'betting', at: read.at }] };
    }
    return { state: s, events };
  }
  const crashLookOnly = isCrashLookOnly(look, known);
  // Crash words in the countdown's own look count only once betting has shown for a while: a frame of leftover crash
  // text misread twice as something else must not turn into an instant crash with our bet in.
  const crashWordsInBetting = saysCrash && s.bettingAt !== null && read.at - s.bettingAt >= CRASH_WORDS_AFTER_BETTING_MS;
  if (s.phase === 'BETTING' && (crashLookOnly || crashWordsInBetting)) {
    // Betting straight to the crash look (crash text, or the number already red at 1.00x): a flight too short to
    // read, an instant crash. Still a round.
    const changedReads = s.changedReads + 1;
    if (changedReads < config.confirmReads) return { state: { ...s, changedReads }, events };
    const flight = startFlight(s, read.at, 1, false, [], read, config);
    const ended = crash(flight.state, read.at, read.kind === 'value' ? read.value : null, read.kind === 'none' ? 'disappeared' : read.kind === 'value' ? 'colour' : 'crash-text', look);
    return { state: ended.state, events: [...events, ...flight.events, ...ended.events] };
  }
  if (s.phase === 'BETTING') s = { ...s, changedReads: 0 };
  if (s.phase === 'UNKNOWN' && known) {
    if ((crashLookOnly && read.kind !== 'value') || saysCrash) {
      return { state: { ...s, phase: 'CRASHED', crashLook: look, changedReads: 0, gapSinceCrash: true }, events };
    }
    if (bettingLook()) return { state: { ...s, phase: 'BETTING', bettingAt: read.at }, events: [...events, { type: 'betting', at: read.at }] };
  }
  return { state: s, events };
}

function stepFlying(previous: PhaseState, read: PhaseRead, config: PhaseConfig): PhaseStep {
  // Only an unbroken streak of hidden-number reads keeps `hiddenSince`.
  const state: PhaseState = { ...previous, hiddenSince: null };
  const last = state.lastValue!;
  const look = lookOf(read);
  const saysCrash = saysCrashWords(read, config.known);
  const knownCrash = (config.known?.crashLooks.includes(look) ?? false) || saysCrash;
  // With our bet open, only a look (or words) learned as a crash ends the flight; anything else doubtful is a lost read.
  const mayEnd = (evidence: boolean) => evidence && (!state.betOpen || knownCrash);

  if (read.kind === 'value') {
    const { at, value } = read;
    // A read back between the value before the last rise and that rise says the rise was the misread, not this: a new
    // round cannot show a higher number than the flight had shown a frame before, so it is no restart either.
    const riseFrom = state.riseFrom;
    if (value < last && riseFrom && value >= riseFrom.value && at - state.lastRiseAt! <= config.retractWithinMs && !lookChanged(state, read)) {
      const back = value > riseFrom.value ? { lastRiseAt: at, riseFrom } : { lastRiseAt: riseFrom.riseAt, riseFrom: null };
      const retracted: PhaseState = { ...state, ...back, lastValue: value, lastValueAt: at, missingSince: null, backwardReads: 0 };
      return { state: retracted, events: [{ type: 'retracted', at, misread: last, value }] };
    }
    if (value < last) {
      const backwardReads = state.backwardReads + 1;
      if (backwardReads >= config.backwardReadsForRestart) {
        const ended = crash(state, state.lastValueAt!, last, 'restarted', look);
        const run = nextRun(null, read, config, quantumOf(read, config.quantum));
        return { state: { ...ended.state, run, staticSince: at }, events: ended.events };
      }
      return { state: { ...state, backwardReads }, events: [{ type: 'rejected', at, value, reason: 'backwards' }] };
    }
    // Counted from when the value was first shown: a frozen screen hides the growth, and shows it all when it thaws.
    const elapsed = Math.max(0, at - state.lastRiseAt!);
    if (value > reachableFrom(last, elapsed, state.quantum, config)) {
      return { state, events: [{ type: 'rejected', at, value, reason: 'jump' }] };
    }
    if (value > last) {
      // The crash often shows one cent above the last flight frame, already red or under "FLEW AWAY!": a rise in a
      // new look only becomes the flight's look once it keeps rising (games that shade the number as it grows).
      const changedLook = lookChanged(state, read);
      const sameOddRise = changedLook && state.oddRiseLook !== null && sameLook(read, state.oddRiseLook);
      const oddRises = !changedLook ? 0 : sameOddRise ? state.oddRises + 1 : 1;
      const adopt = !changedLook || oddRises >= config.confirmRises;
      const watchedGap = adopt && at - state.lastValueAt! <= MAX_WATCHED_READ_GAP_MS;
      const rose: PhaseState = {
        ...state,
        lastValue: value,
        lastValueAt: at,
        lastRiseAt: at,
        riseGapsMs: watchedGap ? [...state.riseGapsMs, at - state.lastRiseAt!].slice(-RISE_GAPS_KEPT) : state.riseGapsMs,
        riseFrom: { value: last, riseAt: state.lastRiseAt! },
        quantum: Math.min(state.quantum, quantumOf(read, state.quantum)),
        ink: adopt ? (read.ink ?? state.ink) : state.ink,
        extraLines: adopt ? (read.extraLines ?? 0) : state.extraLines,
        oddRises: adopt ? 0 : oddRises,
        oddRiseLook: adopt ? null : { ink: read.ink ?? null, extraLines: read.extraLines ?? 0 },
        missingSince: null,
        backwardReads: 0,
        oddReads: 0,
        // Only a rise in the flight's own look proves it flies on: the crash is often drawn a cent up, already red.
        lost: state.lost && !adopt,
      };
      return { state: rose, events: state.lost && adopt ? [{ type: 'regained', at, value }] : [] };
    }
    // The same value again: a crash if its look changed (colour, extra line), else fine until the curve should have moved.
    const recoloured = recolouredFrom(state, read);
    const newLine = gainedLine(state, read);
    const next: PhaseState = { ...state, lastValueAt: at, missingSince: null, backwardReads: 0 };
    if (recoloured || newLine) {
      // A crash look holds still; a curve or sprite crossing the digits flickers between looks (grey, then the
      // curve's gold with a stray line), and a streak of such reads is not one new look.
      const sameOddLook = state.oddReads > 0 && state.oddLook !== null && sameLook(read, state.oddLook);
      const oddReads = sameOddLook ? state.oddReads + 1 : 1;
      const oddLook: ReadLook = sameOddLook && state.oddLook ? state.oddLook : { ink: read.ink ?? null, extraLines: read.extraLines ?? 0 };
      // Games that shade the number by tier (white, then gold) recolour it between two steps, and a curve crossing
      // the readout can pass for a line of its own; a crash also stops the number. With one decimal a step takes
      // half a second, so a new colour or a new line alone ends the flight only once the next step is late. Both at
      // once (FLEW AWAY! over the number turned red) are a crash look at once.
      // A look learned as this game's crash is no tier shade: it ends the flight without waiting for the step (a slow
      // one-decimal flight can take longer for its next step than the game shows the crash).
      // A game that draws its number only on server ticks (every 100 ms, say) holds each value that long in flight,
      // while a comet crosses the readout as a line of its own: the step is late only past the display's own cadence.
      const stepLate = (newLine && recoloured) || knownCrash || at - state.lastRiseAt! >= 2 * Math.max(stepMs(last, state.quantum, 2 * flightRate(state, config)), displayCadenceMs(state));
      if (oddReads >= config.confirmReads && stepLate && mayEnd(true)) return crash(next, at, last, recoloured ? 'colour' : 'extra-line', look);
      // A curve passing for a line can hold for a few frames (jet, under load): while the number is still on time the
      // flight is being read, so the round is lost only once the odd look holds past the next step.
      const held = { ...next, oddReads, oddLook, oddSince: sameOddLook ? state.oddSince : at };
      return oddReads >= config.confirmReads && stepLate ? lostOr(held, at, []) : { state: held, events: [] };
    }
    // A stop alone is the weakest crash sign (a busy machine freezes the game's rendering for 200 ms and more), so
    // it needs a long stop; games that stop the number at a crash also recolour it, which ends the flight at once.
    if (at - state.lastRiseAt! > stallLimit(last, state.quantum, flightRate(state, config), config.slackMs, config.minStallMs)) {
      return state.betOpen ? lostOr(next, at, []) : crash(next, at, last, 'stalled', look);
    }
    return { state: { ...next, oddReads: 0 }, events: [] };
  }

  if (read.kind === 'text') {
    // The number stopped in a new colour and held it until words came (the next round's countdown): the flight ended in
    // that colour, which is its crash look, not the words'.
    const heldColour = state.oddLook && state.oddReads >= config.confirmReads && recolouredFrom(state, state.oddLook) ? lookOf({ at: read.at, kind: 'value', value: last, ...(state.oddLook.ink ? { ink: state.oddLook.ink } : {}), extraLines: state.oddLook.extraLines ?? 0 }) : null;
    if (heldColour && (!state.betOpen || (config.known?.crashLooks.includes(heldColour) ?? false))) return crash(state, state.oddSince ?? read.at, last, 'colour', heldColour);
    // Against the flight's own lines: a label it always shows (CURRENT PAYOUT) is no new line.
    const newLine = gainedLine(state, read);
    const recoloured = recolouredFrom(state, read);
    // Words seen in the flight's own ink may be a sprite over the digits read as letters ("yp", "age": a red plane
    // over red digits). With our bet open that is the number hidden, whatever look was learned; watching, it may end
    // the flight, which resumes if the number rises on past it. Without both inks nothing is proven the same.
    // Words only the crash says are no sprite, whatever their ink ("CRASHED @ 1.20x" in the flight's red).
    const ownLook = !newLine && !recoloured && !!read.ink && !!state.ink && !saysCrash;
    // The number with its point joined to a digit ("227x", tight letter-spacing), risen past anything the flight
    // showed, in the flight's ink: the flight goes on, whatever else the region shows (a comet taken for a line of its
    // own, which orbit learned as part of its crash look, ended a flight at 1.95 that flew to 4.20 with our bet in).
    // A crash holds its last value, so the reads after it are no rise.
    const pointLost = read.digits !== undefined && !recoloured ? pointLostValue(read.digits, decimalsOfQuantum(state.quantum)) : null;
    const top = state.pointLostTop;
    if (pointLost !== null && pointLost > Math.max(last, top ?? 0) && pointLost <= reachableFrom(last, read.at - state.lastRiseAt!, state.quantum, config)) {
      return hidden({ ...state, pointLostTop: pointLost, oddReads: 0, oddLook: null }, previous.hiddenSince ?? read.at, read.at, look, config);
    }
    // While such reads carry the flight, the crash shows that number held; anything else in the flight's ink is the
    // number covered (the comet read "0", then "22", for 150 ms).
    const heldNumber = pointLost !== null && top !== null && Math.abs(pointLost - top) < 1.5 * state.quantum;
    if (top !== null && top > last && !recoloured && !saysCrash && !heldNumber) return hidden(state, previous.hiddenSince ?? read.at, read.at, look, config);
    const unlike = newLine || recoloured || saysCrash || (!!read.long && !(state.betOpen && ownLook));
    if (unlike) {
      const oddReads = state.oddReads + 1;
      // Where the number vanishes at a crash, a curve crossing the digits must hold like a blank before it ends our bet.
      const holdsLikeBlank = !!(read.inkOnly && knownCrash && state.betOpen && config.known?.numberVanishes);
      if (!holdsLikeBlank && oddReads >= config.confirmReads && mayEnd(true)) {
        const ended = crash(state, read.at, last, 'crash-text', look);
        // Words in any ink may be a sprite: aviator's red plane over green digits read "g", "7", "up" and ended a
        // watched flight that then rose on (the number back in its own look two steps up proves it). Never words
        // only the crash says.
        return saysCrash ? ended : { ...ended, state: { ...ended.state, crashMayResume: true } };
      }
      return missing({ ...state, oddReads, oddLook: null }, read.at, look, config, holdsLikeBlank);
    }
    return hidden(state, previous.hiddenSince ?? read.at, read.at, look, config);
  }
  if (read.kind === 'none' && knownCrash && state.betOpen) {
    // A learned blank crash look still needs the blank to hold like any disappearance.
    return missing(state, read.at, look, config, true);
  }
  return missing(state, read.at, look, config);
}

/** How long betting must have shown before crash words in it mean an instant crash (see stepWaiting). */
const CRASH_WORDS_AFTER_BETTING_MS = 500;

/** Text saying what, while the game was learned, only its crash said. */
function saysCrashWords(read: PhaseRead, known: KnownLooks | null): boolean {
  return read.kind === 'text' && read.words !== undefined && (known?.crashWords?.includes(read.words) ?? false);
}

/** Reads that show no flight: a crash once they last `missingMs`, or `lost` while our bet is open. */
function missing(state: PhaseState, at: number, look: string, config: PhaseConfig, knownCrash = false): PhaseStep {
  const missingSince = state.missingSince ?? at;
  const next = { ...state, missingSince };
  if (at - missingSince < config.missingMs) return { state: next, events: [] };
  if (!state.betOpen || knownCrash) return crash(next, missingSince, state.lastValue, 'disappeared', look);
  return lostOr(next, at, []);
}

/** How soon after a crash-text the number may come back for the crash to have been a sprite in front of it. */
export const SPRITE_RESUME_MS = 1500;

/**
 * The number back in the flight's own look soon after words in its ink ended the flight, at least two steps above
 * where it was and no further than the flight could have grown: the words were a sprite passing over the digits.
 * A crash value shown after crash text is never above the last flight read by more than a step.
 */
function resumesPastSprite(s: PhaseState, at: number, value: number, look: ReadLook, config: PhaseConfig): boolean {
  if (s.phase !== 'CRASHED' || !s.crashMayResume || s.crashAt === null || s.crashValue === null || s.lastValueAt === null) return false;
  if (at - s.crashAt > SPRITE_RESUME_MS || lookChanged(s, look)) return false;
  return value >= s.crashValue + 2 * s.quantum - 1e-9 && value <= reachableFrom(s.crashValue, at - s.lastValueAt, s.quantum, config);
}

/** The flight's number, refused but in the flight's own look: something is in front of it. */
function hidden(state: PhaseState, hiddenSince: number, at: number, look: string, config: PhaseConfig): PhaseStep {
  const next = { ...state, hiddenSince, missingSince: null };
  if (at - hiddenSince < config.unreadMs) return { state: next, events: [] };
  if (!state.betOpen) return crash(next, hiddenSince, state.lastValue, 'disappeared', look);
  return lostOr(next, at, []);
}

/** Whether this observation shows the flight's number hidden behind something, the flight going on. */
export function showsHiddenNumber(state: PhaseState, read: PhaseRead): boolean {
  return state.phase === 'FLYING' && !state.lost && read.kind === 'text' && state.hiddenSince !== null;
}

function lostOr(state: PhaseState, at: number, events: PhaseEvent[]): PhaseStep {
  if (!state.betOpen || state.lost) return { state, events };
  return { state: { ...state, lost: true }, events: [...events, { type: 'lost', at }] };
}

function sameLook(read: ReadLook, other: ReadLook): boolean {
  return sameColour(read.ink, other.ink) && (read.extraLines ?? 0) === (other.extraLines ?? 0);
}

/** A colour change from the flight's ink; unknown ink on either side is no evidence of one. */
function recolouredFrom(before: ReadLook, read: ReadLook): boolean {
  return !!(read.ink && before.ink && inkRecoloured(read.ink, before.ink));
}

/** More text lines than `before` showed. */
function gainedLine(before: ReadLook, read: ReadLook): boolean {
  return (read.extraLines ?? 0) > (before.extraLines ?? 0);
}

/** A new colour or a new line since `before` (the flight's look, or the run's last read). */
function lookChanged(before: ReadLook, read: ReadLook): boolean {
  return recolouredFrom(before, read) || gainedLine(before, read);
}

const maxRateOf = (config: PhaseConfig) => Math.min(config.maxRate, config.known?.maxRate ?? Infinity);

/** The highest value a display can show `elapsedMs` after showing `value`, at the fastest plausible growth, plus a step. */
function reachableFrom(value: number, elapsedMs: number, quantum: number, config: PhaseConfig): number {
  return value * Math.exp(maxRateOf(config) * (elapsedMs + config.slackMs)) + quantum;
}

/** Half the flight's own growth so far (the stall limit must not fire on a slow stretch), never below `minRate`. */
function flightRate(state: PhaseState, config: PhaseConfig): number {
  const { flightStartAt, flightStartValue, lastValue, lastRiseAt } = state;
  if (flightStartAt === null || flightStartValue === null || lastValue === null || lastRiseAt === null) return config.minRate;
  const span = lastRiseAt - flightStartAt;
  if (span <= 0 || lastValue < flightStartValue + 3 * state.quantum) return config.minRate;
  return Math.max(config.minRate, Math.log(lastValue / flightStartValue) / span / 2);
}

/** Runs a whole read stream; convenient for tests and replaying recordings. */
export function replayPhases(reads: readonly PhaseRead[], config: PhaseConfig = DEFAULT_PHASE_CONFIG, initial: PhaseState = INITIAL_PHASE_STATE): PhaseStep {
  let state = initial;
  const events: PhaseEvent[] = [];
  for (const read of reads) {
    const step = stepPhase(state, read, config);
    state = step.state;
    events.push(...step.events);
  }
  return { state, events };
}

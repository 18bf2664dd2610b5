// What an observer of the multiplier region can infer about the round, read by read (BRIEF §3 "Reads are physical").
//
// Reads: a multiplier value, nothing readable, or the game's crash text. Rules:
// - a value after betting/crash starts a flight; during a flight values only rise, along a plausible curve;
// - a value that goes backwards or jumps impossibly is rejected (OCR misread), but several consecutive lower
//   values mean a new round began without us seeing the crash;
// - the flight ends when crash text appears, when the read disappears for `missingMs`, or when the value stops
//   rising for longer than the slowest plausible curve allows;
// - after a crash, a blank read means the next betting phase.
// A false crash while money is at risk stops the cash-out, so single glitches never end a flight.

export type RoundPhase = 'UNKNOWN' | 'BETTING' | 'FLYING' | 'CRASHED';

export type PhaseRead =
  | { readonly at: number; readonly kind: 'value'; readonly value: number }
  | { readonly at: number; readonly kind: 'none' }
  | { readonly at: number; readonly kind: 'crash'; readonly value?: number };

export type CrashReason = 'crash-text' | 'disappeared' | 'stalled' | 'restarted';

export type PhaseEvent =
  | { readonly type: 'betting'; readonly at: number }
  | { readonly type: 'flight'; readonly at: number; readonly value: number; readonly resumed: boolean }
  | { readonly type: 'crash'; readonly at: number; readonly value: number | null; readonly reason: CrashReason }
  | { readonly type: 'rejected'; readonly at: number; readonly value: number; readonly reason: 'backwards' | 'jump' };

export interface PhaseConfig {
  /** A flight whose read is blank this long has crashed. */
  readonly missingMs: number;
  /** Slowest plausible growth per ms: how long a displayed value may legitimately stay the same. Pass half the fitted rate. */
  readonly minRate: number;
  /** Fastest plausible growth per ms: faster apparent growth is a misread. */
  readonly maxRate: number;
  /** Added to stall and jump limits for capture and frame jitter. */
  readonly slackMs: number;
  /** Consecutive lower reads that mean a new round, not a misread. */
  readonly backwardReadsForRestart: number;
  readonly quantum: number;
}

export const DEFAULT_PHASE_CONFIG: PhaseConfig = {
  missingMs: 250,
  minRate: 0.00003,
  maxRate: 0.002,
  slackMs: 100,
  backwardReadsForRestart: 3,
  quantum: 0.01,
};

export interface PhaseState {
  readonly phase: RoundPhase;
  /** Flights seen so far (a resumed flight is not a new one). */
  readonly flights: number;
  readonly lastValue: number | null;
  readonly lastValueAt: number | null;
  /** When the displayed value last increased (or the flight started). */
  readonly lastRiseAt: number | null;
  readonly missingSince: number | null;
  readonly backwardReads: number;
  readonly crashValue: number | null;
  /** A blank or crash-text read was seen since the crash: the next value is a new round. */
  readonly gapSinceCrash: boolean;
}

export const INITIAL_PHASE_STATE: PhaseState = {
  phase: 'UNKNOWN',
  flights: 0,
  lastValue: null,
  lastValueAt: null,
  lastRiseAt: null,
  missingSince: null,
  backwardReads: 0,
  crashValue: null,
  gapSinceCrash: false,
};

export interface PhaseStep {
  readonly state: PhaseState;
  readonly events: readonly PhaseEvent[];
}

export function stepPhase(state: PhaseState, read: PhaseRead, config: PhaseConfig = DEFAULT_PHASE_CONFIG): PhaseStep {
  switch (state.phase) {
    case 'FLYING':
      return stepFlying(state, read, config);
    case 'CRASHED':
      return stepCrashed(state, read);
    default:
      return stepWaiting(state, read);
  }
}

function startFlight(state: PhaseState, at: number, value: number, resumed: boolean, prior: PhaseEvent[] = []): PhaseStep {
  return {
    state: {
      ...INITIAL_PHASE_STATE,
      phase: 'FLYING',
      flights: resumed ? state.flights : state.flights + 1,
      lastValue: value,
      lastValueAt: at,
      lastRiseAt: at,
    },
    events: [...prior, { type: 'flight', at, value, resumed }],
  };
}

function crash(state: PhaseState, at: number, value: number | null, reason: CrashReason): PhaseStep {
  return {
    state: { ...state, phase: 'CRASHED', crashValue: value, missingSince: null, backwardReads: 0, gapSinceCrash: reason !== 'stalled' },
    events: [{ type: 'crash', at, value, reason }],
  };
}

function stepWaiting(state: PhaseState, read: PhaseRead): PhaseStep {
  if (read.kind === 'value') return startFlight(state, read.at, read.value, false);
  if (read.kind === 'crash') {
    if (state.phase === 'UNKNOWN') return { state: { ...state, phase: 'CRASHED', crashValue: read.value ?? null, gapSinceCrash: true }, events: [] };
    // Betting straight to crash text: a flight too short to read, e.g. an instant 1.00x crash. Still a round.
    const flight = startFlight(state, read.at, read.value ?? 1, false);
    const ended = crash(flight.state, read.at, read.value ?? null, 'crash-text');
    return { state: ended.state, events: [...flight.events, ...ended.events] };
  }
  if (state.phase === 'BETTING') return { state, events: [] };
  return { state: { ...state, phase: 'BETTING' }, events: [{ type: 'betting', at: read.at }] };
}

function stepCrashed(state: PhaseState, read: PhaseRead): PhaseStep {
  if (read.kind === 'none') return { state: { ...state, phase: 'BETTING' }, events: [{ type: 'betting', at: read.at }] };
  if (read.kind === 'crash') return { state: { ...state, gapSinceCrash: true }, events: [] };
  const frozen = state.crashValue;
  if (state.gapSinceCrash || frozen === null || read.value < frozen) return startFlight(state, read.at, read.value, false);
  // The frozen value is still shown: keep waiting. A higher value without a gap means the stall was a false alarm.
  if (read.value === frozen) return { state, events: [] };
  return startFlight(state, read.at, read.value, true);
}

function stepFlying(state: PhaseState, read: PhaseRead, config: PhaseConfig): PhaseStep {
  const last = state.lastValue!;
  if (read.kind === 'crash') return crash(state, read.at, read.value ?? last, 'crash-text');
  if (read.kind === 'none') {
    const missingSince = state.missingSince ?? read.at;
    if (read.at - missingSince >= config.missingMs) return crash(state, missingSince, last, 'disappeared');
    return { state: { ...state, missingSince }, events: [] };
  }
  const { at, value } = read;
  if (value < last) {
    const backwardReads = state.backwardReads + 1;
    if (backwardReads >= config.backwardReadsForRestart) {
      const ended = crash(state, state.lastValueAt!, last, 'restarted');
      return startFlight(ended.state, at, value, false, [...ended.events]);
    }
    return { state: { ...state, backwardReads }, events: [{ type: 'rejected', at, value, reason: 'backwards' }] };
  }
  const elapsed = Math.max(0, at - state.lastValueAt!);
  if (value > last * Math.exp(config.maxRate * (elapsed + config.slackMs)) + config.quantum) {
    return { state, events: [{ type: 'rejected', at, value, reason: 'jump' }] };
  }
  if (value > last) {
    return { state: { ...state, lastValue: value, lastValueAt: at, lastRiseAt: at, missingSince: null, backwardReads: 0 }, events: [] };
  }
  // Same value again: fine until even the slowest plausible curve would have moved on by one display step.
  const stallLimit = Math.log((last + config.quantum) / last) / config.minRate + config.slackMs;
  const next = { ...state, lastValueAt: at, missingSince: null, backwardReads: 0 };
  if (at - state.lastRiseAt! > stallLimit) return crash(next, at, last, 'stalled');
  return { state: next, events: [] };
}

/** Runs a whole read stream; convenient for tests and replaying recordings. */
export function replayPhases(reads: readonly PhaseRead[], config: PhaseConfig = DEFAULT_PHASE_CONFIG): PhaseStep {
  let state = INITIAL_PHASE_STATE;
  const events: PhaseEvent[] = [];
  for (const read of reads) {
    const step = stepPhase(state, read, config);
    state = step.state;
    events.push(...step.events);
  }
  return { state, events };
}

// Runs in: engine. One read loop over the multiplier region, feeding the round-phase model.
import type { Rect } from '../../../src-shared/game-profile';
import type { RegionReader, ScreenRead } from '../../core/autopilot/ports';
import type { Logger } from '../../core/logging/logger';
import { buttonChanged, DEFAULT_PHASE_CONFIG, INITIAL_PHASE_STATE, onlyDigits, stepPhase, withBetOpen, type ButtonLook, type KnownLooks, type PhaseConfig, type PhaseEvent, type PhaseRead, type PhaseState } from '../../core/crash';
import { parseMultiplier } from '../../core/ocr/parse-multiplier';
import { statusWord } from '../../core/ocr/words';
import { preciseNow } from './clock';

export interface Observation {
  readonly read: ScreenRead;
  /** The read as the phase model saw it (kind, ink, extra lines). */
  readonly phaseRead: PhaseRead;
  readonly state: PhaseState;
  readonly events: readonly PhaseEvent[];
}

/**
 * A number is a value; a blank region is `none`; anything else is text (a countdown, "WAITING", crash text, or a
 * number the reader could not vouch for). Whether text ends a flight is the phase model's call, from its look.
 */
export function toPhaseRead(read: ScreenRead): PhaseRead {
  const look = { ...(read.ink !== undefined ? { ink: read.ink } : {}), ...(read.extraLines !== undefined ? { extraLines: read.extraLines } : {}) };
  if (read.value !== null) {
    const format = { ...(read.decimals !== undefined ? { decimals: read.decimals } : {}), ...(read.trailingZeros ? { trailingZeros: read.trailingZeros } : {}) };
    return { at: read.at, kind: 'value', value: read.value, ...format, ...look };
  }
  // Blank means nothing on screen: a line the reader found but refused (a digit lost to a curve) has ink, and is an
  // unread number, never the number disappearing (a learned crash look on some games, even with our bet open).
  if (read.text.trim() === '' && !read.extraLines && !read.ink) return { at: read.at, kind: 'none' };
  const words = statusWord(read.text);
  const digits = onlyDigits(read.text) ? read.text.trim() : null;
  const number = parseMultiplier(read.text)?.value;
  return {
    at: read.at,
    kind: 'text',
    ...(read.otherText ? { long: true } : {}),
    ...(read.text.trim() === '' && !read.extraLines ? { inkOnly: true } : {}),
    ...(words ? { words } : {}),
    ...(digits ? { digits } : {}),
    ...(number !== undefined ? { number } : {}),
    ...look,
  };
}

export interface ReadTimes {
  readonly reads: number;
  readonly p50: number;
  readonly p99: number;
}

export interface ReadStats extends ReadTimes {
  readonly byPath: { readonly glyph: ReadTimes; readonly tesseract: ReadTimes };
}

const GLYPH_PATH = 0;
const TESSERACT_PATH = 1;

function percentiles(ms: readonly number[]): ReadTimes {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
  return { reads: sorted.length, p50: at(0.5), p99: at(0.99) };
}

/** How long after a crash the Bet button is left to settle before its look counts. */
const BUTTON_SETTLE_MS = 300;

export interface ObserverOptions {
  idleIntervalMs: number;
  /** The Bet button's look; after a crash its change tells that betting opened when the readout cannot. */
  betButton?: () => Promise<ButtonLook | null>;
  phase?: PhaseConfig;
  /** Wall clock for read times and waits (tests pass a simulated one). */
  now?: () => number;
  /** Hears the first failed read of a run of failures (the loop retries, so one line per outage). */
  log?: Logger;
}

export class RoundObserver {
  private state: PhaseState = INITIAL_PHASE_STATE;
  private readonly listeners = new Set<(o: Observation) => void>();
  private running = false;
  private loop: Promise<void> | null = null;
  private activeUsers = 0;
  private lastError: unknown = null;
  private holders = 0;
  private gate: { closed: Promise<void>; open: () => void } | null = null;
  private config: PhaseConfig;
  private readonly now: () => number;
  /** The Bet button as it settled after the last crash: betting is when it changes. */
  private buttonAfterCrash: ButtonLook | null = null;
  private crashedAt: number | null = null;
  /**
   * A crash confirmed only after reads were lost may be seen when betting has already opened: the button's look
   * then is the betting look itself, and its next change is the round starting. No button cue until the next round.
   */
  private crashSeenLate = false;
  /** The latest capture+read times, for the session summary. */
  private readonly readMs = new Float64Array(4096);
  private readonly readPaths = new Uint8Array(4096);
  private reads = 0;

  constructor(
    private readonly reader: RegionReader,
    private readonly region: Rect,
    private readonly options: ObserverOptions = { idleIntervalMs: 30 },
  ) {
    this.config = options.phase ?? DEFAULT_PHASE_CONFIG;
    this.now = options.now ?? preciseNow;
  }

  get phase(): PhaseState {
    return this.state;
  }

  /**
   * Compares the Bet button with how it looked once the crash had settled (a button that showed CASH OUT at the
   * crash takes a few frames to grey out: that is not betting opening). Only outside flight, where time is cheap.
   */
  private async betButtonCue(at: number): Promise<{ betButton?: 'same' | 'changed' }> {
    const { betButton } = this.options;
    const crashAt = this.state.phase === 'CRASHED' && !this.crashSeenLate ? this.crashedAt : null;
    if (!betButton || crashAt === null) {
      this.buttonAfterCrash = null;
      return {};
    }
    if (at - crashAt < BUTTON_SETTLE_MS) return {};
    const look = await betButton();
    if (!look) return {};
    if (!this.buttonAfterCrash) {
      this.buttonAfterCrash = look;
      return { betButton: 'same' };
    }
    return { betButton: buttonChanged(look, this.buttonAfterCrash) ? 'changed' : 'same' };
  }

  /** Capture+read time of the latest reads (up to 4096): what a session's summary and the benchmark report. */
  /** Capture+read times of the latest reads, overall and by the path that read them (the glyph fast path or Tesseract). */
  readStats(): ReadStats {
    const kept = Math.min(this.reads, this.readMs.length);
    const all = Array.from(this.readMs.subarray(0, kept));
    const paths = this.readPaths.subarray(0, kept);
    const onPath = (path: number) => all.filter((_, i) => paths[i] === path);
    return { ...percentiles(all), reads: this.reads, byPath: { glyph: percentiles(onPath(GLYPH_PATH)), tesseract: percentiles(onPath(TESSERACT_PATH)) } };
  }

  /** Looks learned for this game: betting and crashes are then recognised from their first reads. */
  setKnownLooks(known: KnownLooks | null): void {
    this.config = { ...this.config, known };
  }

  /** The growth rate range the game was learned at, once learned. */
  get learnedRate(): { readonly min: number; readonly max: number } | null {
    return this.config.known?.learnedRate ?? null;
  }

  /** While our bet is open, doubtful reads make the round `lost` instead of ending it. */
  setBetOpen(open: boolean): void {
    this.state = withBetOpen(this.state, open);
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.gate?.open();
    await this.loop;
  }

  /**
   * Pauses reading until the returned function is called. A capture blocks the thread for a millisecond or two, so a
   * click already committed to a time must not have one run in its last milliseconds.
   */
  hold(): () => void {
    if (!this.gate) {
      let open = () => {};
      const closed = new Promise<void>((resolve) => (open = resolve));
      this.gate = { closed, open };
    }
    this.holders++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      if (--this.holders > 0) return;
      this.gate?.open();
      this.gate = null;
    };
  }

  /** While an execution is active the loop reads back to back; idle, it reads at a gentler rate. */
  setActive(active: boolean): void {
    this.activeUsers = Math.max(0, this.activeUsers + (active ? 1 : -1));
  }

  subscribe(listener: (o: Observation) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Observations from now on, buffered in order until taken: an executor never misses one while it is busy clicking. */
  queue(): ObservationQueue {
    const queue = new ObservationQueue(this.now);
    queue.detach = this.subscribe((o) => queue.push(o));
    return queue;
  }

  private async run(): Promise<void> {
    while (this.running) {
      if (this.gate) await this.gate.closed;
      if (!this.running) break;
      try {
        const read = await this.reader.read(this.region, 'multiplier', this.config.known?.format);
        const phaseRead = { ...toPhaseRead(read), ...(await this.betButtonCue(read.at)) };
        const step = stepPhase(this.state, phaseRead, this.config);
        if (step.events.some((e) => e.type === 'crash')) {
          this.crashedAt = read.at;
          this.crashSeenLate = this.state.lost;
        }
        this.state = step.state;
        this.lastError = null;
        this.readPaths[this.reads % this.readMs.length] = read.path === 'glyph' ? GLYPH_PATH : TESSERACT_PATH;
        this.readMs[this.reads++ % this.readMs.length] = read.ms;
        const observation: Observation = { read, phaseRead, state: step.state, events: step.events };
        for (const listener of this.listeners) listener(observation);
      } catch (error) {
        if (this.lastError === null) this.options.log?.error('read failed', { err: error });
        this.lastError = error;
        await new Promise((r) => setTimeout(r, 200));
      }
      if (this.activeUsers > 0) await new Promise<void>((resolve) => setImmediate(resolve));
      else await new Promise((r) => setTimeout(r, this.options.idleIntervalMs));
    }
  }
}

export class ObservationQueue {
  private readonly buffered: Observation[] = [];
  private wake: (() => void) | null = null;
  detach: () => void = () => {};

  constructor(private readonly now: () => number = preciseNow) {}

  push(o: Observation): void {
    this.buffered.push(o);
    this.wake?.();
  }

  /** The next observation matching `predicate` (others are consumed), or null after `timeoutMs`. */
  async take(predicate: (o: Observation) => boolean, timeoutMs: number): Promise<Observation | null> {
    const deadline = this.now() + timeoutMs;
    for (;;) {
      while (this.buffered.length > 0) {
        const o = this.buffered.shift()!;
        if (predicate(o)) return o;
        if (this.now() > deadline) return null;
      }
      const remaining = deadline - this.now();
      if (remaining <= 0) return null;
      await new Promise<void>((resolve) => {
        // Re-checked at least every second of real time, so a simulated clock's deadline is seen too.
        const timer = setTimeout(resolve, Math.min(remaining, 1000));
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = null;
    }
  }

  close(): void {
    this.detach();
    this.buffered.length = 0;
  }
}

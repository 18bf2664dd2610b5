// Runs in: engine. One read loop over the multiplier region, feeding the round-phase model.
import type { Rect } from '../../../src-shared/game-profile';
import type { RegionReader, ScreenRead } from '../../core/autopilot/ports';
import { DEFAULT_PHASE_CONFIG, INITIAL_PHASE_STATE, stepPhase, type PhaseConfig, type PhaseEvent, type PhaseRead, type PhaseState } from '../../core/crash';

export interface Observation {
  readonly read: ScreenRead;
  readonly state: PhaseState;
  readonly events: readonly PhaseEvent[];
}

/**
 * Unreadable text while flying is treated as a missing read (a single OCR glitch must not end a flight with money at
 * risk; a real crash still ends it after `missingMs`). Text far longer than any multiplier is never a misread one:
 * it is the game's crash text, in flight or not, and it is how an instant 1.00× crash is seen at all.
 */
export function toPhaseRead(read: ScreenRead, phase: PhaseState['phase']): PhaseRead {
  if (read.value !== null) return { at: read.at, kind: 'value', value: read.value };
  if (read.otherText) return { at: read.at, kind: 'crash' };
  if (read.text.trim() === '' || phase === 'FLYING') return { at: read.at, kind: 'none' };
  return { at: read.at, kind: 'crash' };
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

  constructor(
    private readonly reader: RegionReader,
    private readonly region: Rect,
    private readonly options: { idleIntervalMs: number; phase?: PhaseConfig } = { idleIntervalMs: 30 },
  ) {}

  get phase(): PhaseState {
    return this.state;
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
    const queue = new ObservationQueue();
    queue.detach = this.subscribe((o) => queue.push(o));
    return queue;
  }

  private async run(): Promise<void> {
    while (this.running) {
      if (this.gate) await this.gate.closed;
      if (!this.running) break;
      try {
        const read = await this.reader.read(this.region);
        const step = stepPhase(this.state, toPhaseRead(read, this.state.phase), this.options.phase ?? DEFAULT_PHASE_CONFIG);
        this.state = step.state;
        this.lastError = null;
        const observation: Observation = { read, state: step.state, events: step.events };
        for (const listener of this.listeners) listener(observation);
      } catch (error) {
        if (this.lastError === null) console.error('[observer] read failed:', error);
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

  push(o: Observation): void {
    this.buffered.push(o);
    this.wake?.();
  }

  /** The next observation matching `predicate` (others are consumed), or null after `timeoutMs`. */
  async take(predicate: (o: Observation) => boolean, timeoutMs: number): Promise<Observation | null> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      while (this.buffered.length > 0) {
        const o = this.buffered.shift()!;
        if (predicate(o)) return o;
      }
      const remaining = deadline - Date.now();
      if (remaining <= 0) return null;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, remaining);
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

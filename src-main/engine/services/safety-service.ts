// Runs in: engine.
import { CallFailure, type TradingMode } from '../../../src-shared/contract';
import type { FirstRunChecklist } from '../../../src-shared/contract/services/system';
import { liveBlockers } from '../../core/first-run/checklist';
import { errorText, silentLogger, type Logger } from '../../core/logging/logger';
import type { ActionRecord } from '../../adapters/store/actions-repo';
import type { UnsavedKillSwitch } from '../../adapters/store/unsaved-kill-switch-marker';

export interface SafetySnapshot {
  mode: TradingMode;
  killSwitch: boolean;
  /** Engaged in memory, but the database refused the write: a restart would read the old state. */
  killSwitchNotSaved: boolean;
}

/** The outcome of a kill-switch change: never "saved" for a state that is not on disk. */
export type KillSwitchOutcome = { saved: true; snapshot: SafetySnapshot } | { saved: false; snapshot: SafetySnapshot; message: string };

export interface SafetyDeps {
  /** One save attempt; throws on failure. */
  readonly store: { save(engaged: boolean): void };
  /** The audit log; best effort here, a failing database must not stop the kill switch. */
  readonly audit: { record(action: ActionRecord): unknown };
  /** The note in the data dir that keeps a restart from releasing an unsaved kill switch. */
  readonly marker: { write(note: UnsavedKillSwitch): boolean; clear(): void };
  /** Reaches the user everywhere at once: log, stderr, a toast. */
  readonly alert: (message: string) => void;
  /** Failures that must not stop the kill switch: an audit write, a listener. */
  readonly log?: Logger;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly now?: () => number;
}

/** Save attempts after the first, spaced out so the event loop runs in between. */
const SAVE_RETRIES = [50, 150, 400];

const SUPERSEDED = Symbol('superseded');

export const KILL_SWITCH_NOT_SAVED = 'kill switch engaged but NOT saved: it will be released by a restart';

/**
 * The engine's single source of truth for "may anything touch money right now".
 * Dry-run is the state at every start: live must be armed again in each session.
 * The kill switch survives restarts until the user releases it. Engaging takes effect in memory first (every
 * click and order is refused from that instant, and listeners stop trading before any I/O); releasing takes
 * effect only once saved, so a failing disk can only ever leave the safe state behind.
 */
export class SafetyService {
  private mode: TradingMode = 'dry-run';
  private killSwitch: boolean;
  private notSaved = false;
  /** Bumped by every kill-switch request: a release that finishes saving after a newer request leaves the decision to it. */
  private requests = 0;
  private readonly listeners = new Set<(snapshot: SafetySnapshot) => void>();
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly now: () => number;
  private readonly log: Logger;

  constructor(
    private readonly deps: SafetyDeps,
    initial: { killSwitch: boolean },
  ) {
    this.killSwitch = initial.killSwitch;
    this.sleep = deps.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.now = deps.now ?? Date.now;
    this.log = deps.log ?? silentLogger;
  }

  snapshot(): SafetySnapshot {
    return { mode: this.mode, killSwitch: this.killSwitch, killSwitchNotSaved: this.notSaved };
  }

  /** True only when live is armed and the kill switch is released. */
  mayActLive(): boolean {
    return this.mode === 'live' && !this.killSwitch;
  }

  /**
   * The only way to go live, whatever the shell (contract, CLI, tray): refused while the kill switch is
   * engaged or while the first-run checklist has a blocker (permissions, elevated window, no passing probe).
   */
  armLive(checklist: Pick<FirstRunChecklist, 'steps'>, reason: string): SafetySnapshot {
    if (this.killSwitch) throw new CallFailure('REFUSED', 'The kill switch is engaged: release it before arming live mode.');
    const blockers = liveBlockers(checklist);
    if (blockers.length > 0) throw new CallFailure('REFUSED', `Live mode stays off until the first-run checklist passes: ${blockers.join(', ')}.`);
    return this.apply('live', reason);
  }

  /** Back to dry run, from anywhere; going live is armLive's alone. */
  setMode(mode: Extract<TradingMode, 'dry-run'>, reason: string): SafetySnapshot {
    if (mode !== 'dry-run') throw new CallFailure('REFUSED', 'Live mode is armed only through the first-run checklist (armLive).');
    return this.apply(mode, reason);
  }

  private apply(mode: TradingMode, reason: string): SafetySnapshot {
    if (mode === this.mode) return this.snapshot();
    if (mode === 'live') {
      // Arming is recorded before it counts: live money without an audit trail is refused (this throws).
      this.deps.audit.record({ kind: 'mode', target: mode, mode, reason });
      this.mode = mode;
      return this.changed();
    }
    this.mode = mode;
    const snapshot = this.changed();
    this.auditQuietly({ kind: 'mode', target: mode, mode, reason });
    return snapshot;
  }

  setKillSwitch(engaged: boolean, reason: string): Promise<KillSwitchOutcome> {
    const ticket = ++this.requests;
    return engaged ? this.engage(reason, ticket) : this.release(reason, ticket);
  }

  /**
   * Stops everything in memory at once, with no I/O: for the fatal-error policy and shutdown, when the
   * database may be what failed. Call saveKillSwitch() afterwards to try to make it stick.
   */
  engageInMemory(): void {
    if (this.killSwitch) return;
    this.requests++;
    this.killSwitch = true;
    this.mode = 'dry-run';
    this.notSaved = true;
    this.changed();
  }

  /** Retries saving an engaged kill switch that is not on disk yet (at shutdown, or after engageInMemory). */
  saveKillSwitch(reason: string): Promise<KillSwitchOutcome> {
    if (!this.killSwitch || !this.notSaved) return Promise.resolve({ saved: true, snapshot: this.snapshot() });
    return this.persistEngaged(reason, ++this.requests);
  }

  onChange(listener: (snapshot: SafetySnapshot) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private engage(reason: string, ticket: number): Promise<KillSwitchOutcome> {
    if (this.killSwitch && !this.notSaved) return Promise.resolve({ saved: true, snapshot: this.snapshot() });
    if (!this.killSwitch) {
      this.killSwitch = true;
      // Engaging also disarms live, so releasing the kill switch never resumes live trading by itself.
      this.mode = 'dry-run';
      this.changed();
    }
    return this.persistEngaged(reason, ticket);
  }

  private persistEngaged(reason: string, ticket: number): Promise<KillSwitchOutcome> {
    return this.save(true, ticket, (problem) => {
      if (problem === SUPERSEDED) return { saved: false, snapshot: this.snapshot(), message: 'a newer kill-switch request took over before this one was saved' };
      if (problem === null) {
        const wasNotSaved = this.notSaved;
        this.notSaved = false;
        this.clearMarker();
        this.auditQuietly({ kind: 'kill-switch', target: 'engaged', mode: this.mode, reason });
        return { saved: true, snapshot: wasNotSaved ? this.changed() : this.snapshot() };
      }
      this.notSaved = true;
      const noted = this.deps.marker.write({ at: this.now(), reason, problem });
      const message = `${KILL_SWITCH_NOT_SAVED} (${problem})${noted ? '; until you confirm, the engine will refuse to start again' : '; the note that would stop a restart could not be written either'}`;
      this.deps.alert(message);
      return { saved: false, snapshot: this.changed(), message };
    });
  }

  private release(reason: string, ticket: number): Promise<KillSwitchOutcome> {
    if (!this.killSwitch) return Promise.resolve({ saved: true, snapshot: this.snapshot() });
    return this.save(false, ticket, (problem) => {
      // An engage that came in while this release was saving wins; its own save overwrites ours.
      if (problem === SUPERSEDED || ticket !== this.requests) return { saved: false, snapshot: this.snapshot(), message: 'kill switch NOT released: it was engaged again meanwhile' };
      if (problem !== null) {
        const message = `kill switch NOT released: it could not be saved (${problem}), so it stays engaged`;
        this.deps.alert(message);
        return { saved: false, snapshot: this.snapshot(), message };
      }
      this.killSwitch = false;
      this.notSaved = false;
      this.clearMarker();
      this.auditQuietly({ kind: 'kill-switch', target: 'released', mode: this.mode, reason });
      return { saved: true, snapshot: this.changed() };
    });
  }

  /**
   * Saves at once when it can, and then `finish` runs in the caller's tick (the usual case: the state is final
   * before the call returns). Otherwise retries a few times, yielding to the event loop between attempts; a newer
   * request arriving meanwhile takes over and saves its own state.
   */
  private save(engaged: boolean, ticket: number, finish: (problem: string | typeof SUPERSEDED | null) => KillSwitchOutcome): Promise<KillSwitchOutcome> {
    const first = this.trySave(engaged);
    if (first === null) return Promise.resolve(finish(null));
    return (async () => {
      let problem: string | null = first;
      for (const delay of SAVE_RETRIES) {
        await this.sleep(delay);
        if (ticket !== this.requests) return finish(SUPERSEDED);
        problem = this.trySave(engaged);
        if (problem === null) break;
      }
      return finish(problem);
    })();
  }

  private trySave(engaged: boolean): string | null {
    try {
      this.deps.store.save(engaged);
      return null;
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  }

  private clearMarker(): void {
    try {
      this.deps.marker.clear();
    } catch (error) {
      this.deps.alert(`the kill switch is saved, but the note ${error instanceof Error ? error.message : String(error)} could not be removed`);
    }
  }

  private auditQuietly(action: ActionRecord): void {
    try {
      this.deps.audit.record(action);
    } catch (error) {
      this.log.error(`audit record "${action.kind} ${action.target ?? ''}" not written: ${errorText(error)}`);
    }
  }

  /** Every listener runs even if one throws: one failing subscriber must not keep the others trading. */
  private changed(): SafetySnapshot {
    const snapshot = this.snapshot();
    for (const listener of this.listeners) {
      try {
        listener(snapshot);
      } catch (error) {
        this.log.error('a listener failed', { err: error });
      }
    }
    return snapshot;
  }
}

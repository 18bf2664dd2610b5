// Runs in: engine.
import { z } from 'zod';
import { CallFailure, type TradingMode } from '../../../src-shared/contract';
import type { FirstRunChecklist } from '../../../src-shared/contract/services/system';
import { liveBlockers } from '../../core/first-run/checklist';
import type { ActionsRepo } from '../../adapters/store/actions-repo';
import type { SettingsRepo } from '../../adapters/store/settings-repo';

const KILL_SWITCH_KEY = 'safety.killSwitch';

export interface SafetySnapshot {
  mode: TradingMode;
  killSwitch: boolean;
}

/**
 * The engine's single source of truth for "may anything touch money right now".
 * Dry-run is the state at every start: live must be armed again in each session.
 * The kill switch survives restarts until the user releases it.
 */
export class SafetyService {
  private mode: TradingMode = 'dry-run';
  private killSwitch: boolean;
  private readonly listeners = new Set<(snapshot: SafetySnapshot) => void>();

  constructor(
    private readonly settings: SettingsRepo,
    private readonly actions: ActionsRepo,
  ) {
    this.killSwitch = settings.get(KILL_SWITCH_KEY, z.boolean(), false);
  }

  snapshot(): SafetySnapshot {
    return { mode: this.mode, killSwitch: this.killSwitch };
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
    this.mode = mode;
    this.actions.record({ kind: 'mode', target: mode, mode, reason });
    return this.changed();
  }

  setKillSwitch(engaged: boolean, reason: string): SafetySnapshot {
    if (engaged === this.killSwitch) return this.snapshot();
    this.killSwitch = engaged;
    this.settings.set(KILL_SWITCH_KEY, engaged);
    // Engaging also disarms live, so releasing the kill switch never resumes live trading by itself.
    if (engaged) this.mode = 'dry-run';
    this.actions.record({ kind: 'kill-switch', target: engaged ? 'engaged' : 'released', mode: this.mode, reason });
    return this.changed();
  }

  onChange(listener: (snapshot: SafetySnapshot) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): SafetySnapshot {
    const snapshot = this.snapshot();
    for (const listener of this.listeners) listener(snapshot);
    return snapshot;
  }
}

// Runs in: engine.
import { z } from 'zod';
import type { TradingMode } from '../../../src-shared/contract';
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

  setMode(mode: TradingMode, reason: string): SafetySnapshot {
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

// Runs in: engine.
import { z } from 'zod';
import type { StrategyToggle } from '../../../src-shared/contract';
import { CallFailure } from '../../../src-shared/contract';
import type { SettingsRepo } from '../../adapters/store/settings-repo';

const KEY = 'strategies.enabled';

/** The checkboxes of the tray and the header: every autopilot and strategy the engine knows. Enabled state persists. */
export class StrategyToggles {
  private readonly toggles = new Map<string, StrategyToggle>();
  private readonly listeners = new Set<() => void>();

  constructor(private readonly settings: SettingsRepo) {}

  register(toggle: Omit<StrategyToggle, 'enabled'>, onToggle?: (enabled: boolean) => void): void {
    const saved = this.settings.get(KEY, z.record(z.string(), z.boolean()), {});
    this.toggles.set(toggle.id, { ...toggle, enabled: saved[toggle.id] ?? false });
    if (onToggle) this.hooks.set(toggle.id, onToggle);
  }

  list(): StrategyToggle[] {
    return [...this.toggles.values()];
  }

  setEnabled(id: string, enabled: boolean): StrategyToggle[] {
    const toggle = this.toggles.get(id);
    if (!toggle) throw new CallFailure('NOT_FOUND', `No strategy or autopilot with id "${id}".`);
    if (toggle.enabled !== enabled) {
      this.toggles.set(id, { ...toggle, enabled });
      // Switching off acts before the write, so a failing disk cannot keep a strategy trading; switching on acts after it.
      if (!enabled) this.hooks.get(id)?.(enabled);
      this.settings.set(KEY, Object.fromEntries([...this.toggles.values()].map((t) => [t.id, t.enabled])));
      if (enabled) this.hooks.get(id)?.(enabled);
      for (const listener of this.listeners) listener();
    }
    return this.list();
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private readonly hooks = new Map<string, (enabled: boolean) => void>();
}

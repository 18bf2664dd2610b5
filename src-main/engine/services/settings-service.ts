// Runs in: engine.
import { z } from 'zod';
import { SafetyLimits, type Settings, type SettingsPatch } from '../../../src-shared/contract';
import type { SecretStore } from '../../adapters/secrets/secret-store';
import type { SettingsRepo } from '../../adapters/store/settings-repo';

const SIGNAL_TOKEN = 'signal-source.token';

const StoredSettings = z.object({
  signalUrl: z.string(),
  limits: SafetyLimits,
  staleSignalMs: z.number().int().positive(),
  defaultStake: z.number().positive(),
  activeProfile: z.string().nullable(),
  // A default, not a required key: settings saved before this existed must still parse.
  equitySnapshotMinutes: z.number().int().positive().default(5),
  confirmBetsSeconds: z.number().int().positive().nullable().default(null),
});
type StoredSettings = z.infer<typeof StoredSettings>;

/** Conservative defaults: small stakes, tight limits, loosened only by the user. */
export const DEFAULT_SETTINGS: StoredSettings = {
  signalUrl: 'ws://127.0.0.1:8765',
  limits: { maxStake: 10, dailyLossLimit: 50, maxConsecutiveLosses: 5, maxBetsPerHour: 60 },
  staleSignalMs: 10_000,
  defaultStake: 1,
  activeProfile: null,
  equitySnapshotMinutes: 5,
  confirmBetsSeconds: null,
};

export class SettingsService {
  private readonly listeners = new Set<(settings: Settings) => void>();

  constructor(
    private readonly repo: SettingsRepo,
    private readonly secrets: SecretStore,
  ) {}

  get(): Settings {
    return this.toView(this.stored());
  }

  stored(): StoredSettings {
    return this.repo.get('app.settings', StoredSettings, DEFAULT_SETTINGS);
  }

  /** For the engine only: the renderer gets `hasToken`. */
  signalToken(): string | null {
    return this.secrets.get(SIGNAL_TOKEN);
  }

  update(patch: SettingsPatch): Settings {
    const current = this.stored();
    const next: StoredSettings = {
      signalUrl: patch.signalSource?.url ?? current.signalUrl,
      limits: { ...current.limits, ...patch.limits },
      staleSignalMs: patch.staleSignalMs ?? current.staleSignalMs,
      defaultStake: patch.defaultStake ?? current.defaultStake,
      activeProfile: patch.activeProfile === undefined ? current.activeProfile : patch.activeProfile,
      equitySnapshotMinutes: patch.equitySnapshotMinutes ?? current.equitySnapshotMinutes,
      confirmBetsSeconds: patch.confirmBetsSeconds === undefined ? current.confirmBetsSeconds : patch.confirmBetsSeconds,
    };
    this.repo.set('app.settings', StoredSettings.parse(next));
    return this.changed();
  }

  setSignalToken(token: string | null): Settings {
    this.secrets.put(SIGNAL_TOKEN, token && token.length > 0 ? token : null);
    return this.changed();
  }

  onChange(listener: (settings: Settings) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): Settings {
    const view = this.get();
    for (const listener of this.listeners) listener(view);
    return view;
  }

  private toView(stored: StoredSettings): Settings {
    return {
      signalSource: { url: stored.signalUrl, hasToken: this.secrets.has(SIGNAL_TOKEN) },
      limits: stored.limits,
      staleSignalMs: stored.staleSignalMs,
      defaultStake: stored.defaultStake,
      activeProfile: stored.activeProfile,
      equitySnapshotMinutes: stored.equitySnapshotMinutes,
      confirmBetsSeconds: stored.confirmBetsSeconds,
    };
  }
}

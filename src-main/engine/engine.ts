// Runs in: engine (Electron main or Node). The composition root: no electron import.
import { join } from 'node:path';
import type { AppStatus, CockpitHandlers } from '../../src-shared/contract';
import { contract } from '../../src-shared/contract';
import type { SecretCipher } from '../adapters/secrets/secret-store';
import { SqliteSecretStore } from '../adapters/secrets/sqlite-secret-store';
import { ActionsRepo } from '../adapters/store/actions-repo';
import { openDatabase, type Db } from '../adapters/store/database';
import { SettingsRepo } from '../adapters/store/settings-repo';
import { ProfilesRepo } from '../adapters/store/profiles-repo';
import type { RegionReader } from '../core/autopilot/ports';
import { autopilotHandlers } from './autopilot/autopilot-handlers';
import { AutopilotService } from './autopilot/autopilot-service';
import { calibrationHandlers } from './autopilot/calibration-handlers';
import { nutDesktop, type Desktop } from './autopilot/desktop';
import { profileHandlers } from './autopilot/profile-handlers';
import { backtestHandlers } from './backtest/backtest-handlers';
import { createDispatcher, type Dispatch } from './dispatcher';
import { EventBus } from './event-bus';
import { SafetyService } from './services/safety-service';
import { SettingsService } from './services/settings-service';
import { StrategyToggles } from './services/strategy-toggles';
import { APP_VERSION } from './version';

export interface EngineOptions {
  dataDir: string;
  shell: AppStatus['shell'];
  cipher: SecretCipher;
  /** Screen, mouse and OCR; defaults to nut-js + tesseract.js. */
  desktop?: Desktop;
}

export interface Engine {
  readonly db: Db;
  readonly bus: EventBus;
  readonly safety: SafetyService;
  readonly settings: SettingsService;
  readonly strategies: StrategyToggles;
  readonly actions: ActionsRepo;
  readonly profiles: ProfilesRepo;
  readonly autopilot: AutopilotService;
  readonly dispatch: Dispatch;
  status(): AppStatus;
  /** Add a cleanup step; steps run in reverse order on shutdown, before the database closes. */
  onShutdown(step: () => Promise<void> | void): void;
  shutdown(reason: string): Promise<void>;
}

export function createEngine(options: EngineOptions): Engine {
  const startedAt = Date.now();
  const db = openDatabase(join(options.dataDir, 'cockpit.sqlite'));
  const bus = new EventBus();
  const settingsRepo = new SettingsRepo(db);
  const actions = new ActionsRepo(db);
  const safety = new SafetyService(settingsRepo, actions);
  const settings = new SettingsService(settingsRepo, new SqliteSecretStore(db, options.cipher));
  const strategies = new StrategyToggles(settingsRepo);
  const profiles = new ProfilesRepo(db);
  const desktop = options.desktop ?? nutDesktop();
  let reader: Promise<RegionReader> | null = null;
  // One OCR worker for the whole engine: calibration readouts and the autopilot share it.
  const sharedReader = () => (reader ??= desktop.createReader());
  const autopilot = new AutopilotService({ db, bus, safety, settings, actions, mouse: desktop.mouse, createReader: sharedReader });
  strategies.register({ id: 'autopilot', label: 'Crash autopilot', kind: 'autopilot' }, (enabled) => {
    const profileName = settings.stored().activeProfile;
    const profile = profileName ? profiles.get(profileName) : undefined;
    if (!enabled) void autopilot.stop('tray: autopilot unchecked');
    else if (!profile) bus.emit('toast', { level: 'warn', message: 'Pick an active game profile in Settings before starting the autopilot.' });
    else void autopilot.start({ profile }).catch((error: Error) => bus.emit('toast', { level: 'error', message: error.message }));
  });
  const shutdownSteps: Array<() => Promise<void> | void> = [];
  let closing: Promise<void> | undefined;

  const status = (): AppStatus => ({
    version: APP_VERSION,
    shell: options.shell,
    ...safety.snapshot(),
    dataDir: options.dataDir,
    startedAt,
    strategies: strategies.list(),
  });
  const publishStatus = () => bus.emit('app.status', status());
  safety.onChange(publishStatus);
  strategies.onChange(publishStatus);
  settings.onChange((view) => bus.emit('settings.changed', view));

  const handlers: CockpitHandlers = {
    app: {
      getStatus: () => status(),
      setKillSwitch: ({ engaged }) => (safety.setKillSwitch(engaged, engaged ? 'user engaged the kill switch' : 'user released the kill switch'), status()),
      // The schema already demanded the ARM LIVE phrase for live.
      setMode: ({ mode }) => (safety.setMode(mode, mode === 'live' ? 'user armed live mode' : 'user returned to dry-run'), status()),
      setStrategyEnabled: ({ id, enabled }) => (strategies.setEnabled(id, enabled), status()),
    },
    settings: {
      get: () => settings.get(),
      update: (patch) => settings.update(patch),
      setSignalToken: ({ token }) => settings.setSignalToken(token),
    },
    autopilot: autopilotHandlers(autopilot, profiles, settings),
    profiles: profileHandlers(profiles, desktop),
    calibration: calibrationHandlers(desktop, sharedReader, safety, actions),
    backtest: backtestHandlers(db, bus),
  };

  return {
    db,
    bus,
    safety,
    settings,
    strategies,
    actions,
    profiles,
    autopilot,
    dispatch: createDispatcher(contract, handlers),
    status,
    onShutdown: (step) => void shutdownSteps.push(step),
    shutdown(reason) {
      closing ??= (async () => {
        actions.record({ kind: 'shutdown', mode: safety.snapshot().mode, reason });
        for (const step of [...shutdownSteps.reverse(), () => autopilot.close(), () => reader?.then((r) => r.close?.())]) {
          try {
            await step();
          } catch (error) {
            console.error('[engine] shutdown step failed:', error);
          }
        }
        // Fold the WAL back into the main file so a copied data dir is complete.
        db.pragma('wal_checkpoint(TRUNCATE)');
        db.close();
      })();
      return closing;
    },
  };
}

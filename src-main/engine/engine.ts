// Runs in: engine (Electron main or Node). The composition root: no electron import.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { AppStatus, CockpitHandlers, DemoInfo } from '../../src-shared/contract';
import { CallFailure, contract } from '../../src-shared/contract';
import type { SecretCipher } from '../adapters/secrets/secret-store';
import { verifySecretKey, type CipherSource } from '../adapters/secrets/secret-key-check';
import { SqliteSecretStore } from '../adapters/store/sqlite-secret-store';
import { ActionsRepo } from '../adapters/store/actions-repo';
import { checkpointWal, openDatabase, shortenBusyTimeout, type Db } from '../adapters/store/database';
import { KillSwitchStore } from '../adapters/store/kill-switch-store';
import { UnsavedKillSwitchMarker } from '../adapters/store/unsaved-kill-switch-marker';
import { SettingsRepo } from '../adapters/store/settings-repo';
import { ProfilesRepo } from '../adapters/store/profiles-repo';
import { SetupFactsRepo } from '../adapters/store/setup-facts-repo';
import { AccountStore } from '../adapters/store/account-store';
import { CandleCache } from '../adapters/store/candle-cache';
import { EquityRepo } from '../adapters/store/equity-repo';
import { ExecutionsRepo } from '../adapters/store/executions-repo';
import { OptimizeRepo } from '../adapters/store/optimize-repo';
import { OrderStore } from '../adapters/store/order-store';
import { ReportRowsRepo } from '../adapters/store/report-rows-repo';
import { BacktestRunStore } from '../adapters/store/run-store';
import { SignalRecorder } from '../adapters/store/signal-recorder';
import { SignalRows } from '../adapters/store/signal-rows';
import { StrategyStateRepo } from '../adapters/store/strategy-state-repo';
import type { RegionReader } from '../core/autopilot/ports';
import type { DesktopNotifier } from '../core/notifications/desktop-notification';
import { autopilotHandlers } from './autopilot/autopilot-handlers';
import { AutopilotService } from './autopilot/autopilot-service';
import { calibrationHandlers } from './autopilot/calibration-handlers';
import { nutDesktop, type Desktop } from './autopilot/desktop';
import { profileHandlers } from './autopilot/profile-handlers';
import { backtestHandlers } from './backtest/backtest-handlers';
import { optimizeHandlers } from './optimize/optimize-handlers';
import { OptimizeJobs } from './optimize/optimize-jobs';
import { createDispatcher, type Dispatch } from './dispatcher';
import { runCaptureProbe } from './autopilot/capture-probe';
import { Redactor } from '../core/logging/redact';
import type { Logger } from '../core/logging/logger';
import { createPinoLogger, stderrConsole } from '../adapters/logging/pino-logger';
import { nodeSystemHost } from './services/node-system-host';
import { setupGuideHandlers } from './services/setup-guide';
import { createSystemHandlers, type SystemHost } from './services/system-service';
import type { DisplayInfo } from '../../src-shared/contract/services/autopilot';
import { EventBus } from './event-bus';
import { confirmationHandlers } from './confirmations/confirmation-handlers';
import { ConfirmationService } from './confirmations/confirmation-service';
import { createHistory } from './history/history';
import { marketsHandlers } from './markets/markets-handlers';
import { createNotifications, type NotificationOptions } from './notifications/notifications';
import type { NotificationService } from './notifications/notification-service';
import { createRemoteControl } from './notifications/remote-wiring';
import { MarketsService } from './markets/markets-service';
import { MetricsService } from './services/metrics-service';
import { engineMetricsSources } from './services/metrics-sources';
import { SafetyService } from './services/safety-service';
import { SettingsService } from './services/settings-service';
import { StrategyToggles } from './services/strategy-toggles';
import { APP_VERSION } from './version';

export interface EngineOptions {
  dataDir: string;
  shell: AppStatus['shell'];
  cipher: SecretCipher;
  /** Where the cipher's key came from, to say what to fix when it cannot decrypt the stored secrets. */
  cipherSource?: CipherSource;
  /** Reconcile accounts and resume the exchange strategies left enabled (default true; `cockpit autopilot` says false). */
  startMarkets?: boolean;
  /** Screen, mouse and OCR; defaults to nut-js + tesseract.js. */
  desktop?: Desktop;
  /** The OS side of the first-run checklist; defaults to what plain Node can see. */
  systemHost?: SystemHost;
  /** Log files for diagnostics, and the redactor that keeps secrets out of them. */
  logging?: { redactor: Redactor; files(): string[] };
  /**
   * Where every component logs (each gets a child scoped to it). Default: stderr only (human lines on a terminal,
   * JSON lines when piped), through the same redactor, so a CLI command's engine still says what went wrong.
   */
  logger?: Logger;
  /**
   * Test harness only: serve every venue's kline downloads from this loopback URL (the exchange
   * simulator). The UI never chooses a host: without this the venues' official public endpoints are used.
   */
  klineBaseUrl?: string;
  /** `cockpit demo`: what is simulated, shown in every view. */
  demo?: DemoInfo;
  /** Test harness only: a local fake Telegram Bot API, shorter retries. */
  notifications?: NotificationOptions;
  /** Native notifications for desktop channels: the Electron shell's. Without it (headless, CLI) they are unavailable. */
  desktopNotifier?: DesktopNotifier;
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
  readonly markets: MarketsService;
  /** Prometheus metrics; the headless shell serves them at /metrics. */
  readonly metrics: MetricsService;
  /** Webhook, Slack, Discord and Telegram messages about rounds, safety, the signal source, errors and fills. */
  readonly notifications: NotificationService;
  /** The engine's logger, for the shell's own parts (the headless /metrics endpoint). */
  readonly logger: Logger;
  readonly dispatch: Dispatch;
  status(): AppStatus;
  /** Add a cleanup step; steps run in reverse order on shutdown, before the database closes. */
  onShutdown(step: () => Promise<void> | void): void;
  /** Stops the autopilot and every exchange strategy; the engine stays up (the store stays open). */
  stopTrading(reason: string): Promise<void>;
  /** Stops trading, runs the shell's steps, saves what is pending and closes the store. Resolves with what could not be done. */
  shutdown(reason: string): Promise<ShutdownReport>;
}

export interface ShutdownReport {
  /** Empty after a clean stop; otherwise each line says what was not done or saved. */
  readonly problems: readonly string[];
}

const SHUTDOWN_BUSY_TIMEOUT_MS = 250;

export function createEngine(options: EngineOptions): Engine {
  const startedAt = Date.now();
  const redactor = options.logging?.redactor ?? new Redactor();
  const logger = options.logger ?? createPinoLogger({ redactor, ...stderrConsole() });
  const dbFile = join(options.dataDir, 'cockpit.sqlite');
  const db = openDatabase(dbFile);
  try {
    verifySecretKey(db, options.cipher, options.cipherSource ?? { kind: 'env' }, dbFile);
  } catch (error) {
    db.close();
    throw error;
  }
  const bus = new EventBus(logger.child('event-bus'));
  const settingsRepo = new SettingsRepo(db);
  const actions = new ActionsRepo(db, logger.child('actions'));
  const safetyLog = logger.child('safety');
  const killSwitchStore = new KillSwitchStore(db, settingsRepo);
  const safety = new SafetyService(
    {
      store: killSwitchStore,
      audit: actions,
      marker: new UnsavedKillSwitchMarker(options.dataDir),
      log: safetyLog,
      alert: (message) => {
        safetyLog.error(message);
        bus.emit('toast', { level: 'error', message, component: 'safety' });
      },
    },
    { killSwitch: killSwitchStore.read() },
  );
  const secretStore = new SqliteSecretStore(db, options.cipher);
  const settings = new SettingsService(settingsRepo, secretStore);
  const strategies = new StrategyToggles(settingsRepo);
  const profiles = new ProfilesRepo(db);
  // The engine's one Db: every service below gets the repositories it needs, built once here.
  const candles = new CandleCache(db);
  const backtestRuns = new BacktestRunStore(db);
  const reportRows = new ReportRowsRepo(db);
  const baseDesktop = options.desktop ?? nutDesktop();
  let knownDisplays: DisplayInfo[] = [];
  // The checklist and the probe compare display layouts synchronously: remember the last layout seen.
  const desktop = { ...baseDesktop, displays: async () => (knownDisplays = await baseDesktop.displays()) };
  const learnSecrets = () => redactor.addSecret(settings.signalToken());
  let reader: Promise<RegionReader> | null = null;
  // One OCR worker for the whole engine: calibration readouts and the autopilot share it.
  const sharedReader = () => (reader ??= desktop.createReader());
  const confirmations = new ConfirmationService({ bus, audit: (a) => actions.record(a), mode: () => safety.snapshot().mode, now: Date.now, newId: () => randomBytes(12).toString('hex'), log: logger.child('confirmations') });
  confirmations.start();
  // Nothing waits for an answer under the kill switch (the traders stop too; this also covers one mid-wait).
  safety.onChange((s) => {
    if (s.killSwitch) confirmations.cancelAll('kill switch', 'the kill switch is engaged');
  });
  const autopilot = new AutopilotService({ executions: new ExecutionsRepo(db), signalRecorder: new SignalRecorder(db), signalRows: new SignalRows(db), settingsRepo, bus, safety, settings, actions, mouse: desktop.mouse, createReader: sharedReader, displays: () => desktop.displays(), grabRegion: (region) => desktop.grabRegion(region), confirmations, log: logger.child('autopilot') });
  // Rounds left open by the last run are marked interrupted, before anything can start a new one.
  autopilot.open();
  strategies.register({ id: 'autopilot', label: 'Crash autopilot', kind: 'autopilot' }, (enabled) => {
    const profileName = settings.stored().activeProfile;
    const profile = profileName ? profiles.get(profileName) : undefined;
    if (!enabled) void autopilot.stop('tray: autopilot unchecked');
    else if (!profile) bus.emit('toast', { level: 'warn', message: 'Pick an active game profile in Settings before starting the autopilot.' });
    else void autopilot.start({ profile }).catch((error: Error) => bus.emit('toast', { level: 'error', message: error.message, component: 'autopilot' }));
  });
  const shutdownSteps: Array<() => Promise<void> | void> = [];
  let closing: Promise<ShutdownReport> | undefined;

  const status = (): AppStatus => ({
    version: APP_VERSION,
    shell: options.shell,
    ...safety.snapshot(),
    dataDir: options.dataDir,
    startedAt,
    strategies: strategies.list(),
    ...(options.demo ? { demo: options.demo } : {}),
  });
  const publishStatus = () => bus.emit('app.status', status());
  safety.onChange(publishStatus);
  strategies.onChange(publishStatus);
  settings.onChange((view) => bus.emit('settings.changed', view));
  learnSecrets();
  settings.onChange(learnSecrets);
  const system = createSystemHandlers({
    host: options.systemHost ?? nodeSystemHost(() => knownDisplays),
    app: { version: APP_VERSION, shell: options.shell },
    status: () => status(),
    settings: () => settings.get(),
    rehearsal: (name) => autopilot.readiness(name),
    runProbe: async (name) => {
      const profile = profiles.get(name);
      if (!profile) throw new CallFailure('NOT_FOUND', `No profile named "${name}".`);
      return runCaptureProbe(profile, desktop, await desktop.displays());
    },
    logFiles: () => options.logging?.files() ?? [],
    redactor,
    diagnosticsDir: join(options.dataDir, 'diagnostics'),
  });
  const markets = new MarketsService({
    accounts: new AccountStore(db, settingsRepo, options.cipher),
    states: new StrategyStateRepo(db),
    orderStore: (accountId) => new OrderStore(db, accountId),
    actions,
    settings: settingsRepo,
    bus,
    safety,
    toggles: strategies,
    onTogglesRegistered: publishStatus,
    log: logger.child('markets'),
    confirmations,
  });
  // The strategies' toggles and the stream-health timer, also for `cockpit autopilot` (startMarkets false).
  markets.open();
  const engineLog = logger.child('engine');
  if (options.startMarkets ?? true) void markets.start().catch((error: Error) => engineLog.error(`markets start failed: ${error.message}`));
  /** What stopping the markets left resting at the venues (or swept), for the audit log at shutdown. */
  let marketsStopped: string | null = null;
  const stopTrading = async (reason: string) => {
    // Nothing waiting for an answer may trade once trading stops; the service itself stops at shutdown.
    confirmations.cancelAll('stopping', reason);
    const stops = await Promise.allSettled([markets.close().then((report) => void (marketsStopped = report)), autopilot.stop(reason)]);
    for (const stop of stops) if (stop.status === 'rejected') engineLog.error('stopping trading failed', { err: stop.reason });
  };

  const history = createHistory({ rows: reportRows, equity: new EquityRepo(db), bus, dataDir: options.dataDir, startedAt, settings, markets, toggles: strategies, log: logger.child('history') });
  history.start();

  shutdownSteps.push(() => confirmations.stop());
  const optimize = new OptimizeJobs({ cache: candles, repo: new OptimizeRepo(db), runs: backtestRuns, bus });
  shutdownSteps.push(() => optimize.close());
  const metrics = new MetricsService(engineMetricsSources({ bus, actions, autopilot, markets, log: logger.child('metrics') }));
  metrics.start();
  shutdownSteps.push(() => metrics.stop());
  const notifications = createNotifications({ rows: reportRows, bus, settingsRepo, secrets: secretStore, actions, safety, redactor, log: logger.child('notifications'), options: options.notifications, desktop: options.desktopNotifier });
  // Remote control follows the Telegram channels; stopped before the notifications (steps run in reverse).
  const remote = createRemoteControl({ settingsRepo, secrets: secretStore, actions, safety, markets, autopilot, strategies, confirmations, redactor, log: logger.child('remote-control'), options: options.notifications });
  const detachRemote = notifications.onChannels((channels) => remote.sync(channels));
  notifications.start();
  shutdownSteps.push(() => notifications.stop());
  shutdownSteps.push(() => (detachRemote(), remote.stop()));

  const handlers: CockpitHandlers = {
    app: {
      getStatus: () => status(),
      setKillSwitch: async ({ engaged }) => {
        const outcome = await safety.setKillSwitch(engaged, engaged ? 'user engaged the kill switch' : 'user released the kill switch');
        // Never "ok" for a state that is not saved: the in-memory state is in the message and in the app.status event.
        if (!outcome.saved) throw new CallFailure('UNAVAILABLE', outcome.message);
        return status();
      },
      // The schema already demanded the ARM LIVE phrase; SafetyService.armLive checks the kill switch and the first-run checklist.
      setMode: async ({ mode }) => {
        if (mode === 'live') safety.armLive(await system.getFirstRunChecklist(), 'user armed live mode');
        else safety.setMode('dry-run', 'user returned to dry-run');
        return status();
      },
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
    system: { ...system, ...setupGuideHandlers(new SetupFactsRepo(db), settingsRepo) },
    // Downloads draw on the same per-host weight budgets as the live connectors.
    backtest: backtestHandlers({ cache: candles, runs: backtestRuns }, bus, { baseUrl: options.klineBaseUrl, source: { budgets: markets.budgets }, log: logger.child('backtest') }),
    markets: marketsHandlers(markets),
    optimize: optimizeHandlers(optimize),
    history: history.handlers,
    notifications: notifications.handlers,
    confirmations: confirmationHandlers(confirmations),
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
    markets,
    metrics,
    notifications,
    logger,
    dispatch: createDispatcher(contract, handlers, logger.child('dispatch')),
    status,
    onShutdown: (step) => void shutdownSteps.push(step),
    stopTrading,
    shutdown(reason) {
      closing ??= (async (): Promise<ShutdownReport> => {
        const problems: string[] = [];
        const attempt = async (what: string, step: () => unknown) => {
          try {
            await step();
          } catch (error) {
            problems.push(`${what}: ${error instanceof Error ? error.message : String(error)}`);
          }
        };
        // Trading stops first, before anything that touches the disk: a full or locked disk must not keep a strategy running.
        history.beginShutdown();
        await stopTrading(`shutdown: ${reason}`);
        // A bet placed before the flight on a game with no cancel is cashed out when it flies: the store stays open for it.
        const finishing = autopilot.state().stopping;
        if (finishing) engineLog.warn(`${finishing}; shutdown waits for it`);
        await autopilot.whenStopped();
        // After trading stopped and before the store closes; a full or read-only disk is one more problem, not a hang.
        const reportProblem = await history.shutdownReport(reason);
        if (reportProblem) problems.push(reportProblem);
        for (const step of [...shutdownSteps.reverse(), () => reader?.then((r) => r.close?.())]) await attempt('shutdown step', step);
        await attempt('shortening the lock wait', () => shortenBusyTimeout(db, SHUTDOWN_BUSY_TIMEOUT_MS));
        const killSwitch = await safety.saveKillSwitch(`shutdown: ${reason}`);
        if (!killSwitch.saved) problems.push(killSwitch.message);
        await attempt('recording the shutdown', () => actions.record({ kind: 'shutdown', mode: safety.snapshot().mode, reason }));
        // Say what shutdown did to open positions (left resting, or swept), in the audit log.
        if (marketsStopped) await attempt('recording open positions', () => actions.record({ kind: 'shutdown-positions', mode: safety.snapshot().mode, reason: marketsStopped! }));
        await attempt('checkpointing the database', () => checkpointWal(db));
        await attempt('closing the database', () => db.close());
        return { problems };
      })();
      return closing;
    },
  };
}

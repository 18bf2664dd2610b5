// Runs in: Electron main. Thin glue: windows, tray, IPC registration. The engine does the work.
import { app, dialog, ipcMain, type BrowserWindow } from 'electron';
import { join } from 'node:path';
import { openDataDirLog } from '../adapters/logging/data-dir-log';
import type { Logger } from '../core/logging/logger';
import { headlessPassphrase } from '../adapters/secrets/headless-passphrase';
import { ScryptCipher } from '../adapters/secrets/scrypt-cipher';
import type { SecretCipher } from '../adapters/secrets/secret-store';
import type { CipherSource } from '../adapters/secrets/secret-key-check';
import { createEngine, type Engine } from '../engine/engine';
import { claimDataDir } from '../engine/data-dir-claim';
import { FatalErrorPolicy } from '../engine/fatal-error-policy';
import { APP_ORIGIN, registerAppScheme, serveRenderer } from './app-protocol';
import { contract, FLATTEN_PHRASE, methodNames, type FlattenStepRow } from '../../src-shared/contract';
import { IPC_EVENT_CHANNEL } from '../../src-shared/contract/ipc-channels';
import { registerContractHandlers } from './ipc-registration';
import { SafeStorageCipher } from './safe-storage-cipher';
import { watchDisplays } from './display-watch';
import { ElectronDesktopNotifier } from './desktop-notifier';
import { createShellServices } from './shell-services';
import { TrayController } from './tray-controller';
import type { TrayAction } from './tray-menu';
import { Updater } from './updater';
import { createHardenedWindow } from './window-hardening';

const devServerUrl = process.env.ELECTRON_RENDERER_URL;
const appOrigins = devServerUrl ? [APP_ORIGIN, new URL(devServerUrl).origin] : [APP_ORIGIN];
const rendererUrl = devServerUrl ?? `${APP_ORIGIN}/index.html`;
const preloadPath = join(__dirname, '../preload/index.cjs');
const windows = new Set<BrowserWindow>();
let mainWindow: BrowserWindow | null = null;
let quitting = false;
/** The app's log, once the data dir is known; until then fatal errors go to stderr only. */
let appLog: Logger | null = null;

if (!app.requestSingleInstanceLock()) app.quit();
registerAppScheme();
// The same policy as the CLI: an error nobody caught engages the kill switch in memory, stops trading and exits non-zero.
const fatal = new FatalErrorPolicy({ report: (line) => (appLog ? appLog.error(line) : process.stderr.write(`${line}\n`)), exit: (code) => app.exit(code) });
fatal.install(process);

function pickCipher(dataDir: string, log: Logger): { cipher: SecretCipher; cipherSource: CipherSource } {
  if (process.env.COCKPIT_PASSPHRASE) return { cipher: new ScryptCipher(process.env.COCKPIT_PASSPHRASE), cipherSource: { kind: 'env' } };
  try {
    return { cipher: new SafeStorageCipher(), cipherSource: { kind: 'os-keychain' } };
  } catch (error) {
    log.warn(`${(error as Error).message} Falling back to a key file in the data dir.`);
    const { passphrase, source } = headlessPassphrase(dataDir);
    return { cipher: new ScryptCipher(passphrase), cipherSource: source };
  }
}

function createMainWindow(): BrowserWindow {
  const win = createHardenedWindow(
    { width: 1400, height: 900, minWidth: 960, minHeight: 600, show: false, backgroundColor: '#0b0e14', title: 'Trading Cockpit' },
    preloadPath,
    appOrigins,
  );
  windows.add(win);
  win.on('closed', () => windows.delete(win));
  // Closing keeps the app (and any running autopilot) alive in the tray.
  win.on('close', (event) => {
    if (!quitting) {
      event.preventDefault();
      win.hide();
    }
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(rendererUrl);
  return win;
}

function showMainWindow(): void {
  if (!mainWindow || mainWindow.isDestroyed()) mainWindow = createMainWindow();
  mainWindow.show();
  mainWindow.focus();
}

async function start(): Promise<void> {
  await app.whenReady();
  serveRenderer(join(__dirname, '../renderer'));
  const dataDir = process.env.COCKPIT_DATA_DIR ?? app.getPath('userData');
  // One engine per data dir, across the app and the CLI (the single-instance lock only covers the app).
  const dataDirLock = claimDataDir(dataDir, 'the Trading Cockpit app');
  // Structured, rotating, redacted logs (pino JSON lines in logs/); every engine component logs through a child of it.
  const log = openDataDirLog(dataDir);
  const logger = (appLog = log.logger.child('app'));
  // The shell's OS host is built before the engine it is handed to; these late-bound reads run only afterwards.
  const late: { engine?: Engine } = {};
  const shell = createShellServices({
    log: log.logger.child('overlay'),
    preload: preloadPath,
    rendererUrl,
    appOrigins,
    track: (win) => {
      windows.add(win);
      win.on('closed', () => windows.delete(win));
    },
    quit: () => app.quit(),
    onOverlayOpenChanged: () => renderTray(),
    bus: () => late.engine?.bus,
    gamePoint: () => {
      const name = late.engine?.settings.get().activeProfile;
      const profile = name ? late.engine?.profiles.get(name) : undefined;
      return profile ? { displayId: profile.display.id, ...profile.points.bet } : null;
    },
  });
  const engine = (late.engine = createEngine({
    dataDir,
    shell: 'electron',
    ...pickCipher(dataDir, log.logger.child('secrets')),
    systemHost: shell.systemHost,
    logging: log.logging,
    logger: log.logger,
    desktopNotifier: new ElectronDesktopNotifier(() => showMainWindow(), log.logger.child('desktop-notifications')),
  }));
  fatal.protect(engine);
  const ipcLog = log.logger.child('ipc');
  const senderPolicy = { appOrigins, isKnownWindow: (id: number) => [...windows].some((w) => !w.isDestroyed() && w.webContents.id === id) };
  registerContractHandlers(ipcMain, methodNames(contract), engine.dispatch, senderPolicy, (line) => ipcLog.warn(line));
  engine.bus.onAny((name, payload) => {
    for (const win of windows) if (!win.isDestroyed()) win.webContents.send(IPC_EVENT_CHANNEL, { name, payload });
  });

  const perform = (action: TrayAction): void => {
    switch (action.type) {
      case 'toggle-strategy':
        engine.strategies.setEnabled(action.id, action.enabled);
        break;
      case 'kill-switch':
        void engine.safety.setKillSwitch(action.engaged, `tray: kill switch ${action.engaged ? 'engaged' : 'released'}`);
        break;
      case 'flatten-all':
        void confirmFlatten();
        break;
      case 'disarm-live':
        engine.safety.setMode('dry-run', 'tray: returned to dry run');
        break;
      case 'open-cockpit':
        showMainWindow();
        break;
      case 'calibrate':
        if (shell.overlays.isOpen) shell.overlays.close();
        else shell.overlays.open();
        break;
      case 'install-update':
        // Stop the engine cleanly first; the installer then runs on quit.
        quitting = true;
        void engine.shutdown('installing update').finally(() => {
          dataDirLock.release();
          tray.destroy();
          if (!updater.install()) app.exit(0);
        });
        break;
      case 'quit':
        app.quit();
        break;
    }
  };
  /** The tray's flatten: a native confirmation, then the same contract call as the Markets view; the outcome in a message box. */
  const confirmFlatten = async () => {
    const { response } = await dialog.showMessageBox({ type: 'warning', buttons: ['Cancel', 'Flatten all'], defaultId: 0, cancelId: 0, title: 'Flatten all', message: 'Close every position at market and cancel every order on every account?', detail: 'Strategies are switched off first. Resting stops are canceled too. This cannot be undone.' });
    if (response !== 1) return;
    const r = await engine.dispatch('markets.flattenAll', { confirm: FLATTEN_PHRASE });
    const steps = r.ok ? (r.data as FlattenStepRow[]) : [];
    const lines = r.ok ? steps.map((s) => `${s.accountId} ${s.symbol ?? ''} ${s.step}: ${s.detail}`) : [r.error.message];
    await dialog.showMessageBox({ type: r.ok && !steps.some((s) => s.step === 'not-flat') ? 'info' : 'error', title: 'Flatten all', message: r.ok ? 'Flatten all done' : 'Flatten all failed', detail: lines.join('\n').slice(0, 4_000) });
  };
  const tray = new TrayController(join(__dirname, '../../resources', process.platform === 'win32' ? 'tray.ico' : 'trayTemplate.png'), perform);
  const updaterLog = log.logger.child('updater');
  const updater = new Updater({ onReady: () => renderTray(), log: (level, message) => updaterLog[level](message) });
  const renderTray = () => tray.render({ status: engine.status(), updateReady: updater.readyVersion, calibrating: shell.overlays.isOpen });
  engine.bus.on('app.status', renderTray);
  renderTray();
  updater.start();
  const unwatchDisplays = watchDisplays(engine, log.logger.child('display'));
  engine.onShutdown(() => {
    unwatchDisplays();
    updater.stop();
    shell.overlays.close();
  });
  if (process.env.COCKPIT_TEST_HOOKS === '1') Object.assign(globalThis, { __cockpitTray: tray, __cockpitOverlays: shell.overlays });

  app.on('second-instance', showMainWindow);
  app.on('activate', showMainWindow);
  app.on('window-all-closed', () => {
    /* stay in the tray */
  });
  app.on('before-quit', (event) => {
    if (quitting) return;
    quitting = true;
    event.preventDefault();
    void engine.shutdown('app quit').then((report) => {
      for (const problem of report.problems) logger.error(problem);
      dataDirLock.release();
      tray.destroy();
      logger.info('quit');
      appLog = null;
      log.close();
      app.exit(report.problems.length === 0 ? 0 : 1);
    });
  });
  showMainWindow();
}

start().catch((error: unknown) => {
  // Storage faults, a data dir in use, a wrong key: each names the problem; say it in a dialog, not a stack trace.
  dialog.showErrorBox('Trading Cockpit cannot start', error instanceof Error ? error.message : String(error));
  app.exit(1);
});

// Runs in: Electron main. Thin glue: windows, tray, IPC registration. The engine does the work.
import { BrowserWindow, app, ipcMain } from 'electron';
import { join } from 'node:path';
import { contract, methodNames } from '../../src-shared/contract';
import { headlessPassphrase } from '../adapters/secrets/headless-passphrase';
import { ScryptCipher } from '../adapters/secrets/scrypt-cipher';
import type { SecretCipher } from '../adapters/secrets/secret-store';
import { createEngine, type Engine } from '../engine/engine';
import { APP_ORIGIN, registerAppScheme, serveRenderer } from './app-protocol';
import { IPC_EVENT_CHANNEL } from '../../src-shared/contract/ipc-channels';
import { registerContractHandlers } from './ipc-registration';
import { SafeStorageCipher } from './safe-storage-cipher';
import { TrayController } from './tray-controller';
import type { TrayAction } from './tray-menu';
import { hardenWindow, secureWebPreferences } from './window-hardening';

const devServerUrl = process.env.ELECTRON_RENDERER_URL;
const appOrigins = devServerUrl ? [APP_ORIGIN, new URL(devServerUrl).origin] : [APP_ORIGIN];
const windows = new Set<BrowserWindow>();
let mainWindow: BrowserWindow | null = null;
let quitting = false;

if (!app.requestSingleInstanceLock()) app.quit();
registerAppScheme();

function pickCipher(dataDir: string): SecretCipher {
  if (process.env.COCKPIT_PASSPHRASE) return new ScryptCipher(process.env.COCKPIT_PASSPHRASE);
  try {
    return new SafeStorageCipher();
  } catch (error) {
    console.warn(`[secrets] ${(error as Error).message} Falling back to a key file in the data dir.`);
    return new ScryptCipher(headlessPassphrase(dataDir).passphrase);
  }
}

function createMainWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1400,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    show: false,
    backgroundColor: '#0b0e14',
    title: 'Trading Cockpit',
    webPreferences: secureWebPreferences(join(__dirname, '../preload/index.cjs')),
  });
  hardenWindow(win, appOrigins);
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
  void win.loadURL(devServerUrl ?? `${APP_ORIGIN}/index.html`);
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
  const engine: Engine = createEngine({ dataDir, shell: 'electron', cipher: pickCipher(dataDir) });

  registerContractHandlers(ipcMain, methodNames(contract), engine.dispatch, {
    appOrigins,
    isKnownWindow: (id) => [...windows].some((w) => !w.isDestroyed() && w.webContents.id === id),
  });
  engine.bus.onAny((name, payload) => {
    for (const win of windows) if (!win.isDestroyed()) win.webContents.send(IPC_EVENT_CHANNEL, { name, payload });
  });

  const perform = (action: TrayAction): void => {
    switch (action.type) {
      case 'toggle-strategy':
        engine.strategies.setEnabled(action.id, action.enabled);
        break;
      case 'kill-switch':
        engine.safety.setKillSwitch(action.engaged, `tray: kill switch ${action.engaged ? 'engaged' : 'released'}`);
        break;
      case 'disarm-live':
        engine.safety.setMode('dry-run', 'tray: returned to dry run');
        break;
      case 'open-cockpit':
      case 'calibrate':
        showMainWindow();
        break;
      case 'install-update':
        break;
      case 'quit':
        app.quit();
        break;
    }
  };
  const tray = new TrayController(join(__dirname, '../../resources/trayTemplate.png'), perform);
  const renderTray = () => tray.render({ status: engine.status() });
  engine.bus.on('app.status', renderTray);
  renderTray();
  if (process.env.COCKPIT_TEST_HOOKS === '1') (globalThis as Record<string, unknown>).__cockpitTray = tray;

  app.on('second-instance', showMainWindow);
  app.on('activate', showMainWindow);
  app.on('window-all-closed', () => {
    /* stay in the tray */
  });
  app.on('before-quit', (event) => {
    if (quitting) return;
    quitting = true;
    event.preventDefault();
    void engine.shutdown('app quit').finally(() => {
      tray.destroy();
      app.exit(0);
    });
  });
  showMainWindow();
}

void start();

// Runs in: Electron main. electron-updater with the GitHub provider (from electron-builder.yml's publish); the tray offers the restart.
import { app } from 'electron';
import electronUpdater from 'electron-updater';
import { UPDATE_CHECK_INTERVAL_MS, updateDecision } from './update-policy';

export interface UpdaterOptions {
  /** The downloaded version, for createTrayMenu({updateReady}). */
  onReady(version: string): void;
  log(level: 'info' | 'warn', message: string): void;
}

export class Updater {
  private timer: NodeJS.Timeout | null = null;
  private ready: string | null = null;

  constructor(private readonly options: UpdaterOptions) {}

  get readyVersion(): string | null {
    return this.ready;
  }

  start(): void {
    const decision = updateDecision({ isPackaged: app.isPackaged, platform: process.platform, env: process.env });
    if (!decision.check) {
      this.options.log('info', `[updater] no update checks: ${decision.reason}`);
      return;
    }
    const { autoUpdater } = electronUpdater;
    autoUpdater.autoDownload = true;
    // Never restart on its own: a restart stops the autopilot, so the user picks the moment from the tray.
    autoUpdater.autoInstallOnAppQuit = false;
    autoUpdater.allowPrerelease = false;
    autoUpdater.on('update-downloaded', (info) => {
      this.ready = info.version;
      this.options.log('info', `[updater] ${info.version} downloaded`);
      this.options.onReady(info.version);
    });
    autoUpdater.on('error', (error) => this.options.log('warn', `[updater] ${error.message}`));
    const check = () => void autoUpdater.checkForUpdates().catch((error: Error) => this.options.log('warn', `[updater] check failed: ${error.message}`));
    check();
    this.timer = setInterval(check, UPDATE_CHECK_INTERVAL_MS);
    this.timer.unref();
  }

  /** Call after the engine has shut down: quits and runs the installer. False when nothing is downloaded. */
  install(): boolean {
    if (!this.ready) return false;
    electronUpdater.autoUpdater.quitAndInstall(false, true);
    return true;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}

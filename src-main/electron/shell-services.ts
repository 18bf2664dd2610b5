// Runs in: Electron main. The Electron-only pieces the engine is given: calibration overlays and the OS host of the first-run checklist.
import { app, type BrowserWindow } from 'electron';
import type { Logger } from '../core/logging/logger';
import type { EventBus } from '../engine/event-bus';
import type { SystemHost } from '../engine/services/system-service';
import { CalibrationOverlays } from './overlay-windows';
import { electronSystemHost, launchPermissions, type GamePoint } from './system-host';

export interface ShellServicesOptions {
  log: Logger;
  preload: string;
  rendererUrl: string;
  appOrigins: readonly string[];
  track(win: BrowserWindow): void;
  /** Quits through the normal shutdown path after app.relaunch(). */
  quit(): void;
  onOverlayOpenChanged(open: boolean): void;
  /** The engine's bus, once it exists (the engine is built with this module's host). */
  bus(): EventBus | undefined;
  gamePoint: GamePoint;
}

export interface ShellServices {
  overlays: CalibrationOverlays;
  systemHost: SystemHost;
}

export function createShellServices(o: ShellServicesOptions): ShellServices {
  const overlays = new CalibrationOverlays({
    preload: o.preload,
    rendererUrl: o.rendererUrl,
    appOrigins: o.appOrigins,
    track: o.track,
    onOpenChanged: (open) => o.onOverlayOpenChanged(open),
    onLayoutChanged: (displays) => {
      o.log.warn('display layout changed during calibration; overlays rebuilt', { displays });
      o.bus()?.emit('toast', { level: 'warn', message: 'The display layout or scaling changed: overlays were rebuilt. Check your regions.' });
    },
  });
  const systemHost = electronSystemHost(
    launchPermissions(),
    overlays,
    () => {
      app.relaunch();
      o.quit();
    },
    o.gamePoint,
  );
  return { overlays, systemHost };
}

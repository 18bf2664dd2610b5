// Runs in: Electron main. Pure: what each calibration overlay window looks like and loads, unit-tested without Electron.
import type { DisplayInfo } from '../core/display/dip-physical';

/** Exits calibration from anywhere, even when no overlay has focus. Ctrl+Shift+Esc is taken by Task Manager on Windows. */
export const OVERLAY_EXIT_ACCELERATOR = 'CommandOrControl+Shift+F12';

/** `rendererUrl` is app://cockpit/index.html, or the dev server's URL under `electron-vite dev`. */
export function calibrateUrl(rendererUrl: string, displayId: string): string {
  return `${rendererUrl.split('#')[0]}#/calibrate?display=${encodeURIComponent(displayId)}`;
}

/** BrowserWindow options for one display: exactly its DIP bounds, transparent, frameless, above everything. */
export function overlayWindowOptions(display: DisplayInfo) {
  return {
    x: display.bounds.x,
    y: display.bounds.y,
    width: display.bounds.width,
    height: display.bounds.height,
    transparent: true,
    frame: false,
    hasShadow: false,
    resizable: false,
    movable: false,
    minimizable: false,
    maximizable: false,
    fullscreenable: false,
    skipTaskbar: true,
    alwaysOnTop: true,
    show: false,
    // Windows would clamp a window larger than the work area (taskbar); the overlay must cover the whole display.
    enableLargerThanScreen: true,
    backgroundColor: '#00000000',
    title: `Calibrate display ${display.id}`,
  } as const;
}

/** Whether the overlays must be rebuilt: a display came or went, moved, resized or changed scaling. */
export function layoutChanged(before: readonly DisplayInfo[], after: readonly DisplayInfo[]): boolean {
  const key = (ds: readonly DisplayInfo[]) =>
    [...ds]
      .map((d) => `${d.id}:${d.bounds.x},${d.bounds.y},${d.bounds.width},${d.bounds.height}@${d.scaleFactor}`)
      .sort()
      .join('|');
  return key(before) !== key(after);
}

// Runs in: Electron main. One transparent, click-through, always-on-top calibration overlay per display.
import { globalShortcut, screen, type BrowserWindow, type Display } from 'electron';
import type { DisplayInfo } from '../core/display/dip-physical';
import { calibrateUrl, layoutChanged, OVERLAY_EXIT_ACCELERATOR, overlayWindowOptions } from './overlay-layout';
import { createHardenedWindow } from './window-hardening';

export const toDisplayInfo = (d: Display): DisplayInfo => ({ id: String(d.id), bounds: { ...d.bounds }, scaleFactor: d.scaleFactor });

export interface OverlayOptions {
  preload: string;
  rendererUrl: string;
  appOrigins: readonly string[];
  /** Overlays join the app's window set so their IPC calls pass sender validation. */
  track(win: BrowserWindow): void;
  /** Called after the layout changed while calibrating (regions must be re-checked). */
  onLayoutChanged?(displays: DisplayInfo[]): void;
  /** Called when overlays open or close (the tray re-renders). */
  onOpenChanged?(open: boolean): void;
}

export class CalibrationOverlays {
  private readonly windows = new Map<string, BrowserWindow>();
  private layout: DisplayInfo[] = [];
  private readonly onMetrics = () => this.relayout();

  constructor(private readonly options: OverlayOptions) {}

  get isOpen(): boolean {
    return this.windows.size > 0;
  }

  /** Opens (or re-opens) one overlay per display; returns the display ids. */
  open(): string[] {
    this.close();
    this.layout = screen.getAllDisplays().map(toDisplayInfo);
    for (const display of this.layout) this.windows.set(display.id, this.createWindow(display));
    // The user must always have a way out, even if no overlay has focus.
    if (!globalShortcut.isRegistered(OVERLAY_EXIT_ACCELERATOR)) globalShortcut.register(OVERLAY_EXIT_ACCELERATOR, () => this.close());
    screen.on('display-metrics-changed', this.onMetrics);
    screen.on('display-added', this.onMetrics);
    screen.on('display-removed', this.onMetrics);
    this.options.onOpenChanged?.(true);
    return this.layout.map((d) => d.id);
  }

  close(): boolean {
    const wasOpen = this.isOpen;
    screen.off('display-metrics-changed', this.onMetrics);
    screen.off('display-added', this.onMetrics);
    screen.off('display-removed', this.onMetrics);
    if (globalShortcut.isRegistered(OVERLAY_EXIT_ACCELERATOR)) globalShortcut.unregister(OVERLAY_EXIT_ACCELERATOR);
    for (const win of this.windows.values()) if (!win.isDestroyed()) win.destroy();
    this.windows.clear();
    if (wasOpen) this.options.onOpenChanged?.(false);
    return wasOpen;
  }

  /** The editor asks for the mouse over its handles; elsewhere clicks fall through to the game (mouse moves still forwarded). */
  setPointerCapture(displayId: string, capture: boolean): boolean {
    const win = this.windows.get(displayId);
    if (!win || win.isDestroyed()) return false;
    if (capture) win.setIgnoreMouseEvents(false);
    else win.setIgnoreMouseEvents(true, { forward: true });
    return true;
  }

  /** For the _electron smoke suite (COCKPIT_TEST_HOOKS): which displays have an overlay, where, and what it loaded. */
  describe(): Array<{ displayId: string; bounds: Electron.Rectangle; alwaysOnTop: boolean; url: string }> {
    return [...this.windows].map(([displayId, win]) => ({ displayId, bounds: win.getBounds(), alwaysOnTop: win.isAlwaysOnTop(), url: win.webContents.getURL() }));
  }

  private createWindow(display: DisplayInfo): BrowserWindow {
    const win = createHardenedWindow(overlayWindowOptions(display), this.options.preload, this.options.appOrigins);
    // screen-saver level stays above full-screen games; visibleOnFullScreen covers macOS full-screen spaces.
    win.setAlwaysOnTop(true, 'screen-saver');
    // skipTransformProcessType: otherwise macOS briefly hides the app from the Dock when this is set.
    win.setVisibleOnAllWorkspaces(true, { visibleOnFullScreen: true, skipTransformProcessType: true });
    // Never OCR our own overlay: content protection blanks it in every screen capture (incl. ours).
    win.setContentProtection(true);
    win.setIgnoreMouseEvents(true, { forward: true });
    win.webContents.on('before-input-event', (event, input) => {
      if (input.type === 'keyDown' && input.key === 'Escape') {
        event.preventDefault();
        this.close();
      }
    });
    win.on('closed', () => this.windows.delete(display.id));
    this.options.track(win);
    // Focus only the overlay under the cursor (so Escape works there) without stealing focus on every display.
    const underCursor = String(screen.getDisplayNearestPoint(screen.getCursorScreenPoint()).id) === display.id;
    win.once('ready-to-show', () => (underCursor ? win.show() : win.showInactive()));
    void win.loadURL(calibrateUrl(this.options.rendererUrl, display.id));
    return win;
  }

  private relayout(): void {
    const now = screen.getAllDisplays().map(toDisplayInfo);
    if (!layoutChanged(this.layout, now)) return;
    this.open();
    this.options.onLayoutChanged?.(now);
  }
}

// Runs in: Electron main. The OS side of the `system` service: macOS permission APIs, deep links, relaunch, displays.
import { app, screen, shell, systemPreferences } from 'electron';
import { release } from 'node:os';
import { probeWindowsElevation } from '../adapters/first-run/windows-elevation';
import type { LaunchPermissions } from '../core/first-run/checklist';
import type { FirstRunOs, MediaAccess } from '../core/first-run/os-facts';
import type { OverlayHost, SystemHost } from '../engine/services/system-service';
import { toDisplayInfo } from './overlay-windows';
import { isVettedExternalUrl } from './url-policy';

/** The active profile's Bet point: its display id and physical pixels relative to that display. */
export type GamePoint = () => { displayId: string; x: number; y: number } | null;

/** Windows: a display's physical origin comes from dipToScreenPoint (mixed DPI layouts are not a simple multiply). */
function globalPhysical(p: { displayId: string; x: number; y: number }): { x: number; y: number } | null {
  const display = screen.getAllDisplays().find((d) => String(d.id) === p.displayId);
  if (!display) return null;
  const origin = screen.dipToScreenPoint({ x: display.bounds.x, y: display.bounds.y });
  return { x: origin.x + p.x, y: origin.y + p.y };
}

function electronOs(gamePoint: GamePoint): FirstRunOs {
  const os: FirstRunOs = { platform: process.platform };
  if (process.platform === 'darwin') {
    os.screenAccess = () => systemPreferences.getMediaAccessStatus('screen') as MediaAccess;
    // false: only read the state; the checklist explains and links instead of popping the system prompt.
    os.accessibilityTrusted = () => systemPreferences.isTrustedAccessibilityClient(false);
  }
  if (process.platform === 'linux') {
    os.sessionType = () => (process.env.XDG_SESSION_TYPE === 'wayland' ? 'wayland' : process.env.XDG_SESSION_TYPE === 'x11' ? 'x11' : 'unknown');
    os.hasXDisplay = () => Boolean(process.env.DISPLAY);
  }
  if (process.platform === 'win32') {
    // One PowerShell run answers both questions: gameWindowElevation starts it, selfElevated (asked next) reuses it.
    let report: ReturnType<typeof probeWindowsElevation> = Promise.resolve({ target: 'unknown', self: false });
    os.gameWindowElevation = async () => {
      const point = gamePoint();
      const at = point ? globalPhysical(point) : null;
      report = at ? probeWindowsElevation(at) : Promise.resolve({ target: 'no-game-window', self: false });
      return (await report).target;
    };
    os.selfElevated = async () => (await report).self;
  }
  return os;
}

/** Read once at startup: a Screen Recording grant made later only works after a relaunch. */
export function launchPermissions(): LaunchPermissions {
  return process.platform === 'darwin' ? { screen: systemPreferences.getMediaAccessStatus('screen') as MediaAccess } : {};
}

export function electronSystemHost(launch: LaunchPermissions, overlay: OverlayHost, relaunch: () => void, gamePoint: GamePoint): SystemHost {
  return {
    os: electronOs(gamePoint),
    launch,
    displays: () => screen.getAllDisplays().map(toDisplayInfo),
    versions: { app: app.getVersion(), electron: process.versions.electron, chrome: process.versions.chrome, node: process.versions.node, v8: process.versions.v8 },
    osInfo: { platform: process.platform, release: release(), arch: process.arch },
    openExternal: async (url) => {
      if (!isVettedExternalUrl(url)) throw new Error(`Refusing to open ${url.slice(0, 80)}`);
      // electronegativity OPEN_EXTERNAL_JS_CHECK (tentative): vetted just above, and callers only pass SETTINGS_LINKS.
      await shell.openExternal(url);
    },
    relaunch,
    overlay,
  };
}

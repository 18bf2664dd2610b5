// Runs in: anywhere (pure). The OS facts the first-run checklist needs, gathered through injected probes so every platform is unit-testable.

export type MediaAccess = 'not-determined' | 'granted' | 'denied' | 'restricted' | 'unknown';
export type Elevation = 'elevated' | 'not-elevated' | 'no-game-window' | 'unknown';
export type SessionType = 'x11' | 'wayland' | 'unknown';

/** Injected by the shell: Electron's systemPreferences on macOS, a native probe on Windows, env vars on Linux. */
export interface FirstRunOs {
  platform: string;
  /** macOS: systemPreferences.getMediaAccessStatus('screen'). */
  screenAccess?(): MediaAccess;
  /** macOS: systemPreferences.isTrustedAccessibilityClient(false) (false: never pops the system prompt). */
  accessibilityTrusted?(): boolean;
  /** Windows: whether the game window's process runs elevated (UIPI drops SendInput into it silently). */
  gameWindowElevation?(): Promise<Elevation>;
  /** Windows: whether this app itself runs elevated (then UIPI does not apply). Asked after gameWindowElevation. */
  selfElevated?(): boolean | Promise<boolean>;
  /** Linux: XDG_SESSION_TYPE and whether an X display (X11 or XWayland) is reachable. */
  sessionType?(): SessionType;
  hasXDisplay?(): boolean;
}

export interface OsFacts {
  platform: 'darwin' | 'win32' | 'linux' | 'other';
  screen?: MediaAccess;
  accessibility?: boolean;
  gameWindow?: Elevation;
  selfElevated?: boolean;
  session?: SessionType;
  xDisplay?: boolean;
}

const known = (p: string): OsFacts['platform'] => (p === 'darwin' || p === 'win32' || p === 'linux' ? p : 'other');

/** Asks only the probes that matter on this platform; a throwing probe reads as "unknown" rather than failing the checklist. */
export async function collectOsFacts(os: FirstRunOs): Promise<OsFacts> {
  const platform = known(os.platform);
  const safe = <T>(f: (() => T) | undefined, fallback: T): T => {
    try {
      return f ? f() : fallback;
    } catch {
      return fallback;
    }
  };
  if (platform === 'darwin') return { platform, screen: safe(os.screenAccess, 'unknown'), accessibility: safe(os.accessibilityTrusted, false) };
  if (platform === 'win32') {
    let gameWindow: Elevation = 'unknown';
    let selfElevated = false;
    try {
      gameWindow = os.gameWindowElevation ? await os.gameWindowElevation() : 'unknown';
    } catch {
      gameWindow = 'unknown';
    }
    try {
      selfElevated = os.selfElevated ? await os.selfElevated() : false;
    } catch {
      selfElevated = false;
    }
    return { platform, gameWindow, selfElevated };
  }
  if (platform === 'linux') return { platform, session: safe(os.sessionType, 'unknown'), xDisplay: safe(os.hasXDisplay, false) };
  return { platform };
}

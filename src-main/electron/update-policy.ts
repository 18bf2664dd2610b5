// Runs in: Electron main. Pure: when the app may look for updates.

export interface UpdateEnvironment {
  isPackaged: boolean;
  platform: string;
  env: Record<string, string | undefined>;
}

export type UpdateDecision = { check: true } | { check: false; reason: string };

/** Every 4 hours: releases are rare, and a check is one small GitHub request. */
export const UPDATE_CHECK_INTERVAL_MS = 4 * 60 * 60 * 1000;

export function updateDecision({ isPackaged, platform, env }: UpdateEnvironment): UpdateDecision {
  if (!isPackaged) return { check: false, reason: 'not packaged (development run)' };
  if (env.ELECTRON_RENDERER_URL) return { check: false, reason: 'dev server in use' };
  if (env.COCKPIT_TEST_HOOKS === '1' || env.COCKPIT_DISABLE_UPDATES === '1') return { check: false, reason: 'updates disabled by environment' };
  // electron-updater handles NSIS on Windows, zip on macOS and AppImage on Linux; a .deb or portable build cannot self-update.
  if (platform === 'linux' && !env.APPIMAGE) return { check: false, reason: 'only the AppImage build updates itself on Linux' };
  return { check: true };
}

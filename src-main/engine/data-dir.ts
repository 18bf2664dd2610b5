// Runs in: engine.
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

const APP_DIR_NAME = 'Trading Cockpit';

/** `--data DIR` wins, then COCKPIT_DATA_DIR, then the OS app-data dir (the same place Electron's userData points to). */
export function resolveDataDir(explicit?: string, env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (explicit) return resolve(explicit);
  if (env.COCKPIT_DATA_DIR) return resolve(env.COCKPIT_DATA_DIR);
  const home = homedir();
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_DIR_NAME);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_DIR_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), APP_DIR_NAME);
}

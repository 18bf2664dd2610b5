// Runs in: Node (the _electron smoke suite). Finds what to launch: a packaged test build, or the Electron binary with out/.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { findElectronBinary } from '../../src-main/cli/electron-binary';

export const ROOT = join(import.meta.dirname, '../..');

export interface LaunchTarget {
  executablePath: string;
  args: string[];
  what: string;
}

/** `npm run dist:test` output: dist/<platform>-unpacked/ or dist/mac*\/Trading Cockpit.app. */
function packagedTestBuild(dist: string): string | null {
  if (!existsSync(dist)) return null;
  for (const dir of readdirSync(dist)) {
    const base = join(dist, dir);
    const candidates = [
      join(base, 'Trading Cockpit.exe'),
      join(base, 'Trading Cockpit.app', 'Contents', 'MacOS', 'Trading Cockpit'),
      join(base, 'trading-cockpit'),
    ];
    const hit = candidates.find((c) => existsSync(c));
    if (hit) return hit;
  }
  return null;
}

export function findLaunchTarget(env = process.env): LaunchTarget | { missing: string } {
  if (env.COCKPIT_APP_EXECUTABLE) return { executablePath: env.COCKPIT_APP_EXECUTABLE, args: [], what: `COCKPIT_APP_EXECUTABLE (${env.COCKPIT_APP_EXECUTABLE})` };
  const packaged = packagedTestBuild(join(ROOT, 'dist'));
  if (packaged) return { executablePath: packaged, args: [], what: `packaged test build ${packaged}` };
  const main = join(ROOT, 'out/main/index.js');
  const electron = findElectronBinary(ROOT, env);
  if ('missing' in electron) return { missing: `${electron.missing}, and there is no packaged test build in dist/ (npm run dist:test)` };
  const binary = electron.path;
  if (!existsSync(main)) return { missing: 'out/main/index.js is missing: run npm run build' };
  // The repo root, not the file: package.json's main points at out/main/index.js and app.getAppPath() is the root.
  return { executablePath: binary, args: [ROOT], what: `Electron ${binary} with out/main/index.js` };
}

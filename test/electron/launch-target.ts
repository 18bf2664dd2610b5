// Runs in: Node (the _electron smoke suite). Finds what to launch: a packaged test build, or the Electron binary with out/.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

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
  // Not require('electron'): it starts a download when the binary is missing.
  const pkg = join(ROOT, 'node_modules/electron');
  const pathFile = join(pkg, 'path.txt');
  const binary = existsSync(pathFile) ? join(pkg, 'dist', readFileSync(pathFile, 'utf8').trim()) : null;
  if (!binary || !existsSync(binary)) {
    return { missing: 'the Electron binary is not installed (npm was run with ELECTRON_SKIP_BINARY_DOWNLOAD=1 or offline) and there is no packaged test build in dist/ (npm run dist:test)' };
  }
  if (!existsSync(main)) return { missing: 'out/main/index.js is missing: run npm run build' };
  // The repo root, not the file: package.json's main points at out/main/index.js and app.getAppPath() is the root.
  return { executablePath: binary, args: [ROOT], what: `Electron ${binary} with out/main/index.js` };
}

// Runs in: Node (CLI, tests). Where the Electron binary is, without require('electron'): that starts a download
// when the binary is missing (npm installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1, or offline).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export type ElectronBinary = { readonly path: string } | { readonly missing: string };

export function findElectronBinary(root: string, env: NodeJS.ProcessEnv = process.env): ElectronBinary {
  const pkg = join(root, 'node_modules/electron');
  const pathFile = join(pkg, 'path.txt');
  if (!existsSync(pkg)) return { missing: 'the electron package is not installed' };
  if (!existsSync(pathFile) && !env.ELECTRON_OVERRIDE_DIST_PATH) return { missing: 'the Electron binary was not downloaded (ELECTRON_SKIP_BINARY_DOWNLOAD=1 or offline)' };
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : 'electron';
  const binary = env.ELECTRON_OVERRIDE_DIST_PATH ? join(env.ELECTRON_OVERRIDE_DIST_PATH, executable) : join(pkg, 'dist', executable);
  return existsSync(binary) ? { path: binary } : { missing: `the Electron binary is missing (${binary})` };
}

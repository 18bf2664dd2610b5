// Runs in: Node (CLI). Opens a page in its own browser window (an app window of a Chromium-family browser, with its
// own throwaway profile), so the demo's practice game sits on the screen beside the cockpit instead of in a tab.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Chromium-family browsers by platform, most common first. `COCKPIT_DEMO_BROWSER` overrides them. */
function candidates(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string[] {
  if (platform === 'win32') {
    const roots = [env['ProgramFiles(x86)'], env.ProgramFiles, env.LOCALAPPDATA].filter((r): r is string => !!r);
    return roots.flatMap((root) => [join(root, 'Microsoft', 'Edge', 'Application', 'msedge.exe'), join(root, 'Google', 'Chrome', 'Application', 'chrome.exe')]);
  }
  if (platform === 'darwin') {
    return ['Google Chrome.app/Contents/MacOS/Google Chrome', 'Microsoft Edge.app/Contents/MacOS/Microsoft Edge', 'Chromium.app/Contents/MacOS/Chromium'].map((app) => join('/Applications', app));
  }
  const dirs = (env.PATH ?? '').split(delimiter).filter(Boolean);
  return ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'microsoft-edge'].flatMap((name) => dirs.map((dir) => join(dir, name)));
}

export function findBrowser(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env, exists: (path: string) => boolean = existsSync): string | null {
  if (env.COCKPIT_DEMO_BROWSER) return exists(env.COCKPIT_DEMO_BROWSER) ? env.COCKPIT_DEMO_BROWSER : null;
  return candidates(platform, env).find(exists) ?? null;
}

export interface GameWindowOptions {
  readonly browser: string;
  readonly url: string;
  /** The window's own browser profile: a fresh window, never a tab in the user's browser. */
  readonly profileDir: string;
  readonly size: { readonly width: number; readonly height: number };
}

export function browserArgs({ url, profileDir, size }: Omit<GameWindowOptions, 'browser'>, asRoot: boolean): string[] {
  return [
    `--app=${url}`,
    `--user-data-dir=${profileDir}`,
    `--window-size=${size.width},${size.height}`,
    '--window-position=0,0',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    // Chromium refuses to run as root with its sandbox (containers, CI).
    ...(asRoot ? ['--no-sandbox'] : []),
  ];
}

export function openGameWindow(options: GameWindowOptions): ChildProcess {
  const asRoot = process.getuid?.() === 0;
  const child = spawn(options.browser, browserArgs(options, asRoot), { stdio: 'ignore' });
  // A browser that fails to start is reported by the caller (the game is never found); no unhandled 'error'.
  child.on('error', () => {});
  return child;
}

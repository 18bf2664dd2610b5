// Runs in: Node (CLI). Opens a URL in the desktop's browser when there is a desktop; never fails the caller.
import { spawn } from 'node:child_process';

export type Spawner = (command: string, args: string[]) => { once(event: 'error', listener: () => void): unknown; unref(): void };

const detached: Spawner = (command, args) => spawn(command, args, { detached: true, stdio: 'ignore' });

/** The platform's opener, or null where there is no desktop session to open a browser in. */
export function browserOpener(url: string, platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): [string, string[]] | null {
  if (platform === 'darwin') return ['open', [url]];
  // `start` is a cmd built-in; its first quoted argument is a window title.
  if (platform === 'win32') return ['cmd', ['/c', 'start', '""', url]];
  return env.DISPLAY || env.WAYLAND_DISPLAY ? ['xdg-open', [url]] : null;
}

/** True when an opener was started; a missing xdg-open or a failing one is ignored (the URL is printed anyway). */
export function openBrowser(url: string, platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env, run: Spawner = detached): boolean {
  const opener = browserOpener(url, platform, env);
  if (!opener) return false;
  try {
    const child = run(...opener);
    child.once('error', () => {});
    child.unref();
    return true;
  } catch {
    return false;
  }
}

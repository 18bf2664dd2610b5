import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Desktop suites need Xvfb (Linux). Elsewhere (the Windows and macOS release runners) they are skipped with a
 * message, and the Playwright `_electron` suite covers the real desktop there.
 */
export const XVFB_AVAILABLE = process.platform === 'linux' && spawnSync('sh', ['-c', 'command -v Xvfb'], { stdio: 'ignore' }).status === 0;
if (!XVFB_AVAILABLE) console.warn('[xvfb] Xvfb is not available: desktop suites (real clicks and OCR on a virtual screen) are skipped.');

export interface XDisplay {
  /** e.g. ":93" */
  readonly display: string;
  readonly width: number;
  readonly height: number;
  stop(): Promise<void>;
}

/** Starts a private Xvfb server on the first free display number; tests never touch the user's display. */
export async function startXvfb(width = 1280, height = 800): Promise<XDisplay> {
  for (let n = 90 + Math.floor(Math.random() * 50); n < 250; n++) {
    if (existsSync(`/tmp/.X${n}-lock`) || existsSync(`/tmp/.X11-unix/X${n}`)) continue;
    const proc: ChildProcess = spawn('Xvfb', [`:${n}`, '-screen', '0', `${width}x${height}x24`, '-nolisten', 'tcp', '-ac'], {
      stdio: 'ignore',
    });
    let exited = false;
    proc.once('exit', () => (exited = true));
    for (let i = 0; i < 100 && !exited; i++) {
      if (existsSync(`/tmp/.X11-unix/X${n}`)) {
        return {
          display: `:${n}`,
          width,
          height,
          stop: async () => {
            if (proc.exitCode === null) {
              proc.kill('SIGTERM');
              await new Promise((r) => proc.once('exit', r));
            }
          },
        };
      }
      await sleep(50);
    }
    proc.kill('SIGKILL');
  }
  throw new Error('Could not start Xvfb (is the xvfb package installed?)');
}

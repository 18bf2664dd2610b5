// A private Xvfb screen that outlives this process by a moment, on purpose.
// nut-js (libnut) keeps one X connection open and closes it at process exit; if the X server is already gone then,
// Xlib's I/O error handler exits the process with status 1 and fails the run. So the server is stopped by a
// watchdog shell only after this process has exited.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

export interface PrivateScreen {
  /** e.g. ":123" */
  readonly display: string;
}

const WATCHDOG = 'Xvfb "$1" -screen 0 "$2" -nolisten tcp -ac >/dev/null 2>&1 & x=$!; while kill -0 "$3" 2>/dev/null && kill -0 "$x" 2>/dev/null; do sleep 0.2; done; kill "$x" 2>/dev/null';

export async function startPrivateScreen(width: number, height: number): Promise<PrivateScreen> {
  for (let n = 140 + Math.floor(Math.random() * 100); n < 400; n++) {
    if (existsSync(`/tmp/.X${n}-lock`) || existsSync(`/tmp/.X11-unix/X${n}`)) continue;
    const watchdog = spawn('sh', ['-c', WATCHDOG, 'sh', `:${n}`, `${width}x${height}x24`, String(process.pid)], { stdio: 'ignore' });
    watchdog.unref();
    for (let i = 0; i < 100 && watchdog.exitCode === null; i++) {
      if (existsSync(`/tmp/.X11-unix/X${n}`)) return { display: `:${n}` };
      await sleep(50);
    }
  }
  throw new Error('Could not start Xvfb (is the xvfb package installed?)');
}

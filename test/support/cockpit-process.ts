// Runs the built `cockpit` CLI as a user would, collecting its stdout lines and stderr.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '../..');

export interface CockpitProcess {
  readonly child: ChildProcess;
  readonly lines: string[];
  stderr(): string;
  waitForLines(count: number, timeoutMs: number): Promise<string[]>;
  waitForStderr(pattern: RegExp, timeoutMs: number): Promise<void>;
  exited(): Promise<number | null>;
  kill(signal: NodeJS.Signals): void;
}

export function runCockpit(args: string[], env: NodeJS.ProcessEnv = {}): CockpitProcess {
  if (!existsSync(join(ROOT, 'out/main/cli.js'))) throw new Error('Run `npm run build` before the e2e tests.');
  const child = spawn(process.execPath, [join(ROOT, 'src-main/cli/cockpit.mjs'), ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  const lines: string[] = [];
  let partial = '';
  let errors = '';
  const waiters = new Set<() => void>();
  const notify = () => waiters.forEach((w) => w());
  child.stdout!.on('data', (chunk: Buffer) => {
    const parts = (partial + chunk.toString()).split('\n');
    partial = parts.pop()!;
    lines.push(...parts.filter((l) => l.trim() !== ''));
    notify();
  });
  child.stderr!.on('data', (chunk: Buffer) => {
    errors += chunk.toString();
    notify();
  });
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => (notify(), resolve(code))));
  const until = (done: () => boolean, timeoutMs: number, what: string) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (done()) {
          waiters.delete(check);
          clearTimeout(timer);
          resolve();
        } else if (child.exitCode !== null) {
          waiters.delete(check);
          clearTimeout(timer);
          reject(new Error(`cockpit exited (${child.exitCode}) before ${what}:\n${errors}`));
        }
      };
      const timer = setTimeout(() => (waiters.delete(check), reject(new Error(`timed out waiting for ${what}:\n${errors}`))), timeoutMs);
      waiters.add(check);
      check();
    });
  return {
    child,
    lines,
    stderr: () => errors,
    waitForLines: async (count, timeoutMs) => (await until(() => lines.length >= count, timeoutMs, `${count} output lines`), lines.slice(0, count)),
    waitForStderr: (pattern, timeoutMs) => until(() => pattern.test(errors), timeoutMs, `stderr ${pattern}`),
    exited: () => exit,
    kill: (signal) => child.kill(signal),
  };
}

import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const COCKPIT_BIN = join(import.meta.dirname, '../../src-main/cli/cockpit.mjs');

export interface HeadlessProcess {
  readonly url: string;
  readonly origin: string;
  readonly token: string;
  readonly child: ChildProcess;
  readonly output: () => string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Runs the built `cockpit headless` exactly as a user would, and waits for its ready line. */
export function startHeadlessProcess(dataDir: string, extraArgs: string[] = [], env: NodeJS.ProcessEnv = {}): Promise<HeadlessProcess> {
  return startCockpitProcess(['headless', '--port', '0', '--data', dataDir, ...extraArgs], env);
}

/** Runs any `cockpit` command that serves the cockpit (`headless`, `demo`, `start`) and waits for its ready line. */
export async function startCockpitProcess(args: string[], env: NodeJS.ProcessEnv = {}): Promise<HeadlessProcess> {
  if (!existsSync(join(import.meta.dirname, '../../out/main/cli.js'))) throw new Error('Run `npm run build` before the e2e tests.');
  const child = spawn(process.execPath, [COCKPIT_BIN, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`cockpit ${args[0]} did not start:\n${output}`)), 30_000);
    child.once('exit', (code) => reject(new Error(`cockpit ${args[0]} exited with ${code}:\n${output}`)));
    child.stdout!.on('data', () => {
      const match = /Cockpit ready: (\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
  });
  child.removeAllListeners('exit');
  const parsed = new URL(url);
  return {
    url,
    origin: parsed.origin,
    token: new URLSearchParams(parsed.hash.slice(1)).get('token')!,
    child,
    output: () => output,
    stop: (signal = 'SIGTERM') =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve(child.exitCode);
        child.once('exit', (code) => resolve(code));
        child.kill(signal);
      }),
  };
}

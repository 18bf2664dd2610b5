// Shared by the robustness suites: run the built CLI to its end, raw HTTP over a socket, timing a normal request.
import { spawn } from 'node:child_process';
import { connect } from 'node:net';
import { COCKPIT_BIN } from '../../support/headless-process';

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
}

/** Runs `cockpit ARGS` to its end (or kills it after `timeoutMs`). */
export function runCli(args: string[], env: NodeJS.ProcessEnv = {}, timeoutMs = 20_000): Promise<CliRun> {
  const started = performance.now();
  const child = spawn(process.execPath, [COCKPIT_BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  return new Promise((resolve) =>
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, ms: performance.now() - started });
    }),
  );
}

/** Sends raw bytes and collects what comes back until the server closes (or `timeoutMs`). */
export function rawHttp(port: number, request: string | Buffer, timeoutMs = 3_000): Promise<{ response: string; closedByServer: boolean }> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let response = '';
    const timer = setTimeout(() => (socket.destroy(), resolve({ response, closedByServer: false })), timeoutMs);
    socket.on('data', (d) => (response += d.toString('latin1')));
    socket.on('error', () => {});
    socket.on('close', () => (clearTimeout(timer), resolve({ response, closedByServer: true })));
    socket.write(request);
  });
}

/** Milliseconds for a plain GET / to come back 200. */
export async function timedGet(origin: string): Promise<{ status: number; ms: number }> {
  const started = performance.now();
  const res = await fetch(`${origin}/`);
  await res.arrayBuffer();
  return { status: res.status, ms: performance.now() - started };
}
